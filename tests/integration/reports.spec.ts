import { asc, eq } from "drizzle-orm";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Report, ReportSection } from "~/domain/reports";
import { loader as dashboardLoader } from "~/routes/a.$slug._index";
import { loader as fundingLoader } from "~/routes/a.$slug.funding._index";
import { action as committeeAction, loader as committeeLoader } from "~/routes/a.$slug.reports.committee._index";
import { loader as committeeDownload } from "~/routes/a.$slug.reports.committee.download";
import { loader as indexLoader } from "~/routes/a.$slug.reports._index";
import { action as quarterlyAction, loader as quarterlyLoader } from "~/routes/a.$slug.reports.quarterly.$quarter._index";
import { loader as quarterlyDownload } from "~/routes/a.$slug.reports.quarterly.$quarter.download";
import { loader as workforceLoader } from "~/routes/a.$slug.workforce._index";
import { countQueries } from "../../db/client";
import { auditEvent, reportNarrative } from "../../db/schema";
import {
  courseByCode,
  createAppointment,
  createAuthority,
  createBooking,
  createContribution,
  createHub,
  createMilestone,
  createOrganisation,
  createPost,
  createRaidItem,
  createRoleRate,
  createSignedInUser,
  createStaffMember,
  createTrainingSession,
  createFundingStream,
  firstWorkstream,
} from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, type Outcome } from "../helpers/requests";

const t = useTestDatabase();
// Q3 2021-22 (October to December 2021) is over; Q4 2021-22 is running.
const TODAY = "2022-02-15";
const QUARTER = "2021-Q3";
const QUARTER_END = "2021-12-31";
const ctx = () => testContext(t.db, { now: () => new Date(`${TODAY}T12:00:00Z`) });

type Handler = Parameters<typeof call>[0];
const get = (handler: Handler, url: string, params: Record<string, string>, token: string) => call(handler, getRequest(url, { token }), params, ctx());
const post = (handler: Handler, url: string, params: Record<string, string>, token: string, form: Record<string, string>) => call(handler, postRequest(url, form, { token }), params, ctx());
const errors = (o: Outcome) => (o.data as { error: Record<string, string[]> }).error;

async function setup(role: "programme-manager" | "contributor" | "viewer" = "contributor") {
  const a = await createAuthority(t.db, { programmeStart: "2020-04-01" });
  const u = await createSignedInUser(t.db, { authorityId: a.id, role });
  return { a, token: u.token, user: u.user };
}

const quarterly = async (slug: string, token: string, quarter = QUARTER) => {
  const o = await get(quarterlyLoader, `/a/${slug}/reports/quarterly/${quarter}`, { slug, quarter }, token);
  expect(o.status).toBe(200);
  return (o.data as { report: Report }).report;
};
const section = (r: Report, key: string) => r.sections.find((s) => s.key === key)!;
const table = (s: ReportSection, key: string) => s.tables.find((x) => x.key === key)!;
const labels = (s: ReportSection, key: string) => table(s, key).rows.map((r) => (r.cells[0] as { value: string }).value);
const figure = (s: ReportSection, measure: string) => s.figures.find((f) => f.measure === measure)!.value;

/** Posts, holders, staff, an MI session, a grant and costs: something for every criterion and the funding model. */
async function readinessAndFunding(authorityId: string) {
  const filled = await createPost(t.db, authorityId, { role: "substance-misuse", fte: 1, establishedOn: "2020-09-01", reference: "P1" });
  await createPost(t.db, authorityId, { role: "mental-health", fte: 1, establishedOn: "2020-09-01", reference: "P2" });
  await createPost(t.db, authorityId, { role: "domestic-abuse-victim", fte: 0.5, establishedOn: "2020-09-01", reference: "P3" });
  await createAppointment(t.db, filled, { startDate: "2021-06-01" });
  // Starts after the quarter: not in post at its end.
  const later = await createPost(t.db, authorityId, { role: "domestic-abuse-perpetrator", fte: 1, establishedOn: "2020-09-01", reference: "P4" });
  await createAppointment(t.db, later, { startDate: "2022-01-10" });
  const trained = await createStaffMember(t.db, authorityId, { startDate: "2021-01-01" });
  await createStaffMember(t.db, authorityId, { startDate: "2021-01-01" });
  await createStaffMember(t.db, authorityId, { startDate: "2021-01-01" });
  const mi = await courseByCode(t.db, authorityId, "mi");
  const session = await createTrainingSession(t.db, authorityId, mi.id, { startDate: "2021-11-01", endDate: "2021-11-02" });
  await createBooking(t.db, session, trained.id, "attended");
  await createFundingStream(t.db, authorityId);
  for (const role of ["substance-misuse", "mental-health", "domestic-abuse-victim", "domestic-abuse-perpetrator"]) await createRoleRate(t.db, authorityId, role, 4_000_000);
  const partner = await createOrganisation(t.db, authorityId, "Health partner");
  await createContribution(t.db, authorityId, partner.id, { financialYear: 2021, amountPence: 500_000, status: "agreed" });
  await createContribution(t.db, authorityId, partner.id, { financialYear: 2021, amountPence: 250_000, status: "proposed" });
}

describe("the quarterly return's windows", () => {
  it("holds exactly the milestones done, hubs opened and risks open in the quarter, and the milestones due next quarter", async () => {
    const { a, token } = await setup("viewer");
    const ws = await firstWorkstream(t.db, a.id);
    // Done either side of the quarter's first and last days.
    await createMilestone(t.db, ws, { title: "Done 30 Sep", dueDate: "2021-09-30", doneOn: "2021-09-30" });
    await createMilestone(t.db, ws, { title: "Done 1 Oct", dueDate: "2021-09-30", doneOn: "2021-10-01" });
    await createMilestone(t.db, ws, { title: "Done 31 Dec", dueDate: "2022-01-31", doneOn: "2021-12-31" });
    await createMilestone(t.db, ws, { title: "Done 1 Jan", dueDate: "2022-01-15", doneOn: "2022-01-01" });
    // Due next quarter (January to March 2022): either side of its first and last days.
    await createMilestone(t.db, ws, { title: "Due 31 Dec", dueDate: "2021-12-31" });
    await createMilestone(t.db, ws, { title: "Due 1 Jan", dueDate: "2022-01-01" });
    await createMilestone(t.db, ws, { title: "Due 31 Mar", dueDate: "2022-03-31" });
    await createMilestone(t.db, ws, { title: "Due 1 Apr", dueDate: "2022-04-01" });
    await createMilestone(t.db, ws, { title: "Overdue since November", dueDate: "2021-11-30" });
    // Hubs opened either side of the boundaries; one expected next quarter.
    await createHub(t.db, a.id, { name: "Opened 30 Sep", plannedOpening: "2021-09-01", actualOpening: "2021-09-30" });
    await createHub(t.db, a.id, { name: "Opened 1 Oct", plannedOpening: "2021-09-01", actualOpening: "2021-10-01" });
    await createHub(t.db, a.id, { name: "Opened 31 Dec", plannedOpening: "2022-01-01", actualOpening: "2021-12-31" });
    await createHub(t.db, a.id, { name: "Opened 1 Jan", plannedOpening: "2021-12-01", actualOpening: "2022-01-01" });
    await createHub(t.db, a.id, { name: "Expected Feb", plannedOpening: "2022-02-01" });
    // Risks and issues: open at the quarter's end or not.
    await createRaidItem(t.db, a.id, { title: "Closed on the last day", raisedOn: "2021-06-01", status: "closed", closedOn: "2021-12-31" });
    await createRaidItem(t.db, a.id, { title: "Closed the day after", raisedOn: "2021-06-01", status: "closed", closedOn: "2022-01-01", likelihood: 5, impact: 4 });
    await createRaidItem(t.db, a.id, { title: "Raised on the last day", raisedOn: "2021-12-31", likelihood: 1, impact: 1 });
    await createRaidItem(t.db, a.id, { title: "Raised the day after", raisedOn: "2022-01-01" });
    await createRaidItem(t.db, a.id, { title: "Closed in October", raisedOn: "2021-05-01", status: "closed", closedOn: "2021-10-15" });
    await createRaidItem(t.db, a.id, { kind: "issue", title: "An issue", raisedOn: "2021-11-01", impact: 2 });

    const r = await quarterly(a.slug, token);
    expect(r).toMatchObject({ kind: "quarterly", period: QUARTER, asOf: QUARTER_END, provisional: false });
    expect(r.sections.map((s) => s.key)).toEqual(["achievements", "risks", "next-quarter", "readiness", "workforce", "funding", "outcomes"]);

    const achievements = section(r, "achievements");
    expect(labels(achievements, "milestones-done")).toEqual(["Done 1 Oct", "Done 31 Dec"]);
    expect(labels(achievements, "hubs-opened").sort()).toEqual(["Opened 1 Oct", "Opened 31 Dec"]);
    expect(figure(achievements, "Milestones achieved in the quarter")).toEqual({ kind: "count", value: 2 });
    expect(achievements.sources[0]).toEqual({ label: "Implementation plan", href: `/a/${a.slug}/plan?asOf=${QUARTER_END}`, asOf: QUARTER_END });

    const risks = section(r, "risks");
    // Highest score first: 5 × 4 = 20, the issue 5 × 2 = 10, then 1 × 1.
    expect(labels(risks, "open").length).toBe(3);
    expect(table(risks, "open").rows.map((row) => [(row.cells[1] as { value: string }).value, row.cells[3]])).toEqual([
      ["Closed the day after", { kind: "count", value: 20 }],
      ["An issue", { kind: "count", value: 10 }],
      ["Raised on the last day", { kind: "count", value: 1 }],
    ]);
    expect(table(risks, "open").rows[0].cells[4]).toEqual({ kind: "text", value: "High" });
    expect(figure(risks, "Raised in the quarter")).toEqual({ kind: "count", value: 2 });
    expect(figure(risks, "Closed or resolved in the quarter")).toEqual({ kind: "count", value: 2 });

    const next = section(r, "next-quarter");
    expect(next.title).toBe("Milestones planned for next quarter (Q4 2021-22)");
    // "Done 1 Jan" was not done when the quarter ended, and is due in January.
    expect(labels(next, "due-next")).toEqual(["Due 1 Jan", "Done 1 Jan", "Due 31 Mar"]);
    expect(labels(next, "hubs-next")).toEqual(["Expected Feb"]);
    // Due on the quarter's last day is not overdue that day.
    expect(labels(next, "overdue")).toEqual(["Overdue since November"]);

    // The quarter before: what was achieved then, nothing from this one.
    const q2 = await quarterly(a.slug, token, "2021-Q2");
    expect(labels(section(q2, "achievements"), "milestones-done")).toEqual(["Done 30 Sep"]);
    expect(labels(section(q2, "achievements"), "hubs-opened")).toEqual(["Opened 30 Sep"]);
    expect(labels(section(q2, "next-quarter"), "overdue")).toEqual([]);
  });

  it("takes a running quarter's figures as of today, and refuses quarters not started and names that are not quarters", async () => {
    const { a, token } = await setup("viewer");
    const ws = await firstWorkstream(t.db, a.id);
    await createMilestone(t.db, ws, { title: "Done this quarter", dueDate: "2022-01-31", doneOn: "2022-01-20" });
    const r = await quarterly(a.slug, token, "2021-Q4");
    expect(r).toMatchObject({ asOf: TODAY, provisional: true, subtitle: "Q4 2021-22: 1 January 2022 to 31 March 2022" });
    expect(labels(section(r, "achievements"), "milestones-done")).toEqual(["Done this quarter"]);
    expect(section(r, "next-quarter").title).toContain("Q1 2022-23");
    for (const quarter of ["2022-Q1", "2021-Q5", "Q3-2021", "1999-Q1", "1999-Q4"]) {
      expect((await get(quarterlyLoader, `/a/${a.slug}/reports/quarterly/${quarter}`, { slug: a.slug, quarter }, token)).status).toBe(404);
    }
    // The links to the previous and next quarters lead only to quarters it answers.
    const links = async (quarter: string) => (await get(quarterlyLoader, `/a/${a.slug}/reports/quarterly/${quarter}`, { slug: a.slug, quarter }, token)).data as { previous: string | null; next: string | null };
    await expect(links("2020-Q2")).resolves.toMatchObject({ previous: "2020-Q1", next: "2020-Q3" });
    await expect(links("2000-Q1")).resolves.toMatchObject({ previous: null, next: "2000-Q2" });
    await expect(links("2021-Q4")).resolves.toMatchObject({ previous: "2021-Q3", next: null });
    // The index offers quarters from the programme's start to the current one, and its chooser goes to the return.
    const index = await get(indexLoader, `/a/${a.slug}/reports`, { slug: a.slug }, token);
    const quarters = (index.data as { quarters: Array<{ slug: string; current: boolean }> }).quarters;
    expect(quarters[0]).toMatchObject({ slug: "2021-Q4", current: true });
    expect(quarters.at(-1)!.slug).toBe("2020-Q1");
    const chosen = await get(indexLoader, `/a/${a.slug}/reports?quarter=2020-Q2`, { slug: a.slug }, token);
    expect(chosen).toMatchObject({ status: 302, location: `/a/${a.slug}/reports/quarterly/2020-Q2` });
  });
});

describe("one source of truth", () => {
  it("shows the readiness, workforce and funding figures the dashboard, workforce and funding pages show for the same date", async () => {
    const { a, token } = await setup("viewer");
    await readinessAndFunding(a.id);
    const r = await quarterly(a.slug, token);

    type Dashboard = { criteria: Array<{ key: string; numerator: number; denominator: number; percent: number | null; threshold: number; met: boolean }>; ready: boolean };
    const dashboard = (await get(dashboardLoader, `/a/${a.slug}?asOf=${QUARTER_END}`, { slug: a.slug }, token)).data as Dashboard;
    const criteria = table(section(r, "readiness"), "criteria").rows;
    expect(criteria.map((row) => row.key)).toEqual(dashboard.criteria.map((c) => c.key));
    criteria.forEach((row, i) => {
      const c = dashboard.criteria[i];
      expect(row.cells.slice(1).map((cell) => ("value" in cell ? cell.value : null))).toEqual([c.percent, c.numerator, c.denominator, c.threshold, c.met]);
    });
    // The fixture: 1 of 3.5 FTE adult posts filled at the quarter's end (the fourth starts in January); 1 of 3 staff trained in MI.
    expect(dashboard.criteria[0]).toMatchObject({ numerator: 1, denominator: 3.5 });
    expect(dashboard.criteria[1]).toMatchObject({ numerator: 1, denominator: 3 });

    type Workforce = { criterion: { numerator: number; denominator: number; percent: number | null }; byRole: Array<{ label: string; establishmentFte: number; inPostFte: number; vacantFte: number }>; vacancies: unknown[] };
    const workforce = (await get(workforceLoader, `/a/${a.slug}/workforce?asOf=${QUARTER_END}`, { slug: a.slug }, token)).data as Workforce;
    const w = section(r, "workforce");
    expect(figure(w, "Adult specialist workers in post (FTE)")).toEqual({ kind: "fte", value: workforce.criterion.numerator });
    expect(figure(w, "Adult specialist establishment (FTE)")).toEqual({ kind: "fte", value: workforce.criterion.denominator });
    expect(figure(w, "Adult specialist vacancies (posts)")).toEqual({ kind: "count", value: workforce.vacancies.length });
    expect(table(w, "by-role").rows.map((row) => [(row.cells[0] as { value: string }).value, ...[1, 2, 4].map((i) => (row.cells[i] as { value: number }).value)])).toEqual(
      workforce.byRole.map((x) => [x.label, x.establishmentFte, x.inPostFte, x.vacantFte]),
    );

    type Funding = { financialYears: Array<{ label: string; cost: number; grant: number; shortfall: number; agreed: number; proposed: number; remainingGap: number; notCovered: number }> };
    const funding = (await get(fundingLoader, `/a/${a.slug}/funding?asOf=${QUARTER_END}`, { slug: a.slug }, token)).data as Funding;
    const year = funding.financialYears.find((y) => y.label === "2021-22")!;
    const f = section(r, "funding");
    expect(f.title).toBe("Funding 2021-22");
    const money = (measure: string) => (figure(f, `${measure} 2021-22`) as { pence: number }).pence;
    expect({
      cost: money("Adult worker costs"),
      grant: money("Grant and other funding"),
      shortfall: money("Shortfall"),
      agreed: money("Partner contributions agreed"),
      proposed: money("Partner contributions proposed"),
      remainingGap: money("Gap after agreed contributions"),
      notCovered: money("Not covered even if proposals are agreed"),
    }).toEqual({ cost: year.cost, grant: year.grant, shortfall: year.shortfall, agreed: year.agreed, proposed: year.proposed, remainingGap: year.remainingGap, notCovered: year.notCovered });
    expect(year.cost).toBeGreaterThan(0);
    expect(year).toMatchObject({ agreed: 500_000, proposed: 250_000 });
  });

  it("answers with the same number of queries for ten times the records", async () => {
    const make = async (n: number) => {
      const { a, token } = await setup("viewer");
      const ws = await firstWorkstream(t.db, a.id);
      for (let i = 0; i < n; i++) {
        await createMilestone(t.db, ws, { title: `M${i}`, dueDate: "2021-11-15", doneOn: i % 2 ? "2021-11-20" : null });
        await createHub(t.db, a.id, { name: `Hub ${i}`, actualOpening: "2021-11-01" });
        await createRaidItem(t.db, a.id, { title: `R${i}` });
        const p = await createPost(t.db, a.id, { establishedOn: "2020-09-01" });
        await createAppointment(t.db, p, { startDate: "2021-01-01" });
      }
      return { a, token };
    };
    const small = await make(2);
    const large = await make(20);
    for (const [handler, path] of [
      [quarterlyLoader, `/reports/quarterly/${QUARTER}`],
      [committeeLoader, "/reports/committee"],
      [indexLoader, "/reports"],
    ] as const) {
      const run = async (x: { a: { slug: string }; token: string }) => (await countQueries(() => get(handler, `/a/${x.a.slug}${path}`, { slug: x.a.slug, quarter: QUARTER }, x.token))).queries;
      const q1 = await run(small);
      expect(q1).toBeGreaterThan(0);
      expect(await run(large)).toBe(q1);
    }
  });
});

const url = (slug: string) => `/a/${slug}/reports/quarterly/${QUARTER}`;
const save = (slug: string, token: string, form: Record<string, string>) => post(quarterlyAction, url(slug), { slug, quarter: QUARTER }, token, form);

describe("commentary", () => {

  it("saves a section's text per quarter, versioned and audited; a stale version is a conflict that keeps the typed text", async () => {
    const { a, token, user } = await setup("contributor");
    const other = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
    const first = await save(a.slug, token, { section: "risks", version: "0", body: "Recruitment risk eased.\r\n\r\nVenue risk remains." });
    expect(first).toMatchObject({ status: 302, location: `${url(a.slug)}#risks` });
    const [row] = await t.db.select().from(reportNarrative).where(eq(reportNarrative.authorityId, a.id));
    expect(row).toMatchObject({ report: "quarterly", period: QUARTER, section: "risks", body: "Recruitment risk eased.\n\nVenue risk remains.", version: 1, updatedBy: user.id });

    const r = await quarterly(a.slug, token);
    expect(section(r, "risks").narrative).toMatchObject({ body: "Recruitment risk eased.\n\nVenue risk remains.", version: 1, updatedBy: user.name });
    expect(section(r, "achievements").narrative).toBeNull();
    // Another quarter has its own text.
    expect(section(await quarterly(a.slug, token, "2021-Q2"), "risks").narrative).toBeNull();

    // Someone else saves on version 1; the first person, still on version 1, is told and keeps their text.
    expect((await save(a.slug, other.token, { section: "risks", version: "1", body: "Their text." })).status).toBe(302);
    const stale = await save(a.slug, token, { section: "risks", version: "1", body: "My newer text." });
    expect(stale.status).toBe(409);
    expect((stale.data as { error: Record<string, string[]> }).error[""]?.[0]).toContain("Someone else saved this section");
    expect((stale.data as { initialValue: Record<string, string> }).initialValue).toMatchObject({ section: "risks", version: "1", body: "My newer text." });
    const [after] = await t.db.select().from(reportNarrative).where(eq(reportNarrative.authorityId, a.id));
    expect(after).toMatchObject({ body: "Their text.", version: 2, updatedBy: other.user.id });
    // Also a conflict: a second "first" text for a section that has one.
    expect((await save(a.slug, token, { section: "risks", version: "0", body: "Also mine." })).status).toBe(409);
    // Saving again on the current version replaces it, deliberately.
    expect((await save(a.slug, token, { section: "risks", version: "2", body: "Combined text." })).status).toBe(302);

    const trail = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, row.id)).orderBy(asc(auditEvent.id));
    expect(trail.map((e) => [e.action, (e.before as { body?: string } | null)?.body ?? null, (e.after as { body: string }).body])).toEqual([
      ["report-narrative.created", null, "Recruitment risk eased.\n\nVenue risk remains."],
      ["report-narrative.updated", "Recruitment risk eased.\n\nVenue risk remains.", "Their text."],
      ["report-narrative.updated", "Their text.", "Combined text."],
    ]);
    expect(trail[0].after).toMatchObject({ report: "quarterly", period: QUARTER, section: "risks" });
  });

  it("refuses text that is too long, an unknown section, empty first text and quarters not started", async () => {
    const { a, token } = await setup("contributor");
    const long = await save(a.slug, token, { section: "funding", version: "0", body: "x".repeat(10_001) });
    expect(long.status).toBe(400);
    expect(errors(long).body[0]).toBe("The text must be 10,000 characters or fewer");
    const unknown = await save(a.slug, token, { section: "outcomes-made-up", version: "0", body: "Text" });
    expect(unknown.status).toBe(400);
    expect(errors(unknown).section[0]).toBe("Choose a section of the report");
    const empty = await save(a.slug, token, { section: "funding", version: "0", body: "  \r\n " });
    expect(empty.status).toBe(422);
    expect(errors(empty).body[0]).toBe("Enter the commentary");
    const future = await post(quarterlyAction, `/a/${a.slug}/reports/quarterly/2022-Q1`, { slug: a.slug, quarter: "2022-Q1" }, token, { section: "funding", version: "0", body: "Text" });
    expect(future.status).toBe(404);
    expect(await t.db.select().from(reportNarrative).where(eq(reportNarrative.authorityId, a.id))).toEqual([]);
  });

  it("lets viewers read the text but not save it", async () => {
    const { a, token } = await setup("contributor");
    await save(a.slug, token, { section: "funding", version: "0", body: "Partners agreed half." });
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const page = await get(quarterlyLoader, url(a.slug), { slug: a.slug, quarter: QUARTER }, viewer.token);
    expect(page.data).toMatchObject({ canEdit: false });
    expect(section((page.data as { report: Report }).report, "funding").narrative).toMatchObject({ body: "Partners agreed half." });
    expect((await save(a.slug, viewer.token, { section: "funding", version: "1", body: "Viewer text" })).status).toBe(403);
    const [row] = await t.db.select().from(reportNarrative).where(eq(reportNarrative.authorityId, a.id));
    expect(row.body).toBe("Partners agreed half.");
  });
});

describe("tenancy", () => {
  it("answers 404 to a member of another authority on every reports page and action", async () => {
    const { a, token } = await setup("programme-manager");
    const other = await createAuthority(t.db);
    const foreign = await createSignedInUser(t.db, { authorityId: other.id, role: "programme-manager" });
    const slug = a.slug;
    const params = { slug, quarter: QUARTER };
    const pages: Array<[Handler, string]> = [
      [indexLoader, `/a/${slug}/reports`],
      [quarterlyLoader, `/a/${slug}/reports/quarterly/${QUARTER}`],
      [quarterlyDownload, `/a/${slug}/reports/quarterly/${QUARTER}/download?format=docx`],
      [quarterlyDownload, `/a/${slug}/reports/quarterly/${QUARTER}/download?format=csv`],
      [committeeLoader, `/a/${slug}/reports/committee`],
      [committeeDownload, `/a/${slug}/reports/committee/download?format=docx`],
    ];
    for (const [handler, path] of pages) {
      expect((await get(handler, path, params, foreign.token)).status, path).toBe(404);
      expect((await get(handler, path, params, token)).status, path).toBe(200);
    }
    const form = { section: "risks", version: "0", body: "Foreign text", asOf: TODAY };
    expect((await post(quarterlyAction, `/a/${slug}/reports/quarterly/${QUARTER}`, params, foreign.token, form)).status).toBe(404);
    expect((await post(committeeAction, `/a/${slug}/reports/committee`, params, foreign.token, form)).status).toBe(404);
    expect(await t.db.select().from(reportNarrative).where(eq(reportNarrative.authorityId, a.id))).toEqual([]);
  });
});

describe("downloads", () => {
  const download = async (handler: Handler, path: string, params: Record<string, string>, token: string) => {
    const res = (await handler({ request: getRequest(path, { token }), params, context: ctx() })) as Response;
    expect(res.status).toBe(200);
    return res;
  };

  it("makes a Word document of the return: headings per section, the figures, the commentary, the as-of date and sources", async () => {
    const { a, token } = await setup("contributor");
    await readinessAndFunding(a.id);
    const ws = await firstWorkstream(t.db, a.id);
    await createMilestone(t.db, ws, { title: "Workbook plug-in tested", dueDate: "2021-11-30", doneOn: "2021-11-29" });
    await createRaidItem(t.db, a.id, { title: "Venue unavailable", raisedOn: "2021-10-04", likelihood: 4, impact: 5 });
    await save(a.slug, token, { section: "achievements", version: "0", body: "The Workbook went live in November." });
    const res = await download(quarterlyDownload, `/a/${a.slug}/reports/quarterly/${QUARTER}/download?format=docx`, { slug: a.slug, quarter: QUARTER }, token);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${a.slug}-dfe-return-${QUARTER}.docx"`);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    for (const heading of ["Quarterly return to the DfE: Q3 2021-22", "Achievements this quarter", "Risks and issues", "Milestones planned for next quarter (Q4 2021-22)", "Go-live readiness", "Workforce", "Funding 2021-22"]) {
      expect(text).toContain(heading);
    }
    expect(xml.includes('w:val="Heading1"')).toBe(true);
    expect(text).toContain("Figures as of 31 December 2021");
    expect(text).toContain("Workbook plug-in tested");
    expect(text).toContain("Venue unavailable");
    expect(text).toContain("The Workbook went live in November.");
    // Adult workers 1 of 3.5 FTE: 28.6%; MI 1 of 3 people: 33.3%.
    expect(text).toContain("28.6%");
    expect(text).toContain("33.3%");
    expect(text).toContain("Source: Go-live readiness dashboard, as of 31 December 2021");
    // Links (the sources, each milestone) are absolute, in the document's relationships.
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    expect(rels.includes(`http://localhost:3000/a/${a.slug}?asOf=${QUARTER_END}`)).toBe(true);
  });

  it("makes a CSV of the return with one row per figure: section, measure, value, source", async () => {
    const { a, token } = await setup("viewer");
    const ws = await firstWorkstream(t.db, a.id);
    await createMilestone(t.db, ws, { title: "Board agreed, the charter", dueDate: "2021-11-30", doneOn: "2021-11-29" });
    const res = await download(quarterlyDownload, `/a/${a.slug}/reports/quarterly/${QUARTER}/download?format=csv`, { slug: a.slug, quarter: QUARTER }, token);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Section,Measure,Value,Source");
    const source = `"Implementation plan, as of 31 December 2021 (http://localhost:3000/a/${a.slug}/plan?asOf=${QUARTER_END})"`;
    expect(lines).toContain(`Achievements this quarter,Milestones achieved in the quarter,1,${source}`);
    expect(lines).toContain(`Achievements this quarter,"Milestones achieved – Board agreed, the charter – Done on",2021-11-29,${source}`);
    expect(lines.some((l) => l.startsWith("Go-live readiness,The go-live criteria on 31 December 2021 – Adult specialist workers in post – Threshold,70,"))).toBe(true);
  });
});

describe("committee update", () => {
  it("puts the figures under the committee headings, keeps text per as-of date, and downloads as a Word document", async () => {
    const { a, token } = await setup("contributor");
    await readinessAndFunding(a.id);
    const asOf = "2022-01-31";
    const page = await get(committeeLoader, `/a/${a.slug}/reports/committee?asOf=${asOf}`, { slug: a.slug }, token);
    expect(page.status).toBe(200);
    const r = (page.data as { report: Report }).report;
    expect(r).toMatchObject({ kind: "committee", period: asOf, asOf });
    expect(r.sections.map((s) => s.title)).toEqual(["Aim", "Progress", "Impacts", "Workforce", "Sustainability", "Risks"]);
    // The readiness figures are the dashboard's on that date.
    const dashboard = (await get(dashboardLoader, `/a/${a.slug}?asOf=${asOf}`, { slug: a.slug }, token)).data as { criteria: Array<{ percent: number | null }> };
    expect(table(section(r, "progress"), "criteria").rows.map((row) => (row.cells[1] as { value: number | null }).value)).toEqual(dashboard.criteria.map((c) => c.percent));
    expect(section(r, "impacts").figures).toEqual([]);

    const form = { section: "aim", version: "0", body: "To keep more children safely at home.", asOf };
    expect(await post(committeeAction, `/a/${a.slug}/reports/committee?asOf=${asOf}`, { slug: a.slug }, token, form)).toMatchObject({
      status: 302,
      location: `/a/${a.slug}/reports/committee?asOf=${asOf}#aim`,
    });
    expect((await post(committeeAction, `/a/${a.slug}/reports/committee`, { slug: a.slug }, token, form)).status).toBe(409);
    const bad = await post(committeeAction, `/a/${a.slug}/reports/committee`, { slug: a.slug }, token, { ...form, asOf: "31/01/2022", section: "made-up" });
    expect(bad.status).toBe(400);
    expect(Object.keys(errors(bad)).sort()).toEqual(["asOf", "section"]);
    // A date still to come is refused.
    expect((await post(committeeAction, `/a/${a.slug}/reports/committee`, { slug: a.slug }, token, { ...form, asOf: "2022-03-01" })).status).toBe(404);
    expect(await get(committeeLoader, `/a/${a.slug}/reports/committee?asOf=2022-03-01`, { slug: a.slug }, token)).toMatchObject({ status: 302, location: `/a/${a.slug}/reports/committee` });

    const again = (await get(committeeLoader, `/a/${a.slug}/reports/committee?asOf=${asOf}`, { slug: a.slug }, token)).data as { report: Report };
    expect(section(again.report, "aim").narrative).toMatchObject({ body: "To keep more children safely at home.", version: 1 });
    // Today's update is a different one.
    expect(section(((await get(committeeLoader, `/a/${a.slug}/reports/committee`, { slug: a.slug }, token)).data as { report: Report }).report, "aim").narrative).toBeNull();
    const index = (await get(indexLoader, `/a/${a.slug}/reports`, { slug: a.slug }, token)).data as { committee: Array<{ period: string; sections: number }> };
    expect(index.committee).toEqual([expect.objectContaining({ period: asOf, sections: 1 })]);

    const res = (await committeeDownload({ request: getRequest(`/a/${a.slug}/reports/committee/download?format=docx&asOf=${asOf}`, { token }), params: { slug: a.slug }, context: ctx() })) as Response;
    const xml = await (await JSZip.loadAsync(await res.arrayBuffer())).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    for (const heading of ["Aim", "Progress", "Impacts", "Workforce", "Sustainability", "Risks", "To keep more children safely at home."]) expect(text).toContain(heading);
    expect(res.headers.get("Content-Disposition")).toContain(`${a.slug}-committee-update-${asOf}.docx`);
  });
});
