import { addDays, daysBetween, formatDate, formatMonth, isIsoDate, type IsoDate } from "./dates";
import { roundPercent } from "./format";

/**
 * The outcomes scorecard: aggregate figures (never a child's record) against a baseline.
 *
 * - A **snapshot** indicator is a count at a date (children on a child protection plan on
 *   31 December 2019); a **flow** counts over a period (children entering care from April 2019 to
 *   March 2020).
 * - **Change since the baseline** compares the latest figure on or before the "as of" date with
 *   the baseline figure the authority chose. For a snapshot, any later date will do. For a flow
 *   only like for like counts: a later period of the **same length** (whole calendar months when
 *   both periods start on the 1st and end on a month's last day, otherwise days) that **starts
 *   after the baseline period ends** — a year's flow against the baseline year's flow, a quarter
 *   against the baseline quarter.
 * - **Rate per 10,000 children** = value × 10,000 ÷ the child population (aged 0 to 17) of the
 *   figure's year (the latest estimate for a year on or before it, else the earliest there is).
 *   Only counts have a rate; percentages and rates already are one.
 * - **Improving / worsening** follows the indicator's direction (lower is better, or higher).
 * - **Ranks** (for the national comparison) put the best first; equal values share a rank and the
 *   next rank skips (1, 2, 2, 4). **Quartile** 1 is the best quarter.
 */

export const PERIOD_TYPES = { snapshot: "Snapshot (a count at a date)", flow: "Flow (over a period)" } as const;
export type PeriodType = keyof typeof PERIOD_TYPES;

export const DIRECTIONS = { lower: "Lower is better", higher: "Higher is better" } as const;
export type Direction = keyof typeof DIRECTIONS;

export const OUTCOME_UNITS = { count: "Count", percent: "Percentage", rate: "Rate", days: "Days" } as const;
export type OutcomeUnit = keyof typeof OUTCOME_UNITS;

export type Assessment = "improving" | "worsening" | "no change";
export const ASSESSMENT_LABELS: Record<Assessment, string> = { improving: "Improving", worsening: "Worsening", "no change": "No change" };

export function isPeriodType(v: unknown): v is PeriodType {
  return typeof v === "string" && v in PERIOD_TYPES;
}
export function isDirection(v: unknown): v is Direction {
  return typeof v === "string" && v in DIRECTIONS;
}
export function isOutcomeUnit(v: unknown): v is OutcomeUnit {
  return typeof v === "string" && v in OUTCOME_UNITS;
}

/** What the rules need of an indicator. */
export interface IndicatorFacts {
  periodType: PeriodType;
  direction: Direction;
  unit: OutcomeUnit;
}

/** What the rules need of an observation. A snapshot has periodStart = periodEnd. */
export interface ObservationFacts {
  id: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
}

export interface PopulationFacts {
  year: number;
  population: number;
}

// ---------------------------------------------------------------- periods

function isFirstOfMonth(date: IsoDate): boolean {
  return date.slice(8) === "01";
}

function isLastOfMonth(date: IsoDate): boolean {
  return addDays(date, 1).slice(8) === "01";
}

/** Calendar months from one date's month to another's (December 2019 → December 2021 is 24). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

export interface PeriodLength {
  unit: "months" | "days";
  length: number;
}

/** A period's length: whole calendar months when it runs from a 1st to a month's last day, else days (inclusive). */
export function periodLength(start: IsoDate, end: IsoDate): PeriodLength {
  if (isFirstOfMonth(start) && isLastOfMonth(end)) return { unit: "months", length: monthsBetween(start, end) + 1 };
  return { unit: "days", length: daysBetween(start, end) + 1 };
}

/** Two flow periods are like for like when they are the same length, counted the same way. */
export function samePeriodLength(a: Pick<ObservationFacts, "periodStart" | "periodEnd">, b: Pick<ObservationFacts, "periodStart" | "periodEnd">): boolean {
  const x = periodLength(a.periodStart, a.periodEnd);
  const y = periodLength(b.periodStart, b.periodEnd);
  return x.unit === y.unit && x.length === y.length;
}

/** "31 December 2019" for a snapshot; "April 2019 to March 2020", "March 2021" or "1 to 14 April 2021"-style dates for a flow. */
export function periodLabel(periodType: PeriodType, start: IsoDate, end: IsoDate): string {
  if (periodType === "snapshot") return formatDate(end);
  const len = periodLength(start, end);
  if (len.unit === "months") return len.length === 1 ? formatMonth(start) : `${formatMonth(start)} to ${formatMonth(end)}`;
  return `${formatDate(start)} to ${formatDate(end)}`;
}

/** "12 months", "1 month", "92 days". */
export function periodLengthLabel(start: IsoDate, end: IsoDate): string {
  const { unit, length } = periodLength(start, end);
  return `${length} ${length === 1 ? unit.slice(0, -1) : unit}`;
}

export type PeriodCheck = { ok: true; periodStart: IsoDate; periodEnd: IsoDate } | { ok: false; field: "date" | "periodStart" | "periodEnd"; message: string };

/** The stored period of a new observation: a snapshot's one date, or a flow's start and end. */
export function observationPeriod(periodType: PeriodType, input: { date?: IsoDate | null; periodStart?: IsoDate | null; periodEnd?: IsoDate | null }): PeriodCheck {
  if (periodType === "snapshot") {
    if (!input.date || !isIsoDate(input.date)) return { ok: false, field: "date", message: "Enter the date the count is for" };
    return { ok: true, periodStart: input.date, periodEnd: input.date };
  }
  if (!input.periodStart || !isIsoDate(input.periodStart)) return { ok: false, field: "periodStart", message: "Enter the first day of the period" };
  if (!input.periodEnd || !isIsoDate(input.periodEnd)) return { ok: false, field: "periodEnd", message: "Enter the last day of the period" };
  if (input.periodEnd < input.periodStart) return { ok: false, field: "periodEnd", message: "The last day must be on or after the first day" };
  return { ok: true, periodStart: input.periodStart, periodEnd: input.periodEnd };
}

// ---------------------------------------------------------------- go-live alignment

/**
 * Where an observation falls against go-live, in calendar months: 0 is the go-live month, −9 nine
 * months before, 15 fifteen months after. A snapshot counts at its date; a flow at the end of its
 * period (when its count is complete). Null when the authority has not gone live.
 */
export function monthsSinceGoLive(goLive: IsoDate | null, observation: Pick<ObservationFacts, "periodEnd">): number | null {
  if (!goLive) return null;
  return monthsBetween(goLive, observation.periodEnd);
}

// ---------------------------------------------------------------- rates and change

/** Value per 10,000 children; null without a population or for an indicator that is not a count. */
export function ratePer10k(value: number, population: number | null | undefined, unit: OutcomeUnit = "count"): number | null {
  if (unit !== "count" || !population || population <= 0) return null;
  return (value * 10_000) / population;
}

/** The population for a date: the latest year on or before it, else the earliest year recorded. */
export function populationFor<P extends PopulationFacts>(populations: P[], date: IsoDate): P | null {
  if (populations.length === 0) return null;
  const year = Number(date.slice(0, 4));
  const sorted = [...populations].sort((a, b) => a.year - b.year);
  const onOrBefore = sorted.filter((p) => p.year <= year);
  return onOrBefore.length ? onOrBefore[onOrBefore.length - 1] : sorted[0];
}

export interface Change {
  /** latest − baseline */
  change: number;
  /** Percent of the baseline (unrounded); null when the baseline is 0. */
  percent: number | null;
}

export function changeBetween(baseline: number, latest: number): Change {
  const change = latest - baseline;
  return { change, percent: baseline === 0 ? null : (change / baseline) * 100 };
}

/** Which way a change goes for the indicator's direction. */
export function assess(direction: Direction, change: number): Assessment {
  if (change === 0) return "no change";
  return (change < 0) === (direction === "lower") ? "improving" : "worsening";
}

/** The observations that may be compared with the baseline: later, and for a flow like for like and not overlapping it. */
export function comparableWith<O extends ObservationFacts>(periodType: PeriodType, baseline: ObservationFacts, observations: O[]): O[] {
  if (periodType === "snapshot") return observations.filter((o) => o.periodEnd > baseline.periodEnd);
  return observations.filter((o) => o.periodStart > baseline.periodEnd && samePeriodLength(o, baseline));
}

function latestOf<O extends ObservationFacts>(observations: O[]): O | null {
  let best: O | null = null;
  for (const o of observations) {
    if (!best || o.periodEnd > best.periodEnd || (o.periodEnd === best.periodEnd && o.periodStart > best.periodStart)) best = o;
  }
  return best;
}

/** The latest observation on or before a date (whatever its period), for headlines and charts. */
export function latestObservation<O extends ObservationFacts>(observations: O[], asOf: IsoDate): O | null {
  return latestOf(observations.filter((o) => o.periodEnd <= asOf));
}

export interface BaselineComparison<O extends ObservationFacts = ObservationFacts> {
  baseline: O | null;
  /** The latest comparable observation on or before the "as of" date; null when there is none yet. */
  latest: O | null;
  change: number | null;
  /** Percent of the baseline, unrounded. */
  changePercent: number | null;
  baselinePer10k: number | null;
  latestPer10k: number | null;
  /** The change in the rate per 10,000 children (each figure over its own year's population). */
  changePer10k: number | null;
  assessment: Assessment | null;
}

/**
 * An indicator's figures against its baseline as of a date. The baseline is the authority's chosen
 * observation (null: none chosen, or one after the "as of" date); the latest is the newest
 * comparable observation on or before the date.
 */
export function compareWithBaseline<O extends ObservationFacts>(
  indicator: IndicatorFacts,
  observations: O[],
  baselineId: string | null,
  asOf: IsoDate,
  populations: PopulationFacts[] = [],
): BaselineComparison<O> {
  const found = baselineId ? (observations.find((o) => o.id === baselineId) ?? null) : null;
  const baseline = found && found.periodEnd <= asOf ? found : null;
  const empty: BaselineComparison<O> = { baseline, latest: null, change: null, changePercent: null, baselinePer10k: null, latestPer10k: null, changePer10k: null, assessment: null };
  if (!baseline) return empty;
  const rateOf = (o: O) => ratePer10k(o.value, populationFor(populations, o.periodEnd)?.population, indicator.unit);
  const baselinePer10k = rateOf(baseline);
  const latest = latestOf(comparableWith(indicator.periodType, baseline, observations).filter((o) => o.periodEnd <= asOf));
  if (!latest) return { ...empty, baselinePer10k };
  const { change, percent } = changeBetween(baseline.value, latest.value);
  const latestPer10k = rateOf(latest);
  return {
    baseline,
    latest,
    change,
    changePercent: percent,
    baselinePer10k,
    latestPer10k,
    changePer10k: baselinePer10k === null || latestPer10k === null ? null : latestPer10k - baselinePer10k,
    assessment: assess(indicator.direction, change),
  };
}

// ---------------------------------------------------------------- wording

/** "−38.6%", "+12.0%", "0.0%": a change in percent, one decimal, with its sign. */
export function formatChangePercent(percent: number | null, decimals = 1): string {
  if (percent === null) return "–";
  const r = roundPercent(percent, decimals);
  if (r === 0) return `${(0).toFixed(decimals)}%`;
  return `${r < 0 ? "−" : "+"}${Math.abs(r).toFixed(decimals)}%`;
}

/** "−143", "+12", "0", "−1.5". */
export function formatSignedNumber(value: number | null, decimals = 0): string {
  if (value === null) return "–";
  const r = roundPercent(value, decimals);
  const abs = Math.abs(r).toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (r === 0) return abs;
  return `${r < 0 ? "−" : "+"}${abs}`;
}

/** A figure in its unit: "370", "12.5%", "42.3", "14 days". */
export function formatOutcomeValue(value: number | null, unit: OutcomeUnit): string {
  if (value === null) return "–";
  const n = value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  if (unit === "percent") return `${n}%`;
  if (unit === "days") return `${n} ${value === 1 ? "day" : "days"}`;
  return n;
}

/** "Down 143 (−38.6%) since the baseline: improving", in words, so nothing rests on colour. */
export function describeChange(c: Pick<BaselineComparison, "change" | "changePercent" | "assessment">, unit: OutcomeUnit = "count"): string {
  if (c.change === null || c.assessment === null) return "No figure to compare with the baseline yet";
  if (c.change === 0) return "No change since the baseline";
  const size = formatOutcomeValue(Math.abs(c.change), unit);
  const pct = c.changePercent === null ? "" : ` (${formatChangePercent(c.changePercent)})`;
  return `${c.change < 0 ? "Down" : "Up"} ${size}${pct} since the baseline: ${c.assessment}`;
}

// ---------------------------------------------------------------- ranks and quartiles

export interface Ranked<T> {
  item: T;
  value: number | null;
  /** 1 is the best; equal values share a rank (1, 2, 2, 4); null when there is no value. */
  rank: number | null;
}

/**
 * Ranks items best first for the direction (lower is better: smallest first). Items without a
 * value come last, unranked. Ties share the rank and the next rank skips ("standard competition").
 * Stable: equal values keep their input order.
 */
export function rankByValue<T>(items: T[], valueOf: (item: T) => number | null | undefined, direction: Direction): Ranked<T>[] {
  const withValues = items.map((item, index) => ({ item, index, value: valueOf(item) ?? null }));
  const valued = withValues.filter((x): x is typeof x & { value: number } => x.value !== null && Number.isFinite(x.value));
  const missing = withValues.filter((x) => x.value === null || !Number.isFinite(x.value));
  valued.sort((a, b) => (direction === "lower" ? a.value - b.value : b.value - a.value) || a.index - b.index);
  const ranked: Ranked<T>[] = [];
  valued.forEach((x, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.value === x.value ? previous.rank : i + 1;
    ranked.push({ item: x.item, value: x.value, rank });
  });
  return [...ranked, ...missing.map((x) => ({ item: x.item, value: null, rank: null }))];
}

export type Quartile = 1 | 2 | 3 | 4;

/**
 * The quartile of a rank among `count` ranked items: 1 is the best quarter, 4 the worst.
 * Quartile = ⌊(rank − 1) × 4 ÷ count⌋ + 1, so tied ranks share a quartile and one item alone is in
 * the first. Null for an unranked item or a rank outside 1..count.
 */
export function quartileOf(rank: number | null, count: number): Quartile | null {
  if (rank === null || !Number.isInteger(rank) || count < 1 || rank < 1 || rank > count) return null;
  return (Math.floor(((rank - 1) * 4) / count) + 1) as Quartile;
}

/** The most rows one outcomes import file may hold. */
export const MAX_OUTCOMES_IMPORT_ROWS = 10_000;
