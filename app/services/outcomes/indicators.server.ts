import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { outcomeIndicator } from "../../../db/schema";
import type { Direction, OutcomeUnit, PeriodType } from "../../domain/outcomes";
import { InvalidError } from "../../errors";
import { recordAudit } from "../audit.server";
import { asSystem, inTenant, type TenantScope, type UserScope } from "../scope.server";
import { loadIndicators, toIndicator, type Indicator } from "./facts.server";

export interface IndicatorInput {
  name: string;
  description: string | null;
  unit: OutcomeUnit;
  periodType: PeriodType;
  direction: Direction;
}

const DUPLICATE = "An indicator with this name already exists: use it, or choose another name";

/** Names are unique among the indicators an authority sees (national and its own), whatever the case. */
async function refuseDuplicateName(tx: Executor, name: string, authorityId: string | null) {
  const visible = authorityId ? or(isNull(outcomeIndicator.authorityId), eq(outcomeIndicator.authorityId, authorityId)) : sql`true`;
  const [clash] = await tx
    .select({ id: outcomeIndicator.id })
    .from(outcomeIndicator)
    .where(and(visible, sql`lower(${outcomeIndicator.name}) = lower(${name})`))
    .limit(1);
  if (clash) throw new InvalidError(DUPLICATE, { name: DUPLICATE });
}

async function nextSortOrder(tx: Executor): Promise<number> {
  const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${outcomeIndicator.sortOrder}), 0)::int + 10` }).from(outcomeIndicator);
  return next;
}

/** An authority's own (custom) indicator. */
export async function createCustomIndicator(scope: TenantScope, input: IndicatorInput): Promise<Indicator> {
  return inTenant(scope, async (tx) => {
    await refuseDuplicateName(tx, input.name, scope.authorityId);
    const [row] = await tx
      .insert(outcomeIndicator)
      .values({ authorityId: scope.authorityId, ...input, sortOrder: await nextSortOrder(tx) })
      .returning();
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "outcome-indicator.created", entityType: "outcome-indicator", entityId: row.id, after: input });
    return toIndicator(row);
  });
}

function keyFor(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** A national indicator (national admins): every authority's scorecard gets it. Its key comes from its name. */
export async function createNationalIndicator(scope: UserScope, input: IndicatorInput): Promise<Indicator> {
  // Shared by every authority, so outside any one tenant: the named system path.
  return asSystem(scope.db, "national indicators", async (tx) => {
    await refuseDuplicateName(tx, input.name, null);
    const base = keyFor(input.name) || "indicator";
    const [taken] = await tx.select({ id: outcomeIndicator.id }).from(outcomeIndicator).where(eq(outcomeIndicator.key, base));
    const key = taken ? `${base}-${Date.now().toString(36)}` : base;
    const [row] = await tx
      .insert(outcomeIndicator)
      .values({ authorityId: null, key, ...input, sortOrder: await nextSortOrder(tx) })
      .returning();
    await recordAudit(tx, scope.actor, { authorityId: null, action: "outcome-indicator.created", entityType: "outcome-indicator", entityId: row.id, after: { key, ...input } });
    return toIndicator(row);
  });
}

/** The national indicators, in order. */
export async function listNationalIndicators(db: Executor): Promise<Indicator[]> {
  return loadIndicators(db, null);
}

/** The indicators an authority can import figures for: key, name and how each is counted. */
export async function listIndicatorKeys(scope: TenantScope) {
  return inTenant(scope, async (tx) => (await loadIndicators(tx, scope.authorityId)).map((i) => ({ id: i.id, key: i.key, name: i.name, periodType: i.periodType })));
}
