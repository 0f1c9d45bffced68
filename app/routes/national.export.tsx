import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireNational } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { csvResponse, toCsv } from "~/csv.server";
import { roundPercent } from "~/domain/format";
import { applyQuery, cellState, CRITERIA, CRITERION_SHORT, readComparisonQuery, STATUS_LABELS, type ComparisonRow, type CriterionCell } from "~/domain/comparison";
import { loadNationalComparison } from "~/services/national/comparison.server";
import { listAuthorityIds } from "~/services/authorities/list-authorities.server";

const percent = (c: CriterionCell | undefined) => (c && c.percent !== null ? c.percent : null);
const state = (c: CriterionCell | undefined) => (c ? { met: "met", below: "below threshold", nothing: "nothing to count" }[cellState(c)] : null);
const pounds = (pence: number | null) => (pence === null ? null : (pence / 100).toFixed(2));

/** The comparison table as CSV: exactly the rows the page shows for the same filters and sort. */
export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireNational(args, "national:read");
  const { asOf, today } = readAsOf(args.request, args.context.now());
  const query = readComparisonQuery(new URL(args.request.url).searchParams);
  const ids = await listAuthorityIds(args.context.db);
  const comparison = await loadNationalComparison(args.context.db, ids, { asOf, today, reader: { actor, purpose: "national comparison export" } });
  const rows = applyQuery(comparison.rows, query);
  const { thisYear, nextYear } = comparison.years;
  return csvResponse(
    `authorities-comparison-${asOf}.csv`,
    toCsv<ComparisonRow>(rows, [
      { header: "Authority", value: (r) => r.name },
      { header: "Slug", value: (r) => r.slug },
      { header: "Cohort", value: (r) => r.cohortLabel },
      { header: "Region", value: (r) => r.region },
      { header: "Planned go-live", value: (r) => r.plannedGoLive },
      { header: "Actual go-live", value: (r) => r.actualGoLive },
      { header: "Status", value: (r) => STATUS_LABELS[r.status] },
      ...CRITERIA.flatMap((k) => [
        { header: `${CRITERION_SHORT[k]} now (%)`, value: (r: ComparisonRow) => percent(r.now.criteria[k]) },
        { header: `${CRITERION_SHORT[k]} now`, value: (r: ComparisonRow) => state(r.now.criteria[k]) },
      ]),
      { header: "Go-live date used", value: (r) => r.goLive?.date ?? null },
      ...CRITERIA.flatMap((k) => [
        { header: `${CRITERION_SHORT[k]} at go-live (%)`, value: (r: ComparisonRow) => percent(r.goLive?.criteria[k]) },
        { header: `${CRITERION_SHORT[k]} at go-live`, value: (r: ComparisonRow) => state(r.goLive?.criteria[k]) },
      ]),
      { header: "Adult workers in post (FTE)", value: (r) => r.adultWorkers.inPost },
      { header: "Adult worker establishment (FTE)", value: (r) => r.adultWorkers.establishment },
      { header: "Charter version", value: (r) => r.charter.version },
      { header: "Partners signed", value: (r) => r.charter.signed },
      { header: "Partners", value: (r) => r.charter.partners },
      { header: "Hubs open", value: (r) => r.hubs.open },
      { header: "Hubs", value: (r) => r.hubs.total },
      { header: `Funding gap ${thisYear} (£)`, value: (r) => pounds(r.fundingGap.thisYear.pence) },
      { header: `Funding gap ${nextYear} (£)`, value: (r) => pounds(r.fundingGap.nextYear.pence) },
      ...comparison.indicators.flatMap((i) => [
        { header: `${i.name}: change per 10,000 since baseline`, value: (r: ComparisonRow) => { const v = r.outcomes[i.key]?.changePer10k ?? null; return v === null ? null : roundPercent(v, 1); } },
        { header: `${i.name}: assessment`, value: (r: ComparisonRow) => r.outcomes[i.key]?.assessment ?? null },
      ]),
    ]),
  );
}
