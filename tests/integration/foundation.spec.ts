import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as authorityLoader } from "~/routes/a.$slug";
import { loader as homeLoader } from "~/routes/_index";
import { loader as sectionLoader } from "~/routes/a.$slug.$section";
import { loader as healthLoader } from "~/routes/healthz";
import { recordAudit } from "~/services/audit.server";
import { INSUFFICIENT_PRIVILEGE, pgError } from "../../db/errors";
import { auditEvent, authority } from "../../db/schema";
import { createAuthority } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";

const t = useTestDatabase();
const args = (url: string, params: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${url}`),
  params,
  context: testContext(t.db),
});

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
    await expect(t.db.update(auditEvent).set({ action: "tampered" }).where(eq(auditEvent.id, row.id))).rejects.toSatisfy(refused);
    await expect(t.db.delete(auditEvent).where(eq(auditEvent.id, row.id))).rejects.toSatisfy(refused);
    const [still] = await t.db.select().from(auditEvent).where(eq(auditEvent.id, row.id));
    expect(still.action).toBe("test.append");
  });
});

describe("pages", () => {
  it("lists authorities on the home page with their go-live status", async () => {
    const a = await createAuthority(t.db, { name: "Aardvark Borough", plannedGoLive: "2030-01-01" });
    const data = await homeLoader(args("/"));
    const row = data.authorities.find((x) => x.slug === a.slug);
    expect(row).toMatchObject({ name: "Aardvark Borough", status: { kind: "planned", on: "2030-01-01" } });
  });

  it("gives each authority its own area, and 404 for an unknown one", async () => {
    const a = await createAuthority(t.db);
    const data = await authorityLoader(args(`/a/${a.slug}`, { slug: a.slug }));
    expect(data.authority.name).toBe(a.name);
    await expect(authorityLoader(args("/a/no-such-place", { slug: "no-such-place" }))).rejects.toMatchObject({ status: 404 });
  });

  it("says plainly that an unbuilt section is not available, and 404s for an unknown section", async () => {
    const data = await sectionLoader(args("/a/x/reports", { slug: "x", section: "reports" }));
    expect(data.label).toBe("Reports");
    await expect(sectionLoader(args("/a/x/bogus", { slug: "x", section: "bogus" }))).rejects.toMatchObject({ status: 404 });
  });

  it("answers the health check", async () => {
    const res = await healthLoader(args("/healthz"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });
});

