import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "~/services/audit.server";
import { getHubs, getPlanOverview, getRaidRegister } from "~/services/plan/plan-views.server";
import type { Database } from "../../../db/client";
import { authority, workstream } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/demo";
import { demoPlan } from "../../../db/seed/demo-plan";
import { openTestDatabase } from "../../helpers/db";

/** The demo plan (part 007-plan) reproduces facts.md. A database of its own: the demo slugs are fixed. */
const scopeFor = async (db: Database, slug: string) => {
  const [a] = await db.select().from(authority).where(eq(authority.slug, slug));
  return { db, authorityId: a.id, actor: SYSTEM_ACTOR, now: new Date("2026-01-01T12:00:00Z") };
};

describe("demo plan", () => {
  it("has Walsall's four hubs with planned, forecast and actual openings, Walsall's milestones and risks, and Dudley's workstreams", async () => {
    const fresh = await openTestDatabase();
    try {
      await seedDemo(fresh.db);
      const walsall = await scopeFor(fresh.db, "walsall");

      // Early 2022, when the report was written: Darlaston open, the other three slipping.
      const { hubs } = await getHubs(walsall, "2022-01-31");
      expect(hubs.map((h) => [h.name, h.locality, h.plannedOpening, h.forecastOpening, h.actualOpening, h.status, h.slippageDays])).toEqual([
        ["Darlaston", "Darlaston", "2021-04-01", null, "2021-09-01", "open", 153],
        ["Blakenall", "Blakenall", "2021-10-01", "2022-03-31", null, "slipping", 181],
        ["Silver Court", "Silver Court", "2021-11-01", "2022-04-30", null, "slipping", 180],
        ["Birchills", "Birchills", "2021-12-01", "2022-04-30", null, "slipping", 150],
      ]);
      expect(hubs[0].coLocatedServices).toEqual(["Early Help", "Black Country Women's Aid", "DWP"]);
      expect(hubs.every((h) => /illustrative/.test(h.notes ?? ""))).toBe(true);
      // With no opening recorded since, the three are overdue today.
      expect((await getHubs(walsall, "2026-01-01")).hubs.map((h) => h.status)).toEqual(["open", "overdue", "overdue", "overdue"]);

      const plan = await getPlanOverview(walsall, "2021-09-15");
      const milestones = plan.workstreams.flatMap((w) => w.milestones.map((m) => [w.name, m.title, m.dueDate, m.status]));
      expect(milestones).toEqual(
        expect.arrayContaining([
          ["Redesign", "Go live with Family Safeguarding", "2020-09-01", "done"],
          ["Performance (scorecard)", "Peer review by Hertfordshire", "2021-06-30", "done"],
          ["Performance (scorecard)", "Ofsted visit", "2021-09-30", "due-soon"],
          ["Organisational development", "Agree how often group supervision happens and how it is overseen", null, "not-scheduled"],
        ]),
      );
      expect(milestones.some(([, title]) => /hub/i.test(String(title)))).toBe(false);
      const register = await getRaidRegister(walsall, { asOf: "2022-03-15", sort: "score", show: "open" });
      expect(register.risks.map((r) => [r.reference, r.title, r.score, r.rating])).toEqual([
        ["R2", "Funding shortfall as the DfE grant tapers", 20, "high"],
        ["R1", "Adult specialist workers leave their fixed-term posts", 16, "high"],
        ["R3", "Locality hub openings slip", 12, "medium"],
      ]);
      expect(register.issues.map((r) => [r.reference, r.score])).toEqual([["I1", 20]]);

      const dudley = await scopeFor(fresh.db, "dudley");
      const d = await getPlanOverview(dudley, "2023-07-31");
      expect(d.workstreams.map((w) => w.name).slice(0, 8)).toEqual([
        "Partnership",
        "Redesign",
        "Training",
        "Leadership development",
        "Organisational development",
        "Systems (the Workbook plug-in)",
        "Performance (scorecard)",
        "Finance",
      ]);
      const byName = Object.fromEntries(d.workstreams.map((w) => [w.name, w.milestones.map((m) => [m.title, m.dueDate, m.status])]));
      expect(byName["Systems (the Workbook plug-in)"]).toEqual([["Workbook plug-in configured and tested", "2023-07-10", "done"]]);
      expect(byName["Performance (scorecard)"]).toEqual([["FS scorecard baselined", "2023-03-31", "done"]]);
      expect(byName["Training"]).toEqual([
        ["Training programme starts", "2023-04-03", "done"],
        ["Training programme complete", "2023-07-31", "done"],
      ]);
      expect(byName["Leadership development"]).toEqual([
        ["Leadership development programme starts", "2023-03-01", "done"],
        ["Leadership development programme ends", "2024-03-31", "on-track"],
      ]);
      expect(byName["Partnership"][0]).toEqual(["Strategic Partnership Board (FSSPB) meets, then monthly", "2022-11-30", "done"]);
      expect(byName["Redesign"]).toContainEqual(["Go live with Family Safeguarding", "2023-07-10", "done"]);
      expect(byName["Finance"]).toEqual([["Cost-avoidance tracker in use", null, "not-scheduled"]]);
      // Every demo authority has workstreams (Telford and Wrekin the defaults).
      const telford = await scopeFor(fresh.db, "telford-and-wrekin");
      expect((await getPlanOverview(telford, "2021-05-31")).workstreams).toHaveLength(9);
    } finally {
      await fresh.close();
    }
  });

  it("gives default workstreams to authorities that have none, and leaves the others alone", async () => {
    const fresh = await openTestDatabase();
    try {
      // As on a demo database made before workstreams existed: authorities with no workstreams.
      const [bare] = await fresh.db.insert(authority).values({ slug: "older", name: "Older", region: "North West", cohort: "self-funded" }).returning();
      const [edited] = await fresh.db.insert(authority).values({ slug: "edited", name: "Edited", region: "North West", cohort: "self-funded" }).returning();
      await fresh.db.insert(workstream).values({ authorityId: edited.id, name: "Our only workstream" });
      await fresh.db.transaction((tx) => demoPlan.run(tx));
      const names = async (id: string) => (await fresh.db.select().from(workstream).where(eq(workstream.authorityId, id)).orderBy(asc(workstream.sortOrder))).map((w) => w.name);
      expect(await names(bare.id)).toHaveLength(9);
      expect((await names(bare.id))[0]).toBe("Partnership");
      expect(await names(edited.id)).toEqual(["Our only workstream"]);
    } finally {
      await fresh.close();
    }
  });
});
