import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { csvResponse, toCsv } from "~/csv.server";
import { HUB_STATUS_LABELS, MILESTONE_STATUS_LABELS, RAID_KINDS, RATING_BANDS } from "~/domain/plan";
import { getPlanExport } from "~/services/plan/plan-views.server";
import { tableSchema } from "~/schemas/routes/a.$slug.plan.export.server";

/** CSV downloads of the milestones, the hubs and the RAID register, with statuses at the as-of date. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const table = tableSchema.safeParse(new URL(args.request.url).searchParams.get("table"));
  if (!table.success) throw notFound();
  const { asOf } = readAsOf(args.request, args.context.now());
  const file = (what: string, csv: string) => csvResponse(`${access.authority.slug}-${what}-${asOf}.csv`, csv);
  const x = await getPlanExport(access.tenant, asOf);
  switch (table.data) {
    case "milestones":
      return file(
        "milestones",
        toCsv(x.milestones, [
          { header: "Workstream", value: (m) => m.workstream },
          { header: "Milestone", value: (m) => m.title },
          { header: "Owner", value: (m) => m.owner },
          { header: "Due date", value: (m) => m.dueDate },
          { header: "Baseline due date", value: (m) => m.baselineDueDate },
          { header: "Done on", value: (m) => m.doneBy },
          { header: "Status", value: (m) => MILESTONE_STATUS_LABELS[m.status] },
          { header: "Slippage (days)", value: (m) => m.slippageDays },
          { header: "Days overdue", value: (m) => m.daysOverdue },
          { header: "Notes", value: (m) => m.notes },
        ]),
      );
    case "hubs":
      return file(
        "hubs",
        toCsv(x.hubs, [
          { header: "Hub", value: (h) => h.name },
          { header: "Locality", value: (h) => h.locality },
          { header: "Planned opening", value: (h) => h.plannedOpening },
          { header: "Forecast opening", value: (h) => h.forecastOpening },
          { header: "Actual opening", value: (h) => h.actualOpening },
          { header: "Status", value: (h) => HUB_STATUS_LABELS[h.status] },
          { header: "Slippage (days)", value: (h) => h.slippageDays },
          { header: "Co-located services", value: (h) => h.coLocatedServices.join("; ") },
          { header: "Notes", value: (h) => h.notes },
        ]),
      );
    default:
      return file(
        "risks-and-issues",
        toCsv(x.raid, [
          { header: "Reference", value: (i) => i.reference },
          { header: "Kind", value: (i) => RAID_KINDS[i.kind] },
          { header: "Title", value: (i) => i.title },
          { header: "Description", value: (i) => i.description },
          { header: "Owner", value: (i) => i.owner },
          { header: "Likelihood", value: (i) => i.likelihood },
          { header: "Impact", value: (i) => i.impact },
          { header: "Score", value: (i) => i.score },
          { header: "Rating", value: (i) => RATING_BANDS[i.rating].label },
          { header: "Mitigation or action", value: (i) => i.mitigation },
          { header: "Status", value: (i) => i.statusLabel },
          { header: "Raised on", value: (i) => i.raisedOn },
          { header: "Review date", value: (i) => i.reviewDate },
          { header: "Review overdue", value: (i) => (i.reviewOverdue ? "yes" : "no") },
          { header: "Closed on", value: (i) => i.closedOn },
        ]),
      );
  }
}
