import { and, asc, eq, sql } from "drizzle-orm";
import { childPopulation } from "../../../db/schema";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";

export interface PopulationInput {
  year: number;
  population: number;
  source: string;
  illustrative: boolean;
}

/**
 * Records the authority's child population (0 to 17) for a year, or replaces that year's figure.
 * Audited before and after.
 */
export async function savePopulation(scope: TenantScope, input: PopulationInput): Promise<void> {
  await inTenant(scope, async (tx) => {
    const [before] = await tx
      .select()
      .from(childPopulation)
      .where(and(eq(childPopulation.authorityId, scope.authorityId), eq(childPopulation.year, input.year)));
    if (before) {
      if (before.population === input.population && before.source === input.source && before.illustrative === input.illustrative) return;
      await tx
        .update(childPopulation)
        .set({ population: input.population, source: input.source, illustrative: input.illustrative, version: sql`${childPopulation.version} + 1`, updatedAt: scope.now })
        .where(eq(childPopulation.id, before.id));
      await recordAudit(tx, scope.actor, {
        authorityId: scope.authorityId,
        action: "child-population.updated",
        entityType: "child-population",
        entityId: before.id,
        before: { year: before.year, population: before.population, source: before.source, illustrative: before.illustrative },
        after: input,
      });
      return;
    }
    const [row] = await tx
      .insert(childPopulation)
      .values({ authorityId: scope.authorityId, ...input })
      .returning({ id: childPopulation.id });
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "child-population.created", entityType: "child-population", entityId: row.id, after: input });
  });
}

/** The authority's child population by year, oldest first. */
export async function listPopulations(scope: TenantScope) {
  return inTenant(scope, (tx) =>
    tx
      .select({ year: childPopulation.year, population: childPopulation.population, source: childPopulation.source, illustrative: childPopulation.illustrative })
      .from(childPopulation)
      .where(eq(childPopulation.authorityId, scope.authorityId))
      .orderBy(asc(childPopulation.year)),
  );
}
