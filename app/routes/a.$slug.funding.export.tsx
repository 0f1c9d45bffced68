import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership } from "~/auth/guards.server";
import { csvResponse, toCsv } from "~/csv.server";
import type { YearRow } from "~/domain/funding";
import { penceToInput } from "~/domain/money";
import { getFundingOverview } from "~/services/funding/funding-overview.server";
import { readFundingQuery } from "~/services/funding/query.server";

/**
 * CSV downloads of the funding figures, in pounds to the penny: `table=years` (the year table of
 * `view`, financial or academic) or `table=months` (every month, with each stream's grant).
 */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { view, asOf } = readFundingQuery(args.request, args.context.now());
  const table = new URL(args.request.url).searchParams.get("table") === "months" ? "months" : "years";
  const { facts, overview } = await getFundingOverview(access.tenant, asOf);
  const money = (pence: number) => penceToInput(pence);
  const name = `${access.authority.slug}-funding`;
  const figures = [
    { header: "Cost (£)", value: (r: YearRow) => money(r.cost) },
    { header: "Grant (£)", value: (r: YearRow) => money(r.grant) },
    { header: "Shortfall (£)", value: (r: YearRow) => money(r.shortfall) },
  ];
  if (table === "months") {
    const paying = overview.model.streams;
    return csvResponse(
      `${name}-months-${asOf}.csv`,
      toCsv(overview.model.months, [
        { header: "Month", value: (m) => m.month.slice(0, 7) },
        { header: "Financial year", value: (m) => m.financialYear },
        { header: "Academic year", value: (m) => m.academicYear },
        { header: "Cost (£)", value: (m) => money(m.cost) },
        { header: "Grant (£)", value: (m) => money(m.grant) },
        ...paying.map((s) => ({ header: `of which ${s.name} (£)`, value: (m: (typeof overview.model.months)[number]) => money(m.byStream[s.id] ?? 0) })),
        { header: "Shortfall (£)", value: (m) => money(m.shortfall) },
      ]),
    );
  }
  if (view === "academic") {
    return csvResponse(
      `${name}-academic-years-${asOf}.csv`,
      toCsv(overview.academicYears, [
        { header: "Academic year", value: (r) => r.label },
        ...figures,
      ]),
    );
  }
  const reported = new Map(overview.reported.filter((r) => r.measure === "shortfall").map((r) => [r.label, r.amountPence]));
  return csvResponse(
    `${name}-financial-years-${asOf}.csv`,
    toCsv(overview.financialYears, [
      { header: "Financial year", value: (r) => r.label },
      ...figures,
      { header: "Agreed contributions (£)", value: (r) => money(r.agreed) },
      { header: "Proposed contributions (£)", value: (r) => money(r.proposed) },
      { header: "Remaining gap (£)", value: (r) => money(r.remainingGap) },
      { header: "Not covered even if proposed are agreed (£)", value: (r) => money(r.notCovered) },
      { header: "Reported shortfall (£)", value: (r) => (reported.has(r.label) ? money(reported.get(r.label)!) : "") },
      { header: "Cost basis", value: () => facts.settings.costBasis },
    ]),
  );
}
