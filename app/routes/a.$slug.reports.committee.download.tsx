import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership, notFound } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { isTypedError, toHttpError } from "~/errors";
import { reportDownload } from "~/services/reports/downloads.server";
import { buildCommitteeUpdate } from "~/services/reports/reports.server";
import { formatSchema } from "~/schemas/routes/a.$slug.reports.committee.download.server";

/** The committee update as a Word document (`?format=docx&asOf=YYYY-MM-DD`). */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const url = new URL(args.request.url);
  const format = formatSchema.safeParse(url.searchParams.get("format") ?? "docx");
  if (!format.success) throw notFound();
  const { asOf, today } = readAsOf(args.request, args.context.now());
  try {
    const report = await buildCommitteeUpdate(access.tenant, access.authority, asOf, today);
    return await reportDownload(report, access.authority.slug, format.data, url.origin);
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}
