import { cohortLabel, goLiveStatus } from "./authority";
import { charterSummary, type CharterFacts } from "./charter";
import { addDays, addMonths, financialYearOf, type IsoDate } from "./dates";
import { fundingOverview, type FundingInput } from "./funding";
import { quartileOf, rankByValue } from "./outcomes";
import { hubStatus, type HubFacts } from "./plan";
import { readinessOn, type CriterionKey, type Thresholds, type TrainingFacts, type WorkforceFacts } from "./readiness";

/**
 * The national comparison: one row per authority with the figures its own pages show (go-live
 * criteria now and at go-live, adult workers, charter, hubs, funding gap), sorting, filtering,
 * ranks and quartiles, and the series of the compare view. Pure: the service loads the facts of
 * every authority at once and hands them here.
 */

export const CRITERIA: CriterionKey[] = ["adult-workers", "mi", "workshops"];

export const CRITERION_SHORT: Record<CriterionKey, string> = {
  "adult-workers": "Adult workers",
  mi: "MI",
  workshops: "Workshops",
};

/** Everything one authority's row is computed from. */
export interface AuthorityComparisonFacts {
  authority: {
    id: string;
    slug: string;
    name: string;
    cohort: string;
    region: string;
    plannedGoLive: IsoDate | null;
    actualGoLive: IsoDate | null;
  };
  thresholds: Thresholds;
  workforce: WorkforceFacts;
  training: TrainingFacts;
  funding: FundingInput;
  charter: Pick<CharterFacts, "versions" | "organisations" | "members" | "signatures" | "withdrawals">;
  hubs: HubFacts[];
}

export interface CriterionCell {
  numerator: number;
  denominator: number;
  percent: number | null;
  threshold: number;
  met: boolean;
}

export type ComparisonStatus = "live" | "ready" | "not-ready";

export const STATUS_LABELS: Record<ComparisonStatus, string> = {
  live: "Live",
  ready: "Ready, not live",
  "not-ready": "Not ready",
};

export interface FundingGapCell {
  /** "2026-27" */
  label: string;
  /** The remaining gap (shortfall − agreed contributions) the funding page shows; null when that year is not in its model. */
  pence: number | null;
}

export interface ComparisonRow {
  id: string;
  slug: string;
  name: string;
  cohort: string;
  cohortLabel: string;
  region: string;
  plannedGoLive: IsoDate | null;
  actualGoLive: IsoDate | null;
  status: ComparisonStatus;
  now: { ready: boolean; criteria: Record<CriterionKey, CriterionCell> };
  /** At the actual go-live date, else the planned one; null with neither. */
  goLive: { date: IsoDate; actual: boolean; onPlans: boolean; ready: boolean; criteria: Record<CriterionKey, CriterionCell> } | null;
  /** Adult specialist FTE in post and established, on the as-of date. */
  adultWorkers: { inPost: number; establishment: number };
  charter: { version: number | null; signed: number; partners: number };
  hubs: { open: number; total: number };
  fundingGap: { thisYear: FundingGapCell; nextYear: FundingGapCell };
  /** Change since the baseline per 10,000 children, by national outcome indicator key (filled in by the service). */
  outcomes: Record<string, OutcomeCell>;
}

export interface OutcomeCell {
  /** The change in the rate per 10,000 children since the authority's baseline; null without both figures. */
  changePer10k: number | null;
  /** improving | worsening | no change, for the indicator's direction. */
  assessment: string | null;
}

function cells(criteria: Array<{ key: CriterionKey; numerator: number; denominator: number; percent: number | null; threshold: number; met: boolean }>): Record<CriterionKey, CriterionCell> {
  return Object.fromEntries(criteria.map((c) => [c.key, { numerator: c.numerator, denominator: c.denominator, percent: c.percent, threshold: c.threshold, met: c.met }])) as Record<CriterionKey, CriterionCell>;
}

/** Live once the actual go-live date has come; otherwise ready (all three criteria met on the date) or not. */
export function comparisonStatus(a: { plannedGoLive: IsoDate | null; actualGoLive: IsoDate | null }, readyNow: boolean, asOf: IsoDate): ComparisonStatus {
  if (goLiveStatus(a, asOf).kind === "live") return "live";
  return readyNow ? "ready" : "not-ready";
}

/** The financial year of a date and the one after it: the two funding-gap columns. */
export function gapYears(asOf: IsoDate): { thisYear: { start: IsoDate; label: string }; nextYear: { start: IsoDate; label: string } } {
  const fy = financialYearOf(asOf);
  const next = financialYearOf(addMonths(fy.start, 12));
  return { thisYear: { start: fy.start, label: fy.label }, nextYear: { start: next.start, label: next.label } };
}

/**
 * One authority's row on a date, by the same rules as its own pages: the readiness dashboard
 * (criteria now; at go-live, forecast on current plans from `today` when go-live is still to
 * come), the charter panel (partners signed of the current version), the plan (hubs open) and
 * the funding page (remaining gap of each financial year).
 */
export function comparisonRow(f: AuthorityComparisonFacts, asOf: IsoDate, today: IsoDate): ComparisonRow {
  const a = f.authority;
  const now = readinessOn(f.workforce, f.training, f.thresholds, asOf);
  const goLiveDate = a.actualGoLive ?? a.plannedGoLive;
  const onPlans = goLiveDate ? goLiveDate > today : false;
  const atGoLive = goLiveDate ? readinessOn(f.workforce, f.training, f.thresholds, goLiveDate, onPlans ? today : null) : null;
  const charter = charterSummary({ ...f.charter, requests: [], reminderAfterDays: 14 }, asOf);
  const overview = fundingOverview(f.funding, asOf);
  const years = gapYears(asOf);
  const gapOf = (y: { label: string }): FundingGapCell => ({ label: y.label, pence: overview.financialYears.find((r) => r.label === y.label)?.remainingGap ?? null });
  const adult = now.criteria[0];
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    cohort: a.cohort,
    cohortLabel: cohortLabel(a.cohort),
    region: a.region,
    plannedGoLive: a.plannedGoLive,
    actualGoLive: a.actualGoLive,
    status: comparisonStatus(a, now.ready, asOf),
    now: { ready: now.ready, criteria: cells(now.criteria) },
    goLive: goLiveDate && atGoLive ? { date: goLiveDate, actual: Boolean(a.actualGoLive), onPlans, ready: atGoLive.ready, criteria: cells(atGoLive.criteria) } : null,
    adultWorkers: { inPost: adult.numerator, establishment: adult.denominator },
    charter: { version: charter.current?.number ?? null, signed: charter.signed, partners: charter.partners },
    hubs: { open: f.hubs.filter((h) => hubStatus(h, asOf) === "open").length, total: f.hubs.length },
    fundingGap: { thisYear: gapOf(years.thisYear), nextYear: gapOf(years.nextYear) },
    outcomes: {},
  };
}

// ---------------------------------------------------------------------------------------------
// Threshold highlighting

export type CellState = "met" | "below" | "nothing";

/** Below the threshold (highlighted, with words), met, or nothing to count yet. */
export function cellState(c: Pick<CriterionCell, "denominator" | "met">): CellState {
  if (c.denominator <= 0) return "nothing";
  return c.met ? "met" : "below";
}

// ---------------------------------------------------------------------------------------------
// Sorting and filtering (from the query string, so it works without JavaScript)

export const BASE_SORT_KEYS = [
  "name",
  "cohort",
  "region",
  "planned",
  "actual",
  "status",
  "adult-workers",
  "mi",
  "workshops",
  "golive-adult-workers",
  "golive-mi",
  "golive-workshops",
  "in-post",
  "charter",
  "hubs",
  "gap-this",
  "gap-next",
] as const;
/** A column, or an outcome indicator's change per 10,000 ("outcome:cp-plans"). */
export type SortKey = (typeof BASE_SORT_KEYS)[number] | `outcome:${string}`;
export const SORT_KEYS: readonly SortKey[] = BASE_SORT_KEYS;
const OUTCOME_PREFIX = "outcome:";
export type SortDirection = "asc" | "desc";

const STATUS_ORDER: Record<ComparisonStatus, number> = { live: 0, ready: 1, "not-ready": 2 };
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** The value a column sorts by; null sorts last whichever the direction. */
export const SORT_VALUE: Record<(typeof BASE_SORT_KEYS)[number], (r: ComparisonRow) => string | number | null> = {
  name: (r) => r.name.toLocaleLowerCase("en-GB"),
  cohort: (r) => r.cohortLabel.toLocaleLowerCase("en-GB"),
  region: (r) => r.region.toLocaleLowerCase("en-GB"),
  planned: (r) => r.plannedGoLive,
  actual: (r) => r.actualGoLive,
  status: (r) => STATUS_ORDER[r.status],
  "adult-workers": (r) => r.now.criteria["adult-workers"].percent,
  mi: (r) => r.now.criteria.mi.percent,
  workshops: (r) => r.now.criteria.workshops.percent,
  "golive-adult-workers": (r) => r.goLive?.criteria["adult-workers"].percent ?? null,
  "golive-mi": (r) => r.goLive?.criteria.mi.percent ?? null,
  "golive-workshops": (r) => r.goLive?.criteria.workshops.percent ?? null,
  "in-post": (r) => ratio(r.adultWorkers.inPost, r.adultWorkers.establishment),
  charter: (r) => ratio(r.charter.signed, r.charter.partners),
  hubs: (r) => ratio(r.hubs.open, r.hubs.total),
  "gap-this": (r) => r.fundingGap.thisYear.pence,
  "gap-next": (r) => r.fundingGap.nextYear.pence,
};

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en-GB");
}

/** Sorted by a column; ties by name; empty values last in either direction. A new array. */
export function sortValue(key: SortKey): (r: ComparisonRow) => string | number | null {
  if (key.startsWith(OUTCOME_PREFIX)) {
    const indicator = key.slice(OUTCOME_PREFIX.length);
    return (r) => r.outcomes[indicator]?.changePer10k ?? null;
  }
  return SORT_VALUE[key as (typeof BASE_SORT_KEYS)[number]];
}

export function sortRows<R extends ComparisonRow>(rows: readonly R[], key: SortKey, direction: SortDirection): R[] {
  const value = sortValue(key);
  const byName = SORT_VALUE.name;
  return [...rows].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    if (a === null && b !== null) return 1;
    if (b === null && a !== null) return -1;
    const c = a === null || b === null ? 0 : compareValues(a, b);
    if (c !== 0) return direction === "asc" ? c : -c;
    return compareValues(byName(x)!, byName(y)!);
  });
}

export interface ComparisonFilters {
  cohort: string | null;
  region: string | null;
  status: ComparisonStatus | null;
}

export function filterRows<R extends ComparisonRow>(rows: readonly R[], f: ComparisonFilters): R[] {
  return rows.filter((r) => (!f.cohort || r.cohort === f.cohort) && (!f.region || r.region === f.region) && (!f.status || r.status === f.status));
}

export interface ComparisonQuery extends ComparisonFilters {
  sort: SortKey;
  direction: SortDirection;
  /** Which page of COMPARISON_PAGE_SIZE rows, from 1; "all" for every row on one page. */
  page: number | "all";
}

/** Rows per page: 26 columns by 150 authorities is too long a page to read (or to render). */
export const COMPARISON_PAGE_SIZE = 50;

const isSortKey = (v: string | null): v is SortKey => v !== null && ((BASE_SORT_KEYS as readonly string[]).includes(v) || /^outcome:[a-z0-9-]{1,60}$/.test(v));
const isStatus = (v: string | null): v is ComparisonStatus => v !== null && v in STATUS_LABELS;

/** The table's query string; anything unknown falls back to the default (by name, A to Z, no filter). */
export function readComparisonQuery(params: URLSearchParams): ComparisonQuery {
  const sort = params.get("sort");
  const status = params.get("status");
  const text = (name: string) => params.get(name)?.trim() || null;
  return {
    sort: isSortKey(sort) ? sort : "name",
    direction: params.get("dir") === "desc" ? "desc" : "asc",
    cohort: text("cohort"),
    region: text("region"),
    status: isStatus(status) ? status : null,
    page: readPage(params.get("page")),
  };
}

function readPage(raw: string | null): number | "all" {
  if (raw === "all") return "all";
  return raw && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
}

/** The query string for a state of the table (defaults left out). */
export function comparisonSearch(q: Partial<ComparisonQuery>): string {
  const params = new URLSearchParams();
  if (q.cohort) params.set("cohort", q.cohort);
  if (q.region) params.set("region", q.region);
  if (q.status) params.set("status", q.status);
  if (q.sort && q.sort !== "name") params.set("sort", q.sort);
  if (q.direction === "desc") params.set("dir", "desc");
  if (q.page !== undefined && q.page !== 1) params.set("page", String(q.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Where a column header links: the same column in the other direction when sorted by it, else ascending. */
export function sortLink(q: ComparisonQuery, key: SortKey): { search: string; current: SortDirection | null } {
  const current = q.sort === key ? q.direction : null;
  // A new order starts again at its first page (showing all stays showing all).
  return { search: comparisonSearch({ ...q, sort: key, direction: current === "asc" ? "desc" : "asc", page: q.page === "all" ? "all" : 1 }), current };
}

export interface RowsPage<R> {
  rows: R[];
  /** The page shown: the one asked for, brought within 1 to `pages`. */
  page: number | "all";
  pages: number;
  /** Positions (from 1) of the first and last row shown; 0 and 0 when there is none. */
  from: number;
  to: number;
}

/** One page of the (filtered, sorted) rows. A page past the end shows the last one. */
export function pageOfRows<R>(rows: readonly R[], page: number | "all", size = COMPARISON_PAGE_SIZE): RowsPage<R> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  if (page === "all") return { rows: [...rows], page, pages, from: rows.length ? 1 : 0, to: rows.length };
  const shown = Math.min(Math.max(1, page), pages);
  const start = (shown - 1) * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: shown, pages, from: slice.length ? start + 1 : 0, to: start + slice.length };
}

/** Filtered, then sorted: exactly the rows the page shows and the CSV holds. */
export function applyQuery<R extends ComparisonRow>(rows: readonly R[], q: ComparisonQuery): R[] {
  return sortRows(filterRows(rows, q), q.sort, q.direction);
}

// ---------------------------------------------------------------------------------------------
// Ranks and quartiles

export type Better = "higher" | "lower";

export interface Ranked<T> {
  item: T;
  value: number | null;
  /** 1 is best. Equal values share a rank and the next rank skips ("1, 2, 2, 4"); null without a value. */
  rank: number | null;
  /** 1 (best quarter) to 4; equal values share a quartile; null without a value. */
  quartile: 1 | 2 | 3 | 4 | null;
  /** How many had a value: "rank 3 of 12". */
  of: number;
}

/**
 * Ranks by value, best first (standard competition ranking: ties share the best rank), and the
 * quartile of each rank among those with a value. Items without a value are not ranked. Order
 * of the input is kept.
 */
export function rankValues<T>(items: readonly T[], value: (t: T) => number | null, better: Better): Array<Ranked<T>> {
  // The ranking and quartile rules are the outcomes module's (app/domain/outcomes.ts); this keeps the input order.
  const ranked = rankByValue(
    items.map((item, index) => ({ item, index })),
    (x) => value(x.item),
    better,
  );
  const of = ranked.filter((r) => r.rank !== null).length;
  const byIndex = new Map(ranked.map((r) => [r.item.index, r]));
  return items.map((item, index) => {
    const r = byIndex.get(index)!;
    return { item, value: r.value, rank: r.rank, quartile: quartileOf(r.rank, of), of };
  });
}

/** The quarter a rank falls in among n: ranks 1..n split into four as evenly as can be, the best first. */
export function quartileForRank(rank: number, n: number): 1 | 2 | 3 | 4 {
  if (n <= 0 || rank < 1 || rank > n) throw new RangeError(`rank ${rank} of ${n}`);
  return (1 + Math.floor((4 * (rank - 1)) / n)) as 1 | 2 | 3 | 4;
}

export const QUARTILE_LABELS: Record<1 | 2 | 3 | 4, string> = { 1: "Top quarter", 2: "Second quarter", 3: "Third quarter", 4: "Bottom quarter" };

export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// The compare view: measures over time

export const MEASURES = {
  "adult-workers": { label: "Adult specialist workers in post (%)", unit: "percent", better: "higher" },
  mi: { label: "Staff trained in Motivational Interviewing (%)", unit: "percent", better: "higher" },
  workshops: { label: "Staff who attended the Practice and Change workshops (%)", unit: "percent", better: "higher" },
  shortfall: { label: "Funding shortfall each month (cost − grant, £)", unit: "pence", better: "lower" },
} as const satisfies Record<string, { label: string; unit: "percent" | "pence"; better: Better }>;
export type MeasureKey = keyof typeof MEASURES;
export const MEASURE_KEYS = Object.keys(MEASURES) as MeasureKey[];

export type Axis = "calendar" | "golive";
export const AXIS_LABELS: Record<Axis, string> = { calendar: "Calendar months", golive: "Months since go-live" };

export function isMeasure(v: string | null): v is MeasureKey {
  return v !== null && v in MEASURES;
}

/** The last day of each month from the month of `from` to `to`; the last point is `to` itself. */
export function monthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = addMonths(m, 1)) {
    const end = addDays(addMonths(m, 1), -1);
    ends.push(end < to ? end : to);
  }
  return ends;
}

/** Whole months from go-live day to a date: 0 from go-live day until a month later, −1 in the month before it. */
export function monthsSinceGoLive(goLive: IsoDate, date: IsoDate): number {
  const months = (Number(date.slice(0, 4)) - Number(goLive.slice(0, 4))) * 12 + (Number(date.slice(5, 7)) - Number(goLive.slice(5, 7)));
  return addMonths(goLive, months) <= date ? months : months - 1;
}

/**
 * The offsets (months from go-live) and the date each stands for, for one authority: from
 * `before` months before go-live to the as-of date. Aligning authorities on these puts their
 * go-live days on one point (0).
 */
export function goLiveOffsets(goLive: IsoDate, asOf: IsoDate, before = 12): Array<{ offset: number; date: IsoDate }> {
  const points: Array<{ offset: number; date: IsoDate }> = [];
  for (let k = -before; ; k += 1) {
    const date = addMonths(goLive, k);
    if (date > asOf) break;
    points.push({ offset: k, date });
  }
  return points;
}

export interface Series {
  slug: string;
  name: string;
  /** x (an ISO month-end date or a month offset) → value; absent: no figure. */
  points: Map<string | number, number | null>;
}

/** One table from several series: a row per x (in order), a column per series; null where a series has no figure. */
export function seriesTable(series: Series[], xs: Array<string | number>): Array<{ x: string | number; values: Array<number | null> }> {
  return xs.map((x) => ({ x, values: series.map((s) => s.points.get(x) ?? null) }));
}

/** The sorted union of the x values of several series. */
export function unionOfXs(series: Series[]): Array<string | number> {
  const all = new Set<string | number>();
  for (const s of series) for (const x of s.points.keys()) all.add(x);
  return [...all].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b))));
}

/** Authority slugs from `?authorities=walsall,dudley` (also repeated parameters), unique, in order. */
export function readSlugs(params: URLSearchParams): string[] {
  const slugs = params
    .getAll("authorities")
    .flatMap((v) => v.split(","))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(slugs)];
}
