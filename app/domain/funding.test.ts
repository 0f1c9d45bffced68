import { describe, expect, it } from "vitest";
import {
  allocationSummary,
  compareReported,
  computeFunding,
  contributionsIn,
  costRateOn,
  daysInMonth,
  DEFAULT_SETTINGS,
  DEFAULT_TAPER_BP,
  establishmentAnnualCost,
  financialYearRows,
  fundingOverview,
  modelRange,
  parseFinancialYear,
  postCostOn,
  monthsBetween,
  resolveCostsFrom,
  scheduleEnd,
  streamShareOn,
  sustainability,
  taperYears,
  yearRows,
  type ContributionFacts,
  type CostFacts,
  type FundingSettings,
  type StreamFacts,
} from "./funding";
import { sum } from "./money";
import type { AppointmentFacts, PostFacts } from "./workforce";

const post = (id: string, o: Partial<PostFacts> = {}): PostFacts => ({ id, role: "mental-health", fte: 1, teamId: null, adultSpecialist: true, establishedOn: "2020-09-01", disestablishedOn: null, ...o });
const appt = (postId: string, o: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  id: `a-${postId}-${o.startDate ?? "x"}`,
  postId,
  holder: "H",
  fte: 1,
  contractType: "permanent",
  contractEnd: null,
  startDate: "2020-09-01",
  startConfirmed: true,
  lastDay: null,
  ...o,
});
const taper = (o: Partial<StreamFacts> = {}): StreamFacts => ({ id: "dfe", name: "DfE SFPC", kind: "tapered", totalPence: 1_000_000_000, startDate: "2020-09-01", endDate: null, sharesBp: DEFAULT_TAPER_BP, ...o });
const pounds = (n: number) => Math.round(n * 100);

/** One post costing `annual` a year from 1 September 2020, funded by the streams given. */
function flat(annual: number, o: { streams?: StreamFacts[]; settings?: Partial<FundingSettings>; posts?: PostFacts[]; appointments?: AppointmentFacts[]; asOf?: string } = {}) {
  const streams = o.streams ?? [taper()];
  const facts: CostFacts & { streams: StreamFacts[] } = {
    posts: o.posts ?? [post("p")],
    appointments: o.appointments ?? [],
    postCosts: [],
    roleRates: [{ role: "mental-health", annualPence: pounds(annual), from: "2020-09-01" }],
    settings: { ...DEFAULT_SETTINGS, ...o.settings },
    streams,
  };
  const asOf = o.asOf ?? "2025-01-01";
  const costsFrom = resolveCostsFrom(facts.settings, streams, facts.posts, asOf).date;
  const model = computeFunding(facts, modelRange({ costsFrom, streams, asOf, financialYears: [] }), costsFrom);
  const fy = (label: string) => yearRows(model, "financial").find((r) => r.label === label)!;
  const ay = (label: string) => yearRows(model, "academic").find((r) => r.label === label)!;
  const month = (m: string) => model.months.find((r) => r.month === m)!;
  return { facts, model, fy, ay, month, asOf };
}

describe("the finance officer's example: £600,000 a year from 1 September 2020, shares 100%, 70%, 50%", () => {
  const { model, fy, ay, month } = flat(600_000);

  it("costs £50,000 a month and pays the share of the grant year each month falls in", () => {
    expect(month("2020-08-01")).toMatchObject({ cost: 0, grant: 0 });
    expect(month("2020-09-01")).toMatchObject({ cost: pounds(50_000), grant: pounds(50_000), shortfall: 0 });
    expect(month("2021-08-01")).toMatchObject({ grant: pounds(50_000) });
    expect(month("2021-09-01")).toMatchObject({ grant: pounds(35_000), shortfall: pounds(15_000) });
    expect(month("2022-09-01")).toMatchObject({ grant: pounds(25_000), shortfall: pounds(25_000) });
    expect(month("2023-09-01")).toMatchObject({ grant: 0, shortfall: pounds(50_000) });
  });

  it("adds months into financial years: 2021-22 has £495,000 of grant and a £105,000 shortfall; 2024-25 is £600,000 short", () => {
    expect(fy("2020-21")).toMatchObject({ cost: pounds(350_000), grant: pounds(350_000), shortfall: 0 });
    // April to August 2021 at 100% (5 × £50,000) and September to March at 70% (7 × £35,000).
    expect(fy("2021-22")).toMatchObject({ cost: pounds(600_000), grant: pounds(495_000), shortfall: pounds(105_000) });
    expect(fy("2022-23")).toMatchObject({ grant: pounds(350_000), shortfall: pounds(250_000) });
    expect(fy("2023-24")).toMatchObject({ grant: pounds(125_000), shortfall: pounds(475_000) });
    expect(fy("2024-25")).toMatchObject({ cost: pounds(600_000), grant: 0, shortfall: pounds(600_000) });
  });

  it("and into academic years, where the shares show as they are", () => {
    expect(yearRows(model, "academic").map((r) => r.label)).toEqual(["2020/21", "2021/22", "2022/23", "2023/24", "2024/25"]);
    expect(ay("2020/21")).toMatchObject({ cost: pounds(600_000), grant: pounds(600_000), shortfall: 0 });
    expect(ay("2021/22")).toMatchObject({ grant: pounds(420_000), shortfall: pounds(180_000) });
    expect(ay("2022/23")).toMatchObject({ grant: pounds(300_000), shortfall: pounds(300_000) });
    expect(ay("2023/24")).toMatchObject({ grant: 0, shortfall: pounds(600_000) });
  });

  it("covers whole financial and academic years, from the costs start to a full year after the grant", () => {
    expect(model.from).toBe("2020-04-01");
    expect(model.to).toBe("2025-08-31");
    expect(yearRows(model, "financial").map((r) => r.label)).toEqual(["2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]);
    expect(model.postsWithoutCost).toEqual([]);
  });
});

describe("rounding", () => {
  it("makes every year's total the sum of its months, and a full year's cost exactly the annual cost", () => {
    // £100,000.05 does not divide by 12: April to December get £8,333.34, January to March £8,333.33.
    const { model, fy, month } = flat(100_000.05, { streams: [taper({ sharesBp: [10_000, 3_333] })] });
    expect(month("2021-04-01").cost).toBe(833_334);
    expect(month("2022-03-01").cost).toBe(833_333);
    expect(fy("2021-22").cost).toBe(10_000_005);
    for (const view of ["financial", "academic"] as const) {
      for (const row of yearRows(model, view)) {
        const months = model.months.filter((m) => m.month >= row.start && m.month <= row.end);
        expect(row.cost).toBe(sum(months.map((m) => m.cost)));
        expect(row.grant).toBe(sum(months.map((m) => m.grant)));
        expect(row.shortfall).toBe(row.cost - row.grant);
      }
    }
    // 33.33% of £8,333.34 is 277,750.2222 pence and of £8,333.33 is 277,749.8889: each rounds to 277,750.
    expect(month("2021-09-01").grant).toBe(277_750);
    expect(month("2022-01-01").grant).toBe(277_750);
  });
});

describe("a stream that starts in the middle of a month", () => {
  // Costs from 1 September 2020; the grant from 15 September 2020.
  const { fy, month } = flat(600_000, { streams: [taper({ startDate: "2020-09-15" })], settings: { costsFrom: "2020-09-01" } });

  it("pays the first month by days: 16 of September's 30 days at 100%", () => {
    // £50,000 × 16/30 = £26,666.666…, rounded half up.
    expect(month("2020-09-01")).toMatchObject({ cost: pounds(50_000), grant: 2_666_667, shortfall: 2_333_333 });
  });

  it("shares a month in which a grant year turns: 14 days at 100% and 16 at 70% in September 2021", () => {
    expect(month("2021-09-01").grant).toBe(pounds(42_000));
    expect(month("2021-10-01").grant).toBe(pounds(35_000));
    expect(month("2023-09-01").grant).toBe(pounds(50_000 * 0.5 * (14 / 30)) + 0);
    expect(month("2023-10-01").grant).toBe(0);
  });

  it("counts 12-month periods from the start date itself", () => {
    const s = taper({ startDate: "2020-09-15" });
    expect(["2020-09-14", "2020-09-15", "2021-09-14", "2021-09-15", "2022-09-15", "2023-09-14", "2023-09-15", "2030-01-01"].map((d) => streamShareOn(s, d))).toEqual([0, 10_000, 10_000, 7_000, 5_000, 5_000, 0, 0]);
    // A period from 29 February ends when 12 calendar months do: on 28 February the next year.
    expect(streamShareOn(taper({ startDate: "2020-02-29" }), "2021-02-27")).toBe(10_000);
    expect(streamShareOn(taper({ startDate: "2020-02-29" }), "2021-02-28")).toBe(7_000);
    expect(fy("2020-21").shortfall).toBe(2_333_333);
  });
});

describe("the stream's total", () => {
  it("stops the grant when the cap binds, part way through a month", () => {
    // Year 1 pays £600,000; £400,000 is left for year 2 at £35,000 a month: 11 months, then £15,000.
    const { model, month, fy } = flat(600_000, { streams: [taper({ totalPence: pounds(1_000_000) })] });
    expect(month("2022-07-01").grant).toBe(pounds(35_000));
    expect(month("2022-08-01")).toMatchObject({ grant: pounds(15_000), shortfall: pounds(35_000) });
    expect(month("2022-09-01")).toMatchObject({ grant: 0, shortfall: pounds(50_000) });
    expect(sum(model.months.map((m) => m.grant))).toBe(pounds(1_000_000));
    expect(model.streams[0]).toMatchObject({ paid: pounds(1_000_000), wouldPay: pounds(600_000 + 420_000 + 300_000), exhaustedIn: "2022-08-01", paysUntil: "2022-09-01" });
    expect(fy("2022-23").grant).toBe(pounds(35_000 * 4 + 15_000));
  });

  it("does not bind when it is large enough", () => {
    const { model } = flat(600_000, { streams: [taper({ totalPence: pounds(1_320_000) })] });
    expect(model.streams[0]).toMatchObject({ paid: pounds(1_320_000), exhaustedIn: null, paysUntil: "2023-09-01" });
  });
});

describe("uplift", () => {
  it("raises costs on each 1 April after their date, compounding, each year to the penny", () => {
    // £615,000 at 2020-21 prices, 2.5% a year: £630,375 in 2021-22, £646,134.38 in 2022-23.
    const { fy, month } = flat(615_000, { settings: { upliftBp: 250 } });
    expect(month("2021-03-01").cost).toBe(pounds(615_000 / 12));
    expect(fy("2021-22").cost).toBe(pounds(630_375));
    expect(fy("2022-23").cost).toBe(64_613_438);
    // £646,134.38 in 12: 2 months of £53,844.54 and 10 of £53,844.53.
    expect(month("2022-04-01").cost).toBe(5_384_454);
    expect(month("2022-06-01").cost).toBe(5_384_453);
  });

  it("takes a cost at the prices of its own date's financial year", () => {
    const rate = { annualPence: pounds(50_000), from: "2022-04-01" };
    const facts: CostFacts = { posts: [post("p", { establishedOn: "2020-01-01" })], appointments: [], postCosts: [], roleRates: [{ ...rate, role: "mental-health" }], settings: { ...DEFAULT_SETTINGS, upliftBp: 300 } };
    expect(establishmentAnnualCost(facts, "2022-04-01").pence).toBe(pounds(50_000));
    expect(establishmentAnnualCost(facts, "2023-03-31").pence).toBe(pounds(50_000));
    expect(establishmentAnnualCost(facts, "2023-04-01").pence).toBe(pounds(51_500));
    // Never reduced for years before its own.
    expect(establishmentAnnualCost(facts, "2021-06-01").pence).toBe(pounds(50_000));
  });
});

describe("cost basis: a post vacant for part of a year", () => {
  // In post from 1 September 2020; the holder's last day is 15 November 2021; the next starts 1 February 2022.
  const appointments = [appt("p", { lastDay: "2021-11-15" }), appt("p", { startDate: "2022-02-01" })];

  it("on the establishment basis costs the full year: vacancy saves nothing", () => {
    const { fy } = flat(600_000, { appointments });
    expect(fy("2021-22").cost).toBe(pounds(600_000));
  });

  it("on the in-post basis costs only the days filled: 15 of November's 30, none of December or January", () => {
    const { fy, month } = flat(600_000, { appointments, settings: { costBasis: "in-post" } });
    expect(month("2021-11-01")).toMatchObject({ cost: pounds(25_000), grant: pounds(17_500) });
    expect(month("2021-12-01").cost).toBe(0);
    expect(month("2022-01-01").cost).toBe(0);
    expect(month("2022-02-01").cost).toBe(pounds(50_000));
    expect(fy("2021-22")).toMatchObject({ cost: pounds(475_000), grant: pounds(250_000 + 17_500 + 35_000 * 4), shortfall: pounds(475_000 - 407_500) });
  });

  it("on the in-post basis counts part-time holders and caps a job share at the post's FTE", () => {
    const { month } = flat(600_000, {
      appointments: [appt("p", { fte: 0.6 }), appt("q", { fte: 0.5 }), appt("q", { fte: 0.5, holder: "job share" }), appt("q", { fte: 0.5, holder: "third", startDate: "2020-10-01" })],
      posts: [post("p"), post("q", { fte: 1 })],
      settings: { costBasis: "in-post" },
    });
    expect(month("2020-09-01").cost).toBe(pounds(30_000 + 50_000));
    expect(month("2020-10-01").cost).toBe(pounds(30_000 + 50_000));
  });

  it("on the in-post basis reports a filled post with no cost recorded", () => {
    const facts: CostFacts = { posts: [post("p", { role: "health-worker" })], appointments: [appt("p", { startDate: "2020-09-16" })], postCosts: [], roleRates: [], settings: { ...DEFAULT_SETTINGS, costBasis: "in-post" } };
    const model = computeFunding({ ...facts, streams: [] }, { from: "2020-09-01", to: "2020-09-30" }, "2020-09-01");
    expect(model.months[0].cost).toBe(0);
    expect(model.postsWithoutCost).toEqual(["p"]);
  });

  it("does not count a holder of a post that is not established", () => {
    const { month } = flat(600_000, { posts: [post("p", { disestablishedOn: "2021-01-01" })], appointments: [appt("p")], settings: { costBasis: "in-post" } });
    expect(month("2020-12-01").cost).toBe(pounds(50_000));
    expect(month("2021-01-01").cost).toBe(0);
  });
});

describe("part months and FTE", () => {
  it("costs a post established on the 16th of a 31-day month for 16 days", () => {
    const { month } = flat(600_000, { posts: [post("p", { establishedOn: "2021-01-16" })], settings: { costsFrom: "2020-09-01" } });
    expect(month("2020-12-01").cost).toBe(0);
    // £50,000 × 16/31 = £25,806.4516…
    expect(month("2021-01-01").cost).toBe(2_580_645);
  });

  it("costs a 0.5 FTE post half the cost of 1 FTE, exactly over a year", () => {
    const { fy } = flat(100_000.05, { posts: [post("p", { fte: 0.5 })] });
    // £50,000.025 rounds half up to £50,000.03; its months add up to it.
    expect(fy("2021-22").cost).toBe(5_000_003);
  });

  it("ignores posts that are not adult specialist, and posts with no FTE", () => {
    const { month } = flat(600_000, { posts: [post("p"), post("sw", { adultSpecialist: false }), post("zero", { fte: 0 })] });
    expect(month("2021-01-01").cost).toBe(pounds(50_000));
  });
});

describe("which cost applies", () => {
  const facts = (o: Partial<CostFacts> = {}): CostFacts => ({
    posts: [post("p"), post("q", { role: "substance-misuse" }), post("r", { role: "health-worker" })],
    appointments: [],
    postCosts: [
      { postId: "p", annualPence: pounds(48_000), from: "2020-09-01" },
      { postId: "p", annualPence: pounds(60_000), from: "2021-10-16" },
    ],
    roleRates: [
      { role: "mental-health", annualPence: pounds(36_000), from: "2020-04-01" },
      { role: "substance-misuse", annualPence: pounds(24_000), from: "2020-04-01" },
    ],
    settings: DEFAULT_SETTINGS,
    ...o,
  });

  it("takes the post's own latest cost from on or before the day, else its role's, else none", () => {
    const f = facts();
    expect(costRateOn(f.postCosts, f.roleRates[0], "2020-08-31")?.annualPence).toBe(pounds(36_000));
    expect(costRateOn(f.postCosts, f.roleRates[0], "2021-10-15")?.annualPence).toBe(pounds(48_000));
    expect(costRateOn(f.postCosts, f.roleRates[0], "2021-10-16")?.annualPence).toBe(pounds(60_000));
    expect(costRateOn([], undefined, "2021-10-16")).toBeNull();
  });

  it("splits a month in which a post's cost changes by days, and reports posts with no cost", () => {
    const f = facts();
    const model = computeFunding({ ...f, streams: [] }, { from: "2021-10-01", to: "2021-10-31" }, "2020-09-01");
    // p: 15 days at £4,000 a month and 16 at £5,000, of 31; q: £2,000; r: no cost.
    expect(model.months[0].cost).toBe(Math.round((15 * 400_000 + 16 * 500_000) / 31) + 200_000);
    expect(model.postsWithoutCost).toEqual(["r"]);
    expect(establishmentAnnualCost(f, "2022-01-01")).toEqual({ pence: pounds(84_000), posts: 3, fteHundredths: 300, missing: 1 });
  });

  it("says what a post costs on a date and where the cost comes from", () => {
    const f = { ...facts(), settings: { ...DEFAULT_SETTINGS, upliftBp: 1_000 } };
    expect(postCostOn(f, post("p"), "2021-01-01")).toEqual({ perFtePence: pounds(48_000), annualPence: pounds(48_000), source: "post" });
    expect(postCostOn(f, post("p", { fte: 0.5 }), "2021-04-01")).toEqual({ perFtePence: pounds(52_800), annualPence: pounds(26_400), source: "post" });
    expect(postCostOn(f, post("q", { role: "substance-misuse" }), "2020-05-01")).toEqual({ perFtePence: pounds(24_000), annualPence: pounds(24_000), source: "role" });
    expect(postCostOn(f, post("r", { role: "health-worker" }), "2021-01-01")).toEqual({ perFtePence: null, annualPence: null, source: null });
  });
});

describe("reserves and several streams", () => {
  const reserves = (o: Partial<StreamFacts> = {}): StreamFacts => ({ id: "ph", name: "Public Health reserves", kind: "reserves", totalPence: pounds(1_800_000), startDate: "2023-07-10", endDate: "2025-07-09", sharesBp: [], ...o });

  it("pays the whole cost through its term, then nothing", () => {
    const s = reserves();
    expect([streamShareOn(s, "2023-07-09"), streamShareOn(s, "2023-07-10"), streamShareOn(s, "2025-07-09"), streamShareOn(s, "2025-07-10")]).toEqual([0, 10_000, 10_000, 0]);
    expect(scheduleEnd(s)).toBe("2025-07-10");
    expect(scheduleEnd(reserves({ endDate: null }))).toBeNull();
    expect(streamShareOn(reserves({ endDate: null }), "2040-01-01")).toBe(10_000);
  });

  it("Dudley-like: £756,000 a year from go-live on 10 July 2023 fits within £1.8m over two years", () => {
    const { model, month } = flat(756_000, { streams: [reserves()], posts: [post("p", { establishedOn: "2023-04-01" })] });
    expect(model.costsFrom).toBe("2023-07-10");
    // July 2023: 22 of 31 days.
    expect(month("2023-07-01")).toMatchObject({ cost: Math.round((6_300_000 * 22) / 31), shortfall: 0 });
    expect(month("2025-07-01")).toMatchObject({ cost: 6_300_000, grant: Math.round((6_300_000 * 9) / 31) });
    expect(model.streams[0]).toMatchObject({ exhaustedIn: null, paysUntil: "2025-07-10" });
    expect(model.streams[0].paid).toBeLessThan(pounds(1_800_000));
  });

  it("stops open-ended reserves when their total runs out, and says so", () => {
    const { facts, model, month } = flat(600_000, { streams: [reserves({ startDate: "2020-09-01", endDate: null, totalPence: pounds(120_000) })] });
    expect(month("2020-10-01")).toMatchObject({ grant: pounds(50_000) });
    expect(month("2020-11-01")).toMatchObject({ grant: pounds(20_000), shortfall: pounds(30_000) });
    expect(model.streams[0]).toMatchObject({ exhaustedIn: "2020-11-01", paysUntil: "2020-12-01" });
    expect(sustainability(facts, model, "2025-01-01")).toMatchObject({ kind: "ends", from: "2020-12-01", firstYearWithout: { label: "2021-22" } });
  });

  it("applies streams in order of start: a later one pays its share of what the earlier left", () => {
    const top = taper({ id: "top", name: "Top-up", startDate: "2021-09-01", sharesBp: [5_000] });
    const { month, model } = flat(600_000, { streams: [top, taper()] });
    // September 2021: DfE pays 70% (£35,000); the top-up's 50% (£25,000) is capped at the £15,000 left.
    expect(month("2021-09-01")).toMatchObject({ grant: pounds(50_000), byStream: { dfe: pounds(35_000), top: pounds(15_000) } });
    expect(model.streams.map((s) => s.id)).toEqual(["dfe", "top"]);
  });

  it("knows that fixed allocations pay nothing towards adult worker costs", () => {
    const fixed: StreamFacts = { ...reserves(), kind: "fixed", endDate: "2023-09-30" };
    expect(streamShareOn(fixed, "2023-08-01")).toBe(0);
    expect(scheduleEnd(fixed)).toBe("2023-10-01");
    expect(scheduleEnd({ ...fixed, endDate: null })).toBeNull();
    const { model } = flat(600_000, { streams: [fixed] });
    expect(model.streams).toEqual([]);
    expect(sum(model.months.map((m) => m.grant))).toBe(0);
  });
});

describe("the taper schedule", () => {
  it("lists its 12-month periods from the start, and the first with nothing", () => {
    expect(taperYears(taper())).toEqual([
      { year: 1, start: "2020-09-01", end: "2021-08-31", shareBp: 10_000 },
      { year: 2, start: "2021-09-01", end: "2022-08-31", shareBp: 7_000 },
      { year: 3, start: "2022-09-01", end: "2023-08-31", shareBp: 5_000 },
      { year: 4, start: "2023-09-01", end: "2024-08-31", shareBp: 0 },
    ]);
  });

  it("ends after the last period with a share", () => {
    expect(scheduleEnd(taper())).toBe("2023-09-01");
    expect(scheduleEnd(taper({ sharesBp: [10_000, 5_000, 0, 0] }))).toBe("2022-09-01");
    expect(scheduleEnd(taper({ sharesBp: [0] }))).toBe("2020-09-01");
  });
});

describe("partner contributions", () => {
  const c = (o: Partial<ContributionFacts>): ContributionFacts => ({ organisationId: "o", financialYear: 2021, amountPence: pounds(10_000), status: "agreed", recurrent: false, ...o });
  const contributions = [
    c({ amountPence: pounds(60_000) }),
    c({ amountPence: pounds(20_000), status: "received" }),
    c({ amountPence: pounds(15_000), status: "proposed" }),
    c({ financialYear: 2022, amountPence: pounds(100_000), recurrent: true }),
    c({ financialYear: 2023, amountPence: pounds(40_000), status: "proposed", recurrent: true }),
    c({ financialYear: 2023, amountPence: pounds(5_000) }),
  ];

  it("counts a recurrent contribution in its year and every later one; a one-off only in its own", () => {
    expect(contributionsIn(contributions, 2020)).toEqual({ agreed: 0, proposed: 0 });
    expect(contributionsIn(contributions, 2021)).toEqual({ agreed: pounds(80_000), proposed: pounds(15_000) });
    expect(contributionsIn(contributions, 2022)).toEqual({ agreed: pounds(100_000), proposed: 0 });
    expect(contributionsIn(contributions, 2023)).toEqual({ agreed: pounds(105_000), proposed: pounds(40_000) });
    expect(contributionsIn(contributions, 2030)).toEqual({ agreed: pounds(100_000), proposed: pounds(40_000) });
  });

  it("leaves a remaining gap of shortfall − agreed, and shows what even the proposed would not cover", () => {
    const { model } = flat(600_000);
    const rows = financialYearRows(model, contributions);
    const y = (label: string) => rows.find((r) => r.label === label)!;
    expect(y("2021-22")).toMatchObject({ shortfall: pounds(105_000), agreed: pounds(80_000), proposed: pounds(15_000), remainingGap: pounds(25_000), notCovered: pounds(10_000) });
    expect(y("2020-21")).toMatchObject({ shortfall: 0, agreed: 0, remainingGap: 0, notCovered: 0 });
    // More agreed than needed: the gap is negative, nothing is left uncovered.
    const generous = financialYearRows(model, [c({ amountPence: pounds(200_000) })]).find((r) => r.label === "2021-22")!;
    expect(generous).toMatchObject({ remainingGap: pounds(-95_000), notCovered: 0 });
  });
});

describe("sustainability", () => {
  it("says from when the authority pays in full, and how much a year", () => {
    const { facts, model } = flat(600_000, { settings: { upliftBp: 250 } });
    const s = sustainability(facts, model, "2025-01-01");
    expect(s).toMatchObject({ kind: "ends", from: "2023-09-01", priceYear: "2023-24", annual: { pence: pounds(646_134.38), posts: 1 }, firstYearWithout: { label: "2024-25" } });
    if (s.kind !== "ends") throw new Error("expected an end");
    expect(s.today).toEqual({ pence: 66_228_774, priceYear: "2024-25" });
    expect(s.firstYearWithout?.shortfall).toBe(66_228_774);
  });

  it("counts from when a binding cap stops the grant, with no later price when today is in the same year", () => {
    const { facts, model } = flat(600_000, { streams: [taper({ totalPence: pounds(1_000_000) })] });
    expect(sustainability(facts, model, "2022-10-01")).toMatchObject({ kind: "ends", from: "2022-09-01", today: null, firstYearWithout: { label: "2023-24", shortfall: pounds(600_000) } });
  });

  it("cannot say when a stream has no end, and says what the authority pays when no stream pays at all", () => {
    const open: StreamFacts = { id: "r", name: "Reserves", kind: "reserves", totalPence: pounds(100_000_000), startDate: "2020-09-01", endDate: null, sharesBp: [] };
    const a = flat(600_000, { streams: [open] });
    expect(sustainability(a.facts, a.model, "2025-01-01")).toEqual({ kind: "open-ended", streamName: "Reserves" });
    const b = flat(600_000, { streams: [] });
    expect(sustainability(b.facts, b.model, "2025-01-01")).toMatchObject({ kind: "no-streams", priceYear: "2024-25", annual: { pence: pounds(600_000) } });
  });

  it("has no first year without grant when the model ends before one", () => {
    const { facts, model } = flat(600_000);
    const cut = { ...model, months: model.months.filter((m) => m.month < "2024-04-01"), to: "2024-03-31" };
    expect(sustainability(facts, cut, "2024-01-01")).toMatchObject({ kind: "ends", firstYearWithout: null });
  });
});

describe("the stretch of time modelled", () => {
  it("starts from the setting, else the earliest stream paying towards costs, else the earliest post, else this financial year", () => {
    const s = [taper({ startDate: "2021-01-04" }), { ...taper({ id: "f", startDate: "2019-01-01" }), kind: "fixed" as const }];
    expect(resolveCostsFrom({ ...DEFAULT_SETTINGS, costsFrom: "2020-06-01" }, s, [], "2025-01-01")).toEqual({ date: "2020-06-01", source: "setting" });
    expect(resolveCostsFrom(DEFAULT_SETTINGS, s, [], "2025-01-01")).toEqual({ date: "2021-01-04", source: "stream" });
    expect(resolveCostsFrom(DEFAULT_SETTINGS, [], [post("p", { establishedOn: "2021-05-01" }), post("q", { establishedOn: null })], "2025-01-01")).toEqual({ date: "2021-05-01", source: "post" });
    expect(resolveCostsFrom(DEFAULT_SETTINGS, [], [post("q", { establishedOn: null })], "2025-06-01")).toEqual({ date: "2025-04-01", source: "today" });
  });

  it("reaches today, every contribution year and a year past the grant, but no more than 20 years", () => {
    const streams = [taper()];
    expect(modelRange({ costsFrom: "2020-09-01", streams, asOf: "2021-01-01", financialYears: [] })).toEqual({ from: "2020-04-01", to: "2025-03-31" });
    expect(modelRange({ costsFrom: "2020-09-01", streams, asOf: "2026-11-23", financialYears: [] }).to).toBe("2027-08-31");
    expect(modelRange({ costsFrom: "2020-09-01", streams, asOf: "2021-01-01", financialYears: [2027] }).to).toBe("2028-08-31");
    expect(modelRange({ costsFrom: "2020-09-01", streams, asOf: "2021-01-01", financialYears: [2090] }).to).toBe("2041-03-31");
    // Open-ended reserves: five years from their start.
    const open: StreamFacts = { ...taper(), kind: "reserves", endDate: null };
    expect(modelRange({ costsFrom: "2020-09-01", streams: [open], asOf: "2021-01-01", financialYears: [] }).to).toBe("2027-03-31");
    expect(monthsBetween("2020-11-15", "2021-02-01")).toEqual(["2020-11-01", "2020-12-01", "2021-01-01", "2021-02-01"]);
    expect(["2023-02-01", "2024-02-01", "1900-02-01", "2000-02-01", "2021-04-01", "2021-12-01"].map(daysInMonth)).toEqual([28, 29, 28, 29, 30, 31]);
  });
});

describe("reported figures", () => {
  it("puts each beside the model's figure for the same year and measure, with the difference", () => {
    const { model } = flat(600_000);
    const rows = yearRows(model, "financial");
    const compared = compareReported(rows, [
      { id: "b", financialYear: 2022, measure: "shortfall", amountPence: 30_781_700, source: "Committee report" },
      { id: "a", financialYear: 2021, measure: "shortfall", amountPence: 7_778_600, source: null },
      { id: "c", financialYear: 2021, measure: "grant", amountPence: pounds(500_000), source: null },
      { id: "d", financialYear: 2035, measure: "cost", amountPence: 1, source: null },
    ]);
    expect(compared.map((r) => [r.label, r.measure, r.computed, r.difference])).toEqual([
      ["2021-22", "grant", pounds(495_000), pounds(-5_000)],
      ["2021-22", "shortfall", pounds(105_000), pounds(105_000) - 7_778_600],
      ["2022-23", "shortfall", pounds(250_000), pounds(250_000) - 30_781_700],
      ["2035-36", "cost", null, null],
    ]);
  });
});

describe("fixed allocations", () => {
  it("sums spend against the budget by financial year and flags spend after the spend-by date", () => {
    const s = allocationSummary({ totalPence: pounds(300_000), endDate: "2023-09-30" }, [
      { streamId: "s", spentOn: "2021-03-01", amountPence: pounds(50_000) },
      { streamId: "s", spentOn: "2020-10-01", amountPence: pounds(100_000) },
      { streamId: "s", spentOn: "2023-10-02", amountPence: pounds(200_000) },
    ]);
    expect(s).toEqual({ budget: pounds(300_000), spent: pounds(350_000), remaining: pounds(-50_000), spentLate: pounds(200_000), byYear: [{ label: "2020-21", spent: pounds(150_000) }, { label: "2023-24", spent: pounds(200_000) }] });
    expect(allocationSummary({ totalPence: 100, endDate: null }, [])).toEqual({ budget: 100, spent: 0, remaining: 100, spentLate: 0, byYear: [] });
  });
});

describe("the whole picture", () => {
  it("resolves the start, reaches every contribution and reported year, and sums each fixed allocation's spend", () => {
    const { facts } = flat(600_000);
    const fixed: StreamFacts = { id: "start-up", name: "Start-up", kind: "fixed", totalPence: pounds(200_000), startDate: "2020-04-01", endDate: "2023-09-30", sharesBp: [] };
    const o = fundingOverview(
      {
        ...facts,
        streams: [taper(), fixed],
        contributions: [{ organisationId: "o", financialYear: 2026, amountPence: pounds(1_000), status: "agreed", recurrent: false }],
        reported: [{ id: "r", financialYear: 2021, measure: "shortfall", amountPence: 7_778_600, source: null }],
        spend: [{ streamId: "start-up", spentOn: "2020-10-01", amountPence: pounds(50_000) }],
      },
      "2022-01-01",
    );
    expect(o.model.costsFrom).toBe("2020-09-01");
    expect(o.costsFromSource).toBe("stream");
    expect(o.financialYears.at(-1)).toMatchObject({ label: "2026-27", agreed: pounds(1_000) });
    expect(o.academicYears[0].label).toBe("2020/21");
    expect(o.reported[0]).toMatchObject({ label: "2021-22", computed: pounds(105_000) });
    expect(o.allocations).toEqual({ "start-up": expect.objectContaining({ spent: pounds(50_000), remaining: pounds(150_000) }) });
    expect(o.sustainability).toMatchObject({ kind: "ends", from: "2023-09-01" });
  });
});

describe("reading a financial year", () => {
  it("takes the forms people write and refuses years that do not follow on", () => {
    expect(["2021-22", "2021/22", "2021-2022", "2021 – 22", "2021", " 2099-00 "].map(parseFinancialYear)).toEqual([2021, 2021, 2021, 2021, 2021, 2099]);
    for (const bad of ["2021-23", "2021-2023", "21-22", "1999-00", "next year", ""]) expect(parseFinancialYear(bad), bad).toBeNull();
  });
});
