import type { Authority } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { getOutcomeScorecard } from "../outcomes/scorecard.server";
import type { TenantScope } from "../scope.server";
import type { ApiResult } from "./http.server";

/** One indicator against its baseline: the scorecard's row (aggregate counts, never child records). */
export interface ApiOutcomeIndicator {
  id: string;
  /** The national catalogue's key (e.g. cp-plans); null for the authority's own indicators. */
  key: string | null;
  name: string;
  unit: string;
  periodType: "snapshot" | "flow";
  direction: "lower" | "higher";
  national: boolean;
  baselinePeriodStart: IsoDate | null;
  baselinePeriodEnd: IsoDate | null;
  baselineValue: number | null;
  latestPeriodStart: IsoDate | null;
  latestPeriodEnd: IsoDate | null;
  latestValue: number | null;
  change: number | null;
  /** Percent of the baseline, one decimal place. */
  changePercent: number | null;
  baselinePer10k: number | null;
  latestPer10k: number | null;
  changePer10k: number | null;
  assessment: "improving" | "worsening" | "no change" | null;
}

export interface ApiOutcomes {
  authority: string;
  asOf: IsoDate;
  goLive: IsoDate | null;
  childPopulation: number | null;
  indicators: ApiOutcomeIndicator[];
}

const round = (n: number | null, places: number) => (n === null ? null : Number(n.toFixed(places)));

/**
 * `GET /api/v1/authorities/:slug/outcomes?asOf=`: every indicator against its baseline, the
 * figures of the outcomes scorecard (same service, same comparison rules).
 */
export async function getApiOutcomes(scope: TenantScope, authority: Authority, asOf: IsoDate): Promise<ApiResult<ApiOutcomes, ApiOutcomeIndicator>> {
  const card = await getOutcomeScorecard(scope, asOf);
  const indicators = card.rows.map(({ indicator, comparison: c }): ApiOutcomeIndicator => ({
    id: indicator.id,
    key: indicator.key,
    name: indicator.name,
    unit: indicator.unit,
    periodType: indicator.periodType,
    direction: indicator.direction,
    national: indicator.authorityId === null,
    baselinePeriodStart: c.baseline?.periodStart ?? null,
    baselinePeriodEnd: c.baseline?.periodEnd ?? null,
    baselineValue: c.baseline?.value ?? null,
    latestPeriodStart: c.latest?.periodStart ?? null,
    latestPeriodEnd: c.latest?.periodEnd ?? null,
    latestValue: c.latest?.value ?? null,
    change: c.change,
    changePercent: round(c.changePercent, 1),
    baselinePer10k: round(c.baselinePer10k, 1),
    latestPer10k: round(c.latestPer10k, 1),
    changePer10k: round(c.changePer10k, 1),
    assessment: c.assessment,
  }));
  return {
    data: { authority: authority.slug, asOf, goLive: card.goLive, childPopulation: card.population?.population ?? null, indicators },
    csv: {
      filename: `${authority.slug}-outcomes-${asOf}.csv`,
      rows: indicators,
      columns: [
        { header: "authority", value: () => authority.slug },
        { header: "as_of", value: () => asOf },
        { header: "indicator_id", value: (i) => i.id },
        { header: "indicator", value: (i) => i.key },
        { header: "name", value: (i) => i.name },
        { header: "unit", value: (i) => i.unit },
        { header: "period_type", value: (i) => i.periodType },
        { header: "direction", value: (i) => i.direction },
        { header: "baseline_period_start", value: (i) => i.baselinePeriodStart },
        { header: "baseline_period_end", value: (i) => i.baselinePeriodEnd },
        { header: "baseline_value", value: (i) => i.baselineValue },
        { header: "latest_period_start", value: (i) => i.latestPeriodStart },
        { header: "latest_period_end", value: (i) => i.latestPeriodEnd },
        { header: "latest_value", value: (i) => i.latestValue },
        { header: "change", value: (i) => i.change },
        { header: "change_percent", value: (i) => i.changePercent },
        { header: "baseline_per_10k", value: (i) => i.baselinePer10k },
        { header: "latest_per_10k", value: (i) => i.latestPer10k },
        { header: "change_per_10k", value: (i) => i.changePer10k },
        { header: "assessment", value: (i) => i.assessment },
      ],
    },
  };
}
