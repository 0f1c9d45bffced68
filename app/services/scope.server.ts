import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client";
import type { Actor } from "./audit.server";

/**
 * What a tenant use-case is given: the authority comes from the URL, checked against the caller's
 * membership; never from a request body.
 */
export interface TenantScope {
  db: Database;
  authorityId: string;
  actor: Actor;
  now: Date;
}

/** Someone acting outside any one authority (national admin, the user themselves). */
export interface UserScope {
  db: Database;
  actor: Actor;
  now: Date;
}

/**
 * The one door to tenant data: a transaction with the authority set for it, so PostgreSQL
 * row-level security can enforce the same boundary the queries do.
 */
export async function inTenant<T>(scope: Pick<TenantScope, "db" | "authorityId">, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return scope.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.authority_id', ${scope.authorityId}, true)`);
    return fn(tx);
  });
}
