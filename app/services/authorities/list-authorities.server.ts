import { asc, eq } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client";
import { asSystem } from "../scope.server";
import { authority, membership, type Authority } from "../../../db/schema";

/** Every authority, by name (national users): one query whatever their number. */
export async function listAuthorities(db: Executor): Promise<Authority[]> {
  return db.select().from(authority).orderBy(asc(authority.name));
}

/** The authorities a person can open: all of them for national roles, else their memberships. */
export async function listAuthoritiesFor(db: Database, user: { id: string; national: boolean }): Promise<Array<Authority & { role: string | null }>> {
  if (user.national) return (await listAuthorities(db)).map((a) => ({ ...a, role: null }));
  // A person's memberships span authorities: read before any one tenant is chosen.
  const rows = await asSystem(db, "memberships of a user", (tx) => tx
    .select({ authority, role: membership.role })
    .from(membership)
    .innerJoin(authority, eq(authority.id, membership.authorityId))
    .where(eq(membership.userId, user.id))
    .orderBy(asc(authority.name)));
  return rows.map((r) => ({ ...r.authority, role: r.role }));
}

/** Every authority's id, by name: what the national pages need before they read their rows. One query. */
export async function listAuthorityIds(db: Executor): Promise<string[]> {
  return (await db.select({ id: authority.id }).from(authority).orderBy(asc(authority.name))).map((a) => a.id);
}
