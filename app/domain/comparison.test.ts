import { describe, expect, it } from "vitest";
import {
  applyQuery,
  cellState,
  COMPARISON_PAGE_SIZE,
  pageOfRows,
  comparisonRow,
  comparisonSearch,
  comparisonStatus,
  filterRows,
  gapYears,
  goLiveOffsets,
  isMeasure,
  monthEnds,
  monthsSinceGoLive,
  ordinal,
  quartileForRank,
  rankValues,
  readComparisonQuery,
  readSlugs,
  seriesTable,
  sortLink,
  sortRows,
  SORT_KEYS,
  BASE_SORT_KEYS,
  sortValue,
  SORT_VALUE,
  unionOfXs,
  type AuthorityComparisonFacts,
  type ComparisonRow,
} from "./comparison";
import { DEFAULT_SETTINGS } from "./funding";
import { DEFAULT_THRESHOLDS } from "./readiness";

const cell = (percent: number | null, met = (percent ?? 0) >= 70, denominator = percent === null ? 0 : 10) => ({ numerator: 0, denominator, percent, threshold: 70, met });

function row(over: Partial<ComparisonRow> & { name: string }): ComparisonRow {
  return {
    id: over.name,
    slug: over.name.toLowerCase(),
    cohort: "self-funded",
    cohortLabel: "Self-funded",
    region: "West Midlands",
    plannedGoLive: null,
    actualGoLive: null,
    status: "not-ready",
    now: { ready: false, criteria: { "adult-workers": cell(50), mi: cell(80), workshops: cell(null) } },
    goLive: null,
    adultWorkers: { inPost: 5, establishment: 10 },
    charter: { version: 1, signed: 1, partners: 2 },
    hubs: { open: 0, total: 0 },
    fundingGap: { thisYear: { label: "2026-27", pence: 100 }, nextYear: { label: "2027-28", pence: null } },
    outcomes: {},
    ...over,
  };
}

describe("rankValues and quartileForRank", () => {
  it("ranks higher-is-better with ties sharing the best rank and skipping the next", () => {
    const r = rankValues([50, 80, 80, 20, null], (v) => v, "higher");
    expect(r.map((x) => x.rank)).toEqual([3, 1, 1, 4, null]);
    expect(r.map((x) => x.quartile)).toEqual([3, 1, 1, 4, null]);
    expect(r.every((x) => x.of === 4)).toBe(true);
    expect(r[4].value).toBeNull();
  });

  it("ranks lower-is-better (funding gaps)", () => {
    const r = rankValues([300, 100, 200, 100], (v) => v, "lower");
    expect(r.map((x) => x.rank)).toEqual([4, 1, 3, 1]);
    expect(r.map((x) => x.quartile)).toEqual([4, 1, 3, 1]);
  });

  it("gives everyone rank 1 and the top quarter when all are equal", () => {
    expect(rankValues([7, 7, 7], (v) => v, "higher").map((x) => [x.rank, x.quartile])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it("does not rank NaN or infinite values, and copes with nothing", () => {
    expect(rankValues([Number.NaN, 1], (v) => v, "higher").map((x) => x.rank)).toEqual([null, 1]);
    expect(rankValues([], (v: number) => v, "higher")).toEqual([]);
  });

  it("splits ranks into four quarters as evenly as possible", () => {
    expect([1, 2, 3, 4].map((r) => quartileForRank(r, 4))).toEqual([1, 2, 3, 4]);
    expect([1, 2, 3, 4, 5].map((r) => quartileForRank(r, 5))).toEqual([1, 1, 2, 3, 4]);
    expect(quartileForRank(1, 1)).toBe(1);
    expect([1, 2].map((r) => quartileForRank(r, 2))).toEqual([1, 3]);
    expect(quartileForRank(150, 150)).toBe(4);
    expect(quartileForRank(38, 150)).toBe(1);
    expect(quartileForRank(39, 150)).toBe(2);
    expect(() => quartileForRank(0, 3)).toThrow(RangeError);
    expect(() => quartileForRank(4, 3)).toThrow(RangeError);
    expect(() => quartileForRank(1, 0)).toThrow(RangeError);
  });

  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th"]);
  });
});

describe("threshold highlighting", () => {
  it("marks below, met and nothing to count", () => {
    expect(cellState({ denominator: 10, met: false })).toBe("below");
    expect(cellState({ denominator: 10, met: true })).toBe("met");
    expect(cellState({ denominator: 0, met: false })).toBe("nothing");
  });
});

describe("status", () => {
  it("is live once the actual go-live date has come, else ready or not", () => {
    expect(comparisonStatus({ plannedGoLive: null, actualGoLive: "2020-09-01" }, false, "2020-09-01")).toBe("live");
    expect(comparisonStatus({ plannedGoLive: null, actualGoLive: "2020-09-01" }, true, "2020-08-31")).toBe("ready");
    expect(comparisonStatus({ plannedGoLive: "2020-01-01", actualGoLive: null }, false, "2021-01-01")).toBe("not-ready");
  });
});

describe("sorting and filtering", () => {
  const a = row({ name: "Alpha", region: "London", cohort: "originator", cohortLabel: "Originator", plannedGoLive: "2021-01-01", status: "live" });
  const b = row({ name: "beta", now: { ready: true, criteria: { "adult-workers": cell(90), mi: cell(90), workshops: cell(75) } }, status: "ready", fundingGap: { thisYear: { label: "x", pence: -5 }, nextYear: { label: "y", pence: 10 } } });
  const c = row({ name: "Gamma", now: { ready: false, criteria: { "adult-workers": cell(null), mi: cell(10), workshops: cell(10) } }, plannedGoLive: "2020-01-01" });
  const rows = [c, a, b];

  it("sorts by name case-insensitively by default, either way", () => {
    expect(sortRows(rows, "name", "asc").map((r) => r.name)).toEqual(["Alpha", "beta", "Gamma"]);
    expect(sortRows(rows, "name", "desc").map((r) => r.name)).toEqual(["Gamma", "beta", "Alpha"]);
  });

  it("keeps empty values last in both directions and breaks ties by name", () => {
    expect(sortRows(rows, "adult-workers", "asc").map((r) => r.name)).toEqual(["Alpha", "beta", "Gamma"]);
    expect(sortRows(rows, "adult-workers", "desc").map((r) => r.name)).toEqual(["beta", "Alpha", "Gamma"]);
    expect(sortRows(rows, "planned", "asc").map((r) => r.name)).toEqual(["Gamma", "Alpha", "beta"]);
    expect(sortRows(rows, "planned", "desc").map((r) => r.name)).toEqual(["Alpha", "Gamma", "beta"]);
    expect(sortRows(rows, "gap-this", "asc").map((r) => r.name)).toEqual(["beta", "Alpha", "Gamma"]);
    expect(sortRows([row({ name: "Z", hubs: { open: 0, total: 0 } }), row({ name: "Y", hubs: { open: 0, total: 0 } })], "hubs", "asc").map((r) => r.name)).toEqual(["Y", "Z"]);
  });

  it("sorts by an outcome indicator's change per 10,000, empty last", () => {
    const x = row({ name: "X", outcomes: { "cp-plans": { changePer10k: -12.5, assessment: "improving" } } });
    const y = row({ name: "Y", outcomes: { "cp-plans": { changePer10k: 3, assessment: "worsening" } } });
    const z = row({ name: "Z" });
    expect(sortRows([z, y, x], "outcome:cp-plans", "asc").map((r) => r.name)).toEqual(["X", "Y", "Z"]);
    expect(sortRows([z, x, y], "outcome:cp-plans", "desc").map((r) => r.name)).toEqual(["Y", "X", "Z"]);
    expect(sortValue("outcome:cp-plans")(z)).toBeNull();
    expect(readComparisonQuery(new URLSearchParams("sort=outcome:cp-plans")).sort).toBe("outcome:cp-plans");
    expect(readComparisonQuery(new URLSearchParams("sort=outcome:<script>")).sort).toBe("name");
  });

  it("sorts status live, ready, not ready", () => {
    expect(sortRows(rows, "status", "asc").map((r) => r.status)).toEqual(["live", "ready", "not-ready"]);
  });

  it("has a value for every sort key", () => {
    const withGoLive = row({ name: "G", goLive: { date: "2021-01-01", actual: false, onPlans: true, ready: false, criteria: { "adult-workers": cell(1), mi: cell(2), workshops: cell(3) } }, hubs: { open: 1, total: 2 } });
    for (const key of BASE_SORT_KEYS) expect(SORT_VALUE[key](withGoLive)).not.toBeUndefined();
    expect(SORT_KEYS).toEqual(BASE_SORT_KEYS);
    expect(SORT_VALUE["golive-mi"](withGoLive)).toBe(2);
    expect(SORT_VALUE["golive-mi"](a)).toBeNull();
    expect(SORT_VALUE.hubs(withGoLive)).toBe(0.5);
    expect(SORT_VALUE["in-post"](row({ name: "N", adultWorkers: { inPost: 0, establishment: 0 } }))).toBeNull();
    expect(sortRows([withGoLive, a], "golive-adult-workers", "asc")[0]).toBe(withGoLive);
  });

  it("filters by cohort, region and status together", () => {
    expect(filterRows(rows, { cohort: "originator", region: null, status: null })).toEqual([a]);
    expect(filterRows(rows, { cohort: null, region: "West Midlands", status: null })).toEqual([c, b]);
    expect(filterRows(rows, { cohort: null, region: "West Midlands", status: "ready" })).toEqual([b]);
    expect(filterRows(rows, { cohort: null, region: null, status: null })).toEqual(rows);
  });

  it("reads the query string, falling back to the defaults", () => {
    expect(readComparisonQuery(new URLSearchParams("sort=mi&dir=desc&cohort=originator&region=London&status=live"))).toEqual({ sort: "mi", direction: "desc", cohort: "originator", region: "London", status: "live", page: 1 });
    expect(readComparisonQuery(new URLSearchParams("sort=drop+table&dir=sideways&status=maybe&region=%20"))).toEqual({ sort: "name", direction: "asc", cohort: null, region: null, status: null, page: 1 });
  });

  it("reads the page: a whole number from 1, or all; anything else is the first page", () => {
    const page = (q: string) => readComparisonQuery(new URLSearchParams(q)).page;
    expect(page("page=3")).toBe(3);
    expect(page("page=all")).toBe("all");
    for (const bad of ["page=0", "page=-1", "page=2.5", "page=abc", "page=999999", "page=", ""]) expect(page(bad), bad).toBe(1);
  });

  it("cuts the rows into pages of 50, bringing a page past the end back to the last", () => {
    const many = Array.from({ length: 123 }, (_, i) => i + 1);
    expect(COMPARISON_PAGE_SIZE).toBe(50);
    expect(pageOfRows(many, 1)).toMatchObject({ page: 1, pages: 3, from: 1, to: 50 });
    expect(pageOfRows(many, 1).rows).toEqual(many.slice(0, 50));
    expect(pageOfRows(many, 3)).toMatchObject({ page: 3, pages: 3, from: 101, to: 123, rows: many.slice(100) });
    expect(pageOfRows(many, 9)).toMatchObject({ page: 3, from: 101, to: 123 });
    expect(pageOfRows(many, "all")).toMatchObject({ page: "all", pages: 3, from: 1, to: 123, rows: many });
    expect(pageOfRows([], 1)).toEqual({ rows: [], page: 1, pages: 1, from: 0, to: 0 });
    expect(pageOfRows(many.slice(0, 50), 2)).toMatchObject({ page: 1, pages: 1, from: 1, to: 50 });
  });

  it("applies filters then the sort, and writes the query string back", () => {
    const q = readComparisonQuery(new URLSearchParams("region=West+Midlands&sort=mi&dir=desc"));
    expect(applyQuery(rows, q).map((r) => r.name)).toEqual(["beta", "Gamma"]);
    expect(comparisonSearch(q)).toBe("?region=West+Midlands&sort=mi&dir=desc");
    expect(comparisonSearch({ sort: "name", direction: "asc" })).toBe("");
    expect(comparisonSearch({ cohort: "x", status: "live" })).toBe("?cohort=x&status=live");
    expect(comparisonSearch({ ...q, page: 2 })).toBe("?region=West+Midlands&sort=mi&dir=desc&page=2");
    expect(comparisonSearch({ page: "all" })).toBe("?page=all");
    expect(comparisonSearch({ page: 1 })).toBe("");
  });

  it("links each header to sort by it, flipping the direction of the current one", () => {
    const q = readComparisonQuery(new URLSearchParams("sort=mi"));
    expect(sortLink(q, "mi")).toEqual({ search: "?sort=mi&dir=desc", current: "asc" });
    expect(sortLink({ ...q, direction: "desc" }, "mi")).toEqual({ search: "?sort=mi", current: "desc" });
    expect(sortLink(q, "region")).toEqual({ search: "?sort=region", current: null });
    // A new order starts at its first page; showing all stays showing all.
    expect(sortLink({ ...q, page: 3 }, "region").search).toBe("?sort=region");
    expect(sortLink({ ...q, page: "all" }, "region").search).toBe("?sort=region&page=all");
  });
});

describe("time and go-live alignment", () => {
  it("lists month ends up to the as-of date", () => {
    expect(monthEnds("2021-01-15", "2021-03-10")).toEqual(["2021-01-31", "2021-02-28", "2021-03-10"]);
    expect(monthEnds("2020-02-01", "2020-02-29")).toEqual(["2020-02-29"]);
    expect(monthEnds("2021-05-01", "2021-04-30")).toEqual([]);
  });

  it("counts whole months since go-live, negative before it", () => {
    expect(monthsSinceGoLive("2020-09-01", "2020-09-01")).toBe(0);
    expect(monthsSinceGoLive("2020-09-01", "2020-09-30")).toBe(0);
    expect(monthsSinceGoLive("2020-09-01", "2020-10-01")).toBe(1);
    expect(monthsSinceGoLive("2020-09-15", "2020-09-10")).toBe(-1);
    expect(monthsSinceGoLive("2020-09-01", "2020-08-31")).toBe(-1);
    expect(monthsSinceGoLive("2021-01-31", "2021-02-28")).toBe(1);
    expect(monthsSinceGoLive("2023-07-10", "2024-07-09")).toBe(11);
  });

  it("aligns on go-live day: offset 0 is go-live, up to the as-of date", () => {
    const points = goLiveOffsets("2023-07-10", "2023-09-30", 2);
    expect(points).toEqual([
      { offset: -2, date: "2023-05-10" },
      { offset: -1, date: "2023-06-10" },
      { offset: 0, date: "2023-07-10" },
      { offset: 1, date: "2023-08-10" },
      { offset: 2, date: "2023-09-10" },
    ]);
    expect(goLiveOffsets("2030-01-01", "2023-01-01", 1)).toEqual([]);
    for (const p of goLiveOffsets("2020-09-01", "2022-01-01")) expect(monthsSinceGoLive("2020-09-01", p.date)).toBe(p.offset);
  });

  it("puts several series in one table on the union of their points", () => {
    const s = [
      { slug: "a", name: "A", points: new Map<string | number, number | null>([[0, 1], [1, 2]]) },
      { slug: "b", name: "B", points: new Map<string | number, number | null>([[-1, 5], [0, null]]) },
    ];
    const xs = unionOfXs(s);
    expect(xs).toEqual([-1, 0, 1]);
    expect(seriesTable(s, xs)).toEqual([
      { x: -1, values: [null, 5] },
      { x: 0, values: [1, null] },
      { x: 1, values: [2, null] },
    ]);
    expect(unionOfXs([{ slug: "c", name: "C", points: new Map([["2021-02-28", 1], ["2021-01-31", 2]]) }])).toEqual(["2021-01-31", "2021-02-28"]);
  });

  it("reads authority slugs and measures from the query string", () => {
    expect(readSlugs(new URLSearchParams("authorities=walsall,Dudley,,walsall&authorities=telford"))).toEqual(["walsall", "dudley", "telford"]);
    expect(readSlugs(new URLSearchParams(""))).toEqual([]);
    expect(isMeasure("mi")).toBe(true);
    expect(isMeasure("shortfall")).toBe(true);
    expect(isMeasure("nope")).toBe(false);
    expect(isMeasure(null)).toBe(false);
  });

  it("names this financial year and the next", () => {
    expect(gapYears("2026-11-23")).toEqual({ thisYear: { start: "2026-04-01", label: "2026-27" }, nextYear: { start: "2027-04-01", label: "2027-28" } });
    expect(gapYears("2027-03-31").thisYear.label).toBe("2026-27");
  });
});

describe("comparisonRow", () => {
  const base: AuthorityComparisonFacts = {
    authority: { id: "a1", slug: "a", name: "A", cohort: "sfpc-wave-2", region: "London", plannedGoLive: "2021-06-01", actualGoLive: null },
    thresholds: DEFAULT_THRESHOLDS,
    workforce: {
      posts: [
        { id: "p1", role: "substance-misuse", fte: 1, teamId: null, adultSpecialist: true, establishedOn: "2020-01-01", disestablishedOn: null },
        { id: "p2", role: "mental-health", fte: 1, teamId: null, adultSpecialist: true, establishedOn: "2020-01-01", disestablishedOn: null },
      ],
      appointments: [{ id: "x1", postId: "p1", holder: "H", fte: 1, contractType: "permanent", contractEnd: null, startDate: "2020-02-01", startConfirmed: true, lastDay: null }],
    },
    training: { staff: [], attendance: [], miCourseIds: [], requirements: {} },
    funding: { settings: DEFAULT_SETTINGS, posts: [], appointments: [], postCosts: [], roleRates: [], streams: [], contributions: [], reported: [], spend: [] },
    charter: { versions: [], organisations: [], members: [], signatures: [], withdrawals: [] },
    hubs: [
      { plannedOpening: "2021-01-01", forecastOpening: null, actualOpening: "2021-02-01" },
      { plannedOpening: "2022-01-01", forecastOpening: null, actualOpening: null },
    ],
  };

  it("computes the figures on the date and on the planned go-live day", () => {
    const r = comparisonRow(base, "2021-03-31", "2021-03-31");
    expect(r.cohortLabel).toBe("SFPC second wave");
    expect(r.now.criteria["adult-workers"]).toMatchObject({ numerator: 1, denominator: 2, percent: 50, met: false });
    expect(r.adultWorkers).toEqual({ inPost: 1, establishment: 2 });
    expect(r.status).toBe("not-ready");
    expect(r.goLive).toMatchObject({ date: "2021-06-01", actual: false, onPlans: true, ready: false });
    expect(r.charter).toEqual({ version: null, signed: 0, partners: 0 });
    expect(r.hubs).toEqual({ open: 1, total: 2 });
    expect(r.fundingGap.thisYear).toEqual({ label: "2020-21", pence: 0 });
  });

  it("uses the actual go-live date once there is one, and has no go-live figures without any date", () => {
    const live = comparisonRow({ ...base, authority: { ...base.authority, actualGoLive: "2021-03-01" } }, "2021-03-31", "2021-03-31");
    expect(live.status).toBe("live");
    expect(live.goLive).toMatchObject({ date: "2021-03-01", actual: true, onPlans: false });
    const none = comparisonRow({ ...base, authority: { ...base.authority, plannedGoLive: null } }, "2021-03-31", "2021-03-31");
    expect(none.goLive).toBeNull();
  });
});
