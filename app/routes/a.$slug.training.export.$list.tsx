import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireMembership } from "~/auth/guards.server";
import { csvResponse } from "~/csv.server";
import { londonDate } from "~/domain/dates";
import { asOfDate } from "~/domain/training";
import { staffFilterFrom } from "~/domain/training-progress";
import { TRAINING_EXPORTS, trainingCsv, type TrainingExport } from "~/services/training/exports.server";

/** CSV downloads of the training lists: /a/:slug/training/export/staff?team=…, …/attendance?session=… */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const list = args.params.list as TrainingExport;
  if (!TRAINING_EXPORTS.includes(list)) throw notFound();
  const search = new URL(args.request.url).searchParams;
  const today = londonDate(args.context.now());
  const asOf = asOfDate(search.get("asOf"), today);
  const uuid = (v: string | null) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);
  const csv = await trainingCsv(access.tenant, access.authority, list, {
    asOf,
    filter: staffFilterFrom(search),
    courseId: uuid(search.get("course")),
    sessionId: uuid(search.get("session")),
  });
  const dated = list.endsWith("template") ? "" : `-${asOf}`;
  return csvResponse(`${access.authority.slug}-training-${list}${dated}.csv`, csv);
}
