import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../../db/client";
import { ConflictError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import type { TenantScope } from "../scope.server";

/**
 * The writes every funding table shares: a tenant row found only within the caller's authority,
 * created, changed only at the version the form was loaded with (else a conflict, never a silent
 * overwrite) or deleted likewise, each with its audit row in the same transaction.
 */
type Versioned = PgTable & { id: PgColumn; authorityId: PgColumn; version: PgColumn; updatedAt: PgColumn };
type Row<T extends Versioned> = T["$inferSelect"] & { id: string; version: number };
// Drizzle cannot type a write to a table chosen at run time; the callers' own types guard the values.
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RowSpec<T extends Versioned> {
  table: T;
  /** The audit entity type, e.g. "funding_stream". */
  entityType: string;
  /** "Funding stream": for not-found and conflict messages. */
  what: string;
}

/** What the audit trail keeps of a row: everything but the tenant and the timestamps. */
function auditable(row: Record<string, unknown>) {
  const { authorityId: _a, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export function conflict(what: string) {
  return new ConflictError(`${what} was changed by someone else after you opened this page. Check it and try again.`);
}

/** A row of the caller's authority; with `parent`, only one that belongs to that parent (a stream's spend, a post's cost). */
export async function findRow<T extends Versioned>(tx: Tx, scope: TenantScope, spec: RowSpec<T>, id: string, parent?: { key: keyof Row<T> & string; id: string }): Promise<Row<T>> {
  const [row] = await (tx as Loose)
    .select()
    .from(spec.table)
    .where(and(eq(spec.table.id, id), eq(spec.table.authorityId, scope.authorityId)))
    .limit(1);
  if (!row || (parent && row[parent.key] !== parent.id)) throw new NotFoundError(`${spec.what} not found`);
  return row;
}

export async function insertRow<T extends Versioned>(tx: Tx, scope: TenantScope, spec: RowSpec<T>, values: Omit<T["$inferInsert"], "authorityId">): Promise<Row<T>> {
  const [row] = await (tx as Loose)
    .insert(spec.table)
    .values({ ...values, authorityId: scope.authorityId })
    .returning();
  await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: `${spec.entityType}.created`, entityType: spec.entityType, entityId: row.id, after: auditable(row) });
  return row;
}

export async function updateRow<T extends Versioned>(tx: Tx, scope: TenantScope, spec: RowSpec<T>, before: Row<T>, version: number, values: Partial<T["$inferInsert"]>): Promise<Row<T>> {
  if (before.version !== version) throw conflict(spec.what);
  const [after] = await (tx as Loose)
    .update(spec.table)
    .set({ ...values, version: sql`${spec.table.version} + 1`, updatedAt: scope.now })
    .where(and(eq(spec.table.id, before.id), eq(spec.table.authorityId, scope.authorityId), eq(spec.table.version, version)))
    .returning();
  if (!after) throw conflict(spec.what);
  await recordAudit(tx, scope.actor, {
    authorityId: scope.authorityId,
    action: `${spec.entityType}.updated`,
    entityType: spec.entityType,
    entityId: before.id,
    before: auditable(before),
    after: auditable(after),
  });
  return after;
}

export async function deleteRow<T extends Versioned>(tx: Tx, scope: TenantScope, spec: RowSpec<T>, before: Row<T>, version: number): Promise<void> {
  if (before.version !== version) throw conflict(spec.what);
  const deleted = await (tx as Loose)
    .delete(spec.table)
    .where(and(eq(spec.table.id, before.id), eq(spec.table.authorityId, scope.authorityId), eq(spec.table.version, version)))
    .returning({ id: spec.table.id });
  if (deleted.length === 0) throw conflict(spec.what);
  await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: `${spec.entityType}.deleted`, entityType: spec.entityType, entityId: before.id, before: auditable(before) });
}

/**
 * A row that is one of a kind (the authority's settings, a role's cost): created when there is
 * none and the form had none (`version` null), else changed at the form's version.
 */
export async function upsertRow<T extends Versioned>(
  tx: Tx,
  scope: TenantScope,
  spec: RowSpec<T>,
  existing: Row<T> | undefined,
  version: number | null,
  values: Omit<T["$inferInsert"], "authorityId">,
): Promise<Row<T>> {
  if (!existing) {
    if (version !== null) throw conflict(spec.what);
    return insertRow(tx, scope, spec, values);
  }
  if (version === null) throw conflict(spec.what);
  return updateRow(tx, scope, spec, existing, version, values as Partial<T["$inferInsert"]>);
}
