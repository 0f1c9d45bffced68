import type { Authority } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { CRITERION_LABELS, type CriterionKey, type Forecast } from "../../domain/readiness";
import { getReadinessDashboard } from "../readiness/dashboard.server";
import type { TenantScope } from "../scope.server";
import type { ApiResult } from "./http.server";

export interface ApiForecast {
  /** met: met now; will-meet: met on current plans on `willMeetOn`; not-on-current-plans; nothing-to-count. */
  status: Forecast["kind"];
  /** When met: since when (null when met throughout the records). */
  since: IsoDate | null;
  /** When met: the day current plans take it below the threshold, if any. */
  fallsBelowOn: IsoDate | null;
  willMeetOn: IsoDate | null;
}

export interface ApiCriterion {
  key: CriterionKey;
  label: string;
  unit: "FTE" | "people";
  numerator: number;
  denominator: number;
  /** Rounded to one decimal place; null when there is nothing to count. */
  percentage: number | null;
  threshold: number;
  met: boolean;
  shortfall: number;
  forecast: ApiForecast;
}

export interface ApiReadiness {
  authority: string;
  asOf: IsoDate;
  today: IsoDate;
  ready: boolean;
  criteria: ApiCriterion[];
  goLive: { date: IsoDate; actual: boolean; ready: boolean; criteria: Array<{ key: CriterionKey; percentage: number | null; met: boolean }> } | null;
}

function forecastOf(f: Forecast): ApiForecast {
  return {
    status: f.kind,
    since: f.kind === "met" ? f.since : null,
    fallsBelowOn: f.kind === "met" ? f.fallsBelowOn : null,
    willMeetOn: f.kind === "will-meet" ? f.on : null,
  };
}

/**
 * `GET /api/v1/authorities/:slug/readiness?asOf=`: the three go-live criteria and their forecasts,
 * taken from the readiness dashboard's own service (one source of truth).
 */
export async function getApiReadiness(scope: TenantScope, authority: Authority, input: { asOf: IsoDate; today: IsoDate }): Promise<ApiResult<ApiReadiness, ApiCriterion>> {
  const d = await getReadinessDashboard(scope, authority, input);
  const criteria = d.criteria.map(
    (c): ApiCriterion => ({
      key: c.key,
      label: CRITERION_LABELS[c.key],
      unit: c.unit,
      numerator: c.numerator,
      denominator: c.denominator,
      percentage: c.percent,
      threshold: c.threshold,
      met: c.met,
      shortfall: c.shortfall,
      forecast: forecastOf(d.forecast[c.key]),
    }),
  );
  const data: ApiReadiness = {
    authority: authority.slug,
    asOf: d.asOf,
    today: d.today,
    ready: d.ready,
    criteria,
    goLive: d.goLive ? { date: d.goLive.date, actual: d.goLive.actual, ready: d.goLive.ready, criteria: d.goLive.criteria.map((c) => ({ key: c.key, percentage: c.percent, met: c.met })) } : null,
  };
  return {
    data,
    csv: {
      filename: `${authority.slug}-readiness-${d.asOf}.csv`,
      rows: criteria,
      columns: [
        { header: "authority", value: () => authority.slug },
        { header: "as_of", value: () => d.asOf },
        { header: "criterion", value: (c) => c.key },
        { header: "label", value: (c) => c.label },
        { header: "unit", value: (c) => c.unit },
        { header: "numerator", value: (c) => c.numerator },
        { header: "denominator", value: (c) => c.denominator },
        { header: "percentage", value: (c) => c.percentage },
        { header: "threshold", value: (c) => c.threshold },
        { header: "met", value: (c) => String(c.met) },
        { header: "shortfall", value: (c) => c.shortfall },
        { header: "forecast_status", value: (c) => c.forecast.status },
        { header: "met_since", value: (c) => c.forecast.since },
        { header: "falls_below_on", value: (c) => c.forecast.fallsBelowOn },
        { header: "will_meet_on", value: (c) => c.forecast.willMeetOn },
      ],
    },
  };
}
