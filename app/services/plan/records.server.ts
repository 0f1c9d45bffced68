import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../../db/client";
import { auditEvent, hub, milestone, raidItem, workstream } from "../../../db/schema";
import { londonDate, type IsoDate } from "../../domain/dates";
import { changedFields } from "../../domain/plan";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import type { AuditPage } from "../audit/list-audit-events.server";
import { recordAudit } from "../audit.server";
import type { TenantScope } from "../scope.server";

/** The plan's editable tables and how the audit trail names their rows. */
const ENTITIES = {
  workstream: { table: workstream, type: "workstream", what: "workstream" },
  milestone: { table: milestone, type: "milestone", what: "milestone" },
  hub: { table: hub, type: "hub", what: "hub" },
  raid: { table: raidItem, type: "raid-item", what: "risk or issue" },
} as const;
export type PlanEntity = keyof typeof ENTITIES;
type Row<E extends PlanEntity> = (typeof ENTITIES)[E]["table"]["$inferSelect"];

/** One of the authority's rows, or NotFoundError: an id from another authority is not found. */
export async function findOwned<E extends PlanEntity>(tx: Executor, scope: Pick<TenantScope, "authorityId">, entity: E, id: string): Promise<Row<E>> {
  const { table, what } = ENTITIES[entity];
  const [row] = await tx
    .select()
    .from(table as typeof workstream)
    .where(and(eq(table.id, id), eq(table.authorityId, scope.authorityId)))
    .limit(1);
  if (!row) throw new NotFoundError(`No such ${what}`);
  return row as Row<E>;
}

/**
 * Saves the changed fields of a row loaded at `version` (optimistic locking) and records them,
 * before and after, in the audit trail, in the caller's transaction. Nothing changed: no write.
 */
export async function saveVersioned<E extends PlanEntity>(
  tx: Tx,
  scope: TenantScope,
  entity: E,
  before: Row<E>,
  version: number,
  next: Partial<Row<E>>,
  action = `${ENTITIES[entity].type}.updated`,
): Promise<void> {
  const { table, type, what } = ENTITIES[entity];
  if (before.version !== version)
    throw new ConflictError(`Someone else changed this ${what} after you opened it. Your changes are kept in the form: check them and save again to replace theirs.`);
  const diff = changedFields(before as Record<string, unknown>, next as Record<string, unknown>);
  if (!diff) return;
  const t = table as typeof workstream;
  const updated = await tx
    .update(t)
    .set({ ...(diff.after as object), version: sql`${t.version} + 1`, updatedAt: scope.now })
    .where(and(eq(t.id, before.id), eq(t.authorityId, scope.authorityId), eq(t.version, version)))
    .returning({ id: t.id });
  if (!updated.length) throw new ConflictError();
  await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action, entityType: type, entityId: before.id, before: diff.before, after: diff.after });
}

/** Records the creation of a row with the values it was created with. */
export async function auditCreated(tx: Tx, scope: TenantScope, entity: PlanEntity, id: string, values: Record<string, unknown>): Promise<void> {
  const { type } = ENTITIES[entity];
  await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: `${type}.created`, entityType: type, entityId: id, after: values });
}

/**
 * Dates of things that have happened (done, opened, raised, closed) cannot be in the future:
 * a plan records them once they happen, and plans the rest with due and forecast dates.
 */
export function refuseFutureDates(scope: Pick<TenantScope, "now">, dates: Record<string, { value: IsoDate | null; label: string }>): void {
  const today = londonDate(scope.now);
  const errors: Record<string, string> = {};
  for (const [field, { value, label }] of Object.entries(dates)) if (value && value > today) errors[field] = `${label} cannot be in the future`;
  if (Object.keys(errors).length) throw new InvalidError("Some dates are in the future", errors);
}

/**
 * A row's history from the audit trail, newest first: every change to it, who made it and when,
 * before and after. One query; shaped as an audit page so the audit components can show it.
 */
export async function entityHistory(tx: Executor, scope: Pick<TenantScope, "authorityId">, entity: PlanEntity, id: string): Promise<AuditPage> {
  const events = await tx
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.authorityId, scope.authorityId), eq(auditEvent.entityType, ENTITIES[entity].type), eq(auditEvent.entityId, id)))
    .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
    .limit(500);
  return { events: events.map((e) => ({ ...e, authorityName: null })), total: events.length, page: 1, pages: 1 };
}
