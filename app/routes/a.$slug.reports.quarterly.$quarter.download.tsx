import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireMembership } from "~/auth/guards.server";
import { londonDate } from "~/domain/dates";
import { parseQuarterSlug } from "~/domain/reports";
import { isTypedError, toHttpError } from "~/errors";
import { reportDownload } from "~/services/reports/downloads.server";
import { buildQuarterlyReturn } from "~/services/reports/reports.server";
import { formatSchema } from "~/schemas/routes/a.$slug.reports.quarterly.$quarter.download.server";

/** The quarterly return as a Word document (`?format=docx`) or its figures as CSV (`?format=csv`). */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const quarter = parseQuarterSlug(args.params.quarter);
  const url = new URL(args.request.url);
  const format = formatSchema.safeParse(url.searchParams.get("format"));
  if (!quarter || !format.success) throw notFound();
  try {
    const { report } = await buildQuarterlyReturn(access.tenant, access.authority, quarter, londonDate(args.context.now()));
    return await reportDownload(report, access.authority.slug, format.data, url.origin);
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}
