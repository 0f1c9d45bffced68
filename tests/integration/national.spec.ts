import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvent } from "../../db/schema";
import type { ComparisonRow } from "~/domain/comparison";
import { loader as dashboardLoader } from "~/routes/a.$slug._index";
import { loader as fundingLoader } from "~/routes/a.$slug.funding._index";
import { loader as partnershipLoader } from "~/routes/a.$slug.partnership._index";
import { loader as planLoader } from "~/routes/a.$slug.plan._index";
import { loader as compareLoader } from "~/routes/national.compare";
import { loader as comparisonLoader } from "~/routes/national.comparison";
import { loader as exportLoader } from "~/routes/national.export";
import { loader as nationalLoader } from "~/routes/national._index";
import { parseCsv } from "~/csv.server";
import { COLD_READ_GROUP, loadNationalComparison } from "~/services/national/comparison.server";
import { countQueries } from "../../db/client";
import { outcomeChangesForAuthorities } from "~/services/outcomes/changes.server";
import { createObservation, createPopulation, createSignedInUser, createSyntheticAuthorities, nationalIndicator, setBaselineRow } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest } from "../helpers/requests";

const t = useTestDatabase();
const TODAY = "2022-01-15";
const ctx = () => testContext(t.db, { now: () => new Date(`${TODAY}T12:00:00Z`) });
type Handler = Parameters<typeof call>[0];
const get = (handler: Handler, url: string, token: string, params: Record<string, string> = {}) => call(handler, getRequest(url, { token }), params, ctx());

type Comparison = Awaited<ReturnType<typeof comparisonLoader>>;
type Dashboard = Awaited<ReturnType<typeof dashboardLoader>>;
type Funding = Awaited<ReturnType<typeof fundingLoader>>;
type Plan = Awaited<ReturnType<typeof planLoader>>;
type Partnership = Awaited<ReturnType<typeof partnershipLoader>>;
type Compare = Awaited<ReturnType<typeof compareLoader>>;

const region = () => `Test region ${Math.random().toString(36).slice(2, 8)}`;
const viewer = () => createSignedInUser(t.db, { nationalRole: "national-viewer" });

async function comparison(token: string, search: string): Promise<Comparison> {
  const o = await get(comparisonLoader, `/national/comparison${search}`, token);
  expect(o.status).toBe(200);
  return o.data as Comparison;
}

describe("national comparison", () => {
  it("shows in each row exactly the figures of the authority's own dashboard, funding, plan and partnership pages", async () => {
    const r = region();
    const mine = await createSyntheticAuthorities(t.db, 6, { region: r });
    const { token } = await viewer();
    const d = await comparison(token, `?region=${encodeURIComponent(r)}&asOf=${TODAY}`);
    expect(d.rows.map((x) => x.slug).sort()).toEqual(mine.map((a) => a.slug).sort());
    expect(d.years).toEqual({ thisYear: "2021-22", nextYear: "2022-23" });
    // Some go live after today: their go-live figures are forecast on current plans, as on the dashboard.
    expect(d.rows.some((x) => x.goLive?.onPlans) && d.rows.some((x) => x.goLive && !x.goLive.onPlans)).toBe(true);
    for (const row of d.rows) {
      const q = `?asOf=${TODAY}`;
      const dash = (await get(dashboardLoader, `/a/${row.slug}${q}`, token, { slug: row.slug })).data as Dashboard;
      const fund = (await get(fundingLoader, `/a/${row.slug}/funding${q}`, token, { slug: row.slug })).data as Funding;
      const plan = (await get(planLoader, `/a/${row.slug}/plan${q}`, token, { slug: row.slug })).data as Plan;
      const part = (await get(partnershipLoader, `/a/${row.slug}/partnership${q}`, token, { slug: row.slug })).data as Partnership;
      for (const c of dash.criteria) expect(row.now.criteria[c.key]).toEqual({ numerator: c.numerator, denominator: c.denominator, percent: c.percent, threshold: c.threshold, met: c.met });
      expect(row.now.ready).toBe(dash.ready);
      expect(row.adultWorkers).toEqual({ inPost: dash.criteria[0].numerator, establishment: dash.criteria[0].denominator });
      expect(row.goLive?.date).toBe(dash.goLive?.date);
      expect(row.goLive?.ready).toBe(dash.goLive?.ready);
      for (const c of dash.goLive!.criteria) expect(row.goLive!.criteria[c.key]).toMatchObject({ numerator: c.numerator, denominator: c.denominator, percent: c.percent, met: c.met });
      expect(row.charter).toEqual({ version: part.summary.current?.number ?? null, signed: part.summary.signed, partners: part.summary.partners });
      expect(row.hubs).toEqual({ open: plan.hubs.open, total: plan.hubs.total });
      const gap = (label: string) => fund.financialYears.find((y) => y.label === label)?.remainingGap ?? null;
      expect(row.fundingGap.thisYear).toEqual({ label: "2021-22", pence: gap("2021-22") });
      expect(row.fundingGap.nextYear).toEqual({ label: "2022-23", pence: gap("2022-23") });
    }
    // The synthetic figures differ from one authority to the next, so the test compares something.
    expect(new Set(d.rows.map((x) => x.now.criteria.mi.percent)).size).toBeGreaterThan(2);
    expect(new Set(d.rows.map((x) => x.fundingGap.thisYear.pence)).size).toBeGreaterThan(2);
    expect(d.rows.some((x) => x.charter.signed > 0) && d.rows.some((x) => x.charter.signed === 0)).toBe(true);
    expect(d.rows.some((x) => x.hubs.open > 0)).toBe(true);
  });

  it("filters by cohort, region and status and sorts by any column, from the query string", async () => {
    const r = region();
    await createSyntheticAuthorities(t.db, 8, { region: r });
    const { token } = await viewer();
    const all = await comparison(token, `?region=${encodeURIComponent(r)}`);
    expect(all.rows).toHaveLength(8);
    expect(all.regions).toContain(r);
    expect(all.query).toMatchObject({ region: r, sort: "name", direction: "asc" });
    expect(all.rows.map((x) => x.name)).toEqual([...all.rows.map((x) => x.name)].sort());

    const live = await comparison(token, `?region=${encodeURIComponent(r)}&status=live`);
    expect(live.rows.length).toBeGreaterThan(0);
    expect(live.rows.map((x) => x.slug)).toEqual(all.rows.filter((x) => x.actualGoLive !== null && x.actualGoLive <= TODAY).map((x) => x.slug));
    const notLive = await comparison(token, `?region=${encodeURIComponent(r)}&status=not-ready`);
    expect(notLive.rows.every((x) => x.status === "not-ready" && !x.now.ready)).toBe(true);

    const originators = await comparison(token, `?region=${encodeURIComponent(r)}&cohort=originator`);
    expect(originators.rows.length).toBe(2);
    expect(originators.rows.every((x) => x.cohort === "originator")).toBe(true);

    const byMi = await comparison(token, `?region=${encodeURIComponent(r)}&sort=mi&dir=desc`);
    const mi = byMi.rows.map((x) => x.now.criteria.mi.percent ?? -1);
    expect(mi).toEqual([...mi].sort((a, b) => b - a));
    const byGap = await comparison(token, `?region=${encodeURIComponent(r)}&sort=gap-this`);
    const gaps = byGap.rows.map((x) => x.fundingGap.thisYear.pence);
    const known = gaps.filter((g): g is number => g !== null);
    // Lowest gap first; authorities whose funding model does not reach this year last.
    expect(gaps).toEqual([...[...known].sort((a, b) => a - b), ...gaps.filter((g) => g === null)]);
  });

  it("downloads exactly the filtered and sorted rows as CSV", async () => {
    const r = region();
    await createSyntheticAuthorities(t.db, 5, { region: r });
    const { token } = await viewer();
    const search = `?region=${encodeURIComponent(r)}&sort=adult-workers&dir=desc&asOf=${TODAY}`;
    const page = await comparison(token, search);
    const o = await get(exportLoader, `/national/export${search}`, token);
    expect(o.status).toBe(200);
    expect(o.headers.get("Content-Type")).toContain("text/csv");
    expect(o.headers.get("Content-Disposition")).toContain(`authorities-comparison-${TODAY}.csv`);
    const csv = parseCsv(o.data as string);
    expect(csv.rows.map((x) => x.values.slug)).toEqual(page.rows.map((x) => x.slug));
    const first = page.rows[0];
    const line = csv.rows[0].values;
    expect(line["adult workers now (%)"]).toBe(String(first.now.criteria["adult-workers"].percent ?? ""));
    expect(line["adult workers in post (fte)"]).toBe(String(first.adultWorkers.inPost));
    expect(line["partners signed"]).toBe(String(first.charter.signed));
    const pence = first.fundingGap.thisYear.pence;
    expect(line["funding gap 2021-22 (£)"]).toBe(pence === null ? "" : (pence / 100).toFixed(2));
    const filtered = parseCsv((await get(exportLoader, `/national/export?region=${encodeURIComponent(r)}&status=live`, token)).data as string);
    expect(filtered.rows.every((x) => x.values.status === "Live")).toBe(true);
  });

  it("compares chosen authorities over time and ranks them among all, with quarters", async () => {
    const r = region();
    const [a, b] = await createSyntheticAuthorities(t.db, 2, { region: r });
    const { token, user } = await viewer();
    const calendar = (await get(compareLoader, `/national/compare?authorities=${a.slug},${b.slug},no-such-place&measure=mi&axis=calendar&asOf=${TODAY}`, token)).data as Compare;
    // One view, one national read: the ranks and the series come from the same snapshot and audit event.
    const reads = await t.db.select({ after: auditEvent.after }).from(auditEvent).where(and(eq(auditEvent.actorUserId, user.id), eq(auditEvent.action, "national.read")));
    expect(reads).toEqual([{ after: { purpose: "national compare" } }]);
    expect(calendar.chosen.map((c) => c.slug)).toEqual([a.slug, b.slug]);
    expect(calendar.unknown).toEqual(["no-such-place"]);
    expect(calendar.table.at(-1)!.x).toBe(TODAY);
    const dashA = (await get(dashboardLoader, `/a/${a.slug}?asOf=${TODAY}`, token, { slug: a.slug })).data as Dashboard;
    expect(calendar.table.at(-1)!.values[0]).toBe(dashA.criteria[1].percent);

    const golive = (await get(compareLoader, `/national/compare?authorities=${a.slug}&authorities=${b.slug}&measure=adult-workers&axis=golive&asOf=${TODAY}`, token)).data as Compare;
    const zero = golive.table.find((x) => x.x === 0)!;
    expect(zero).toBeDefined();
    expect(golive.table[0].x).toBe(-12);
    // Month 0 is each authority's go-live day: the same figure as "at go-live" on its dashboard (both are in the past here).
    expect(zero.values[0]).toBe(dashA.goLive!.criteria[0].percent);

    const mi = calendar.ranks.find((m) => m.key === "mi")!;
    for (const cell of mi.cells) {
      expect(cell.rank).not.toBeNull();
      expect(cell.of).toBeGreaterThanOrEqual(2);
      expect([1, 2, 3, 4]).toContain(cell.quartile);
    }
    const gap = calendar.ranks.find((m) => m.key === "gap-this")!;
    expect(gap.better).toBe("lower");

    const shortfall = (await get(compareLoader, `/national/compare?authorities=${a.slug}&measure=shortfall&asOf=${TODAY}`, token)).data as Compare;
    const fund = (await get(fundingLoader, `/a/${a.slug}/funding?asOf=${TODAY}`, token, { slug: a.slug })).data as Funding;
    const december = fund.months.find((m) => m.month === "2021-12-01")!;
    expect(shortfall.table.find((x) => x.x === "2021-12-31")!.values[0]).toBe(december.shortfall);

    const empty = (await get(compareLoader, `/national/compare`, token)).data as Compare;
    expect(empty.chosen).toEqual([]);
    expect(empty.measure).toBe("adult-workers");
  });

  it("shows each authority's outcome changes since baseline per 10,000, as the outcomes service gives them, sortable, in the CSV and ranked", async () => {
    const r = region();
    const [a, b] = await createSyntheticAuthorities(t.db, 2, { region: r });
    const cp = await nationalIndicator(t.db, "cp-plans");
    for (const [x, before, after] of [
      [a, 370, 227],
      [b, 200, 210],
    ] as const) {
      await createPopulation(t.db, x.id, { year: 2019, population: 50_000 });
      const base = await createObservation(t.db, x.id, cp.id, { periodEnd: "2019-12-31", value: before });
      await createObservation(t.db, x.id, cp.id, { periodEnd: "2021-12-31", value: after });
      await setBaselineRow(t.db, base);
    }
    const { token } = await viewer();
    const d = await comparison(token, `?region=${encodeURIComponent(r)}&sort=outcome:cp-plans&asOf=${TODAY}`);
    const key = cp.key!;
    expect(d.indicators.map((i) => i.key)).toContain(key);
    const expected = await outcomeChangesForAuthorities(t.db, [a.id, b.id], TODAY);
    const change = (id: string) => expected.authorities.find((x) => x.authorityId === id)!.changes.find((c) => c.indicatorKey === key)!;
    expect(change(a.id).changePer10k).toBeLessThan(0);
    expect(d.rows.map((x) => x.slug)).toEqual([a.slug, b.slug]);
    expect(d.rows[0].outcomes[key]).toEqual({ changePer10k: change(a.id).changePer10k, assessment: change(a.id).assessment });
    expect(d.rows[1].outcomes[key]).toEqual({ changePer10k: change(b.id).changePer10k, assessment: change(b.id).assessment });

    const csv = parseCsv((await get(exportLoader, `/national/export?region=${encodeURIComponent(r)}&sort=outcome:cp-plans&asOf=${TODAY}`, token)).data as string);
    const header = `${cp.name.toLowerCase()}: change per 10,000 since baseline`;
    expect(csv.rows[0].values[header]).toBe(String(Math.round(change(a.id).changePer10k! * 10) / 10));

    const compare = (await get(compareLoader, `/national/compare?authorities=${a.slug},${b.slug}&asOf=${TODAY}`, token)).data as Compare;
    const ranked = compare.ranks.find((m) => m.key === `outcome:${key}`)!;
    expect(ranked.better).toBe(cp.direction);
    const [ra, rb] = ranked.cells;
    expect(ra.rank).not.toBeNull();
    expect(ra.rank!).toBeLessThan(rb.rank!);
  });

  it("shows 50 authorities a page, in the sorted order, with all of them one link away and in the CSV", async () => {
    const r = region();
    const made = await createSyntheticAuthorities(t.db, 57, { region: r });
    const { token } = await viewer();
    const byName = made.map((a) => a.slug).sort((x, y) => made.find((a) => a.slug === x)!.name.localeCompare(made.find((a) => a.slug === y)!.name));
    const base = `?region=${encodeURIComponent(r)}&asOf=${TODAY}`;
    const first = await comparison(token, base);
    expect(first.matching).toBe(57);
    expect(first.pagination).toEqual({ page: 1, pages: 2, from: 1, to: 50 });
    const second = await comparison(token, `${base}&page=2`);
    expect(second.pagination).toEqual({ page: 2, pages: 2, from: 51, to: 57 });
    expect([...first.rows, ...second.rows].map((x) => x.slug)).toEqual(byName);
    // Past the end: the last page. All: every row.
    expect((await comparison(token, `${base}&page=9`)).rows.map((x) => x.slug)).toEqual(byName.slice(50));
    expect((await comparison(token, `${base}&page=all`)).rows).toHaveLength(57);
    // Sorted the other way, page 1 starts from the other end.
    expect((await comparison(token, `${base}&dir=desc`)).rows[0].slug).toBe(byName[56]);
    // The download holds every matching row whatever page is shown.
    const csv = parseCsv((await get(exportLoader, `/national/export${base}&page=2`, token)).data as string);
    expect(csv.rows.map((x) => x.values.slug)).toEqual(byName);
  });

  it("is national only: a tenant user gets 404 on every national page", async () => {
    const [a] = await createSyntheticAuthorities(t.db, 1, { region: region() });
    for (const role of ["programme-manager", "viewer"] as const) {
      const { token } = await createSignedInUser(t.db, { authorityId: a.id, role });
      for (const [handler, url] of [
        [nationalLoader, "/national"],
        [comparisonLoader, "/national/comparison"],
        [compareLoader, `/national/compare?authorities=${a.slug}`],
        [exportLoader, "/national/export"],
      ] as const)
        expect((await get(handler as Handler, url, token)).status, url).toBe(404);
    }
  });

  it("makes the same number of queries for 10 authorities as for 150, and reads facts a bounded group at a time", async () => {
    const ten = await createSyntheticAuthorities(t.db, 10, { region: region() });
    const more = await createSyntheticAuthorities(t.db, 140, { region: region() });
    const asOf = { asOf: TODAY, today: TODAY, reader: { actor: { userId: null, label: "test" }, purpose: "query count" } };
    const run = async (ids: string[]) => {
      const { result, queries } = await countQueries(() => loadNationalComparison(t.db, ids, asOf));
      return { rows: result.rows.length, queries };
    };
    const all = [...ten, ...more].map((a) => a.id);
    // Cold: no rows kept. Ten authorities are one group; the other 140 are six more.
    const small = await run(ten.map((a) => a.id));
    const large = await run(all);
    expect(small.rows).toBe(10);
    expect(large.rows).toBe(150);
    // Kept rows: the same queries whatever the number of authorities.
    const warmSmall = await run(ten.map((a) => a.id));
    const warmLarge = await run(all);
    expect(warmLarge.queries).toBe(warmSmall.queries);
    // Each group of stale authorities costs the same fixed set of queries, however big.
    const perGroup = small.queries - warmSmall.queries;
    expect(perGroup).toBeGreaterThan(0);
    expect(large.queries - warmLarge.queries).toBe(Math.ceil(140 / COLD_READ_GROUP) * perGroup);
    // 26 reads, plus the national read path's audit event and settings (ADR 0008).
    expect(small.queries).toBeLessThanOrEqual(31);

    // The page itself: the same count however many authorities exist.
    const { token } = await viewer();
    const page = async () => (await countQueries(() => get(comparisonLoader, `/national/comparison?asOf=${TODAY}`, token))).queries;
    const before = await page();
    await createSyntheticAuthorities(t.db, 20, { region: region() });
    expect(await page()).toBe(before);
  });
});

// Keep the row type in use so the import documents what the page returns.
export type { ComparisonRow };
