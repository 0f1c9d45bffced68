import { describe, expect, it } from "vitest";
import { roundPercent } from "~/domain/format";
import { SYSTEM_ACTOR } from "~/services/audit.server";
import { outcomeChangesForAuthorities } from "~/services/outcomes/changes.server";
import { getOutcomeScorecard } from "~/services/outcomes/scorecard.server";
import { authority } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/demo";
import { openTestDatabase } from "../../helpers/db";

/** The demo outcomes (part 008-outcomes) reproduce Walsall's reported changes (facts.md). */
describe("demo outcomes", () => {
  it("reproduces Walsall's −38.6%, −43.1%, −31% and −37%, and Dudley's baseline at the end of March 2023", async () => {
    const fresh = await openTestDatabase();
    try {
      await seedDemo(fresh.db);
      const ids = Object.fromEntries((await fresh.db.select({ id: authority.id, slug: authority.slug }).from(authority)).map((a) => [a.slug, a.id]));
      const result = await outcomeChangesForAuthorities(fresh.db, [ids.walsall, ids.dudley], "2022-06-30");
      const walsall = Object.fromEntries(result.authorities[0].changes.map((c) => [c.indicatorKey, c]));
      expect([walsall["cp-plans"].baseline?.value, walsall["cp-plans"].latest?.value, roundPercent(walsall["cp-plans"].changePercent!, 1)]).toEqual([370, 227, -38.6]);
      expect(roundPercent(walsall["cp-plans-12-and-under"].changePercent!, 1)).toBe(-43.1);
      expect([walsall["entering-care"].baseline?.periodStart, walsall["entering-care"].latest?.periodStart, roundPercent(walsall["entering-care"].changePercent!, 0)]).toEqual(["2019-04-01", "2021-03-01", -31]);
      expect(roundPercent(walsall["entering-care-12-and-under"].changePercent!, 0)).toBe(-37);
      expect(walsall["cp-plans"].assessment).toBe("improving");
      expect(walsall["cp-plans"].changePer10k).toBeCloseTo((-143 * 10_000) / 67_900, 6);

      const scope = { db: fresh.db, authorityId: ids.dudley, actor: SYSTEM_ACTOR, now: new Date("2024-06-01T12:00:00Z") };
      const card = await getOutcomeScorecard(scope, "2024-06-01");
      const cp = card.rows.find((r) => r.indicator.key === "cp-plans")!;
      expect(cp.comparison.baseline?.periodEnd).toBe("2023-03-31");
      expect(cp.comparison.latest?.periodEnd).toBe("2024-03-31");
      expect(cp.comparison.baseline?.notes).toMatch(/illustration/);
      expect(card.population?.illustrative).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
