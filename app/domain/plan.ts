import { addDays, daysBetween, financialQuarterOf, type IsoDate, type Quarter } from "./dates";

/**
 * The implementation plan: workstreams and their milestones, locality hubs, and the RAID register
 * (risks and issues). Nothing here is typed in by users as a status: status, slippage and scores
 * are derived from dated facts at any date, so the plan can be read as it stood on a past date.
 */

/** A span of days, both ends inclusive (a financial quarter or year fits). */
export interface DateSpan {
  start: IsoDate;
  end: IsoDate;
}

export function inSpan(date: IsoDate | null | undefined, span: DateSpan): boolean {
  return Boolean(date) && span.start <= date! && date! <= span.end;
}

/** The financial quarter after the one containing the date (Q4 2021-22 is followed by Q1 2022-23). */
export function nextFinancialQuarter(date: IsoDate): Quarter {
  return financialQuarterOf(addDays(financialQuarterOf(date).end, 1));
}

/** The financial quarter before the one containing the date. */
export function previousFinancialQuarter(date: IsoDate): Quarter {
  return financialQuarterOf(addDays(financialQuarterOf(date).start, -1));
}

// ---------------------------------------------------------------------------------------------
// Workstreams

/** What every authority starts with (issue 7, facts.md); each authority edits its own list. */
export const DEFAULT_WORKSTREAMS: ReadonlyArray<{ name: string; lead?: string }> = [
  { name: "Partnership" },
  { name: "Redesign" },
  { name: "Workforce and recruitment" },
  { name: "Training" },
  { name: "Organisational development" },
  { name: "Systems (the Workbook plug-in)" },
  { name: "Performance (scorecard)" },
  { name: "Finance" },
  { name: "Communications" },
];

/**
 * The order after moving one item a place up or down: the ids in their new order. Moving the
 * first up or the last down leaves the order as it is.
 */
export function moveInOrder(ids: readonly string[], id: string, direction: "up" | "down"): string[] {
  const order = [...ids];
  const from = order.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length) return order;
  [order[from], order[to]] = [order[to], order[from]];
  return order;
}

// ---------------------------------------------------------------------------------------------
// Milestones

export interface MilestoneFacts {
  /** The date in force (re-planned dates replace it); null: not scheduled yet. */
  dueDate: IsoDate | null;
  /** The date first agreed; slippage is measured against it. */
  baselineDueDate: IsoDate | null;
  doneOn: IsoDate | null;
}

/** A milestone is "due soon" when its due date is at most this many days away. */
export const DUE_SOON_DAYS = 28;

export type MilestoneStatus = "done" | "done-late" | "overdue" | "due-soon" | "on-track" | "not-scheduled";

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  done: "Done",
  "done-late": "Done late",
  overdue: "Overdue",
  "due-soon": "Due soon",
  "on-track": "On track",
  "not-scheduled": "Not scheduled",
};

/** Done on or before the date (a done date after it was still to come then). */
export function isDoneBy(m: Pick<MilestoneFacts, "doneOn">, date: IsoDate): boolean {
  return m.doneOn !== null && m.doneOn <= date;
}

/**
 * A milestone's status on a date:
 *  - done: done by the date, on or before its due date (or it had none);
 *  - done late: done by the date, after its due date;
 *  - not scheduled: not done and no due date;
 *  - overdue: not done and the due date has passed (the due date itself is not overdue);
 *  - due soon: not done and due within `dueSoonDays` days (today included);
 *  - on track: not done and due later than that.
 */
export function milestoneStatus(m: MilestoneFacts, asOf: IsoDate, dueSoonDays = DUE_SOON_DAYS): MilestoneStatus {
  if (isDoneBy(m, asOf)) return m.dueDate && m.doneOn! > m.dueDate ? "done-late" : "done";
  if (!m.dueDate) return "not-scheduled";
  if (m.dueDate < asOf) return "overdue";
  return daysBetween(asOf, m.dueDate) <= dueSoonDays ? "due-soon" : "on-track";
}

/** Days past the due date of a milestone not done by the date; 0 otherwise. */
export function daysOverdue(m: MilestoneFacts, asOf: IsoDate): number {
  return milestoneStatus(m, asOf) === "overdue" ? daysBetween(m.dueDate!, asOf) : 0;
}

/**
 * Slippage against the baseline in days (positive: later than first agreed; negative: earlier):
 * the done date when done by the date, else the due date in force, less the baseline. Null when
 * there is no baseline or nothing to compare it with.
 */
export function milestoneSlippage(m: MilestoneFacts, asOf: IsoDate): number | null {
  const compared = isDoneBy(m, asOf) ? m.doneOn : m.dueDate;
  if (!m.baselineDueDate || !compared) return null;
  return daysBetween(m.baselineDueDate, compared);
}

/** "31 days late", "1 day early", "On plan"; "–" when there is nothing to compare. */
export function describeSlippage(days: number | null): string {
  if (days === null) return "–";
  if (days === 0) return "On plan";
  const n = Math.abs(days);
  return `${n} ${n === 1 ? "day" : "days"} ${days > 0 ? "late" : "early"}`;
}

export type MilestoneCounts = Record<MilestoneStatus, number> & { total: number };

export function countMilestones(milestones: readonly MilestoneFacts[], asOf: IsoDate, dueSoonDays = DUE_SOON_DAYS): MilestoneCounts {
  const counts: MilestoneCounts = { total: 0, done: 0, "done-late": 0, overdue: 0, "due-soon": 0, "on-track": 0, "not-scheduled": 0 };
  for (const m of milestones) {
    counts[milestoneStatus(m, asOf, dueSoonDays)] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Milestones achieved within the span (e.g. a quarter: "milestones achieved this quarter"). */
export function milestonesDoneWithin<T extends MilestoneFacts>(milestones: readonly T[], span: DateSpan): T[] {
  return milestones.filter((m) => inSpan(m.doneOn, span));
}

/**
 * Milestones due within the span and not done by `asOf` (e.g. "planned for the next quarter",
 * as the quarterly return is written).
 */
export function milestonesDueWithin<T extends MilestoneFacts>(milestones: readonly T[], span: DateSpan, asOf: IsoDate): T[] {
  return milestones.filter((m) => inSpan(m.dueDate, span) && !isDoneBy(m, asOf));
}

/** Milestones overdue on the date. */
export function milestonesOverdueOn<T extends MilestoneFacts>(milestones: readonly T[], asOf: IsoDate): T[] {
  return milestones.filter((m) => milestoneStatus(m, asOf) === "overdue");
}

/** The date a milestone sits at on a timeline: its done date once done, else its due date. */
export function milestoneDate(m: MilestoneFacts, asOf: IsoDate): IsoDate | null {
  return isDoneBy(m, asOf) ? m.doneOn : m.dueDate;
}

// ---------------------------------------------------------------------------------------------
// Locality hubs

export interface HubFacts {
  plannedOpening: IsoDate | null;
  /** The current expectation; null: none beyond the plan. */
  forecastOpening: IsoDate | null;
  actualOpening: IsoDate | null;
}

export type HubStatus = "open" | "on-schedule" | "slipping" | "overdue" | "not-scheduled";

export const HUB_STATUS_LABELS: Record<HubStatus, string> = {
  open: "Open",
  "on-schedule": "Opening on schedule",
  slipping: "Slipping",
  overdue: "Overdue",
  "not-scheduled": "Not scheduled",
};

export function isHubOpenOn(h: Pick<HubFacts, "actualOpening">, date: IsoDate): boolean {
  return h.actualOpening !== null && h.actualOpening <= date;
}

/** When the hub opened (by the date), or is expected to: the forecast, else the plan. */
export function hubExpectedOpening(h: HubFacts, asOf: IsoDate): IsoDate | null {
  return isHubOpenOn(h, asOf) ? h.actualOpening : (h.forecastOpening ?? h.plannedOpening);
}

/**
 * A hub's status on a date:
 *  - open: opened on or before the date;
 *  - not scheduled: not open, no forecast and no planned date;
 *  - overdue: not open and the expected date (forecast, else planned) has passed;
 *  - slipping: not open, expected later than planned;
 *  - opening on schedule: not open, expected on or before the planned date (or no plan to compare).
 */
export function hubStatus(h: HubFacts, asOf: IsoDate): HubStatus {
  if (isHubOpenOn(h, asOf)) return "open";
  const expected = hubExpectedOpening(h, asOf);
  if (!expected) return "not-scheduled";
  if (expected < asOf) return "overdue";
  return h.plannedOpening && expected > h.plannedOpening ? "slipping" : "on-schedule";
}

/**
 * Slippage in days against the planned opening: the actual opening when open by the date, else
 * the forecast, less the planned date. Null without a planned date or anything to compare.
 */
export function hubSlippage(h: HubFacts, asOf: IsoDate): number | null {
  const compared = isHubOpenOn(h, asOf) ? h.actualOpening : h.forecastOpening;
  if (!h.plannedOpening || !compared) return null;
  return daysBetween(h.plannedOpening, compared);
}

export function hubsOpenOn<T extends HubFacts>(hubs: readonly T[], date: IsoDate): T[] {
  return hubs.filter((h) => isHubOpenOn(h, date));
}

export function hubsOpenedWithin<T extends HubFacts>(hubs: readonly T[], span: DateSpan): T[] {
  return hubs.filter((h) => inSpan(h.actualOpening, span));
}

/** Hubs not open by `asOf` and expected (forecast, else planned) to open within the span. */
export function hubsExpectedWithin<T extends HubFacts>(hubs: readonly T[], span: DateSpan, asOf: IsoDate): T[] {
  return hubs.filter((h) => !isHubOpenOn(h, asOf) && inSpan(hubExpectedOpening(h, asOf), span));
}

/** Co-located services typed one a line (or separated by semicolons): trimmed, blanks and repeats dropped. */
export function parseServices(text: string | null | undefined): string[] {
  const seen = new Set<string>();
  for (const raw of (text ?? "").split(/[\n;]/)) {
    const s = raw.trim();
    if (s && ![...seen].some((x) => x.toLowerCase() === s.toLowerCase())) seen.add(s);
  }
  return [...seen];
}

// ---------------------------------------------------------------------------------------------
// Risks and issues (RAID)

export type RaidKind = "risk" | "issue";
export const RAID_KINDS: Record<RaidKind, string> = { risk: "Risk", issue: "Issue" };

export const LIKELIHOOD_LABELS: Record<number, string> = { 1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain" };
export const IMPACT_LABELS: Record<number, string> = { 1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe" };

/** "R3" for the third risk, "I1" for the first issue. */
export function raidReference(kind: RaidKind, number: number): string {
  return `${kind === "risk" ? "R" : "I"}${number}`;
}

/** An issue has already happened: its likelihood is certain, the top of the scale. */
export const ISSUE_LIKELIHOOD = 5;

export interface RaidFacts {
  kind: RaidKind;
  /** 1 to 5; null for an issue. */
  likelihood: number | null;
  /** 1 to 5. */
  impact: number;
  raisedOn: IsoDate;
  reviewDate: IsoDate | null;
  closedOn: IsoDate | null;
}

function onScale(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`${what} must be a whole number from 1 to 5, not ${value}`);
  return value;
}

/** Likelihood × impact, each on a 1–5 scale: 1 to 25. */
export function riskScore(likelihood: number, impact: number): number {
  return onScale(likelihood, "Likelihood") * onScale(impact, "Impact");
}

/** A risk's likelihood × impact; an issue's impact × 5 (it has happened). */
export function raidScore(item: Pick<RaidFacts, "kind" | "likelihood" | "impact">): number {
  return riskScore(item.kind === "issue" ? ISSUE_LIKELIHOOD : (item.likelihood ?? 0), item.impact);
}

export type RiskRating = "low" | "medium" | "high";

/** The bands of a 5 × 5 matrix: low 1–5, medium 6–12, high 15–25 (13 and 14 cannot occur). */
export const RATING_BANDS: Record<RiskRating, { min: number; max: number; label: string }> = {
  low: { min: 1, max: 5, label: "Low" },
  medium: { min: 6, max: 12, label: "Medium" },
  high: { min: 15, max: 25, label: "High" },
};

export function riskRating(score: number): RiskRating {
  if (score >= RATING_BANDS.high.min) return "high";
  if (score >= RATING_BANDS.medium.min) return "medium";
  return "low";
}

/** Open on the date: raised by then and not closed (closed on the date counts as closed). */
export function isRaidOpenOn(item: Pick<RaidFacts, "raisedOn" | "closedOn">, date: IsoDate): boolean {
  return item.raisedOn <= date && (item.closedOn === null || item.closedOn > date);
}

/** "Open", "Closed" (a risk) or "Resolved" (an issue) on the date; "Not raised yet" before it was raised. */
export function raidStatusLabel(item: Pick<RaidFacts, "kind" | "raisedOn" | "closedOn">, date: IsoDate): string {
  if (item.raisedOn > date) return "Not raised yet";
  if (isRaidOpenOn(item, date)) return "Open";
  return item.kind === "issue" ? "Resolved" : "Closed";
}

/** Open on the date with its review date passed. */
export function reviewOverdue(item: Pick<RaidFacts, "raisedOn" | "closedOn" | "reviewDate">, asOf: IsoDate): boolean {
  return isRaidOpenOn(item, asOf) && item.reviewDate !== null && item.reviewDate < asOf;
}

export function raidOpenOn<T extends RaidFacts>(items: readonly T[], date: IsoDate): T[] {
  return items.filter((i) => isRaidOpenOn(i, date));
}

export function raidRaisedWithin<T extends RaidFacts>(items: readonly T[], span: DateSpan): T[] {
  return items.filter((i) => inSpan(i.raisedOn, span));
}

export function raidClosedWithin<T extends RaidFacts>(items: readonly T[], span: DateSpan): T[] {
  return items.filter((i) => inSpan(i.closedOn, span));
}

export type RaidSort = "score" | "review";

function byReview(a: RaidFacts, b: RaidFacts): number {
  if (a.reviewDate === b.reviewDate) return 0;
  if (a.reviewDate === null) return 1;
  if (b.reviewDate === null) return -1;
  return a.reviewDate < b.reviewDate ? -1 : 1;
}

/**
 * Highest score first (then the soonest review), or the soonest review first (then the highest
 * score); items without a review date come last. Stable otherwise: the input order breaks ties.
 */
export function sortRaid<T extends RaidFacts>(items: readonly T[], by: RaidSort): T[] {
  const score = (a: T, b: T) => raidScore(b) - raidScore(a);
  return [...items].sort(by === "score" ? (a, b) => score(a, b) || byReview(a, b) : (a, b) => byReview(a, b) || score(a, b));
}

/** The `count` highest-scoring items open on the date. */
export function topRaid<T extends RaidFacts>(items: readonly T[], asOf: IsoDate, count: number): T[] {
  return sortRaid(raidOpenOn(items, asOf), "score").slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// Timeline

export type TimelineKind = "milestone" | "hub" | "go-live-planned" | "go-live-confirmed" | "go-live";

export interface GoLiveFacts {
  plannedGoLive: IsoDate | null;
  dfeConfirmedOn: IsoDate | null;
  actualGoLive: IsoDate | null;
}

export interface TimelineEntry {
  kind: TimelineKind;
  /** The milestone or hub id; the kind for go-live entries. */
  id: string;
  label: string;
  date: IsoDate | null;
  /** The workstream (milestones) or locality (hubs). */
  group: string | null;
  /** Go-live entries: done, overdue (planned, passed, not live) or planned. */
  status: MilestoneStatus | HubStatus | "planned";
  slippageDays: number | null;
}

export interface Timeline {
  quarters: Array<{ quarter: Quarter; entries: TimelineEntry[] }>;
  /** Milestones and hubs with no date at all. */
  unscheduled: TimelineEntry[];
}

const KIND_ORDER: Record<TimelineKind, number> = { "go-live-planned": 0, "go-live-confirmed": 1, "go-live": 2, hub: 3, milestone: 4 };

/**
 * Milestones (at their done date, else due date), hub openings (actual, else forecast, else
 * planned) and the go-live dates in date order, grouped by financial-year quarter. Going live
 * later than planned shows as slippage on the "went live" entry.
 */
export function buildTimeline(input: {
  milestones: ReadonlyArray<MilestoneFacts & { id: string; title: string; workstream: string | null }>;
  hubs: ReadonlyArray<HubFacts & { id: string; name: string; locality: string | null }>;
  goLive: GoLiveFacts;
  asOf: IsoDate;
}): Timeline {
  const { asOf } = input;
  const entries: TimelineEntry[] = [
    ...input.milestones.map((m) => ({
      kind: "milestone" as const,
      id: m.id,
      label: m.title,
      date: milestoneDate(m, asOf),
      group: m.workstream,
      status: milestoneStatus(m, asOf),
      slippageDays: milestoneSlippage(m, asOf),
    })),
    ...input.hubs.map((h) => ({
      kind: "hub" as const,
      id: h.id,
      label: `${h.name} hub opens`,
      date: hubExpectedOpening(h, asOf),
      group: h.locality,
      status: hubStatus(h, asOf),
      slippageDays: hubSlippage(h, asOf),
    })),
  ];
  const goLive: Array<[TimelineKind, IsoDate | null, string]> = [
    ["go-live-planned", input.goLive.plannedGoLive, "Planned go-live"],
    ["go-live-confirmed", input.goLive.dfeConfirmedOn, "DfE confirmed go-live"],
    ["go-live", input.goLive.actualGoLive, "Went live"],
  ];
  const wentLive = input.goLive.actualGoLive !== null && input.goLive.actualGoLive <= asOf;
  for (const [kind, date, label] of goLive) {
    if (!date) continue;
    // The planned date is met once the authority has gone live, overdue if it passed before that.
    const status = kind === "go-live-planned" ? (wentLive ? "done" : date < asOf ? "overdue" : "planned") : date <= asOf ? "done" : "planned";
    entries.push({
      kind,
      id: kind,
      label,
      date,
      group: null,
      status,
      slippageDays: kind === "go-live" && input.goLive.plannedGoLive ? daysBetween(input.goLive.plannedGoLive, date) : null,
    });
  }
  const dated = entries.filter((e) => e.date).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
  const quarters: Timeline["quarters"] = [];
  for (const e of dated) {
    const q = financialQuarterOf(e.date!);
    const last = quarters.at(-1);
    if (last && last.quarter.label === q.label) last.entries.push(e);
    else quarters.push({ quarter: q, entries: [e] });
  }
  return { quarters, unscheduled: entries.filter((e) => !e.date) };
}

// ---------------------------------------------------------------------------------------------
// History

/**
 * The fields whose value changed, before and after (for the audit trail): an item's history
 * then reads "due date: 30 June 2021 → 31 July 2021" rather than every field twice. Null when
 * nothing changed. Arrays compare by their items.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
