import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { childPopulation, outcomeBaseline, outcomeIndicator, outcomeObservation, type ChildPopulation, type OutcomeIndicator, type OutcomeObservation } from "../../db/schema";

/** A national indicator by its key (seeded by the outcomes migration). */
export async function nationalIndicator(db: Executor, key: string): Promise<OutcomeIndicator> {
  const [row] = await db
    .select()
    .from(outcomeIndicator)
    .where(and(eq(outcomeIndicator.key, key), isNull(outcomeIndicator.authorityId)));
  if (!row) throw new Error(`No national indicator "${key}"`);
  return row;
}

export async function createCustomIndicator(db: Executor, authorityId: string, overrides: Partial<typeof outcomeIndicator.$inferInsert> = {}): Promise<OutcomeIndicator> {
  const [row] = await db
    .insert(outcomeIndicator)
    .values({ authorityId, name: `Indicator ${Math.random().toString(36).slice(2, 8)}`, unit: "count", periodType: "snapshot", direction: "lower", sortOrder: 1000, ...overrides })
    .returning();
  return row;
}

/** An observation; a snapshot needs only `periodEnd` (its date). */
export async function createObservation(
  db: Executor,
  authorityId: string,
  indicatorId: string,
  values: { periodStart?: string; periodEnd: string; value: number; source?: string | null; notes?: string | null },
): Promise<OutcomeObservation> {
  const [row] = await db
    .insert(outcomeObservation)
    .values({ authorityId, indicatorId, periodStart: values.periodStart ?? values.periodEnd, periodEnd: values.periodEnd, value: values.value, source: values.source ?? null, notes: values.notes ?? null })
    .returning();
  return row;
}

export async function setBaselineRow(db: Executor, observation: Pick<OutcomeObservation, "id" | "authorityId" | "indicatorId">): Promise<void> {
  await db
    .insert(outcomeBaseline)
    .values({ authorityId: observation.authorityId, indicatorId: observation.indicatorId, observationId: observation.id })
    .onConflictDoUpdate({ target: [outcomeBaseline.authorityId, outcomeBaseline.indicatorId], set: { observationId: observation.id } });
}

export async function createPopulation(db: Executor, authorityId: string, values: { year: number; population: number; source?: string; illustrative?: boolean }): Promise<ChildPopulation> {
  const [row] = await db
    .insert(childPopulation)
    .values({ authorityId, year: values.year, population: values.population, source: values.source ?? "A test figure", illustrative: values.illustrative ?? true })
    .returning();
  return row;
}
