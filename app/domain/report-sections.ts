import { addMonths, financialQuarterOf, financialYearOf, formatDate, type IsoDate } from "./dates";
import { formatFte, formatMoney, formatPercent, roundPercent } from "./format";
import { fundingOverview, type FinancialYearRow, type FundingInput, type FundingOverview } from "./funding";
import {
  countMilestones,
  describeSlippage,
  hubSlippage,
  hubsExpectedWithin,
  hubsOpenedWithin,
  hubsOpenOn,
  milestonesDoneWithin,
  milestonesDueWithin,
  milestonesOverdueOn,
  raidClosedWithin,
  raidOpenOn,
  raidRaisedWithin,
  raidScore,
  RAID_KINDS,
  RATING_BANDS,
  riskRating,
  sortRaid,
  milestoneSlippage,
  type DateSpan,
  type HubFacts,
  type MilestoneFacts,
  type RaidFacts,
} from "./plan";
import { compareWithBaseline, type BaselineComparison, type IndicatorFacts, type ObservationFacts, type PopulationFacts } from "./outcomes";
import { CRITERION_LABELS, readinessOn, type Readiness, type Thresholds, type TrainingFacts, type WorkforceFacts } from "./readiness";
import { committeeSpan, describeQuarter, fig, quarterSlug, REPORT_TITLES, type QuarterWindow, type Report, type ReportFigure, type ReportSection, type ReportSource, type ReportTable } from "./reports";
import { CONTRACT_TYPES, CONTRACT_WINDOW_MONTHS, contractsEnding, establishmentSummary, RECRUITMENT_STAGES, roleLabel, vacancies, type PostFacts, type RecruitmentFacts } from "./workforce";

/**
 * The sections of the two reports, each built by a pure function from the authority's dated
 * facts. Every figure comes from the rule the figure's own page uses (readinessOn,
 * establishmentSummary, fundingOverview, the plan's window helpers), so a report always agrees
 * with the pages it cites.
 *
 * Adding a section: load its facts into ReportFacts (the service
 * app/services/reports/load-report-facts.server.ts), write a builder here and put it in
 * QUARTERLY_SECTIONS and/or COMMITTEE_SECTIONS where it should appear. The page, the .docx, the CSV
 * and the narrative forms follow the list.
 */

export interface ReportMilestone extends MilestoneFacts {
  id: string;
  title: string;
  workstream: string;
  owner: string | null;
}

export interface ReportHub extends HubFacts {
  id: string;
  name: string;
  locality: string | null;
}

export interface ReportRaid extends RaidFacts {
  id: string;
  reference: string;
  title: string;
  owner: string | null;
  mitigation: string | null;
}

/** Everything both reports are computed from: the facts behind the plan, readiness, workforce and funding pages. */
export interface ReportFacts {
  slug: string;
  authority: { name: string; programmeStart: IsoDate | null; plannedGoLive: IsoDate | null; dfeConfirmedOn: IsoDate | null; actualGoLive: IsoDate | null };
  milestones: ReportMilestone[];
  hubs: ReportHub[];
  raid: ReportRaid[];
  workforce: Omit<WorkforceFacts, "posts"> & { posts: Array<PostFacts & { reference: string | null }>; steps: RecruitmentFacts[] };
  training: TrainingFacts;
  teams: Array<{ id: string; name: string }>;
  thresholds: Thresholds;
  funding: FundingInput;
  outcomes: ReportOutcomeFacts;
}

/** The facts behind the outcomes scorecard: indicators, figures, chosen baselines, child population. */
export interface ReportOutcomeFacts {
  indicators: Array<IndicatorFacts & { id: string; name: string }>;
  observations: Array<ObservationFacts & { indicatorId: string }>;
  /** Indicator id → the observation chosen as its baseline. */
  baselines: Record<string, string>;
  populations: PopulationFacts[];
}

/** Computed once per report and shared by the sections that need it. */
interface Derived {
  readiness: Readiness;
  funding: FundingOverview;
}

type Builder<W> = (facts: ReportFacts, window: W, derived: Derived) => Omit<ReportSection, "key" | "narrative">;

export interface SectionDefinition<W> {
  /** What the section's narrative is stored under: keep it once narratives exist. */
  key: string;
  build: Builder<W>;
}

// ---------------------------------------------------------------------------------------------
// Sources: the pages the figures come from

const sources = {
  plan: (f: ReportFacts, asOf: IsoDate): ReportSource => ({ label: "Implementation plan", href: `/a/${f.slug}/plan?asOf=${asOf}`, asOf }),
  timeline: (f: ReportFacts, asOf: IsoDate): ReportSource => ({ label: "Plan timeline", href: `/a/${f.slug}/plan/timeline?asOf=${asOf}`, asOf }),
  hubs: (f: ReportFacts, asOf: IsoDate): ReportSource => ({ label: "Locality hubs", href: `/a/${f.slug}/hubs?asOf=${asOf}`, asOf }),
  raid: (f: ReportFacts, asOf: IsoDate): ReportSource => ({ label: "Risks and issues register", href: `/a/${f.slug}/plan/raid?asOf=${asOf}&show=all`, asOf }),
  readiness: (f: ReportFacts, asOf: IsoDate): ReportSource => ({ label: "Go-live readiness dashboard", href: `/a/${f.slug}?asOf=${asOf}`, asOf }),
  workforce: (f: ReportFacts, asOf: IsoDate): ReportSource => ({ label: "Workforce", href: `/a/${f.slug}/workforce?asOf=${asOf}`, asOf }),
  funding: (f: ReportFacts, asOf: IsoDate): ReportSource => ({ label: "Funding and the grant taper", href: `/a/${f.slug}/funding?asOf=${asOf}`, asOf }),
  outcomes: (f: ReportFacts, asOf: IsoDate): ReportSource => ({ label: "Outcomes scorecard", href: `/a/${f.slug}/outcomes?asOf=${asOf}`, asOf }),
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------------
// Tables shared by the reports

function milestonesTable(f: ReportFacts, key: string, caption: string, list: ReportMilestone[], asOf: IsoDate, empty: string, mode: "done" | "due"): ReportTable {
  const link = (m: ReportMilestone) => fig.text(m.title, `/a/${f.slug}/plan/milestones/${m.id}`);
  return mode === "done"
    ? {
        key,
        caption,
        columns: [{ header: "Milestone" }, { header: "Workstream" }, { header: "Due date" }, { header: "Done on" }, { header: "Against the baseline" }],
        rows: list.map((m) => ({ key: m.id, cells: [link(m), fig.text(m.workstream), fig.date(m.dueDate, "Not scheduled"), fig.date(m.doneOn), fig.text(describeSlippage(milestoneSlippage(m, asOf)))] })),
        empty,
      }
    : {
        key,
        caption,
        columns: [{ header: "Milestone" }, { header: "Workstream" }, { header: "Owner" }, { header: "Due date" }, { header: "Against the baseline" }],
        rows: list.map((m) => ({ key: m.id, cells: [link(m), fig.text(m.workstream), fig.text(m.owner ?? "–"), fig.date(m.dueDate), fig.text(describeSlippage(milestoneSlippage(m, asOf)))] })),
        empty,
      };
}

function raidTable(f: ReportFacts, key: string, caption: string, items: ReportRaid[], empty: string, source = 0): ReportTable {
  return {
    key,
    caption,
    columns: [{ header: "Reference" }, { header: "Title" }, { header: "Kind" }, { header: "Score", numeric: true }, { header: "Rating" }, { header: "Owner" }, { header: "Mitigation or action" }, { header: "Review date" }],
    rows: sortRaid(items, "score").map((i) => {
      const score = raidScore(i);
      return {
        key: i.id,
        cells: [
          fig.text(i.reference),
          fig.text(i.title, `/a/${f.slug}/plan/raid/${i.id}`),
          fig.text(RAID_KINDS[i.kind]),
          fig.count(score),
          fig.text(RATING_BANDS[riskRating(score)].label),
          fig.text(i.owner ?? "–"),
          fig.text(i.mitigation ?? "–"),
          fig.date(i.reviewDate, "None set"),
        ],
      };
    }),
    empty,
    source,
  };
}

function readinessTable(r: Readiness, source = 0): ReportTable {
  return {
    key: "criteria",
    caption: `The go-live criteria on ${formatDate(r.asOf)}`,
    columns: [{ header: "Criterion" }, { header: "Figure", numeric: true }, { header: "Numerator", numeric: true }, { header: "Denominator", numeric: true }, { header: "Threshold", numeric: true }, { header: "Met or not" }],
    rows: r.criteria.map((c) => ({
      key: c.key,
      cells: [
        fig.text(CRITERION_LABELS[c.key]),
        fig.percent(c.percent),
        c.unit === "FTE" ? fig.fte(c.numerator) : fig.count(c.numerator),
        c.unit === "FTE" ? fig.fte(c.denominator) : fig.count(c.denominator),
        fig.percent(c.threshold),
        fig.met(c.met),
      ],
    })),
    empty: "No criteria.",
    source,
  };
}

function readinessSummary(r: Readiness): string {
  const met = r.criteria.filter((c) => c.met).length;
  const parts = r.criteria.map((c) => `${CRITERION_LABELS[c.key].toLowerCase()} ${formatPercent(c.percent)} (${c.met ? "met" : "not met"})`);
  return `${met} of ${r.criteria.length} go-live criteria met on ${formatDate(r.asOf)}: ${parts.join("; ")}.`;
}

/** Adult specialist FTE in post against establishment by role, and the vacancies, on a date. */
function workforceParts(f: ReportFacts, asOf: IsoDate, r: Readiness) {
  const adultPosts = f.workforce.posts.filter((p) => p.adultSpecialist);
  const byRole = establishmentSummary(adultPosts, f.workforce.appointments, asOf, (p) => p.role)
    .map((row) => ({ ...row, label: roleLabel(row.key) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const vacant = vacancies(adultPosts, f.workforce.appointments, f.workforce.steps, asOf);
  const teamName = new Map(f.teams.map((t) => [t.id, t.name]));
  const reference = new Map(f.workforce.posts.map((p) => [p.id, p.reference]));
  const adult = r.criteria.find((c) => c.key === "adult-workers")!;
  const vacantFte = vacant.reduce((s, v) => s + Math.round(v.vacantFte * 100), 0) / 100;
  const figures: ReportFigure[] = [
    { measure: "Adult specialist establishment (FTE)", value: fig.fte(adult.denominator) },
    { measure: "Adult specialist workers in post (FTE)", value: fig.fte(adult.numerator) },
    { measure: "Adult specialist workers in post (% of establishment)", value: fig.percent(adult.percent) },
    { measure: "Adult specialist vacancies (posts)", value: fig.count(vacant.length) },
    { measure: "Adult specialist vacancies (FTE)", value: fig.fte(vacantFte) },
  ];
  const roles: ReportTable = {
    key: "by-role",
    caption: `Adult specialist workers by role on ${formatDate(asOf)}`,
    columns: [{ header: "Role" }, { header: "Establishment (FTE)", numeric: true }, { header: "In post (FTE)", numeric: true }, { header: "In post (%)", numeric: true }, { header: "Vacant (FTE)", numeric: true }, { header: "Starting (FTE)", numeric: true }],
    rows: byRole.map((row) => ({
      key: row.key,
      cells: [
        fig.text(row.label),
        fig.fte(row.establishmentFte),
        fig.fte(row.inPostFte),
        fig.percent(row.establishmentFte ? roundPercent((row.inPostFte / row.establishmentFte) * 100) : null),
        fig.fte(row.vacantFte),
        fig.fte(row.pipelineFte),
      ],
    })),
    empty: "No adult specialist posts established.",
  };
  const vacancyTable: ReportTable = {
    key: "vacancies",
    caption: `Adult specialist vacancies on ${formatDate(asOf)}`,
    columns: [{ header: "Post" }, { header: "Role" }, { header: "Team" }, { header: "Vacant (FTE)", numeric: true }, { header: "Vacant since" }, { header: "Recruitment" }],
    rows: vacant.map((v) => ({
      key: v.postId,
      cells: [
        fig.text(reference.get(v.postId) ?? "Post", `/a/${f.slug}/workforce/posts/${v.postId}`),
        fig.text(roleLabel(v.role)),
        fig.text(v.teamId ? (teamName.get(v.teamId) ?? "") : "No team"),
        fig.fte(v.vacantFte),
        fig.date(v.vacantSince),
        fig.text(v.agreedStart ? `Start agreed for ${formatDate(v.agreedStart.startDate)}` : RECRUITMENT_STAGES[v.stage]),
      ],
    })),
    empty: "No vacancies.",
  };
  const summary = adult.denominator
    ? `${formatFte(adult.numerator)} of ${formatFte(adult.denominator)} FTE adult specialist posts filled (${formatPercent(adult.percent)}) on ${formatDate(asOf)}, with ${plural(vacant.length, "vacancy", "vacancies")}.`
    : `No adult specialist posts were established on ${formatDate(asOf)}.`;
  return { figures, roles, vacancyTable, summary };
}

/** The funding row of a financial year, as the funding page computes it, and its figures. */
function fundingParts(o: FundingOverview, yearLabel: string) {
  const row: FinancialYearRow | undefined = o.financialYears.find((y) => y.label === yearLabel);
  const figures: ReportFigure[] = row
    ? [
        { measure: `Adult worker costs ${yearLabel}`, value: fig.money(row.cost) },
        { measure: `Grant and other funding ${yearLabel}`, value: fig.money(row.grant) },
        { measure: `Shortfall ${yearLabel}`, value: fig.money(row.shortfall) },
        { measure: `Partner contributions agreed ${yearLabel}`, value: fig.money(row.agreed) },
        { measure: `Partner contributions proposed ${yearLabel}`, value: fig.money(row.proposed) },
        { measure: `Gap after agreed contributions ${yearLabel}`, value: fig.money(row.remainingGap) },
        { measure: `Not covered even if proposals are agreed ${yearLabel}`, value: fig.money(row.notCovered) },
      ]
    : [];
  const summary = row
    ? `In ${yearLabel} the adult specialist workers cost ${formatMoney(row.cost)}; grant and other funding pay ${formatMoney(row.grant)}, leaving a shortfall of ${formatMoney(row.shortfall)}. Partners have agreed ${formatMoney(row.agreed)}, so ${row.remainingGap > 0 ? `${formatMoney(row.remainingGap)} is still to find` : "the shortfall is covered"}.`
    : `No adult worker costs are counted in ${yearLabel}: costs count from ${formatDate(o.model.costsFrom)}.`;
  return { row, figures, summary };
}

function sustainabilityText(o: FundingOverview): string {
  const s = o.sustainability;
  if (s.kind === "open-ended") return `${s.streamName} has no end date, so the funding model cannot say when the authority must fund the adult specialist workers itself.`;
  if (s.kind === "no-streams") return `No funding stream pays towards the adult specialist workers: the authority and its partners fund them in full, ${formatMoney(s.annual.pence)} a year at ${s.priceYear} prices.`;
  let text = `From ${formatDate(s.from)} no funding stream pays towards the adult specialist workers: the authority and its partners must fund ${formatMoney(s.annual.pence)} a year at ${s.priceYear} prices.`;
  if (s.firstYearWithout) text += ` ${s.firstYearWithout.label} is the first financial year with no grant at all: its shortfall is ${formatMoney(s.firstYearWithout.shortfall)}.`;
  return text;
}

/** Each indicator with a baseline on the date, compared as the outcomes scorecard compares it. */
function outcomeComparisons(f: ReportFacts, asOf: IsoDate) {
  return f.outcomes.indicators
    .map((indicator) => ({
      indicator,
      c: compareWithBaseline(indicator, f.outcomes.observations.filter((o) => o.indicatorId === indicator.id), f.outcomes.baselines[indicator.id] ?? null, asOf, f.outcomes.populations) as BaselineComparison,
    }))
    .filter((r) => r.c.baseline);
}

const period = (o: ObservationFacts | null) => (!o ? "–" : o.periodStart === o.periodEnd ? formatDate(o.periodEnd) : `${formatDate(o.periodStart)} to ${formatDate(o.periodEnd)}`);
const oneDecimal = (n: number | null) => (n === null ? "–" : n.toFixed(1));

function outcomesParts(f: ReportFacts, asOf: IsoDate) {
  const rows = outcomeComparisons(f, asOf);
  const compared = rows.filter((r) => r.c.latest);
  const improving = compared.filter((r) => r.c.assessment === "improving").length;
  const worsening = compared.filter((r) => r.c.assessment === "worsening").length;
  const summary =
    rows.length === 0
      ? "No outcome indicator has a baseline yet: figures and baselines are recorded on the outcomes scorecard."
      : `${plural(rows.length, "outcome indicator")} with a baseline; ${compared.length} can be compared like for like with it: ${improving} improving, ${worsening} worsening.`;
  const figures: ReportFigure[] = compared.map((r) => ({ measure: `${r.indicator.name}: change since baseline (%)`, value: fig.percent(r.c.changePercent) }));
  const table: ReportTable = {
    key: "outcomes",
    caption: `Outcome indicators against their baseline at ${formatDate(asOf)}`,
    columns: [
      { header: "Indicator" },
      { header: "Baseline" },
      { header: "Baseline figure", numeric: true },
      { header: "Latest comparable" },
      { header: "Latest figure", numeric: true },
      { header: "Change", numeric: true },
      { header: "Change %", numeric: true },
      { header: "Change per 10,000 children", numeric: true },
      { header: "Direction" },
    ],
    rows: rows.map((r) => ({
      key: r.indicator.id,
      cells: [
        fig.text(r.indicator.name, `/a/${f.slug}/outcomes/indicators/${r.indicator.id}`),
        fig.text(period(r.c.baseline)),
        fig.count(r.c.baseline!.value),
        fig.text(period(r.c.latest)),
        r.c.latest ? fig.count(r.c.latest.value) : fig.text("–"),
        r.c.change === null ? fig.text("–") : fig.count(r.c.change),
        fig.percent(r.c.changePercent),
        fig.text(oneDecimal(r.c.changePer10k)),
        fig.text(r.c.assessment ?? "not comparable yet"),
      ],
    })),
    empty: "No outcome indicator has a baseline yet.",
  };
  return { summary, figures, table };
}

// ---------------------------------------------------------------------------------------------
// The quarterly DfE return

const achievements: Builder<QuarterWindow> = (f, w) => {
  const done = milestonesDoneWithin(f.milestones, w.span);
  const opened = hubsOpenedWithin(f.hubs, w.span);
  return {
    title: "Achievements this quarter",
    summary: `${plural(done.length, "milestone")} achieved and ${plural(opened.length, "locality hub")} opened in ${w.quarter.label}${w.current ? ` to ${formatDate(w.asOf)}` : ""}.`,
    figures: [
      { measure: "Milestones achieved in the quarter", value: fig.count(done.length) },
      { measure: "Locality hubs opened in the quarter", value: fig.count(opened.length), source: 1 },
    ],
    tables: [
      milestonesTable(f, "milestones-done", "Milestones achieved", done, w.asOf, "No milestones were achieved in the quarter.", "done"),
      {
        key: "hubs-opened",
        caption: "Locality hubs opened",
        columns: [{ header: "Hub" }, { header: "Locality" }, { header: "Planned opening" }, { header: "Opened on" }, { header: "Against the plan" }],
        rows: opened.map((h) => ({
          key: h.id,
          cells: [fig.text(h.name, `/a/${f.slug}/hubs/${h.id}`), fig.text(h.locality ?? "–"), fig.date(h.plannedOpening, "Not planned"), fig.date(h.actualOpening), fig.text(describeSlippage(hubSlippage(h, w.asOf)))],
        })),
        empty: "No hubs opened in the quarter.",
        source: 1,
      },
    ],
    sources: [sources.plan(f, w.asOf), sources.hubs(f, w.asOf)],
    notes: [],
  };
};

const risks: Builder<QuarterWindow> = (f, w) => {
  const open = raidOpenOn(f.raid, w.asOf);
  const openRisks = open.filter((i) => i.kind === "risk");
  const openIssues = open.filter((i) => i.kind === "issue");
  const high = open.filter((i) => riskRating(raidScore(i)) === "high");
  return {
    title: "Risks and issues",
    summary: `${plural(openRisks.length, "risk")} and ${plural(openIssues.length, "issue")} open on ${formatDate(w.asOf)}, ${high.length} rated high.`,
    figures: [
      { measure: `Risks open on ${formatDate(w.asOf)}`, value: fig.count(openRisks.length) },
      { measure: `Issues open on ${formatDate(w.asOf)}`, value: fig.count(openIssues.length) },
      { measure: "Open risks and issues rated high", value: fig.count(high.length) },
      { measure: "Raised in the quarter", value: fig.count(raidRaisedWithin(f.raid, w.span).length) },
      { measure: "Closed or resolved in the quarter", value: fig.count(raidClosedWithin(f.raid, w.span).length) },
    ],
    tables: [raidTable(f, "open", `Risks and issues open on ${formatDate(w.asOf)}, highest score first`, open, "No risks or issues were open.")],
    sources: [sources.raid(f, w.asOf)],
    notes: ["Score: likelihood × impact, each from 1 to 5 (an issue has happened, so its likelihood is 5). High: 15 to 25; medium: 6 to 12; low: 1 to 5."],
  };
};

const nextQuarter: Builder<QuarterWindow> = (f, w) => {
  const due = milestonesDueWithin(f.milestones, w.next, w.asOf);
  const hubs = hubsExpectedWithin(f.hubs, w.next, w.asOf);
  const overdue = milestonesOverdueOn(f.milestones, w.asOf);
  return {
    title: `Milestones planned for next quarter (${w.next.label})`,
    summary: `${plural(due.length, "milestone")} due in ${w.next.label} and not done by ${formatDate(w.asOf)}; ${plural(overdue.length, "milestone")} overdue and carried forward.`,
    figures: [
      { measure: `Milestones due in ${w.next.label}`, value: fig.count(due.length) },
      { measure: `Locality hubs expected to open in ${w.next.label}`, value: fig.count(hubs.length), source: 1 },
      { measure: `Milestones overdue on ${formatDate(w.asOf)}`, value: fig.count(overdue.length) },
    ],
    tables: [
      milestonesTable(f, "due-next", `Milestones due in ${w.next.label}`, due, w.asOf, "No milestones are due next quarter.", "due"),
      {
        key: "hubs-next",
        caption: `Locality hubs expected to open in ${w.next.label}`,
        columns: [{ header: "Hub" }, { header: "Locality" }, { header: "Planned opening" }, { header: "Expected opening" }],
        rows: hubs.map((h) => ({ key: h.id, cells: [fig.text(h.name, `/a/${f.slug}/hubs/${h.id}`), fig.text(h.locality ?? "–"), fig.date(h.plannedOpening, "Not planned"), fig.date(h.forecastOpening ?? h.plannedOpening)] })),
        empty: "No hub openings expected next quarter.",
        source: 1,
      },
      milestonesTable(f, "overdue", `Milestones overdue on ${formatDate(w.asOf)} (carried forward)`, overdue, w.asOf, "No milestones were overdue.", "due"),
    ],
    sources: [sources.timeline(f, w.asOf), sources.hubs(f, w.asOf)],
    notes: [],
  };
};

const readiness: Builder<QuarterWindow> = (f, w, d) => ({
  title: "Go-live readiness",
  summary: readinessSummary(d.readiness),
  figures: [{ measure: "All three go-live criteria met", value: fig.text(d.readiness.ready ? "Yes" : "No") }],
  tables: [readinessTable(d.readiness)],
  sources: [sources.readiness(f, w.asOf)],
  notes: ["Adult workers: FTE of established adult specialist posts filled. Training: in-scope staff in post who have completed the course (MI) or every workshop their discipline requires."],
});

const workforce: Builder<QuarterWindow> = (f, w, d) => {
  const p = workforceParts(f, w.asOf, d.readiness);
  return { title: "Workforce", summary: p.summary, figures: p.figures, tables: [p.roles, p.vacancyTable], sources: [sources.workforce(f, w.asOf)], notes: [] };
};

const funding: Builder<QuarterWindow> = (f, w, d) => {
  const p = fundingParts(d.funding, w.quarter.financialYear);
  return {
    title: `Funding ${w.quarter.financialYear}`,
    summary: p.summary,
    figures: p.figures,
    tables: [],
    sources: [sources.funding(f, w.asOf)],
    notes: [`The whole financial year ${w.quarter.financialYear} (April to March), as the funding model computes it from the posts, their costs and the funding streams.`],
  };
};

const outcomes: Builder<QuarterWindow> = (f, w) => {
  const p = outcomesParts(f, w.asOf);
  return {
    title: "Outcomes",
    summary: p.summary,
    figures: p.figures,
    tables: [p.table],
    sources: [sources.outcomes(f, w.asOf)],
    notes: ["Aggregate counts only. A snapshot is compared with any later date; a flow only with a later period of the same length (like for like), as on the outcomes scorecard."],
  };
};

/** The quarterly return's sections, in order. */
export const QUARTERLY_SECTIONS: ReadonlyArray<SectionDefinition<QuarterWindow>> = [
  { key: "achievements", build: achievements },
  { key: "risks", build: risks },
  { key: "next-quarter", build: nextQuarter },
  { key: "readiness", build: readiness },
  { key: "workforce", build: workforce },
  { key: "funding", build: funding },
  { key: "outcomes", build: outcomes },
];

function derive(f: ReportFacts, asOf: IsoDate): Derived {
  return { readiness: readinessOn(f.workforce, f.training, f.thresholds, asOf), funding: fundingOverview(f.funding, asOf) };
}

/** The quarterly return for a quarter: its sections in order, without narratives. */
export function assembleQuarterlyReturn(f: ReportFacts, w: QuarterWindow): Report {
  const d = derive(f, w.asOf);
  return {
    kind: "quarterly",
    authorityName: f.authority.name,
    title: `${REPORT_TITLES.quarterly}: ${w.quarter.label}`,
    subtitle: describeQuarter(w.quarter),
    period: quarterSlug(w.quarter),
    asOf: w.asOf,
    provisional: w.current,
    sections: QUARTERLY_SECTIONS.map((s) => ({ key: s.key, ...s.build(f, w, d), narrative: null })),
  };
}

// ---------------------------------------------------------------------------------------------
// The committee update

export interface CommitteeWindow {
  asOf: IsoDate;
  /** The three months to the as-of date: "progress since the last update". */
  span: DateSpan;
}

export function committeeWindow(asOf: IsoDate): CommitteeWindow {
  return { asOf, span: committeeSpan(asOf) };
}

const aim: Builder<CommitteeWindow> = (f, w, d) => {
  const a = f.authority;
  const live = a.actualGoLive !== null && a.actualGoLive <= w.asOf;
  const met = d.readiness.criteria.filter((c) => c.met).length;
  return {
    title: "Aim",
    summary:
      "Family Safeguarding brings adult specialist workers for domestic abuse, substance misuse and mental health into the children's social work teams, so that parents get help with what puts their children at risk and more children can stay safely at home.",
    figures: [
      { measure: "Programme start", value: fig.date(a.programmeStart, "Not recorded") },
      { measure: "Planned go-live", value: fig.date(a.plannedGoLive, "Not planned") },
      { measure: "DfE confirmed go-live", value: fig.date(a.dfeConfirmedOn, "Not recorded") },
      { measure: "Went live", value: live ? fig.date(a.actualGoLive) : fig.text("Not live yet") },
      { measure: `Go-live criteria met on ${formatDate(w.asOf)}`, value: fig.text(`${met} of ${d.readiness.criteria.length}`) },
    ],
    tables: [],
    sources: [sources.readiness(f, w.asOf)],
    notes: [],
  };
};

const progress: Builder<CommitteeWindow> = (f, w, d) => {
  const counts = countMilestones(f.milestones, w.asOf);
  const done = milestonesDoneWithin(f.milestones, w.span);
  const overdue = milestonesOverdueOn(f.milestones, w.asOf);
  const open = hubsOpenOn(f.hubs, w.asOf);
  const since = formatDate(w.span.start);
  return {
    title: "Progress",
    summary: `${counts.done + counts["done-late"]} of ${counts.total} milestones achieved by ${formatDate(w.asOf)}, ${done.length} of them since ${since}; ${plural(overdue.length, "milestone")} overdue. ${open.length} of ${f.hubs.length} locality hubs open. ${readinessSummary(d.readiness)}`,
    figures: [
      { measure: "Milestones in the plan", value: fig.count(counts.total) },
      { measure: `Milestones achieved by ${formatDate(w.asOf)}`, value: fig.count(counts.done + counts["done-late"]) },
      { measure: `Milestones achieved since ${since}`, value: fig.count(done.length) },
      { measure: `Milestones overdue on ${formatDate(w.asOf)}`, value: fig.count(overdue.length) },
      { measure: "Locality hubs open", value: fig.count(open.length), source: 1 },
      { measure: "Locality hubs planned", value: fig.count(f.hubs.length), source: 1 },
    ],
    tables: [
      milestonesTable(f, "milestones-done", `Milestones achieved since ${since}`, done, w.asOf, "No milestones achieved in the period.", "done"),
      milestonesTable(f, "overdue", `Milestones overdue on ${formatDate(w.asOf)}`, overdue, w.asOf, "No milestones overdue.", "due"),
      readinessTable(d.readiness, 2),
    ],
    sources: [sources.plan(f, w.asOf), sources.hubs(f, w.asOf), sources.readiness(f, w.asOf)],
    notes: [],
  };
};

const impacts: Builder<CommitteeWindow> = (f, w) => {
  const p = outcomesParts(f, w.asOf);
  return {
    title: "Impacts",
    summary: `The difference the model is making for children and families. ${p.summary}`,
    figures: p.figures,
    tables: [p.table],
    sources: [sources.outcomes(f, w.asOf)],
    notes: ["Changes since each indicator's baseline, as on the outcomes scorecard (aggregate counts only)."],
  };
};

const committeeWorkforce: Builder<CommitteeWindow> = (f, w, d) => {
  const p = workforceParts(f, w.asOf, d.readiness);
  const until = addMonths(w.asOf, CONTRACT_WINDOW_MONTHS);
  const postOf = new Map(f.workforce.posts.map((x) => [x.id, x]));
  const ending = contractsEnding(f.workforce.appointments.filter((a) => postOf.get(a.postId)?.adultSpecialist), w.asOf, until);
  const training = d.readiness.criteria.filter((c) => c.key !== "adult-workers");
  return {
    title: "Workforce",
    summary: `${p.summary} ${plural(ending.length, "fixed-term contract or secondment", "fixed-term contracts or secondments")} of adult specialist workers end${ending.length === 1 ? "s" : ""} by ${formatDate(until)}.`,
    figures: [
      ...p.figures,
      { measure: `Adult specialist contracts ending by ${formatDate(until)}`, value: fig.count(ending.length) },
      ...training.map((c) => ({ measure: `${CRITERION_LABELS[c.key]} (%)`, value: fig.percent(c.percent), source: 1 })),
    ],
    tables: [
      p.roles,
      p.vacancyTable,
      {
        key: "contracts-ending",
        caption: `Adult specialist contracts ending by ${formatDate(until)}`,
        columns: [{ header: "Post" }, { header: "Role" }, { header: "Contract" }, { header: "Ends on" }],
        rows: ending.map((c) => {
          const post = postOf.get(c.postId);
          return {
            key: c.appointmentId,
            cells: [fig.text(post?.reference ?? "Post", `/a/${f.slug}/workforce/posts/${c.postId}`), fig.text(post ? roleLabel(post.role) : ""), fig.text(CONTRACT_TYPES[c.contractType as keyof typeof CONTRACT_TYPES] ?? c.contractType), fig.date(c.contractEnd)],
          };
        }),
        empty: "No contracts end in the next six months.",
      },
    ],
    sources: [sources.workforce(f, w.asOf), sources.readiness(f, w.asOf)],
    notes: [],
  };
};

const sustainability: Builder<CommitteeWindow> = (f, w, d) => {
  const year = financialYearOf(w.asOf).label;
  const p = fundingParts(d.funding, year);
  return {
    title: "Sustainability",
    summary: `${p.summary} ${sustainabilityText(d.funding)}`,
    figures: p.figures,
    tables: [
      {
        key: "years",
        caption: "Adult worker costs, funding and shortfall by financial year",
        columns: [
          { header: "Financial year" },
          { header: "Cost", numeric: true },
          { header: "Grant and other funding", numeric: true },
          { header: "Shortfall", numeric: true },
          { header: "Agreed contributions", numeric: true },
          { header: "Gap after agreed contributions", numeric: true },
        ],
        rows: d.funding.financialYears.map((y) => ({ key: y.label, cells: [fig.text(y.label), fig.money(y.cost), fig.money(y.grant), fig.money(y.shortfall), fig.money(y.agreed), fig.money(y.remainingGap)] })),
        empty: "No costs are counted yet.",
      },
    ],
    sources: [sources.funding(f, w.asOf)],
    notes: [],
  };
};

/** The committee update shows the highest-scoring open risks and issues. */
export const COMMITTEE_TOP_RISKS = 5;

const committeeRisks: Builder<CommitteeWindow> = (f, w) => {
  const open = raidOpenOn(f.raid, w.asOf);
  const top = sortRaid(open, "score").slice(0, COMMITTEE_TOP_RISKS);
  const high = open.filter((i) => riskRating(raidScore(i)) === "high").length;
  return {
    title: "Risks",
    summary: `${plural(open.filter((i) => i.kind === "risk").length, "risk")} and ${plural(open.filter((i) => i.kind === "issue").length, "issue")} open, ${high} rated high.`,
    figures: [
      { measure: "Risks open", value: fig.count(open.filter((i) => i.kind === "risk").length) },
      { measure: "Issues open", value: fig.count(open.filter((i) => i.kind === "issue").length) },
      { measure: "Open risks and issues rated high", value: fig.count(high) },
    ],
    tables: [raidTable(f, "top", `The ${COMMITTEE_TOP_RISKS} highest-scoring open risks and issues`, top, "No risks or issues are open.")],
    sources: [sources.raid(f, w.asOf)],
    notes: [],
  };
};

/** The committee update's headings, in the order councils' committee reports use. */
export const COMMITTEE_SECTIONS: ReadonlyArray<SectionDefinition<CommitteeWindow>> = [
  { key: "aim", build: aim },
  { key: "progress", build: progress },
  { key: "impacts", build: impacts },
  { key: "workforce", build: committeeWorkforce },
  { key: "sustainability", build: sustainability },
  { key: "risks", build: committeeRisks },
];

export function assembleCommitteeUpdate(f: ReportFacts, w: CommitteeWindow, today: IsoDate): Report {
  const d = derive(f, w.asOf);
  return {
    kind: "committee",
    authorityName: f.authority.name,
    title: `Family Safeguarding: ${REPORT_TITLES.committee.toLowerCase()}`,
    subtitle: `As of ${formatDate(w.asOf)} (${financialQuarterOf(w.asOf).label})`,
    period: w.asOf,
    asOf: w.asOf,
    provisional: w.asOf >= today,
    sections: COMMITTEE_SECTIONS.map((s) => ({ key: s.key, ...s.build(f, w, d), narrative: null })),
  };
}

/** The keys a report's narratives may be stored under. */
export function sectionKeys(kind: "quarterly" | "committee"): string[] {
  return (kind === "quarterly" ? QUARTERLY_SECTIONS : COMMITTEE_SECTIONS).map((s) => s.key);
}
