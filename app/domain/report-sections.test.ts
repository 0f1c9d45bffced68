import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./funding";
import { DEFAULT_THRESHOLDS, readinessOn } from "./readiness";
import { assembleCommitteeUpdate, assembleQuarterlyReturn, COMMITTEE_SECTIONS, COMMITTEE_TOP_RISKS, committeeWindow, QUARTERLY_SECTIONS, sectionKeys, type ReportFacts } from "./report-sections";
import { financialQuarter, formatFigure, parseQuarterSlug, quarterWindow, type FigureValue, type Report } from "./reports";

const milestone = (id: string, dueDate: string | null, doneOn: string | null = null) => ({ id, title: id, workstream: "Training", owner: null, dueDate, baselineDueDate: dueDate, doneOn });
const risk = (id: string, raisedOn: string, closedOn: string | null, likelihood = 3, impact = 3) => ({
  id,
  kind: "risk" as const,
  reference: id,
  title: id,
  owner: null,
  mitigation: null,
  likelihood,
  impact,
  raisedOn,
  reviewDate: null,
  closedOn,
});

function facts(overrides: Partial<ReportFacts> = {}): ReportFacts {
  return {
    slug: "x",
    authority: { name: "X", programmeStart: "2020-04-01", plannedGoLive: "2020-09-01", dfeConfirmedOn: null, actualGoLive: "2020-09-01" },
    milestones: [milestone("before", "2021-09-01", "2021-09-30"), milestone("in", "2021-10-15", "2021-10-01"), milestone("after", "2022-01-20", "2022-01-02"), milestone("next", "2022-02-01"), milestone("late", "2021-11-01")],
    hubs: [
      { id: "h1", name: "Opened", locality: null, plannedOpening: "2021-10-01", forecastOpening: null, actualOpening: "2021-12-31" },
      { id: "h2", name: "Expected", locality: "North", plannedOpening: "2022-03-01", forecastOpening: "2022-03-15", actualOpening: null },
    ],
    raid: [risk("open", "2021-01-01", null, 5, 5), risk("closed", "2021-01-01", "2021-11-01"), ...Array.from({ length: 6 }, (_, i) => risk(`r${i}`, "2021-01-01", null, 1, i % 5 + 1))],
    workforce: {
      posts: [
        { id: "p1", reference: "P1", role: "mental-health", fte: 1, teamId: "t1", adultSpecialist: true, establishedOn: "2020-09-01", disestablishedOn: null },
        { id: "p2", reference: "P2", role: "substance-misuse", fte: 1, teamId: null, adultSpecialist: true, establishedOn: "2020-09-01", disestablishedOn: null },
        { id: "p3", reference: "P3", role: "social-worker", fte: 1, teamId: null, adultSpecialist: false, establishedOn: "2020-09-01", disestablishedOn: null },
      ],
      appointments: [
        { id: "a1", postId: "p1", holder: "A", fte: 1, contractType: "fixed-term", contractEnd: "2022-03-31", startDate: "2021-01-01", startConfirmed: true, lastDay: null },
        { id: "a2", postId: "p2", holder: "B", fte: 1, contractType: "permanent", contractEnd: null, startDate: "2022-03-01", startConfirmed: true, lastDay: null },
      ],
      steps: [],
    },
    training: { staff: [], attendance: [], miCourseIds: [], requirements: {} },
    teams: [{ id: "t1", name: "North" }],
    thresholds: DEFAULT_THRESHOLDS,
    funding: { posts: [], appointments: [], postCosts: [], roleRates: [], settings: DEFAULT_SETTINGS, streams: [], contributions: [], reported: [], spend: [] },
    outcomes: { indicators: [], observations: [], baselines: {}, populations: [] },
    ...overrides,
  };
}

const section = (r: Report, key: string) => r.sections.find((s) => s.key === key)!;
const rowLabels = (r: Report, key: string, table: string) => section(r, key).tables.find((t) => t.key === table)!.rows.map((row) => (row.cells[0] as { value: string }).value);
const value = (v: FigureValue) => ("value" in v ? v.value : v.pence);

describe("the quarterly return", () => {
  const w = quarterWindow(financialQuarter(2021, 3), "2022-02-15")!;
  const r = assembleQuarterlyReturn(facts(), w);

  it("has its sections in order, keyed as the narratives are stored, with no narrative yet", () => {
    expect(r.sections.map((s) => s.key)).toEqual(QUARTERLY_SECTIONS.map((s) => s.key));
    expect(sectionKeys("quarterly")).toEqual(["achievements", "risks", "next-quarter", "readiness", "workforce", "funding", "outcomes"]);
    expect(r.sections.every((s) => s.narrative === null && s.sources.every((src) => src.asOf === "2021-12-31"))).toBe(true);
    expect(r).toMatchObject({ period: "2021-Q3", asOf: "2021-12-31", provisional: false, title: "Quarterly return to the DfE: Q3 2021-22" });
  });

  it("takes the quarter's achievements, the risks open at its end and what is due next quarter", () => {
    expect(rowLabels(r, "achievements", "milestones-done")).toEqual(["in"]);
    expect(rowLabels(r, "achievements", "hubs-opened")).toEqual(["Opened"]);
    expect(section(r, "achievements").summary).toBe("1 milestone achieved and 1 locality hub opened in Q3 2021-22.");
    expect(rowLabels(r, "risks", "open")[0]).toBe("open");
    expect(rowLabels(r, "risks", "open")).not.toContain("closed");
    expect(rowLabels(r, "next-quarter", "due-next")).toEqual(["after", "next"]);
    expect(rowLabels(r, "next-quarter", "hubs-next")).toEqual(["Expected"]);
    expect(rowLabels(r, "next-quarter", "overdue")).toEqual(["late"]);
  });

  it("shows the criteria as readinessOn computes them at the quarter's end", () => {
    const expected = readinessOn(facts().workforce, facts().training, DEFAULT_THRESHOLDS, "2021-12-31");
    const rows = section(r, "readiness").tables[0].rows;
    expect(rows.map((row) => row.cells.slice(1).map(value))).toEqual(expected.criteria.map((c) => [c.percent, c.numerator, c.denominator, c.threshold, c.met]));
    expect(section(r, "readiness").summary).toContain("0 of 3 go-live criteria met on 31 December 2021");
  });

  it("counts adult specialist posts only, by role, with the vacancies", () => {
    const wf = section(r, "workforce");
    expect(wf.figures.map((f) => [f.measure, value(f.value)])).toEqual([
      ["Adult specialist establishment (FTE)", 2],
      ["Adult specialist workers in post (FTE)", 1],
      ["Adult specialist workers in post (% of establishment)", 50],
      ["Adult specialist vacancies (posts)", 1],
      ["Adult specialist vacancies (FTE)", 1],
    ]);
    expect(rowLabels(r, "workforce", "by-role")).toEqual(["Mental health practitioner", "Substance misuse / recovery worker"]);
    expect(section(r, "workforce").tables[1].rows[0].cells.map(value)).toEqual(["P2", "Substance misuse / recovery worker", "No team", 1, "2020-09-01", "Start agreed for 1 March 2022"]);
  });

  it("says when a year has no costs counted, and when no posts are established", () => {
    const empty = facts();
    const none = assembleQuarterlyReturn(facts({ workforce: { posts: [], appointments: [], steps: [] }, funding: { ...empty.funding, settings: { ...DEFAULT_SETTINGS, costsFrom: "2022-06-01" } } }), w);
    expect(section(none, "funding").figures).toEqual([]);
    expect(section(none, "funding").summary).toBe("No adult worker costs are counted in 2021-22: costs count from 1 June 2022.");
    expect(section(none, "workforce").summary).toBe("No adult specialist posts were established on 31 December 2021.");
  });

  it("is provisional while the quarter runs", () => {
    const running = assembleQuarterlyReturn(facts(), quarterWindow(financialQuarter(2021, 4), "2022-02-15")!);
    expect(running).toMatchObject({ asOf: "2022-02-15", provisional: true, period: "2021-Q4" });
    expect(section(running, "achievements").summary).toBe("1 milestone achieved and 0 locality hubs opened in Q4 2021-22 to 15 February 2022.");
  });
});

describe("the committee update", () => {
  const r = assembleCommitteeUpdate(facts(), committeeWindow("2022-01-31"), "2022-02-15");

  it("has the committee headings in order", () => {
    expect(r.sections.map((s) => s.title)).toEqual(["Aim", "Progress", "Impacts", "Workforce", "Sustainability", "Risks"]);
    expect(sectionKeys("committee")).toEqual(COMMITTEE_SECTIONS.map((s) => s.key));
    expect(r).toMatchObject({ period: "2022-01-31", provisional: false, subtitle: "As of 31 January 2022 (Q4 2021-22)" });
    expect(assembleCommitteeUpdate(facts(), committeeWindow("2022-02-15"), "2022-02-15").provisional).toBe(true);
  });

  it("gives the go-live dates, progress over three months, contracts ending and the top risks; no invented outcomes", () => {
    expect(section(r, "aim").figures.map((f) => value(f.value))).toEqual(["2020-04-01", "2020-09-01", null, "2020-09-01", "0 of 3"]);
    const notLive = assembleCommitteeUpdate(facts({ authority: { ...facts().authority, actualGoLive: null } }), committeeWindow("2022-01-31"), "2022-02-15");
    expect(value(section(notLive, "aim").figures[3].value)).toBe("Not live yet");
    // Since 1 November 2021: "after" (2 January) only.
    expect(rowLabels(r, "progress", "milestones-done")).toEqual(["after"]);
    expect(section(r, "progress").summary).toMatch(/^3 of 5 milestones achieved by 31 January 2022, 1 of them since 1 November 2021; 1 milestone overdue\. 1 of 2 locality hubs open\./);
    // No outcome figures recorded: nothing invented, an empty table and a plain sentence.
    expect(section(r, "impacts")).toMatchObject({ figures: [], tables: [{ key: "outcomes", rows: [] }] });
    expect(section(r, "impacts").summary).toContain("No outcome indicator has a baseline yet");
    expect(rowLabels(r, "workforce", "contracts-ending")).toEqual(["P1"]);
    expect(section(r, "workforce").summary).toContain("1 fixed-term contract or secondment of adult specialist workers ends by 31 July 2022.");
    expect(rowLabels(r, "risks", "top")).toHaveLength(COMMITTEE_TOP_RISKS);
    expect(rowLabels(r, "risks", "top")[0]).toBe("open");
    expect(section(r, "sustainability").summary).toContain("No funding stream pays towards the adult specialist workers");
  });
});

describe("outcomes in the reports", () => {
  const cp = { id: "cp", name: "Children on a child protection plan", periodType: "snapshot" as const, direction: "lower" as const, unit: "count" as const };
  const care = { id: "care", name: "Children entering care", periodType: "flow" as const, direction: "lower" as const, unit: "count" as const };
  const withOutcomes = facts({
    outcomes: {
      indicators: [cp, care],
      observations: [
        { id: "cp-2019", indicatorId: "cp", periodStart: "2019-03-31", periodEnd: "2019-03-31", value: 370 },
        { id: "cp-2021", indicatorId: "cp", periodStart: "2021-03-31", periodEnd: "2021-03-31", value: 227 },
        { id: "care-1", indicatorId: "care", periodStart: "2019-04-01", periodEnd: "2020-03-31", value: 242 },
        // A quarter is not like for like with a year: not compared.
        { id: "care-q", indicatorId: "care", periodStart: "2020-04-01", periodEnd: "2020-06-30", value: 40 },
      ],
      baselines: { cp: "cp-2019", care: "care-1" },
      populations: [{ year: 2019, population: 60_000 }],
    },
  });

  it("the quarterly return gives each indicator's change since its baseline, as the scorecard compares them (Walsall: 370 → 227, −38.6%)", () => {
    const r = assembleQuarterlyReturn(withOutcomes, quarterWindow(parseQuarterSlug("2021-Q1")!, "2021-08-01")!);
    const s = section(r, "outcomes");
    expect(s.summary).toBe("2 outcome indicators with a baseline; 1 can be compared like for like with it: 1 improving, 0 worsening.");
    expect(s.figures).toEqual([{ measure: "Children on a child protection plan: change since baseline (%)", value: { kind: "percent", value: ((227 - 370) / 370) * 100 } }]);
    expect(formatFigure(s.figures[0].value)).toBe("-38.6%");
    const [table] = s.tables;
    expect(table.rows.map((row) => row.cells.map(formatFigure))).toEqual([
      ["Children on a child protection plan", "31 March 2019", "370", "31 March 2021", "227", "-143", "-38.6%", "-23.8", "improving"],
      ["Children entering care", "1 April 2019 to 31 March 2020", "242", "–", "–", "–", "–", "–", "not comparable yet"],
    ]);
    expect(s.sources[0].href).toBe("/a/x/outcomes?asOf=2021-06-30");
  });

  it("the committee update's impacts carry the same figures", () => {
    const r = assembleCommitteeUpdate(withOutcomes, committeeWindow("2021-06-30"), "2021-08-01");
    expect(section(r, "impacts").figures).toHaveLength(1);
    expect(section(r, "impacts").summary).toContain("1 improving");
  });
});
