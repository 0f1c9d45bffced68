import type { Executor } from "../../../db/client";
import type { IsoDate } from "../../domain/dates";
import { compareWithBaseline, type Assessment } from "../../domain/outcomes";
import { loadAuthorityFacts, loadIndicators, type Indicator } from "./facts.server";

export interface FigureAt {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
}

/** One authority's change on one national indicator. */
export interface OutcomeChange {
  indicatorId: string;
  indicatorKey: string;
  baseline: FigureAt | null;
  latest: FigureAt | null;
  /** latest − baseline */
  change: number | null;
  /** Percent of the baseline, unrounded (round with roundPercent for display). */
  changePercent: number | null;
  baselinePer10k: number | null;
  latestPer10k: number | null;
  /** The change in the rate per 10,000 children. */
  changePer10k: number | null;
  assessment: Assessment | null;
}

export interface AuthorityOutcomeChanges {
  authorityId: string;
  /** In the national indicators' order. */
  changes: OutcomeChange[];
}

export interface OutcomeChangesResult {
  asOf: IsoDate;
  /** The national indicators, in order. */
  indicators: Indicator[];
  /** In the order of the ids given; an unknown id has no figures. */
  authorities: AuthorityOutcomeChanges[];
}

const figure = (o: FigureAt | null): FigureAt | null => (o ? { periodStart: o.periodStart, periodEnd: o.periodEnd, value: o.value } : null);

/**
 * Each authority's change since its baseline on every national indicator, as of a date: for the
 * national comparison. Five queries whatever the number of authorities (the indicators, then the
 * observations, baselines and populations of all the authorities at once); the rules are
 * app/domain/outcomes.ts. Reads across authorities: callers must hold a national permission.
 */
export async function outcomeChangesForAuthorities(db: Executor, authorityIds: string[], asOf: IsoDate): Promise<OutcomeChangesResult> {
  const indicators = await loadIndicators(db, null);
  const facts = await loadAuthorityFacts(db, authorityIds, { asOf, indicatorIds: indicators.map((i) => i.id) });
  const byKey = new Map<string, typeof facts.observations>();
  for (const o of facts.observations) {
    const k = `${o.authorityId}|${o.indicatorId}`;
    const list = byKey.get(k) ?? [];
    list.push(o);
    byKey.set(k, list);
  }
  return {
    asOf,
    indicators,
    authorities: authorityIds.map((authorityId) => ({
      authorityId,
      changes: indicators.map((indicator) => {
        const k = `${authorityId}|${indicator.id}`;
        const c = compareWithBaseline(indicator, byKey.get(k) ?? [], facts.baselines.get(k) ?? null, asOf, facts.populations.get(authorityId) ?? []);
        return {
          indicatorId: indicator.id,
          indicatorKey: indicator.key ?? indicator.id,
          baseline: figure(c.baseline),
          latest: figure(c.latest),
          change: c.change,
          changePercent: c.changePercent,
          baselinePer10k: c.baselinePer10k,
          latestPer10k: c.latestPer10k,
          changePer10k: c.changePer10k,
          assessment: c.assessment,
        };
      }),
    })),
  };
}
