import { describe, expect, it } from "vitest";
import { roundPercent } from "./format";
import {
  assess,
  changeBetween,
  compareWithBaseline,
  comparableWith,
  describeChange,
  formatChangePercent,
  formatOutcomeValue,
  formatSignedNumber,
  isDirection,
  isOutcomeUnit,
  isPeriodType,
  latestObservation,
  monthsBetween,
  monthsSinceGoLive,
  observationPeriod,
  periodLabel,
  periodLength,
  periodLengthLabel,
  populationFor,
  quartileOf,
  rankByValue,
  ratePer10k,
  samePeriodLength,
  type IndicatorFacts,
  type ObservationFacts,
} from "./outcomes";

const snap = (id: string, date: string, value: number): ObservationFacts => ({ id, periodStart: date, periodEnd: date, value });
const flow = (id: string, start: string, end: string, value: number): ObservationFacts => ({ id, periodStart: start, periodEnd: end, value });
const CP: IndicatorFacts = { periodType: "snapshot", direction: "lower", unit: "count" };
const CARE: IndicatorFacts = { periodType: "flow", direction: "lower", unit: "count" };

describe("Walsall's reported changes (facts.md)", () => {
  it("CP plans 370 (Dec 2019) → 227 (Dec 2021) is −38.6%", () => {
    const c = compareWithBaseline(CP, [snap("b", "2019-12-31", 370), snap("l", "2021-12-31", 227)], "b", "2022-01-31");
    expect(c.change).toBe(-143);
    expect(roundPercent(c.changePercent!, 1)).toBe(-38.6);
    expect(formatChangePercent(c.changePercent)).toBe("−38.6%");
    expect(c.assessment).toBe("improving");
  });
  it("of them aged 12 and under 318 → 181 is −43.1%", () => {
    expect(roundPercent(changeBetween(318, 181).percent!, 1)).toBe(-43.1);
  });
  it("entering care 242 (Apr 2019–Mar 2020) → 166 (Mar 2021–Feb 2022) is −31%, like for like (12 months each)", () => {
    const c = compareWithBaseline(CARE, [flow("b", "2019-04-01", "2020-03-31", 242), flow("l", "2021-03-01", "2022-02-28", 166)], "b", "2022-03-31");
    expect(c.latest?.id).toBe("l");
    expect(roundPercent(c.changePercent!, 0)).toBe(-31);
    expect(formatChangePercent(c.changePercent, 0)).toBe("−31%");
  });
  it("entering care aged 12 and under 177 → 112 is −37%", () => {
    expect(roundPercent(changeBetween(177, 112).percent!, 0)).toBe(-37);
  });
});

describe("periods", () => {
  it("counts whole calendar months from the 1st to a month's end", () => {
    expect(periodLength("2019-04-01", "2020-03-31")).toEqual({ unit: "months", length: 12 });
    expect(periodLength("2021-03-01", "2022-02-28")).toEqual({ unit: "months", length: 12 });
    expect(periodLength("2024-02-01", "2024-02-29")).toEqual({ unit: "months", length: 1 });
    expect(periodLength("2021-04-01", "2021-06-30")).toEqual({ unit: "months", length: 3 });
  });
  it("counts days otherwise", () => {
    expect(periodLength("2021-04-02", "2021-04-30")).toEqual({ unit: "days", length: 29 });
    expect(periodLength("2021-04-01", "2021-04-29")).toEqual({ unit: "days", length: 29 });
    expect(periodLength("2021-04-01", "2021-04-01")).toEqual({ unit: "days", length: 1 });
  });
  it("compares lengths counted the same way", () => {
    expect(samePeriodLength(flow("a", "2019-04-01", "2020-03-31", 1), flow("b", "2021-01-01", "2021-12-31", 1))).toBe(true);
    expect(samePeriodLength(flow("a", "2019-04-01", "2020-03-31", 1), flow("b", "2021-01-01", "2021-03-31", 1))).toBe(false);
    // 28 days of February as a month is not 28 days counted as days
    expect(samePeriodLength(flow("a", "2021-02-01", "2021-02-28", 1), flow("b", "2021-03-02", "2021-03-29", 1))).toBe(false);
  });
  it("months between dates", () => {
    expect(monthsBetween("2019-12-31", "2021-12-01")).toBe(24);
    expect(monthsBetween("2021-12-01", "2019-12-31")).toBe(-24);
  });
  it("labels periods", () => {
    expect(periodLabel("snapshot", "2019-12-31", "2019-12-31")).toBe("31 December 2019");
    expect(periodLabel("flow", "2019-04-01", "2020-03-31")).toBe("April 2019 to March 2020");
    expect(periodLabel("flow", "2021-03-01", "2021-03-31")).toBe("March 2021");
    expect(periodLabel("flow", "2021-03-02", "2021-03-31")).toBe("2 March 2021 to 31 March 2021");
    expect(periodLengthLabel("2019-04-01", "2020-03-31")).toBe("12 months");
    expect(periodLengthLabel("2021-03-01", "2021-03-31")).toBe("1 month");
    expect(periodLengthLabel("2021-03-02", "2021-03-02")).toBe("1 day");
    expect(periodLengthLabel("2021-03-02", "2021-03-04")).toBe("3 days");
  });
  it("checks a new observation's period", () => {
    expect(observationPeriod("snapshot", { date: "2023-03-31" })).toEqual({ ok: true, periodStart: "2023-03-31", periodEnd: "2023-03-31" });
    expect(observationPeriod("snapshot", {})).toMatchObject({ ok: false, field: "date" });
    expect(observationPeriod("snapshot", { date: "2023-02-30" })).toMatchObject({ ok: false, field: "date" });
    expect(observationPeriod("flow", { periodStart: "2022-04-01", periodEnd: "2023-03-31" })).toEqual({ ok: true, periodStart: "2022-04-01", periodEnd: "2023-03-31" });
    expect(observationPeriod("flow", { periodEnd: "2023-03-31" })).toMatchObject({ ok: false, field: "periodStart" });
    expect(observationPeriod("flow", { periodStart: "2022-04-01", periodEnd: null })).toMatchObject({ ok: false, field: "periodEnd" });
    expect(observationPeriod("flow", { periodStart: "2022-04-01", periodEnd: "2022-03-31" })).toMatchObject({ ok: false, field: "periodEnd", message: "The last day must be on or after the first day" });
    expect(observationPeriod("flow", { periodStart: "2022-04-01", periodEnd: "2022-04-01" })).toMatchObject({ ok: true });
  });
  it("recognises its vocabularies", () => {
    expect([isPeriodType("flow"), isPeriodType("x"), isDirection("higher"), isDirection(1), isOutcomeUnit("percent"), isOutcomeUnit("kg")]).toEqual([true, false, true, false, true, false]);
  });
});

describe("alignment on go-live", () => {
  it("counts calendar months from the go-live month, at a snapshot's date or a flow's end", () => {
    expect(monthsSinceGoLive("2020-09-01", snap("a", "2020-09-30", 1))).toBe(0);
    expect(monthsSinceGoLive("2020-09-01", snap("a", "2019-12-31", 1))).toBe(-9);
    expect(monthsSinceGoLive("2020-09-01", snap("a", "2021-12-31", 1))).toBe(15);
    expect(monthsSinceGoLive("2020-09-01", flow("a", "2021-03-01", "2022-02-28", 1))).toBe(17);
    expect(monthsSinceGoLive("2023-07-10", snap("a", "2023-03-31", 1))).toBe(-4);
  });
  it("is null before an authority goes live", () => {
    expect(monthsSinceGoLive(null, snap("a", "2020-09-30", 1))).toBeNull();
  });
});

describe("rates per 10,000 children", () => {
  it("divides by the child population", () => {
    expect(ratePer10k(370, 74_000)).toBeCloseTo(50, 10);
    expect(ratePer10k(227, 10_000)).toBe(227);
  });
  it("has none without a population or for a figure that is not a count", () => {
    expect(ratePer10k(370, null)).toBeNull();
    expect(ratePer10k(370, undefined)).toBeNull();
    expect(ratePer10k(370, 0)).toBeNull();
    expect(ratePer10k(12, 10_000, "percent")).toBeNull();
    expect(ratePer10k(12, 10_000, "rate")).toBeNull();
  });
  it("uses the population of the figure's year, else the latest before it, else the earliest", () => {
    const pops = [
      { year: 2021, population: 68_000 },
      { year: 2019, population: 67_000 },
    ];
    expect(populationFor(pops, "2019-12-31")?.population).toBe(67_000);
    expect(populationFor(pops, "2020-06-30")?.population).toBe(67_000);
    expect(populationFor(pops, "2023-03-31")?.population).toBe(68_000);
    expect(populationFor(pops, "2018-03-31")?.population).toBe(67_000);
    expect(populationFor([], "2018-03-31")).toBeNull();
  });
});

describe("change since the baseline", () => {
  it("reports percent of the baseline, and none from a baseline of 0", () => {
    expect(changeBetween(200, 250)).toEqual({ change: 50, percent: 25 });
    expect(changeBetween(0, 5)).toEqual({ change: 5, percent: null });
  });
  it("assesses by direction", () => {
    expect(assess("lower", -1)).toBe("improving");
    expect(assess("lower", 1)).toBe("worsening");
    expect(assess("higher", 1)).toBe("improving");
    expect(assess("higher", -1)).toBe("worsening");
    expect(assess("higher", 0)).toBe("no change");
  });
  it("takes the latest snapshot after the baseline, on or before the as-of date", () => {
    const obs = [snap("b", "2023-03-31", 300), snap("x", "2023-06-30", 280), snap("y", "2023-09-30", 260), snap("early", "2022-12-31", 400)];
    expect(compareWithBaseline(CP, obs, "b", "2023-12-31").latest?.id).toBe("y");
    expect(compareWithBaseline(CP, obs, "b", "2023-08-01").latest?.id).toBe("x");
    const none = compareWithBaseline(CP, obs, "b", "2023-04-30");
    expect(none).toMatchObject({ latest: null, change: null, assessment: null });
  });
  it("has nothing without a baseline, with an unknown one, or when it is after the as-of date", () => {
    const obs = [snap("b", "2023-03-31", 300), snap("x", "2023-06-30", 280)];
    expect(compareWithBaseline(CP, obs, null, "2024-01-01").baseline).toBeNull();
    expect(compareWithBaseline(CP, obs, "zzz", "2024-01-01").baseline).toBeNull();
    expect(compareWithBaseline(CP, obs, "b", "2023-01-01")).toMatchObject({ baseline: null, latest: null });
  });
  it("compares flows like for like only: same length, starting after the baseline ends", () => {
    const obs = [
      flow("b", "2019-04-01", "2020-03-31", 242),
      flow("q", "2021-01-01", "2021-03-31", 40), // a quarter: not like for like
      flow("overlap", "2020-01-01", "2020-12-31", 230), // a year, but overlapping the baseline
      flow("y", "2021-03-01", "2022-02-28", 166),
      flow("m", "2022-03-01", "2022-03-31", 12), // a month
    ];
    expect(comparableWith("flow", obs[0], obs).map((o) => o.id)).toEqual(["y"]);
    expect(compareWithBaseline(CARE, obs, "b", "2022-12-31").latest?.id).toBe("y");
  });
  it("a snapshot compares with any later date", () => {
    const obs = [snap("b", "2019-12-31", 1), snap("c", "2020-01-31", 2)];
    expect(comparableWith("snapshot", obs[0], obs).map((o) => o.id)).toEqual(["c"]);
  });
  it("gives rates and the change per 10,000 children, each over its own year's population", () => {
    const pops = [
      { year: 2019, population: 74_000 },
      { year: 2021, population: 60_000 },
    ];
    const c = compareWithBaseline(CP, [snap("b", "2019-12-31", 370), snap("l", "2021-12-31", 240)], "b", "2022-01-01", pops);
    expect(c.baselinePer10k).toBeCloseTo(50, 10);
    expect(c.latestPer10k).toBeCloseTo(40, 10);
    expect(c.changePer10k).toBeCloseTo(-10, 10);
  });
  it("keeps the baseline's rate when there is nothing to compare yet, and has no rate without population", () => {
    const c = compareWithBaseline(CP, [snap("b", "2019-12-31", 370)], "b", "2022-01-01", [{ year: 2019, population: 74_000 }]);
    expect(c.baselinePer10k).toBeCloseTo(50, 10);
    expect(c.changePer10k).toBeNull();
    const noPop = compareWithBaseline(CP, [snap("b", "2019-12-31", 370), snap("l", "2021-12-31", 240)], "b", "2022-01-01");
    expect(noPop.changePer10k).toBeNull();
    expect(noPop.change).toBe(-130);
  });
  it("picks the later start when two flows end together", () => {
    const obs = [snap("b", "2019-12-31", 1), flow("a", "2020-01-01", "2020-12-31", 2), flow("c", "2020-02-01", "2020-12-31", 3)];
    expect(latestObservation(obs, "2021-01-01")?.id).toBe("c");
    expect(latestObservation(obs, "2019-01-01")).toBeNull();
  });
});

describe("wording", () => {
  it("formats changes and values", () => {
    expect(formatChangePercent(null)).toBe("–");
    expect(formatChangePercent(12)).toBe("+12.0%");
    expect(formatChangePercent(0.01)).toBe("0.0%");
    expect(formatSignedNumber(null)).toBe("–");
    expect(formatSignedNumber(-1432)).toBe("−1,432");
    expect(formatSignedNumber(3.456, 1)).toBe("+3.5");
    expect(formatSignedNumber(0)).toBe("0");
    expect(formatOutcomeValue(null, "count")).toBe("–");
    expect(formatOutcomeValue(1234, "count")).toBe("1,234");
    expect(formatOutcomeValue(12.5, "percent")).toBe("12.5%");
    expect(formatOutcomeValue(1, "days")).toBe("1 day");
    expect(formatOutcomeValue(14, "days")).toBe("14 days");
    expect(formatOutcomeValue(42.25, "rate")).toBe("42.25");
  });
  it("describes a change in words", () => {
    expect(describeChange({ change: -143, changePercent: -38.648, assessment: "improving" })).toBe("Down 143 (−38.6%) since the baseline: improving");
    expect(describeChange({ change: 5, changePercent: null, assessment: "worsening" })).toBe("Up 5 since the baseline: worsening");
    expect(describeChange({ change: 2, changePercent: 3, assessment: "worsening" }, "percent")).toBe("Up 2% (+3.0%) since the baseline: worsening");
    expect(describeChange({ change: 0, changePercent: 0, assessment: "no change" })).toBe("No change since the baseline");
    expect(describeChange({ change: null, changePercent: null, assessment: null })).toBe("No figure to compare with the baseline yet");
  });
});

describe("ranks and quartiles", () => {
  const items = [
    { id: "a", v: 10 },
    { id: "b", v: 5 },
    { id: "c", v: 10 },
    { id: "d", v: null },
    { id: "e", v: 20 },
  ];
  it("ranks lower-is-better smallest first, ties sharing a rank, missing last and unranked", () => {
    const r = rankByValue(items, (i) => i.v, "lower");
    expect(r.map((x) => [x.item.id, x.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 2],
      ["e", 4],
      ["d", null],
    ]);
  });
  it("ranks higher-is-better largest first", () => {
    const r = rankByValue(items, (i) => i.v, "higher");
    expect(r.map((x) => [x.item.id, x.rank, x.value])).toEqual([
      ["e", 1, 20],
      ["a", 2, 10],
      ["c", 2, 10],
      ["b", 4, 5],
      ["d", null, null],
    ]);
  });
  it("treats a non-finite value as missing and ranks an empty list as empty", () => {
    expect(rankByValue([{ v: Number.NaN }, { v: 1 }], (i) => i.v, "lower").map((x) => x.rank)).toEqual([1, null]);
    expect(rankByValue([], () => 1, "lower")).toEqual([]);
    expect(rankByValue([{ v: undefined }], (i) => i.v, "lower")).toEqual([{ item: { v: undefined }, value: null, rank: null }]);
  });
  it("puts ranks into quartiles, 1 the best", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => quartileOf(r, 8))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(quartileOf(1, 1)).toBe(1);
    expect(quartileOf(1, 150)).toBe(1);
    expect(quartileOf(38, 150)).toBe(1);
    expect(quartileOf(39, 150)).toBe(2);
    expect(quartileOf(150, 150)).toBe(4);
    expect(quartileOf(2, 3)).toBe(2);
    expect(quartileOf(3, 3)).toBe(3);
  });
  it("has no quartile for an unranked item or an impossible rank", () => {
    expect(quartileOf(null, 5)).toBeNull();
    expect(quartileOf(0, 5)).toBeNull();
    expect(quartileOf(6, 5)).toBeNull();
    expect(quartileOf(1.5, 5)).toBeNull();
    expect(quartileOf(1, 0)).toBeNull();
  });
  it("gives tied ranks the same quartile", () => {
    const r = rankByValue([{ v: 1 }, { v: 2 }, { v: 2 }, { v: 2 }], (i) => i.v, "lower");
    expect(r.map((x) => quartileOf(x.rank, r.length))).toEqual([1, 2, 2, 2]);
  });
});
