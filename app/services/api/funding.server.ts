import type { Authority } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { getFundingOverview } from "../funding/funding-overview.server";
import type { TenantScope } from "../scope.server";
import type { ApiResult } from "./http.server";

/** Money in whole pence (integers), as stored: divide by 100 for pounds. */
export interface ApiFundingYear {
  /** "2021-22": 1 April to 31 March. */
  financialYear: string;
  start: IsoDate;
  end: IsoDate;
  costPence: number;
  grantPence: number;
  /** Cost − grant. */
  shortfallPence: number;
  agreedContributionsPence: number;
  proposedContributionsPence: number;
  /** Shortfall − agreed contributions; negative when more is agreed than needed. */
  remainingGapPence: number;
  /** What is left even if every proposed contribution is agreed (never below 0). */
  notCoveredPence: number;
}

export interface ApiFunding {
  authority: string;
  asOf: IsoDate;
  currency: "GBP";
  financialYears: ApiFundingYear[];
}

/**
 * `GET /api/v1/authorities/:slug/funding?asOf=`: cost, grant and gap by financial year, the
 * figures of the funding page (same service, same model).
 */
export async function getApiFunding(scope: TenantScope, authority: Authority, asOf: IsoDate): Promise<ApiResult<ApiFunding, ApiFundingYear>> {
  const { overview } = await getFundingOverview(scope, asOf);
  const financialYears = overview.financialYears.map(
    (y): ApiFundingYear => ({
      financialYear: y.label,
      start: y.start,
      end: y.end,
      costPence: y.cost,
      grantPence: y.grant,
      shortfallPence: y.shortfall,
      agreedContributionsPence: y.agreed,
      proposedContributionsPence: y.proposed,
      remainingGapPence: y.remainingGap,
      notCoveredPence: y.notCovered,
    }),
  );
  return {
    data: { authority: authority.slug, asOf, currency: "GBP", financialYears },
    csv: {
      filename: `${authority.slug}-funding-${asOf}.csv`,
      rows: financialYears,
      columns: [
        { header: "authority", value: () => authority.slug },
        { header: "financial_year", value: (y) => y.financialYear },
        { header: "start", value: (y) => y.start },
        { header: "end", value: (y) => y.end },
        { header: "cost_pence", value: (y) => y.costPence },
        { header: "grant_pence", value: (y) => y.grantPence },
        { header: "shortfall_pence", value: (y) => y.shortfallPence },
        { header: "agreed_contributions_pence", value: (y) => y.agreedContributionsPence },
        { header: "proposed_contributions_pence", value: (y) => y.proposedContributionsPence },
        { header: "remaining_gap_pence", value: (y) => y.remainingGapPence },
        { header: "not_covered_pence", value: (y) => y.notCoveredPence },
      ],
    },
  };
}
