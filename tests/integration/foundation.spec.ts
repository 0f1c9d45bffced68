import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as authorityLoader } from "~/routes/a.$slug";
import { loader as homeLoader } from "~/routes/_index";
import { loader as healthLoader } from "~/routes/healthz";
import { recordAudit } from "~/services/audit.server";
import { INSUFFICIENT_PRIVILEGE, pgError } from "../../db/errors";
import type { Tx } from "../../db/client";
import { auditEvent, authority } from "../../db/schema";
import { createAuthority, createSignedInUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest } from "../helpers/requests";

const t = useTestDatabase();

describe("schema and migrations", () => {
  it("creates the foundation tables", async () => {
    const rows = await t.db.select({ n: sql<number>`count(*)::int` }).from(authority);
    expect(rows[0].n).toBeGreaterThanOrEqual(0);
  });

  it("keeps the audit trail append-only, even for direct SQL", async () => {
    await recordAudit(t.db, { userId: null, label: "test" }, { authorityId: null, action: "test.append", entityType: "test", after: { a: 1 } });
    const [row] = await t.db.select().from(auditEvent).where(eq(auditEvent.action, "test.append")).limit(1);
    expect(row.actorLabel).toBe("test");
    expect(row.occurredAt).toBeInstanceOf(Date);
    const refused = (e: unknown) => pgError(e)?.code === INSUFFICIENT_PRIVILEGE && /append-only/.test(pgError(e)!.message);
    // As the tables' owner (PGlite: the superuser) with row-level security lifted: the trigger still refuses.
    const asOwner = (change: (tx: Tx) => Promise<unknown>) =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql`set local role none`);
        await tx.execute(sql`alter table audit_event no force row level security`);
        await change(tx);
      });
    await expect(asOwner((tx) => tx.update(auditEvent).set({ action: "tampered" }).where(eq(auditEvent.id, row.id)))).rejects.toSatisfy(refused);
    await expect(asOwner((tx) => tx.delete(auditEvent).where(eq(auditEvent.id, row.id)))).rejects.toSatisfy(refused);
    const [still] = await t.db.select().from(auditEvent).where(eq(auditEvent.id, row.id));
    expect(still.action).toBe("test.append");
  });
});

describe("pages", () => {
  it("lists every authority with its go-live status for a national user", async () => {
    const a = await createAuthority(t.db, { name: "Aardvark Borough", plannedGoLive: "2030-01-01" });
    const { token } = await createSignedInUser(t.db, { nationalRole: "national-viewer" });
    const res = await call(homeLoader, getRequest("/", { token }), {}, testContext(t.db));
    const rows = (res.data as Awaited<ReturnType<typeof homeLoader>>).authorities;
    expect(rows.find((x) => x.slug === a.slug)).toMatchObject({ name: "Aardvark Borough", status: { kind: "planned", on: "2030-01-01" } });
  });

  it("lists only a member's own authorities", async () => {
    const mine = await createAuthority(t.db);
    const other = await createAuthority(t.db);
    const { token } = await createSignedInUser(t.db, { authorityId: mine.id, role: "viewer" });
    const res = await call(homeLoader, getRequest("/", { token }), {}, testContext(t.db));
    const slugs = (res.data as Awaited<ReturnType<typeof homeLoader>>).authorities.map((x) => x.slug);
    expect(slugs).toEqual([mine.slug]);
    expect(slugs).not.toContain(other.slug);
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const res = await call(homeLoader, getRequest("/"), {}, testContext(t.db));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/sign-in?redirectTo=%2F");
  });

  it("gives each authority its own area, and 404 for an unknown one", async () => {
    const a = await createAuthority(t.db);
    const { token } = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const ok = await call(authorityLoader, getRequest(`/a/${a.slug}`, { token }), { slug: a.slug }, testContext(t.db));
    expect((ok.data as { authority: { name: string } }).authority.name).toBe(a.name);
    const missing = await call(authorityLoader, getRequest("/a/no-such-place", { token }), { slug: "no-such-place" }, testContext(t.db));
    expect(missing.status).toBe(404);
  });

  it("answers the health check without signing in", async () => {
    const res = await call(healthLoader, getRequest("/healthz"), {}, testContext(t.db));
    expect(res).toMatchObject({ status: 200, data: "ok" });
  });
});
