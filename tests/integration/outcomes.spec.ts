import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { roundPercent } from "~/domain/format";
import { loader as exportLoader } from "~/routes/a.$slug.outcomes.export";
import { action as figureAction, loader as figureLoader } from "~/routes/a.$slug.outcomes.figures.$observationId";
import { action as confirmAction, loader as previewLoader } from "~/routes/a.$slug.outcomes.import.$batchId";
import { action as uploadAction, loader as importsLoader } from "~/routes/a.$slug.outcomes.import._index";
import { action as indicatorAction, loader as indicatorLoader } from "~/routes/a.$slug.outcomes.indicators.$indicatorId";
import { action as newIndicatorAction, loader as newIndicatorLoader } from "~/routes/a.$slug.outcomes.indicators.new";
import { action as populationAction, loader as populationLoader } from "~/routes/a.$slug.outcomes.population";
import { loader as scorecardLoader } from "~/routes/a.$slug.outcomes._index";
import { action as nationalAction, loader as nationalLoader } from "~/routes/national.indicators";
import { outcomeChangesForAuthorities } from "~/services/outcomes/changes.server";
import { countQueries } from "../../db/client";
import { auditEvent, importBatch, outcomeIndicator, outcomeObservation } from "../../db/schema";
import { createAuthority, createCustomIndicator, createObservation, createPopulation, createSignedInUser, nationalIndicator, setBaselineRow } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, type Outcome } from "../helpers/requests";
import { uploadRequest } from "../helpers/upload";

const t = useTestDatabase();
const TODAY = "2022-06-30";
const ctx = () => testContext(t.db, { now: () => new Date(`${TODAY}T12:00:00Z`) });
type Handler = Parameters<typeof call>[0];
type Data = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const get = (handler: Handler, url: string, params: Record<string, string>, token: string) => call(handler, getRequest(url, { token }), params, ctx());
const post = (handler: Handler, url: string, params: Record<string, string>, token: string, form: Record<string, string>) => call(handler, postRequest(url, form, { token }), params, ctx());
const errors = (o: Outcome) => (o.data as { error: Record<string, string[]> }).error;

async function setup(role: "programme-manager" | "contributor" | "viewer" = "contributor") {
  const a = await createAuthority(t.db, { actualGoLive: "2020-09-01" });
  const u = await createSignedInUser(t.db, { authorityId: a.id, role });
  return { a, token: u.token, user: u.user, cp: await nationalIndicator(t.db, "cp-plans"), care: await nationalIndicator(t.db, "entering-care") };
}

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

describe("recording figures", () => {
  it("adds figures, sets the baseline and shows the change and the rate per 10,000 on the scorecard, audited", async () => {
    const { a, token, cp } = await setup();
    await createPopulation(t.db, a.id, { year: 2019, population: 74_000, source: "ONS mid-year estimate", illustrative: false });
    const url = `/a/${a.slug}/outcomes/indicators/${cp.id}`;
    const params = { slug: a.slug, indicatorId: cp.id };
    const first = await post(indicatorAction, url, params, token, { intent: "add", date: "2019-12-31", value: "370", source: "Committee report", makeBaseline: "on" });
    expect(first.status).toBe(302);
    expect(first.location).toBe(url);
    const second = await post(indicatorAction, url, params, token, { intent: "add", date: "2021-12-31", value: "227" });
    expect(second.status).toBe(302);

    const card = (await get(scorecardLoader, `/a/${a.slug}/outcomes?asOf=2022-01-31`, { slug: a.slug }, token)).data as Data;
    const row = card.rows.find((r: Data) => r.indicator.key === "cp-plans");
    expect(row.comparison).toMatchObject({ baseline: { value: 370 }, latest: { value: 227 }, change: -143, assessment: "improving" });
    expect(roundPercent(row.comparison.changePercent, 1)).toBe(-38.6);
    expect(row.comparison.baselinePer10k).toBeCloseTo(50, 10);
    expect(row.comparison.changePer10k).toBeCloseTo((-143 * 10_000) / 74_000, 10);
    expect(card.population).toMatchObject({ year: 2019, population: 74_000 });

    const detail = (await get(indicatorLoader, url, params, token)).data as Data;
    expect(detail.series.map((p: Data) => [p.periodEnd, p.value, p.isBaseline, p.monthsSinceGoLive])).toEqual([
      ["2019-12-31", 370, true, -9],
      ["2021-12-31", 227, false, 15],
    ]);
    const audits = await t.db.select().from(auditEvent).where(eq(auditEvent.authorityId, a.id)).orderBy(asc(auditEvent.id));
    expect(audits.map((e) => e.action)).toEqual(["outcome-observation.created", "outcome-baseline.set", "outcome-observation.created"]);
    expect(audits[0].after).toMatchObject({ indicatorId: cp.id, periodEnd: "2019-12-31", value: 370, source: "Committee report" });
  });

  it("refuses bad figures beside the field and writes nothing", async () => {
    const { a, token, cp, care } = await setup();
    const add = (indicatorId: string, form: Record<string, string>) => post(indicatorAction, `/a/${a.slug}/outcomes/indicators/${indicatorId}`, { slug: a.slug, indicatorId }, token, { intent: "add", ...form });
    const missing = await add(cp.id, { value: "" });
    expect(missing.status).toBe(400);
    expect(errors(missing).value).toEqual(["Enter the figure"]);
    const noDate = await add(cp.id, { value: "12" });
    expect(noDate.status).toBe(422);
    expect(errors(noDate).date).toEqual(["Enter the date the count is for"]);
    const future = await add(cp.id, { date: "2022-07-01", value: "12" });
    expect(errors(future).date).toEqual(["The date cannot be in the future"]);
    const notNumber = await add(cp.id, { date: "2022-01-01", value: "twelve" });
    expect(notNumber.status).toBe(400);
    const decimals = await add(cp.id, { date: "2022-01-01", value: "12.5" });
    expect(errors(decimals).value).toEqual(["A count must be a whole number"]);
    const backwards = await add(care.id, { periodStart: "2021-04-01", periodEnd: "2021-03-31", value: "12" });
    expect(errors(backwards).periodEnd).toEqual(["The last day must be on or after the first day"]);
    expect(await t.db.select().from(outcomeObservation).where(eq(outcomeObservation.authorityId, a.id))).toHaveLength(0);
    await add(cp.id, { date: "2022-01-01", value: "12" });
    const twice = await add(cp.id, { date: "2022-01-01", value: "13" });
    expect(twice.status).toBe(422);
    expect(errors(twice).date[0]).toMatch(/already recorded/);
    const baseline = await post(indicatorAction, `/a/${a.slug}/outcomes/indicators/${cp.id}`, { slug: a.slug, indicatorId: cp.id }, token, { intent: "baseline", observationId: "00000000-0000-0000-0000-000000000000" });
    expect(errors(baseline).observationId).toEqual(["Choose one of this indicator's figures"]);
  });

  it("changes a figure with its version, detects a conflict, and deletes it", async () => {
    const { a, token, cp } = await setup("programme-manager");
    const o = await createObservation(t.db, a.id, cp.id, { periodEnd: "2021-12-31", value: 227 });
    const url = `/a/${a.slug}/outcomes/figures/${o.id}`;
    const params = { slug: a.slug, observationId: o.id };
    const form = (await get(figureLoader, url, params, token)).data as Data;
    expect(form.values).toMatchObject({ date: "2021-12-31", value: "227" });
    const saved = await post(figureAction, url, params, token, { intent: "save", version: "1", date: "2021-12-31", value: "228", notes: "Corrected" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/a/${a.slug}/outcomes/indicators/${cp.id}`);
    const stale = await post(figureAction, url, params, token, { intent: "save", version: "1", date: "2021-12-31", value: "229" });
    expect(stale.status).toBe(409);
    const staleDelete = await post(figureAction, url, params, token, { intent: "delete", version: "1" });
    expect(staleDelete.status).toBe(409);
    const [row] = await t.db.select().from(outcomeObservation).where(eq(outcomeObservation.id, o.id));
    expect(row).toMatchObject({ value: 228, notes: "Corrected", version: 2 });
    const deleted = await post(figureAction, url, params, token, { intent: "delete", version: "2" });
    expect(deleted.status).toBe(302);
    expect(await t.db.select().from(outcomeObservation).where(eq(outcomeObservation.id, o.id))).toHaveLength(0);
    const audits = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, o.id)).orderBy(asc(auditEvent.id));
    expect(audits.map((e) => [e.action, e.before, e.after])).toEqual([
      ["outcome-observation.updated", { value: 227, notes: null }, { value: 228, notes: "Corrected" }],
      ["outcome-observation.deleted", expect.objectContaining({ value: 228, periodEnd: "2021-12-31" }), null],
    ]);
  });

  it("compares a flow only with a later period of the same length", async () => {
    const { a, token, care } = await setup();
    const b = await createObservation(t.db, a.id, care.id, { periodStart: "2019-04-01", periodEnd: "2020-03-31", value: 242 });
    await setBaselineRow(t.db, b);
    await createObservation(t.db, a.id, care.id, { periodStart: "2022-01-01", periodEnd: "2022-03-31", value: 30 });
    const d = (await get(indicatorLoader, `/a/${a.slug}/outcomes/indicators/${care.id}`, { slug: a.slug, indicatorId: care.id }, token)).data as Data;
    expect(d.comparison.latest).toBeNull();
    expect(d.series.map((p: Data) => p.comparable)).toEqual([true, false]);
    await createObservation(t.db, a.id, care.id, { periodStart: "2021-03-01", periodEnd: "2022-02-28", value: 166 });
    const again = (await get(indicatorLoader, `/a/${a.slug}/outcomes/indicators/${care.id}`, { slug: a.slug, indicatorId: care.id }, token)).data as Data;
    expect(again.comparison).toMatchObject({ latest: { value: 166 }, change: -76 });
  });

  it("adds an indicator of the authority's own (names unique), and the child population by year", async () => {
    const { a, token } = await setup();
    const created = await post(newIndicatorAction, `/a/${a.slug}/outcomes/indicators/new`, { slug: a.slug }, token, { name: "Families stepped down", unit: "count", periodType: "flow", direction: "higher" });
    expect(created.status).toBe(302);
    const [own] = await t.db.select().from(outcomeIndicator).where(eq(outcomeIndicator.authorityId, a.id));
    expect(own).toMatchObject({ name: "Families stepped down", periodType: "flow", direction: "higher", key: null });
    const clash = await post(newIndicatorAction, `/a/${a.slug}/outcomes/indicators/new`, { slug: a.slug }, token, { name: "children entering care", unit: "count", periodType: "flow", direction: "lower" });
    expect(errors(clash).name[0]).toMatch(/already exists/);
    const bad = await post(newIndicatorAction, `/a/${a.slug}/outcomes/indicators/new`, { slug: a.slug }, token, { name: "x", unit: "kg" });
    expect(Object.keys(errors(bad)).sort()).toEqual(["direction", "periodType", "unit"]);
    const card = (await get(scorecardLoader, `/a/${a.slug}/outcomes`, { slug: a.slug }, token)).data as Data;
    expect(card.rows.at(-1).indicator.name).toBe("Families stepped down");

    const pop = (form: Record<string, string>) => post(populationAction, `/a/${a.slug}/outcomes/population`, { slug: a.slug }, token, form);
    expect((await pop({ year: "2021", population: "67,900", source: "Illustration", illustrative: "yes" })).status).toBe(302);
    expect((await pop({ year: "2021", population: "68,000", source: "ONS", illustrative: "no" })).status).toBe(302);
    const badPop = await pop({ year: "21", population: "lots", source: "" });
    expect(Object.keys(errors(badPop)).sort()).toEqual(["illustrative", "population", "source", "year"]);
    const list = (await get(populationLoader, `/a/${a.slug}/outcomes/population`, { slug: a.slug }, token)).data as Data;
    expect(list.populations).toEqual([{ year: 2021, population: 68_000, source: "ONS", illustrative: false }]);
    const audits = await t.db.select().from(auditEvent).where(and(eq(auditEvent.authorityId, a.id), eq(auditEvent.entityType, "child-population"))).orderBy(asc(auditEvent.id));
    expect(audits.map((e) => e.action)).toEqual(["child-population.created", "child-population.updated"]);
  });

  it("lets national admins add a national indicator that every scorecard then has", async () => {
    const admin = await createSignedInUser(t.db, { nationalRole: "national-admin" });
    const viewer = await createSignedInUser(t.db, { nationalRole: "national-viewer" });
    const name = `Care leavers in education ${Math.random().toString(36).slice(2, 6)}`;
    const refused = await call(nationalAction, postRequest("/national/indicators", { name, unit: "percent", periodType: "snapshot", direction: "higher" }, { token: viewer.token }), {}, ctx());
    expect(refused.status).toBe(403);
    const added = await call(nationalAction, postRequest("/national/indicators", { name, unit: "percent", periodType: "snapshot", direction: "higher" }, { token: admin.token }), {}, ctx());
    expect(added.status).toBe(302);
    const list = (await call(nationalLoader, getRequest("/national/indicators", { token: viewer.token }), {}, ctx())).data as Data;
    expect(list.admin).toBe(false);
    expect(list.indicators.map((i: Data) => i.name)).toContain(name);
    const { a, token } = await setup("viewer");
    const card = (await get(scorecardLoader, `/a/${a.slug}/outcomes`, { slug: a.slug }, token)).data as Data;
    expect(card.rows.some((r: Data) => r.indicator.name === name && r.indicator.authorityId === null)).toBe(true);
  });
});

describe("CSV import and export", () => {
  const upload = (slug: string, token: string, content: string, name = "figures.csv") => call(uploadAction, uploadRequest(`/a/${slug}/outcomes/import`, { name, content }, {}, { token }), { slug }, ctx());
  const batchIdOf = (o: Outcome) => o.location?.split("/").at(-1) ?? "";

  it("previews, then imports every row on confirmation; exports them; importing the export changes nothing", async () => {
    const { a, token } = await setup();
    const csv = ["indicator,date,period_start,period_end,value,source,notes", "cp-plans,31/12/2019,,,370,Report,Baseline", "cp-plans,2021-12-31,,,227,Report,", "entering-care,,2019-04-01,2020-03-31,242,Report,"].join("\n");
    const up = await upload(a.slug, token, csv);
    expect(up.status).toBe(302);
    const batchId = batchIdOf(up);
    const preview = (await get(previewLoader, `/a/${a.slug}/outcomes/import/${batchId}`, { slug: a.slug, batchId }, token)).data as Data;
    expect(preview.preview).toMatchObject({ issues: [], summary: { created: 3, updated: 0, unchanged: 0 }, status: "previewed" });
    expect(preview.preview.sample[0]).toMatchObject({ line: 2, action: "create", indicator: "Children on a child protection plan", description: "31 December 2019: 370" });
    expect(await t.db.select().from(outcomeObservation).where(eq(outcomeObservation.authorityId, a.id))).toHaveLength(0);

    const done = await call(confirmAction, postRequest(`/a/${a.slug}/outcomes/import/${batchId}`, { intent: "confirm" }, { token }), { slug: a.slug, batchId }, ctx());
    expect(done.status).toBe(302);
    const rows = await t.db.select().from(outcomeObservation).where(eq(outcomeObservation.authorityId, a.id)).orderBy(asc(outcomeObservation.periodEnd));
    expect(rows.map((r) => [r.periodStart, r.periodEnd, r.value, r.source, r.notes])).toEqual([
      ["2019-12-31", "2019-12-31", 370, "Report", "Baseline"],
      ["2019-04-01", "2020-03-31", 242, "Report", null],
      ["2021-12-31", "2021-12-31", 227, "Report", null],
    ].sort((x, y) => String(x[1]).localeCompare(String(y[1]))));
    const again = await call(confirmAction, postRequest(`/a/${a.slug}/outcomes/import/${batchId}`, { intent: "confirm" }, { token }), { slug: a.slug, batchId }, ctx());
    expect(again.status).toBe(422);
    const audits = await t.db.select().from(auditEvent).where(and(eq(auditEvent.authorityId, a.id), eq(auditEvent.action, "outcomes.imported")));
    expect(audits.map((e) => e.after)).toEqual([{ filename: "figures.csv", rows: 3, created: 3, updated: 0, unchanged: 0 }]);

    const exported = await get(exportLoader, `/a/${a.slug}/outcomes/export`, { slug: a.slug }, token);
    expect(exported.headers.get("Content-Type")).toContain("text/csv");
    const text = String(exported.data);
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("indicator,indicator_name,period_type,unit,period_start,period_end,value,source,notes,baseline");
    expect(text).toContain("cp-plans,Children on a child protection plan,snapshot,count,2019-12-31,2019-12-31,370,Report,Baseline,no");
    expect(text).toContain("entering-care,Children entering care,flow,count,2019-04-01,2020-03-31,242,Report,,no");
    const round = await upload(a.slug, token, text, "export.csv");
    const roundId = batchIdOf(round);
    const roundPreview = (await get(previewLoader, `/a/${a.slug}/outcomes/import/${roundId}`, { slug: a.slug, batchId: roundId }, token)).data as Data;
    expect(roundPreview.preview.summary).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const template = await get(exportLoader, `/a/${a.slug}/outcomes/export?template=1`, { slug: a.slug }, token);
    expect(String(template.data).replace(/^\uFEFF/, "").trim()).toBe("indicator,indicator_name,period_type,unit,period_start,period_end,value,source,notes,baseline");
    const list = (await get(importsLoader, `/a/${a.slug}/outcomes/import`, { slug: a.slug }, token)).data as Data;
    expect(list.imports.map((i: Data) => i.status)).toEqual(["previewed", "applied"]);
  });

  it("writes nothing when any row is invalid", async () => {
    const { a, token } = await setup();
    const csv = ["indicator,date,value", "cp-plans,2021-12-31,227", "cp-plans,2021-13-45,1", "no-such-thing,2021-12-31,1"].join("\n");
    const up = await upload(a.slug, token, csv);
    const batchId = batchIdOf(up);
    const preview = (await get(previewLoader, `/a/${a.slug}/outcomes/import/${batchId}`, { slug: a.slug, batchId }, token)).data as Data;
    expect(preview.preview.issues.map((i: Data) => [i.line, i.column])).toEqual([
      [3, "date"],
      [4, "indicator"],
    ]);
    const refused = await call(confirmAction, postRequest(`/a/${a.slug}/outcomes/import/${batchId}`, { intent: "confirm" }, { token }), { slug: a.slug, batchId }, ctx());
    expect(refused.status).toBe(422);
    expect((refused.data as Data).message).toBe("The file has 2 problems: nothing has been imported.");
    expect(await t.db.select().from(outcomeObservation).where(eq(outcomeObservation.authorityId, a.id))).toHaveLength(0);
    const [batch] = await t.db.select().from(importBatch).where(eq(importBatch.id, batchId));
    expect(batch.status).toBe("previewed");
    const missingColumn = await upload(a.slug, token, "indicator,date\ncp-plans,2021-12-31");
    const mcId = batchIdOf(missingColumn);
    const mc = (await get(previewLoader, `/a/${a.slug}/outcomes/import/${mcId}`, { slug: a.slug, batchId: mcId }, token)).data as Data;
    expect(mc.preview.issues).toEqual([{ line: 1, message: 'The header row is missing "value".' }]);
    const empty = await upload(a.slug, token, "");
    expect(empty.status).toBe(400);
  });
});

describe("who may do what", () => {
  async function pages(a: { id: string; slug: string }) {
    const cp = await nationalIndicator(t.db, "cp-plans");
    const o = await createObservation(t.db, a.id, cp.id, { periodEnd: "2021-12-31", value: 10 });
    const own = await createCustomIndicator(t.db, a.id);
    const [batch] = await t.db.insert(importBatch).values({ authorityId: a.id, kind: "outcomes", filename: "f.csv", content: "indicator,date,value\ncp-plans,2021-03-31,5", rowCount: 1, status: "previewed" }).returning();
    const base = `/a/${a.slug}/outcomes`;
    const s = { slug: a.slug };
    return {
      loaders: [
        [scorecardLoader, base, s],
        [indicatorLoader, `${base}/indicators/${cp.id}`, { ...s, indicatorId: cp.id }],
        [indicatorLoader, `${base}/indicators/${own.id}`, { ...s, indicatorId: own.id }],
        [populationLoader, `${base}/population`, s],
        [exportLoader, `${base}/export`, s],
        [importsLoader, `${base}/import`, s],
        [previewLoader, `${base}/import/${batch.id}`, { ...s, batchId: batch.id }],
      ] as Array<[Handler, string, Record<string, string>]>,
      editLoaders: [
        [newIndicatorLoader, `${base}/indicators/new`, s],
        [figureLoader, `${base}/figures/${o.id}`, { ...s, observationId: o.id }],
      ] as Array<[Handler, string, Record<string, string>]>,
      actions: [
        [indicatorAction, `${base}/indicators/${cp.id}`, { ...s, indicatorId: cp.id }, { intent: "add", date: "2022-01-01", value: "1" }],
        [figureAction, `${base}/figures/${o.id}`, { ...s, observationId: o.id }, { intent: "delete", version: "1" }],
        [newIndicatorAction, `${base}/indicators/new`, s, { name: "Anything", unit: "count", periodType: "snapshot", direction: "lower" }],
        [populationAction, `${base}/population`, s, { year: "2021", population: "100", source: "x", illustrative: "no" }],
        [confirmAction, `${base}/import/${batch.id}`, { ...s, batchId: batch.id }, { intent: "confirm" }],
      ] as Array<[Handler, string, Record<string, string>, Record<string, string>]>,
      observationId: o.id,
    };
  }

  it("lets viewers read every outcomes page and refuses them every action (403), changing nothing", async () => {
    const { a, token } = await setup("viewer");
    const p = await pages(a);
    for (const [handler, url, params] of p.loaders) expect((await get(handler, url, params, token)).status, url).toBe(200);
    for (const [handler, url, params] of p.editLoaders) expect((await get(handler, url, params, token)).status, url).toBe(403);
    for (const [handler, url, params, form] of p.actions) expect((await post(handler, url, params, token, form)).status, url).toBe(403);
    const upload = await call(uploadAction, uploadRequest(`/a/${a.slug}/outcomes/import`, { name: "f.csv", content: "indicator,date,value\ncp-plans,2021-03-31,5" }, {}, { token }), { slug: a.slug }, ctx());
    expect(upload.status).toBe(403);
    expect(await t.db.select().from(outcomeObservation).where(eq(outcomeObservation.authorityId, a.id))).toHaveLength(1);
  });

  it("answers 404 to a user of another authority for every outcomes page and action, and for its ids under their own authority", async () => {
    const { a } = await setup();
    const other = await setup("programme-manager");
    const p = await pages(a);
    for (const [handler, url, params] of [...p.loaders, ...p.editLoaders]) expect((await get(handler, url, params, other.token)).status, url).toBe(404);
    for (const [handler, url, params, form] of p.actions) expect((await post(handler, url, params, other.token, form)).status, url).toBe(404);
    // A's ids under B's own slug: not found either.
    const own = await pages(other.a);
    for (const [handler, url, params] of [...p.loaders.slice(2, 3), ...p.editLoaders.slice(1), ...p.loaders.slice(6)]) {
      const swapped = { ...params, slug: other.a.slug };
      expect((await get(handler, url.replace(a.slug, other.a.slug), swapped, other.token)).status, url).toBe(404);
    }
    const foreignFigure = await post(figureAction, `/a/${other.a.slug}/outcomes/figures/${p.observationId}`, { slug: other.a.slug, observationId: p.observationId }, other.token, { intent: "delete", version: "1" });
    expect(foreignFigure.status).toBe(404);
    const foreignBaseline = await post(indicatorAction, `/a/${other.a.slug}/outcomes/indicators/${own.loaders[1][2].indicatorId}`, { slug: other.a.slug, indicatorId: own.loaders[1][2].indicatorId }, other.token, { intent: "baseline", observationId: p.observationId });
    expect(foreignBaseline.status).toBe(422);
    expect(await t.db.select().from(outcomeObservation).where(eq(outcomeObservation.authorityId, a.id))).toHaveLength(1);
  });

  it("keeps the scorecard's and an indicator's query counts flat as figures grow", async () => {
    const small = await setup("viewer");
    const large = await setup("viewer");
    for (const x of [small, large]) await createPopulation(t.db, x.a.id, { year: 2019, population: 50_000 });
    await createObservation(t.db, small.a.id, small.cp.id, { periodEnd: "2019-12-31", value: 1 });
    for (let m = 1; m <= 24; m++) await createObservation(t.db, large.a.id, large.cp.id, { periodEnd: `${2019 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-28`, value: m });
    for (let i = 0; i < 4; i++) await createCustomIndicator(t.db, large.a.id);
    const run = async (x: typeof small, handler: Handler, path: string, params: Record<string, string> = {}) => (await countQueries(() => get(handler, `/a/${x.a.slug}${path}`, { slug: x.a.slug, ...params }, x.token))).queries;
    const q1 = await run(small, scorecardLoader, "/outcomes");
    expect(await run(large, scorecardLoader, "/outcomes")).toBe(q1);
    const d1 = await run(small, indicatorLoader, `/outcomes/indicators/${small.cp.id}`, { indicatorId: small.cp.id });
    expect(await run(large, indicatorLoader, `/outcomes/indicators/${large.cp.id}`, { indicatorId: large.cp.id })).toBe(d1);
  });
});
