import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../db/client";
import { DatabaseLockedError } from "../../../db/lock";
import { appUser, auditEvent, authority, membership, seedRun } from "../../../db/schema";
import { DEMO_PARTS, seedDemo } from "../../../db/seed/demo";
import { openTestDatabase } from "../../helpers/db";
import { adultWorkersCriterion } from "~/domain/readiness";
import { loadReadinessFacts } from "~/services/readiness/load-facts.server";

/** Embedded-database behaviour: runs in the PGlite project only. */
describe("demo data", () => {
  it("loads Walsall, Telford and Wrekin and Dudley once; seeding again changes nothing", async () => {
    // A database of its own: the demo slugs are fixed and the shared server may hold them already.
    const fresh = await openTestDatabase();
    try {
      const first = await seedDemo(fresh.db);
      expect(first.loaded).toEqual(DEMO_PARTS.map((p) => p.name));
      const count = async () => (await fresh.db.select({ n: sql<number>`count(*)::int` }).from(authority))[0].n;
      const audits = async () => (await fresh.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent))[0].n;
      const before = { authorities: await count(), audits: await audits() };
      expect(before.authorities).toBe(3);
      const second = await seedDemo(fresh.db);
      expect(second.loaded).toEqual([]);
      expect({ authorities: await count(), audits: await audits() }).toEqual(before);
      const [walsall] = await fresh.db.select().from(authority).where(eq(authority.slug, "walsall"));
      expect(walsall).toMatchObject({ name: "Walsall", region: "West Midlands", cohort: "sfpc-wave-2", actualGoLive: "2020-09-01" });
      const [dudley] = await fresh.db.select().from(authority).where(eq(authority.slug, "dudley"));
      expect(dudley).toMatchObject({ actualGoLive: "2023-07-10", cohort: "self-funded" });
      expect((await fresh.db.select().from(seedRun)).map((r) => r.name).sort()).toEqual(DEMO_PARTS.map((p) => p.name).sort());
      // One account per role, with Walsall's tenant roles.
      const accounts = await fresh.db
        .select({ email: appUser.email, nationalRole: appUser.nationalRole, role: membership.role })
        .from(appUser)
        .leftJoin(membership, eq(membership.userId, appUser.id));
      expect(accounts).toEqual(
        expect.arrayContaining([
          { email: "national.admin@example.com", nationalRole: "national-admin", role: null },
          { email: "national.viewer@example.com", nationalRole: "national-viewer", role: null },
          { email: "pm.walsall@example.com", nationalRole: null, role: "programme-manager" },
          { email: "contributor.walsall@example.com", nationalRole: null, role: "contributor" },
          { email: "viewer.walsall@example.com", nationalRole: null, role: "viewer" },
          { email: "board.walsall@example.com", nationalRole: null, role: "board-member" },
        ]),
      );
    } finally {
      await fresh.close();
    }
  });
});

describe("demo workforce", () => {
  it("reproduces the adult worker figures of facts.md", async () => {
    const fresh = await openTestDatabase();
    try {
      await seedDemo(fresh.db);
      const facts = async (slug: string) => {
        const [a] = await fresh.db.select().from(authority).where(eq(authority.slug, slug));
        return loadReadinessFacts(fresh.db, a.id);
      };
      const walsall = await facts("walsall");
      expect(walsall.workforce.posts).toHaveLength(16);
      expect(walsall.teams.map((t) => t.name)).toEqual(["Darlaston", "Blakenall", "Silver Court", "Birchills"]);
      expect(adultWorkersCriterion(walsall.workforce, "2020-09-01", 70)).toMatchObject({ numerator: 13, denominator: 16, percent: 81.3, met: true });
      expect(adultWorkersCriterion(walsall.workforce, "2020-11-30", 70)).toMatchObject({ numerator: 14, percent: 87.5 });
      expect(adultWorkersCriterion(walsall.workforce, "2022-03-01", 70)).toMatchObject({ numerator: 11, denominator: 16, percent: 68.8, met: false });
      const dudley = await facts("dudley");
      expect(adultWorkersCriterion(dudley.workforce, "2023-07-31", 70)).toMatchObject({ numerator: 9.2, denominator: 15, percent: 61.3, met: false });
      const telford = await facts("telford-and-wrekin");
      expect(telford.teams).toHaveLength(5);
      expect(adultWorkersCriterion(telford.workforce, "2021-05-31", 70)).toMatchObject({ numerator: 5, denominator: 12 });
      // Every authority has MI and the eight workshops.
      expect(telford.courses.map((c) => c.code)).toEqual(["mi", "ws1", "ws2", "ws3", "ws4", "ws5", "ws6", "ws7", "ws8"]);
    } finally {
      await fresh.close();
    }
  });
});

describe("embedded database folder", () => {
  it("refuses a second opening while in use, with a clear error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fs-lock-"));
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      await expect(openDatabase({ kind: "pglite", dataDir: path.join(dir) })).rejects.toBeInstanceOf(DatabaseLockedError);
    } finally {
      await first.close();
    }
    // Released on close: it opens again, data intact.
    const again = await openDatabase({ kind: "pglite", dataDir: dir });
    await again.db.execute(sql`select 1`);
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
