import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/a.$slug._index";
import { loader as quarterlyLoader } from "~/routes/a.$slug.reports.quarterly.$quarter._index";
import { saveNarrative } from "~/services/reports/reports.server";
import { loadNationalComparison } from "~/services/national/comparison.server";
import { dataVersions } from "~/services/read-models.server";
import { updateProgrammeThresholds } from "~/services/settings/update-programme-thresholds.server";
import { countQueries } from "../../db/client";
import { appUser, post } from "../../db/schema";
import { createAppointment, createAuthority, createPost, createSignedInUser, createUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest } from "../helpers/requests";

const t = useTestDatabase();
const reader = { actor: { userId: null, label: "test" }, purpose: "read-model test" };
const TODAY = "2022-01-15";
const ctx = () => testContext(t.db, { now: () => new Date(`${TODAY}T12:00:00Z`) });
type Dashboard = Awaited<ReturnType<typeof dashboardLoader>>;

async function dashboard(slug: string, token: string) {
  const { result, queries } = await countQueries(() => call(dashboardLoader, getRequest(`/a/${slug}`, { token }), { slug }, ctx()));
  expect(result.status).toBe(200);
  return { d: result.data as Dashboard, queries };
}

describe("data revisions", () => {
  it("every table with an authority_id (but the audit trail), the authority and the programme settings raise a revision on insert, update and delete", async () => {
    const result: unknown = await t.db.execute(sql`
      select c.relname as table_name, coalesce(array_agg(tg.tgname::text order by tg.tgname) filter (where tg.tgname like 'data_revision%'), '{}') as triggers
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        left join pg_trigger tg on tg.tgrelid = c.oid and not tg.tgisinternal
       where n.nspname = 'public' and c.relkind = 'r'
         and (c.relname in ('authority') or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'authority_id' and not a.attisdropped))
         and c.relname <> 'audit_event'
       group by c.relname`);
    // PGlite answers { rows }, postgres.js the rows themselves.
    type Row = { table_name: string; triggers: string[] };
    const list = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
    expect(list.length).toBeGreaterThan(20);
    const missing = list.filter((r) => ["data_revision_delete", "data_revision_insert", "data_revision_update"].some((name) => !r.triggers.includes(name))).map((r) => r.table_name);
    expect(missing, "tables whose changes would not raise the authority's data revision").toEqual([]);
  });

  it("rises once per statement and authority, for whoever writes, and only for the authorities written to", async () => {
    const [a, b, c] = [await createAuthority(t.db), await createAuthority(t.db), await createAuthority(t.db)];
    const before = await dataVersions(t.db, [a.id, b.id, c.id]);
    await t.db.insert(post).values([...Array(50)].map((_, i) => ({ authorityId: i % 2 ? a.id : b.id, role: "substance-misuse", fte: 1, adultSpecialist: true })));
    const after = await dataVersions(t.db, [a.id, b.id, c.id]);
    const rev = (v: string) => Number(v.split(".")[0]);
    expect(rev(after.get(a.id)!)).toBe(rev(before.get(a.id)!) + 1);
    expect(rev(after.get(b.id)!)).toBe(rev(before.get(b.id)!) + 1);
    expect(after.get(c.id)).toBe(before.get(c.id));
    await t.db.execute(sql`delete from post where authority_id = ${b.id}`);
    expect(rev((await dataVersions(t.db, [b.id])).get(b.id)!)).toBe(rev(after.get(b.id)!) + 1);
  });

  it("gives many authorities (read as a whole table) the same versions as asked one by one, and 0 to one never written", async () => {
    const many = await Promise.all([...Array(25)].map(() => createAuthority(t.db)));
    await t.db.insert(post).values(many.slice(0, 5).map((a) => ({ authorityId: a.id, role: "substance-misuse", fte: 1, adultSpecialist: true })));
    const unknown = "00000000-0000-4000-8000-000000000000";
    const together = await dataVersions(t.db, [...many.map((a) => a.id), unknown]);
    expect(together.size).toBe(26);
    for (const a of many) expect(together.get(a.id), a.name).toBe((await dataVersions(t.db, [a.id])).get(a.id));
    expect(together.get(unknown)).toMatch(/^0\./);
  });
});

describe("memoised read models", () => {
  it("the dashboard is computed once per version of the authority's data and shows a change at once", async () => {
    const a = await createAuthority(t.db);
    const p = await createPost(t.db, a.id, { fte: 1, adultSpecialist: true, establishedOn: "2021-01-01" });
    const { token } = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const first = await dashboard(a.slug, token);
    expect(first.d.criteria[0]).toMatchObject({ numerator: 0, denominator: 1 });
    const again = await dashboard(a.slug, token);
    expect(again.d.criteria[0]).toEqual(first.d.criteria[0]);
    // Kept: only the version check instead of loading every post, person and record.
    expect(again.queries).toBeLessThan(first.queries);

    // Written straight to the database (as an import or another instance would): seen at once.
    await createAppointment(t.db, p, { startDate: "2021-06-01" });
    const changed = await dashboard(a.slug, token);
    expect(changed.d.criteria[0]).toMatchObject({ numerator: 1, denominator: 1, met: true });
  });

  it("a change of the programme's thresholds reaches every kept dashboard and comparison row", async () => {
    const a = await createAuthority(t.db);
    await createAppointment(t.db, await createPost(t.db, a.id, { fte: 1, adultSpecialist: true, establishedOn: "2021-01-01" }), { startDate: "2021-06-01" });
    const { token } = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const input = { asOf: TODAY, today: TODAY, reader };
    expect((await loadNationalComparison(t.db, [a.id], input)).rows[0].now.criteria["adult-workers"].threshold).toBe(70);
    expect((await dashboard(a.slug, token)).d.thresholds.adultWorkers).toBe(70);
    const admin = await createUser(t.db, { nationalRole: "national-admin" });
    const scope = { db: t.db, actor: { userId: admin.id, label: admin.email }, now: new Date() };
    await updateProgrammeThresholds(scope, { adultWorkers: 75, mi: 70, workshops: 70 });
    try {
      expect((await loadNationalComparison(t.db, [a.id], input)).rows[0].now.criteria["adult-workers"].threshold).toBe(75);
      expect((await dashboard(a.slug, token)).d.thresholds.adultWorkers).toBe(75);
    } finally {
      await updateProgrammeThresholds(scope, { adultWorkers: 70, mi: 70, workshops: 70 });
    }
  });

  it("comparison rows are recomputed only for the authorities that changed", async () => {
    const [a, b] = [await createAuthority(t.db, { name: "Aaa memo" }), await createAuthority(t.db, { name: "Bbb memo" })];
    const input = { asOf: TODAY, today: TODAY, reader };
    const first = await loadNationalComparison(t.db, [a.id, b.id], input);
    expect(first.rows.map((r) => r.name)).toEqual(["Aaa memo", "Bbb memo"]);
    await createAppointment(t.db, await createPost(t.db, b.id, { fte: 2, adultSpecialist: true, establishedOn: "2021-01-01" }), { startDate: "2021-06-01", fte: 2 });
    const second = await loadNationalComparison(t.db, [a.id, b.id], input);
    // The same object for the authority that did not change; a new row for the one that did.
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).not.toBe(first.rows[1]);
    expect(second.rows[1].adultWorkers).toEqual({ inPost: 2, establishment: 2 });
    // Another date is another row.
    const later = await loadNationalComparison(t.db, [a.id, b.id], { asOf: "2022-02-01", today: TODAY, reader });
    expect(later.rows[0]).not.toBe(second.rows[0]);
  });

  it("a report's figures are kept until the data changes; its text and who wrote it are read fresh every time", async () => {
    const a = await createAuthority(t.db);
    const p = await createPost(t.db, a.id, { fte: 1, adultSpecialist: true, establishedOn: "2021-01-01" });
    const { token, user } = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
    type Quarterly = { report: { sections: { key: string; narrative: { body: string; updatedBy: string | null } | null }[] } };
    const quarterly = async () => {
      const { result, queries } = await countQueries(() => call(quarterlyLoader, getRequest(`/a/${a.slug}/reports/quarterly/2021-Q4`, { token }), { slug: a.slug, quarter: "2021-Q4" }, ctx()));
      expect(result.status).toBe(200);
      return { r: result.data as Quarterly, text: JSON.stringify(result.data), queries };
    };
    const first = await quarterly();
    const again = await quarterly();
    expect(again.text).toBe(first.text);
    expect(again.queries).toBeLessThan(first.queries / 3);

    await createAppointment(t.db, p, { startDate: "2021-06-01" });
    const changed = await quarterly();
    expect(changed.text).not.toBe(first.text);
    expect(changed.queries).toBeGreaterThan(again.queries);

    const scope = { db: t.db, authorityId: a.id, actor: { userId: user.id, label: user.email }, now: new Date(`${TODAY}T12:00:00Z`) };
    await saveNarrative(scope, { report: "quarterly", period: "2021-Q4", section: "risks", version: 0, body: "Venue risk remains." }, TODAY);
    // A new name raises no data revision, yet the report shows it.
    await t.db.update(appUser).set({ name: "Renamed Person" }).where(eq(appUser.id, user.id));
    const risks = (await quarterly()).r.report.sections.find((s) => s.key === "risks")!;
    expect(risks.narrative).toMatchObject({ body: "Venue risk remains.", updatedBy: "Renamed Person" });
  });
});
