import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client";
import { setLocalScope } from "../../db/access";
import { recordAudit, type Actor } from "./audit.server";

/**
 * What a tenant use-case is given: the authority comes from the URL, checked against the caller's
 * membership; never from a request body.
 */
export interface TenantScope {
  db: Database;
  authorityId: string;
  actor: Actor;
  now: Date;
  /**
   * The authority's data version, read once for the whole of a GET request (several kept read
   * models on one page ask for it). Absent: each read model reads it itself.
   */
  dataVersion?: () => Promise<string>;
}

/** Someone acting outside any one authority (national admin, the user themselves). */
export interface UserScope {
  db: Database;
  actor: Actor;
  now: Date;
}

/**
 * The one door to tenant data: a transaction with the authority set for it, so PostgreSQL
 * row-level security enforces the same boundary the queries do. Any scope the connection carries
 * (tests' maintenance scope) is cleared for the transaction, so the policies apply here too.
 */
export async function inTenant<T>(scope: Pick<TenantScope, "db" | "authorityId">, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return scope.db.transaction(async (tx) => {
    await enterTenant(tx, scope.authorityId);
    return fn(tx);
  });
}

/** Makes the rest of this transaction the authority's (used by inTenant, and once a new authority exists). */
export async function enterTenant(tx: Tx, authorityId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.authority_id', ${authorityId}, true), set_config('app.scope', '', true)`);
}

/**
 * The audited door to reading across authorities (national comparison, exports, the API's list):
 * first an audit event says who read what for which purpose, then a READ ONLY transaction in the
 * national scope, where the policies let every authority's rows be read and none written.
 */
export async function nationalRead<T>(db: Database, actor: Actor, purpose: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  await db.transaction(async (tx) => {
    await recordAudit(tx, actor, { authorityId: null, action: "national.read", entityType: "national", after: { purpose } });
  });
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('app.authority_id', '', true)`);
      await setLocalScope(tx, "national");
      return fn(tx);
    },
    { accessMode: "read only" },
  );
}

/**
 * Why the app may look across authorities before it knows the tenant. Each is a narrow look-up;
 * adding one is a security decision (ADR 0008).
 */
export type SystemPurpose =
  | "memberships of a user"
  | "link by token"
  | "e-mail outbox"
  | "national indicators"
  | "reminder job";

/** A transaction in the system scope, for the pre-tenant look-ups named by SystemPurpose. */
export async function asSystem<T>(db: Database, _purpose: SystemPurpose, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await setLocalScope(tx, "system");
    return fn(tx);
  });
}
