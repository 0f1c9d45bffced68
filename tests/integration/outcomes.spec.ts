import { describe, expect, it } from "vitest";
import { roundPercent } from "~/domain/format";
import { outcomeChangesForAuthorities } from "~/services/outcomes/changes.server";
import { countQueries } from "../../db/client";
import { createAuthority, createObservation, createPopulation, nationalIndicator, setBaselineRow } from "../factories";
import { useTestDatabase } from "../helpers/db";

const t = useTestDatabase();

async function authorityWithFigures(cp: [number, number], care?: [number, number]) {
  const a = await createAuthority(t.db);
  const ind = await nationalIndicator(t.db, "cp-plans");
  const b = await createObservation(t.db, a.id, ind.id, { periodEnd: "2019-12-31", value: cp[0] });
  await setBaselineRow(t.db, b);
  await createObservation(t.db, a.id, ind.id, { periodEnd: "2021-12-31", value: cp[1] });
  if (care) {
    const c = await nationalIndicator(t.db, "entering-care");
    const cb = await createObservation(t.db, a.id, c.id, { periodStart: "2019-04-01", periodEnd: "2020-03-31", value: care[0] });
    await setBaselineRow(t.db, cb);
    await createObservation(t.db, a.id, c.id, { periodStart: "2021-01-01", periodEnd: "2021-03-31", value: 1 }); // a quarter: not like for like
    await createObservation(t.db, a.id, c.id, { periodStart: "2021-03-01", periodEnd: "2022-02-28", value: care[1] });
  }
  await createPopulation(t.db, a.id, { year: 2019, population: 50_000 });
  return a;
}

describe("outcomeChangesForAuthorities", () => {
  it("gives each authority's baseline, latest, change, percent and change per 10,000 on every national indicator", async () => {
    const walsallLike = await authorityWithFigures([370, 227], [242, 166]);
    const other = await authorityWithFigures([100, 120]);
    const empty = await createAuthority(t.db);
    const result = await outcomeChangesForAuthorities(t.db, [walsallLike.id, other.id, empty.id], "2022-06-30");
    expect(result.indicators.map((i) => i.key)).toEqual(
      expect.arrayContaining(["cp-plans", "cp-plans-12-and-under", "cp-plan-starts", "entering-care", "entering-care-12-and-under", "looked-after", "re-referrals", "repeat-da-callouts", "children-in-need"]),
    );
    expect(result.authorities.map((a) => a.authorityId)).toEqual([walsallLike.id, other.id, empty.id]);
    const cp = (i: number) => result.authorities[i].changes.find((c) => c.indicatorKey === "cp-plans")!;
    expect(cp(0)).toMatchObject({ baseline: { periodEnd: "2019-12-31", value: 370 }, latest: { periodEnd: "2021-12-31", value: 227 }, change: -143, assessment: "improving" });
    expect(roundPercent(cp(0).changePercent!, 1)).toBe(-38.6);
    expect(cp(0).changePer10k).toBeCloseTo(-28.6, 10);
    expect(cp(1)).toMatchObject({ change: 20, changePercent: 20, assessment: "worsening" });
    expect(cp(2)).toMatchObject({ baseline: null, latest: null, change: null, changePer10k: null });
    const care = result.authorities[0].changes.find((c) => c.indicatorKey === "entering-care")!;
    expect(care.latest).toEqual({ periodStart: "2021-03-01", periodEnd: "2022-02-28", value: 166 });
    expect(roundPercent(care.changePercent!, 0)).toBe(-31);
  });

  it("leaves out figures after the as-of date", async () => {
    const a = await authorityWithFigures([370, 227]);
    const result = await outcomeChangesForAuthorities(t.db, [a.id], "2021-06-30");
    expect(result.authorities[0].changes.find((c) => c.indicatorKey === "cp-plans")).toMatchObject({ baseline: { value: 370 }, latest: null, change: null });
    expect((await outcomeChangesForAuthorities(t.db, [], "2021-06-30")).authorities).toEqual([]);
  });

  it("runs the same number of queries for 2 authorities as for 12", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await authorityWithFigures([100 + i, 90 + i], i % 2 ? [50, 40] : undefined)).id);
    const two = await countQueries(() => outcomeChangesForAuthorities(t.db, ids.slice(0, 2), "2022-06-30"));
    const twelve = await countQueries(() => outcomeChangesForAuthorities(t.db, ids, "2022-06-30"));
    expect(two.queries).toBeGreaterThan(0);
    expect(twelve.queries).toBe(two.queries);
    expect(twelve.result.authorities.every((a) => a.changes.find((c) => c.indicatorKey === "cp-plans")!.change === -10)).toBe(true);
  });
});
