import { and, desc, eq, inArray, or, isNull } from "drizzle-orm";
import { auditEvent, authority, outcomeIndicator } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { compareWithBaseline, comparableWith, latestObservation, monthsSinceGoLive, populationFor, ratePer10k, type BaselineComparison } from "../../domain/outcomes";
import { NotFoundError } from "../../errors";
import type { AuditPage } from "../audit/list-audit-events.server";
import { inTenant, type TenantScope } from "../scope.server";
import { loadAuthorityFacts, loadIndicators, toIndicator, type Indicator, type Observation, type Population } from "./facts.server";

export interface ScorecardRow {
  indicator: Indicator;
  /** The newest figure on or before the date, whatever its period. */
  newest: Observation | null;
  observationCount: number;
  comparison: BaselineComparison<Observation>;
}

export interface Scorecard {
  asOf: IsoDate;
  goLive: IsoDate | null;
  populations: Population[];
  /** The population used for rates as of the date. */
  population: Population | null;
  rows: ScorecardRow[];
}

async function goLiveOf(tx: Parameters<Parameters<typeof inTenant>[1]>[0], authorityId: string): Promise<IsoDate | null> {
  const [a] = await tx.select({ actualGoLive: authority.actualGoLive }).from(authority).where(eq(authority.id, authorityId));
  return a?.actualGoLive ?? null;
}

/** The scorecard: every indicator (national, then the authority's own) against its baseline as of a date. Six queries. */
export async function getOutcomeScorecard(scope: TenantScope, asOf: IsoDate): Promise<Scorecard> {
  return inTenant(scope, async (tx) => {
    const [indicators, facts, goLive] = await Promise.all([loadIndicators(tx, scope.authorityId), loadAuthorityFacts(tx, [scope.authorityId]), goLiveOf(tx, scope.authorityId)]);
    const populations = facts.populations.get(scope.authorityId) ?? [];
    const byIndicator = new Map<string, Observation[]>();
    for (const o of facts.observations) byIndicator.set(o.indicatorId, [...(byIndicator.get(o.indicatorId) ?? []), o]);
    const rows = indicators.map((indicator) => {
      const observations = byIndicator.get(indicator.id) ?? [];
      return {
        indicator,
        newest: latestObservation(observations, asOf),
        observationCount: observations.length,
        comparison: compareWithBaseline(indicator, observations, facts.baselines.get(`${scope.authorityId}|${indicator.id}`) ?? null, asOf, populations),
      };
    });
    return { asOf, goLive, populations, population: populationFor(populations, asOf), rows };
  });
}

export interface SeriesPoint extends Observation {
  per10k: number | null;
  monthsSinceGoLive: number | null;
  isBaseline: boolean;
  /** Compared like for like with the baseline (a flow of the same length, or any snapshot). */
  comparable: boolean;
}

/** One indicator: every figure (oldest first) with its rate and place against go-live, and the comparison. Seven queries. */
export async function getIndicatorDetail(scope: TenantScope, indicatorId: string, asOf: IsoDate) {
  return inTenant(scope, async (tx) => {
    const [row] = await tx
      .select()
      .from(outcomeIndicator)
      .where(and(eq(outcomeIndicator.id, indicatorId), or(isNull(outcomeIndicator.authorityId), eq(outcomeIndicator.authorityId, scope.authorityId))));
    if (!row) throw new NotFoundError("No such indicator");
    const indicator = toIndicator(row);
    const [facts, goLive, parent, history] = await Promise.all([
      loadAuthorityFacts(tx, [scope.authorityId], { indicatorIds: [indicator.id] }),
      goLiveOf(tx, scope.authorityId),
      indicator.parentId ? tx.select({ id: outcomeIndicator.id, name: outcomeIndicator.name }).from(outcomeIndicator).where(eq(outcomeIndicator.id, indicator.parentId)) : Promise.resolve([]),
      tx
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.authorityId, scope.authorityId), inArray(auditEvent.entityType, ["outcome-indicator"]), eq(auditEvent.entityId, indicator.id)))
        .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
        .limit(200),
    ]);
    const populations = facts.populations.get(scope.authorityId) ?? [];
    const baselineId = facts.baselines.get(`${scope.authorityId}|${indicator.id}`) ?? null;
    const comparison = compareWithBaseline(indicator, facts.observations, baselineId, asOf, populations);
    const baselineRow = facts.observations.find((o) => o.id === baselineId) ?? null;
    const comparableIds = new Set(baselineRow ? [baselineRow.id, ...comparableWith(indicator.periodType, baselineRow, facts.observations).map((o) => o.id)] : []);
    const series: SeriesPoint[] = facts.observations.map((o) => ({
      ...o,
      per10k: ratePer10k(o.value, populationFor(populations, o.periodEnd)?.population, indicator.unit),
      monthsSinceGoLive: monthsSinceGoLive(goLive, o),
      isBaseline: o.id === baselineId,
      comparable: comparableIds.has(o.id),
    }));
    const historyPage: AuditPage = { events: history.map((e) => ({ ...e, authorityName: null })), total: history.length, page: 1, pages: 1 };
    return { indicator, parent: parent[0] ?? null, goLive, populations, population: populationFor(populations, asOf), baselineId, comparison, series, history: historyPage, asOf };
  });
}
