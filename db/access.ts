import { sql } from "drizzle-orm";
import type { DatabaseHandle, Executor } from "./client";

/**
 * Row-level security (ADR 0008): which rows a transaction may see is decided by two settings.
 * `app.authority_id` is the tenant (set by inTenant); `app.scope` names the few other paths.
 */
export type AccessScope = "national" | "system" | "maintenance";

/** Sets the scope for the current transaction only; "" clears one set for the session. */
export async function setLocalScope(tx: Executor, scope: AccessScope | ""): Promise<void> {
  await tx.execute(sql`select set_config('app.scope', ${scope}, true)`);
}

/** The role the embedded database's app connection switches to: PGlite connects as a superuser. */
export const PGLITE_APP_ROLE = "fs_app";

/**
 * Grants the app's role what it needs on what the migrations made. Run by the tables' owner after
 * migrating. The audit trail stays append-only for it: no UPDATE, DELETE or TRUNCATE.
 */
export async function grantAppRole(owner: Executor, role: string): Promise<void> {
  const r = sql.identifier(role);
  await owner.execute(sql`grant usage on schema public to ${r}`);
  await owner.execute(sql`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await owner.execute(sql`revoke update, delete, truncate on audit_event from ${r}`);
  await owner.execute(sql`grant usage, select on all sequences in schema public to ${r}`);
}

/**
 * PGlite: makes the connection's role the non-superuser app role, so row-level security applies.
 * A superuser bypasses it. The session user could RESET ROLE; the app never does (ADR 0008).
 */
export async function becomePgliteAppRole(db: Executor): Promise<void> {
  const exists = await db.execute(sql`select 1 from pg_roles where rolname = ${PGLITE_APP_ROLE}`);
  if (rowsOf(exists).length === 0) await db.execute(sql`create role ${sql.identifier(PGLITE_APP_ROLE)} nologin`);
  await grantAppRole(db, PGLITE_APP_ROLE);
  // PGlite has no autovacuum, so no planner statistics unless asked: without them the policies'
  // conditions are guessed so selective that a national read of every booking was planned as a
  // nested loop (minutes at 150 authorities instead of seconds). Refreshed at each start, while
  // still the owner (ANALYZE needs it); seconds even at national scale.
  await db.execute(sql`analyze`);
  await db.execute(sql`set role ${sql.identifier(PGLITE_APP_ROLE)}`);
}

/**
 * After migrations and seeding, before serving: from here on the app is held by row-level
 * security, or it does not start. PGlite switches to the app role; PostgreSQL must already be it.
 */
export async function enterAppRole(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") await becomePgliteAppRole(handle.db);
  await assertAppRole(handle.db);
}

export class UnsafeDatabaseRoleError extends Error {}

/**
 * Refuses to run the app as a role that row-level security would not hold: a superuser, a role
 * with BYPASSRLS, or the owner of tables (an owner can drop or alter the policies).
 */
export async function assertAppRole(db: Executor): Promise<void> {
  const [role] = rowsOf<{ name: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
    await db.execute(sql`
      select r.rolname as name, r.rolsuper, r.rolbypassrls,
             (select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owned
        from pg_roles r where r.rolname = current_user`),
  );
  const problems = [
    role.rolsuper && "is a superuser",
    role.rolbypassrls && "has BYPASSRLS",
    role.owned > 0 && `owns ${role.owned} table(s) in the public schema`,
  ].filter(Boolean);
  if (problems.length) {
    throw new UnsafeDatabaseRoleError(
      `Refusing to start: the database role "${role.name}" ${problems.join(", ")}, so row-level security would not hold. ` +
        "Connect the app (DATABASE_URL) as a plain role, and run migrations as the tables' owner (MIGRATION_DATABASE_URL).",
    );
  }
}

/** Rows of db.execute: postgres-js returns an array, PGlite an object with `rows`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
