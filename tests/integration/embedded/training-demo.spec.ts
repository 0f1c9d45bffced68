import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectiveThresholds, forecastCriteria, miCriterion, workshopsCriterion } from "~/domain/readiness";
import { loadProgrammeThresholds, loadReadinessFacts } from "~/services/readiness/load-facts.server";
import type { DatabaseHandle } from "../../../db/client";
import { authority, booking, course, staffMember, trainingSession } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/demo";
import { openTestDatabase } from "../../helpers/db";

/**
 * The demo data reproduces the training position the programme's reports give (facts.md),
 * computed the way every page computes it: loadReadinessFacts and the rules in readiness.ts.
 * A database of its own (the demo slugs are fixed), so it runs on PGlite only.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemo(handle.db);
});
afterAll(() => handle?.close());

async function training(slug: string, date: string) {
  const [a] = await handle.db.select().from(authority).where(eq(authority.slug, slug));
  const facts = await loadReadinessFacts(handle.db, a.id);
  const thresholds = effectiveThresholds(await loadProgrammeThresholds(handle.db), a);
  return { a, facts, thresholds, mi: miCriterion(facts.training, date, thresholds.mi), workshops: workshopsCriterion(facts.training, date, thresholds.workshops) };
}

describe("demo training figures", () => {
  it("Telford and Wrekin: both over 70% at the end of May 2021, neither at the end of February", async () => {
    const may = await training("telford-and-wrekin", "2021-05-31");
    expect(may.mi).toMatchObject({ numerator: 78, denominator: 90, percent: 86.7, met: true });
    expect(may.workshops).toMatchObject({ numerator: 78, denominator: 90, percent: 86.7, met: true });
    const feb = await training("telford-and-wrekin", "2021-02-28");
    expect(feb.mi).toMatchObject({ numerator: 34, denominator: 72, percent: 47.2, met: false });
    expect(feb.workshops).toMatchObject({ numerator: 13, denominator: 72, percent: 18.1, met: false });
    // From the end of February, the training that followed meets both before June.
    const forecast = forecastCriteria(feb.facts.workforce, feb.facts.training, feb.thresholds, "2021-02-28");
    expect(forecast.mi).toEqual({ kind: "will-meet", on: "2021-04-23" });
    expect(forecast.workshops).toEqual({ kind: "will-meet", on: "2021-05-19" });
  });

  it("Telford and Wrekin: 34 MI sessions and 28 workshops by the end of May 2021, all virtual; five teams; a few bookings ahead and a couple of no-shows", async () => {
    const [a] = await handle.db.select().from(authority).where(eq(authority.slug, "telford-and-wrekin"));
    const delivered = await handle.db
      .select({ kind: course.kind, mode: trainingSession.mode, n: sql<number>`count(*)::int` })
      .from(trainingSession)
      .innerJoin(course, eq(course.id, trainingSession.courseId))
      .where(and(eq(trainingSession.authorityId, a.id), sql`${trainingSession.startDate} <= '2021-05-31'`))
      .groupBy(course.kind, trainingSession.mode);
    expect(delivered.sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      { kind: "mi", mode: "virtual", n: 34 },
      { kind: "workshop", mode: "virtual", n: 28 },
    ]);
    const mi = await handle.db.select().from(trainingSession).innerJoin(course, eq(course.id, trainingSession.courseId)).where(and(eq(trainingSession.authorityId, a.id), eq(course.code, "mi")));
    // MI is a two-day course.
    expect(mi.every(({ training_session: s }) => s.endDate && new Date(s.endDate).getTime() - new Date(s.startDate).getTime() === 86_400_000)).toBe(true);
    const staff = await handle.db.select().from(staffMember).where(eq(staffMember.authorityId, a.id));
    expect(staff.length).toBeGreaterThanOrEqual(90);
    expect(new Set(staff.map((s) => s.teamId).filter(Boolean)).size).toBe(5);
    expect(new Set(staff.map((s) => s.discipline))).toEqual(new Set(["social-worker", "team-manager", "adult-specialist", "business-support", "other"]));
    expect(staff.every((s) => /^TW-[A-Z]{2}-\d{3}$/.test(s.externalRef))).toBe(true);
    const statuses = await handle.db.select({ status: booking.status, n: sql<number>`count(*)::int` }).from(booking).where(eq(booking.authorityId, a.id)).groupBy(booking.status);
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toMatchObject({ "did-not-attend": 2, booked: 7 });
  });

  it("Walsall: both met on go-live day, 1 September 2020", async () => {
    const { mi, workshops, facts } = await training("walsall", "2020-09-01");
    expect(mi).toMatchObject({ numerator: 65, denominator: 75, percent: 86.7, met: true });
    expect(workshops).toMatchObject({ numerator: 62, denominator: 75, percent: 82.7, met: true });
    expect(facts.training.staff.length).toBeGreaterThanOrEqual(75);
    expect(mi.byTeam).toHaveLength(4);
  });

  it("Dudley: training from April to July 2023 meets both by go-live on 10 July", async () => {
    const { mi, workshops } = await training("dudley", "2023-07-10");
    expect(mi).toMatchObject({ numerator: 105, denominator: 119, percent: 88.2, met: true });
    expect(workshops).toMatchObject({ numerator: 105, denominator: 119, percent: 88.2, met: true });
    const june = await training("dudley", "2023-06-30");
    expect(june.workshops.met).toBe(false);
    const [a] = await handle.db.select().from(authority).where(eq(authority.slug, "dudley"));
    const [span] = await handle.db
      .select({ first: sql<string>`min(${trainingSession.startDate})`, last: sql<string>`max(${trainingSession.startDate}) filter (where ${trainingSession.startDate} <= '2023-07-10')` })
      .from(trainingSession)
      .where(eq(trainingSession.authorityId, a.id));
    expect(span).toEqual({ first: "2023-04-18", last: "2023-07-10" });
  });
});
