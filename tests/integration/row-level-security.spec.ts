import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "~/services/audit.server";
import { nationalRead } from "~/services/scope.server";
import { assertAppRole, rowsOf } from "../../db/access";
import { openDatabase, type Database, type DatabaseHandle, type Executor, type Tx } from "../../db/client";
import { auditEvent, membership, organisation } from "../../db/schema";
import { createAuthority } from "../factories/authority";
import { createPartner } from "../factories/partnership";
import { createSignedInUser } from "../factories/user";
import { testAppDatabaseUrl, useTestDatabase } from "../helpers/db";

/**
 * The second wall (ADR 0008): PostgreSQL row-level security holds the app's role to the authority
 * its transaction set, whatever the app's own queries ask for.
 */
const t = useTestDatabase();
const onPostgres = process.env.TEST_DB_KIND === "postgres";

/**
 * The app's own role with nothing set. PGlite: the tests' connection is already the app role
 * (fs_app); each transaction clears the tests' maintenance scope. PostgreSQL: a connection as the
 * app role (TEST_APP_DATABASE_URL), as the production server makes.
 */
let app: DatabaseHandle | undefined;
beforeAll(async () => {
  if (onPostgres) app = await openDatabase({ kind: "postgres", url: testAppDatabaseUrl(), maxConnections: 2 });
});
afterAll(async () => {
  await app?.close();
});
const appDb = (): Database => app?.db ?? t.db;

function asApp<T>(fn: (tx: Tx) => Promise<T>, authorityId?: string): Promise<T> {
  return appDb().transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.scope', '', true), set_config('app.authority_id', ${authorityId ?? ""}, true)`);
    return fn(tx);
  });
}

/** The database's reason for refusing (drizzle wraps it in "Failed query: …"). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
  throw new Error("expected the database to refuse");
}

/** Tables with an authority_id column where row-level security is not enabled, not forced, or has no policy. */
async function tenantTablesWithoutPolicy(db: Executor): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name
        from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'authority_id' and not a.attisdropped)
         and not (c.relrowsecurity and c.relforcerowsecurity and exists (select 1 from pg_policy p where p.polrelid = c.oid))
       order by 1`),
  );
  return rows.map((r) => r.name);
}

describe("row-level security catalogue", () => {
  it("every table with an authority_id has row-level security enabled, forced and a policy", async () => {
    const tables = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from information_schema.columns where table_schema = 'public' and column_name = 'authority_id'`),
    );
    expect(tables[0].n).toBeGreaterThan(30);
    expect(await tenantTablesWithoutPolicy(t.db)).toEqual([]);
  });

  it("names a new tenant table that lacks a policy", async () => {
    const found = await refusal(
      t.db.transaction(async (tx) => {
        // As the session's own role (PGlite: the superuser; PostgreSQL: the owner), then rolled back.
        await tx.execute(sql`set local role none`);
        await tx.execute(sql`create table rls_probe (id int, authority_id uuid)`);
        throw new Error((await tenantTablesWithoutPolicy(tx)).join(","));
      }),
    );
    expect(found).toBe("rls_probe");
  });
});

describe("the app's role under row-level security", () => {
  it("is neither a superuser nor BYPASSRLS, and owns no table", async () => {
    await expect(assertAppRole(appDb())).resolves.toBeUndefined();
  });

  it("may append to the audit trail but not change it", async () => {
    const a = await createAuthority(t.db);
    await asApp((tx) => recordAudit(tx, { userId: null, label: "test" }, { authorityId: a.id, action: "test.rls", entityType: "test" }), a.id);
    const [{ id }] = await asApp((tx) => tx.select({ id: auditEvent.id }).from(auditEvent).where(eq(auditEvent.authorityId, a.id)), a.id);
    expect(await refusal(asApp((tx) => tx.update(auditEvent).set({ action: "tampered" }).where(eq(auditEvent.id, id)), a.id))).toMatch(/permission denied/);
    expect(await refusal(asApp((tx) => tx.delete(auditEvent).where(eq(auditEvent.id, id)), a.id))).toMatch(/permission denied/);
  });

  it("with no authority set: reads return nothing and writes fail", async () => {
    const a = await createAuthority(t.db);
    await createPartner(t.db, a.id, "Health trust");
    await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const seen = await asApp(async (tx) => ({
      organisations: await tx.select().from(organisation).where(eq(organisation.authorityId, a.id)),
      memberships: await tx.select().from(membership).where(eq(membership.authorityId, a.id)),
      anyOrganisation: await tx.select({ id: organisation.id }).from(organisation).limit(1),
    }));
    expect(seen).toEqual({ organisations: [], memberships: [], anyOrganisation: [] });
    expect(await refusal(asApp((tx) => tx.insert(organisation).values({ authorityId: a.id, name: "Sneaky", sector: "other" })))).toMatch(/row-level security/);
  });

  it("with authority A set: B's rows are invisible and writing as B fails", async () => {
    const a = await createAuthority(t.db);
    const b = await createAuthority(t.db);
    const mine = await createPartner(t.db, a.id, "A's trust");
    await createPartner(t.db, b.id, "B's trust");
    const seen = await asApp((tx) => tx.select({ id: organisation.id }).from(organisation).where(inArray(organisation.authorityId, [a.id, b.id])), a.id);
    expect(seen).toEqual([{ id: mine.id }]);
    // Even asking for B by id finds nothing, and changing B's rows changes nothing.
    const changed = await asApp((tx) => tx.update(organisation).set({ name: "Renamed" }).where(eq(organisation.authorityId, b.id)).returning(), a.id);
    expect(changed).toEqual([]);
    expect(await refusal(asApp((tx) => tx.insert(organisation).values({ authorityId: b.id, name: "Planted", sector: "other" }), a.id))).toMatch(/row-level security/);
    await asApp((tx) => tx.insert(organisation).values({ authorityId: a.id, name: "A's own", sector: "other" }), a.id);
  });
});

describe("the national read path", () => {
  it("reads every authority, cannot write, and is audited", async () => {
    const a = await createAuthority(t.db);
    const b = await createAuthority(t.db);
    await createPartner(t.db, a.id, "A's trust");
    await createPartner(t.db, b.id, "B's trust");
    const actor = { userId: null, label: `national-${a.slug}@example.com` };
    const read = await nationalRead(appDb(), actor, "row-level security test", (tx) =>
      tx.select({ authorityId: organisation.authorityId }).from(organisation).where(inArray(organisation.authorityId, [a.id, b.id])),
    );
    expect(new Set(read.map((r) => r.authorityId))).toEqual(new Set([a.id, b.id]));

    const write = nationalRead(appDb(), actor, "row-level security test", (tx) => tx.insert(organisation).values({ authorityId: a.id, name: "National", sector: "other" }));
    expect(await refusal(write)).toMatch(/read-only transaction/);

    const audited = await t.db
      .select({ action: auditEvent.action, after: auditEvent.after })
      .from(auditEvent)
      .where(and(eq(auditEvent.actorLabel, actor.label), eq(auditEvent.action, "national.read")));
    expect(audited).toEqual([
      { action: "national.read", after: { purpose: "row-level security test" } },
      { action: "national.read", after: { purpose: "row-level security test" } },
    ]);
  });
});

describe("the start-up check", () => {
  it("refuses a superuser or a table owner", async () => {
    const message = await refusal(
      t.db.transaction(async (tx) => {
        // PGlite's session user is the superuser postgres; PostgreSQL's test user owns the tables.
        await tx.execute(sql`set local role none`);
        await assertAppRole(tx);
      }),
    );
    expect(message).toMatch(onPostgres ? /owns \d+ table\(s\)/ : /is a superuser/);
    expect(message).toMatch(/Refusing to start/);
  });
});
