import { and, asc, eq, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { authority, childPopulation, outcomeBaseline, outcomeIndicator, outcomeObservation, type OutcomeIndicator, type OutcomeObservation } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import type { Direction, OutcomeUnit, PeriodType, PopulationFacts } from "../../domain/outcomes";

/** An indicator as the pages and the comparison use it. */
export interface Indicator {
  id: string;
  key: string | null;
  /** Null: national. */
  authorityId: string | null;
  name: string;
  description: string | null;
  unit: OutcomeUnit;
  periodType: PeriodType;
  direction: Direction;
  parentId: string | null;
  sortOrder: number;
  version: number;
}

export interface Observation {
  id: string;
  authorityId: string;
  indicatorId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
  source: string | null;
  notes: string | null;
  version: number;
}

export interface Population extends PopulationFacts {
  source: string;
  illustrative: boolean;
  /** False: the figure recorded with the authority's details (no year or source given). */
  recorded: boolean;
}

export function toIndicator(r: OutcomeIndicator): Indicator {
  return {
    id: r.id,
    key: r.key,
    authorityId: r.authorityId,
    name: r.name,
    description: r.description,
    unit: r.unit as OutcomeUnit,
    periodType: r.periodType as PeriodType,
    direction: r.direction as Direction,
    parentId: r.parentId,
    sortOrder: r.sortOrder,
    version: r.version,
  };
}

export function toObservation(r: OutcomeObservation): Observation {
  return { id: r.id, authorityId: r.authorityId, indicatorId: r.indicatorId, periodStart: r.periodStart, periodEnd: r.periodEnd, value: Number(r.value), source: r.source, notes: r.notes, version: r.version };
}

/** National indicators, plus one authority's own when given; national first, each in its order. */
export async function loadIndicators(tx: Executor, authorityId: string | null): Promise<Indicator[]> {
  const rows = await tx
    .select()
    .from(outcomeIndicator)
    .where(authorityId ? or(isNull(outcomeIndicator.authorityId), eq(outcomeIndicator.authorityId, authorityId)) : isNull(outcomeIndicator.authorityId))
    .orderBy(asc(outcomeIndicator.sortOrder), asc(outcomeIndicator.name));
  return rows.map(toIndicator).sort((a, b) => Number(a.authorityId !== null) - Number(b.authorityId !== null));
}

/**
 * Observations, baselines and child populations of a set of authorities, in a fixed number of
 * queries (four) however many authorities and figures there are.
 */
export async function loadAuthorityFacts(
  tx: Executor,
  authorityIds: string[],
  options: { asOf?: IsoDate; indicatorIds?: string[] } = {},
): Promise<{ observations: Observation[]; baselines: Map<string, string>; populations: Map<string, Population[]> }> {
  if (authorityIds.length === 0) return { observations: [], baselines: new Map(), populations: new Map() };
  const where: SQL[] = [inArray(outcomeObservation.authorityId, authorityIds)];
  if (options.asOf) where.push(lte(outcomeObservation.periodEnd, options.asOf));
  if (options.indicatorIds) where.push(inArray(outcomeObservation.indicatorId, options.indicatorIds.length ? options.indicatorIds : ["00000000-0000-0000-0000-000000000000"]));
  const [observations, baselines, populations, recorded] = await Promise.all([
    tx
      .select()
      .from(outcomeObservation)
      .where(and(...where))
      .orderBy(asc(outcomeObservation.periodEnd), asc(outcomeObservation.periodStart)),
    tx
      .select({ authorityId: outcomeBaseline.authorityId, indicatorId: outcomeBaseline.indicatorId, observationId: outcomeBaseline.observationId })
      .from(outcomeBaseline)
      .where(inArray(outcomeBaseline.authorityId, authorityIds)),
    tx.select().from(childPopulation).where(inArray(childPopulation.authorityId, authorityIds)).orderBy(asc(childPopulation.year)),
    tx.select({ id: authority.id, childPopulation: authority.childPopulation }).from(authority).where(inArray(authority.id, authorityIds)),
  ]);
  const byAuthority = new Map<string, Population[]>();
  for (const p of populations) {
    const list = byAuthority.get(p.authorityId) ?? [];
    list.push({ year: p.year, population: p.population, source: p.source, illustrative: p.illustrative, recorded: true });
    byAuthority.set(p.authorityId, list);
  }
  // No yearly figure recorded: the one given with the authority's details, for any year.
  for (const a of recorded) {
    if (!byAuthority.has(a.id) && a.childPopulation) byAuthority.set(a.id, [{ year: 0, population: a.childPopulation, source: "The child population recorded with the authority's details", illustrative: false, recorded: false }]);
  }
  return {
    observations: observations.map(toObservation),
    baselines: new Map(baselines.map((b) => [`${b.authorityId}|${b.indicatorId}`, b.observationId])),
    populations: byAuthority,
  };
}
