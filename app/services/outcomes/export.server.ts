import type { CsvColumn } from "../../csv.server";
import { inTenant, type TenantScope } from "../scope.server";
import { loadAuthorityFacts, loadIndicators } from "./facts.server";

export interface FigureCsvRow {
  indicator: string;
  indicatorName: string;
  periodType: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  source: string | null;
  notes: string | null;
  baseline: boolean;
}

/** The columns of the export; the import reads the same file back (extra columns are ignored). */
export const FIGURE_CSV_COLUMNS: CsvColumn<FigureCsvRow>[] = [
  { header: "indicator", value: (r) => r.indicator },
  { header: "indicator_name", value: (r) => r.indicatorName },
  { header: "period_type", value: (r) => r.periodType },
  { header: "unit", value: (r) => r.unit },
  { header: "period_start", value: (r) => r.periodStart },
  { header: "period_end", value: (r) => r.periodEnd },
  { header: "value", value: (r) => r.value },
  { header: "source", value: (r) => r.source },
  { header: "notes", value: (r) => r.notes },
  { header: "baseline", value: (r) => (r.baseline ? "yes" : "no") },
];

/** Every figure the authority has recorded, indicator by indicator, oldest first. Five queries. */
export async function exportFigures(scope: TenantScope): Promise<FigureCsvRow[]> {
  return inTenant(scope, async (tx) => {
    const [indicators, facts] = await Promise.all([loadIndicators(tx, scope.authorityId), loadAuthorityFacts(tx, [scope.authorityId])]);
    const order = new Map(indicators.map((i, n) => [i.id, n]));
    const byId = new Map(indicators.map((i) => [i.id, i]));
    return [...facts.observations]
      .sort((a, b) => (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0) || a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart))
      .map((o) => {
        const i = byId.get(o.indicatorId)!;
        return {
          indicator: i.key ?? i.name,
          indicatorName: i.name,
          periodType: i.periodType,
          unit: i.unit,
          periodStart: o.periodStart,
          periodEnd: o.periodEnd,
          value: o.value,
          source: o.source,
          notes: o.notes,
          baseline: facts.baselines.get(`${scope.authorityId}|${i.id}`) === o.id,
        };
      });
  });
}
