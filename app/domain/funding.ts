import { academicYearOf, addDays, addMonths, financialYear, financialYearOf, maxDate, minDate, type IsoDate, type YearSpan } from "./dates";
import { divideRoundHalfUp, shareOf, splitEvenly, splitInProportion, sum, uplift } from "./money";
import { filledHundredths, groupBy, isEstablished, toHundredths, type AppointmentFacts, type PostFacts } from "./workforce";

/**
 * Funding of the adult specialist workers, month by month, in integer pence.
 *
 * The rules (the README's "Funding and the taper" says the same in prose):
 *  - Cost basis, chosen per authority. "establishment": every established adult specialist post
 *    costs its full annual cost, filled or vacant. "in-post": a post costs in proportion to the FTE
 *    filled, from its appointments as recorded (people stay until their recorded last day).
 *  - A cost is the annual cost of 1 FTE (salary plus on-costs), from a date: the post's own cost
 *    in effect that day, else the cost of its role. A post's annual cost is that × its FTE,
 *    rounded half up to the penny.
 *  - Uplift: a cost is at the prices of the financial year its date falls in and rises by the
 *    uplift % on every 1 April after (pay awards apply from April), compounded, each year's
 *    figure rounded half up to the penny.
 *  - Months: an annual cost is split into its financial year's 12 months exactly (the odd pence
 *    go to the earliest months, April first). A month in which a post is established or filled
 *    for only some days costs that month's share × (FTE-days covered) / (post FTE × days in the
 *    month), rounded half up: pro rata by days. Nothing is counted before the "costs from" date.
 *  - Grant: a tapered stream pays, in each 12-month period counted from its start date (15
 *    September to 14 September for a stream starting on the 15th), that period's share of the
 *    cost. A reserves stream pays 100% from its start to its end date. A month in which a stream
 *    starts, ends or moves to its next period is cut at that day: each post's cost for the month
 *    is divided between the parts in proportion to the days it costs in each (exactly, by largest
 *    remainder) and each part gets its own share. Each part's grant is rounded half up, and never
 *    more than the stream's total has left or than the cost earlier streams (by start date) left.
 *  - Shortfall = cost − grant. Years (financial, April to March; academic, September to August)
 *    are sums of their months.
 */

export const COST_BASES = {
  establishment: "Establishment: every established adult specialist post costs its full annual cost, filled or vacant",
  "in-post": "In post: each post costs in proportion to the FTE filled, from its appointments",
} as const;
export type CostBasis = keyof typeof COST_BASES;

export const STREAM_KINDS = {
  tapered: "Tapered share of adult worker costs",
  fixed: "Fixed allocation (for example start-up money)",
  reserves: "Reserves or other funding of adult worker costs",
} as const;
export type StreamKind = keyof typeof STREAM_KINDS;

export const CONTRIBUTION_STATUSES = { proposed: "Proposed", agreed: "Agreed", received: "Received" } as const;
export type ContributionStatus = keyof typeof CONTRIBUTION_STATUSES;

export const REPORTED_MEASURES = { shortfall: "Shortfall", cost: "Cost", grant: "Grant" } as const;
export type ReportedMeasure = keyof typeof REPORTED_MEASURES;

/** DfE SFPC: 100% of adult worker costs in the first year from go-live, 70% in the second, 50% in the third. */
export const DEFAULT_TAPER_BP = [10_000, 7_000, 5_000];
export const FULL_SHARE_BP = 10_000;

export interface FundingSettings {
  costBasis: CostBasis;
  /** Yearly uplift of costs each 1 April, in basis points (2.5% = 250). */
  upliftBp: number;
  /** Count costs from this date; null: from the start of the earliest stream that pays towards them. */
  costsFrom: IsoDate | null;
}

export const DEFAULT_SETTINGS: FundingSettings = { costBasis: "establishment", upliftBp: 0, costsFrom: null };

/** An annual cost of 1 FTE from a date, at the prices of that date's financial year. */
export interface CostRateFacts {
  annualPence: number;
  from: IsoDate;
}
export interface PostCostFacts extends CostRateFacts {
  postId: string;
}
export interface RoleRateFacts extends CostRateFacts {
  role: string;
}

export interface StreamFacts {
  id: string;
  name: string;
  kind: StreamKind;
  totalPence: number;
  startDate: IsoDate;
  /** Fixed: spend by; reserves: last day of the term; tapered: not used (the schedule ends it). */
  endDate: IsoDate | null;
  /** Tapered: the share of each 12-month period from the start date, in basis points. */
  sharesBp: number[];
}

export interface ContributionFacts {
  organisationId: string;
  /** Start year of the financial year: 2021 is 2021-22. */
  financialYear: number;
  amountPence: number;
  status: ContributionStatus;
  /** Also counts, at the same amount, in every later financial year. */
  recurrent: boolean;
}

export interface CostFacts {
  posts: PostFacts[];
  appointments: AppointmentFacts[];
  postCosts: PostCostFacts[];
  roleRates: RoleRateFacts[];
  settings: FundingSettings;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** The first day of the month a date falls in. */
export function monthOf(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// The model walks every day of every month: these work on the ISO strings directly, because
// going through Date and date-fns for each day made a page take most of a second.
export function daysInMonth(month: IsoDate): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function nextMonth(month: IsoDate): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** Months (their first days) from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const result: IsoDate[] = [];
  for (let m = monthOf(from); m <= to; m = nextMonth(m)) result.push(m);
  return result;
}

function daysOfMonth(month: IsoDate): IsoDate[] {
  const prefix = month.slice(0, 8);
  return Array.from({ length: daysInMonth(month) }, (_, i) => `${prefix}${String(i + 1).padStart(2, "0")}`);
}

const fyStartYear = (date: IsoDate) => Number(financialYearOf(date).start.slice(0, 4));

/** 0 for April … 11 for March. */
function monthIndexInFinancialYear(month: IsoDate): number {
  return (Number(month.slice(5, 7)) + 8) % 12;
}

// ---------------------------------------------------------------------------------------------
// Costs

/** The cost of 1 FTE in effect on a date: the post's latest own cost from on or before it, else its role's. */
export function costRateOn(postCosts: CostRateFacts[], roleRate: CostRateFacts | undefined, date: IsoDate): CostRateFacts | null {
  let found: CostRateFacts | null = null;
  for (const c of postCosts) if (c.from <= date && (!found || c.from > found.from)) found = c;
  return found ?? roleRate ?? null;
}

/** A cost carried to the prices of the financial year of `date`: uplifted on each 1 April after its own date, never reduced. */
export function upliftedRate(rate: CostRateFacts, upliftBp: number, date: IsoDate): number {
  return uplift(rate.annualPence, upliftBp, Math.max(0, fyStartYear(date) - fyStartYear(rate.from)));
}

/** A post's annual cost from the cost of 1 FTE: × FTE, rounded half up to the penny. */
export function postAnnualCost(perFtePence: number, fteHundredths: number): number {
  return divideRoundHalfUp(perFtePence * fteHundredths, 100);
}

interface CostContext {
  settings: FundingSettings;
  costsFrom: IsoDate;
  postCosts: Map<string, PostCostFacts[]>;
  roleRates: Map<string, RoleRateFacts>;
  holders: Map<string, AppointmentFacts[]>;
}

function costContext(f: CostFacts, costsFrom: IsoDate): CostContext {
  return {
    settings: f.settings,
    costsFrom,
    postCosts: groupBy(f.postCosts, (c) => c.postId),
    roleRates: new Map(f.roleRates.map((r) => [r.role, r])),
    holders: groupBy(f.appointments, (a) => a.postId),
  };
}

/** FTE (hundredths) of a post that costs on a day, under the cost basis. */
function coveredHundredths(ctx: CostContext, post: PostFacts, date: IsoDate): number {
  if (date < ctx.costsFrom) return 0;
  if (ctx.settings.costBasis === "in-post") return isEstablished(post, date) ? filledHundredths(post, ctx.holders.get(post.id) ?? [], date) : 0;
  return isEstablished(post, date) ? toHundredths(post.fte) : 0;
}

/**
 * What one adult post costs in one month, under the rules at the top of this file, and how that
 * cost falls over the month's parts (`partOfDay[i]` is the part day i belongs to): the weight of
 * each part, to divide the cost between them. `missing` is set when some day that should cost has
 * no cost recorded (it then counts as nothing).
 */
function postMonthCost(ctx: CostContext, post: PostFacts, month: IsoDate, days: IsoDate[], partOfDay: number[], parts: number): { pence: number; weights: number[]; missing: boolean } {
  const weights: number[] = Array(parts).fill(0);
  const fte = toHundredths(post.fte);
  if (fte <= 0) return { pence: 0, weights, missing: false };
  const index = monthIndexInFinancialYear(month);
  const monthlyOf = new Map<CostRateFacts, number>();
  const own = ctx.postCosts.get(post.id) ?? [];
  const first = days[0];
  const last = days[days.length - 1];
  // Quick answers for the usual months, the same as the day-by-day walk below would give.
  if (last < ctx.costsFrom || (post.establishedOn && post.establishedOn > last) || (post.disestablishedOn && post.disestablishedOn <= first)) return { pence: 0, weights, missing: false };
  const wholeMonth =
    ctx.settings.costBasis === "establishment" && first >= ctx.costsFrom && isEstablished(post, first) && isEstablished(post, last) && !own.some((c) => c.from > first && c.from <= last);
  if (wholeMonth) {
    const rate = costRateOn(own, ctx.roleRates.get(post.role), first);
    if (!rate) return { pence: 0, weights, missing: true };
    const monthly = splitEvenly(postAnnualCost(upliftedRate(rate, ctx.settings.upliftBp, first), fte), 12)[index];
    for (const part of partOfDay) weights[part] += monthly * fte;
    return { pence: monthly, weights, missing: false };
  }
  let missing = false;
  for (const [i, day] of days.entries()) {
    const covered = coveredHundredths(ctx, post, day);
    if (covered === 0) continue;
    const rate = costRateOn(own, ctx.roleRates.get(post.role), day);
    if (!rate) {
      missing = true;
      continue;
    }
    let monthly = monthlyOf.get(rate);
    if (monthly === undefined) {
      monthly = splitEvenly(postAnnualCost(upliftedRate(rate, ctx.settings.upliftBp, day), fte), 12)[index];
      monthlyOf.set(rate, monthly);
    }
    weights[partOfDay[i]] += monthly * covered;
  }
  return { pence: divideRoundHalfUp(sum(weights), fte * days.length), weights, missing };
}

export interface PostCostView {
  /** The cost of 1 FTE at the date's prices; null when none is recorded. */
  perFtePence: number | null;
  /** The post's annual cost (× its FTE) at the date's prices. */
  annualPence: number | null;
  /** Where the cost comes from: the post's own, or its role's default. */
  source: "post" | "role" | null;
}

/** What a post costs a year on a date, at that date's prices, and where the cost comes from. */
export function postCostOn(f: Pick<CostFacts, "postCosts" | "roleRates" | "settings">, post: PostFacts, date: IsoDate): PostCostView {
  const own = f.postCosts.filter((c) => c.postId === post.id);
  const role = f.roleRates.find((r) => r.role === post.role);
  const rate = costRateOn(own, role, date);
  if (!rate) return { perFtePence: null, annualPence: null, source: null };
  const perFtePence = upliftedRate(rate, f.settings.upliftBp, date);
  return { perFtePence, annualPence: postAnnualCost(perFtePence, toHundredths(post.fte)), source: own.includes(rate as PostCostFacts) ? "post" : "role" };
}

/**
 * The annual cost of the whole establishment of adult posts on a date (every established post at
 * its full FTE, whatever the cost basis), at the prices of that date's financial year.
 */
export function establishmentAnnualCost(f: CostFacts, date: IsoDate): { pence: number; posts: number; fteHundredths: number; missing: number } {
  let pence = 0;
  let posts = 0;
  let fte = 0;
  let missing = 0;
  for (const p of f.posts) {
    if (!p.adultSpecialist || !isEstablished(p, date)) continue;
    posts += 1;
    fte += toHundredths(p.fte);
    const cost = postCostOn(f, p, date);
    if (cost.annualPence === null) missing += 1;
    else pence += cost.annualPence;
  }
  return { pence, posts, fteHundredths: fte, missing };
}

// ---------------------------------------------------------------------------------------------
// Streams

export function paysTowardsCosts(s: Pick<StreamFacts, "kind">): boolean {
  return s.kind === "tapered" || s.kind === "reserves";
}

/**
 * A stream's share (basis points) of adult worker costs by day, with its period boundaries worked
 * out once: the model asks it for every day.
 */
export function shareSchedule(s: StreamFacts): (date: IsoDate) => number {
  if (s.kind === "reserves") return (date) => (date >= s.startDate && (!s.endDate || date <= s.endDate) ? FULL_SHARE_BP : 0);
  if (s.kind !== "tapered") return () => 0;
  // boundaries[k] is the first day of period k; the last is the first day after the schedule.
  const boundaries = Array.from({ length: s.sharesBp.length + 1 }, (_, k) => addMonths(s.startDate, 12 * k));
  return (date) => {
    if (date < s.startDate || date >= boundaries[boundaries.length - 1]) return 0;
    let k = 0;
    while (date >= boundaries[k + 1]) k += 1;
    return s.sharesBp[k];
  };
}

/** The share (basis points) of adult worker costs a stream pays on a day. */
export function streamShareOn(s: StreamFacts, date: IsoDate): number {
  return shareSchedule(s)(date);
}

/**
 * The day a stream stops paying by its own terms (exclusive), ignoring its total: the end of the
 * last period with a share above 0, or the day after a reserves term. Null: it has no end.
 */
export function scheduleEnd(s: StreamFacts): IsoDate | null {
  if (s.kind === "reserves") return s.endDate ? addDays(s.endDate, 1) : null;
  if (s.kind === "tapered") {
    const last = s.sharesBp.reduce((found, bp, i) => (bp > 0 ? i : found), -1);
    return addMonths(s.startDate, 12 * (last + 1));
  }
  return s.endDate ? addDays(s.endDate, 1) : null;
}

export interface TaperYear {
  /** 1 for the first 12 months. */
  year: number;
  start: IsoDate;
  end: IsoDate;
  shareBp: number;
}

/** The periods of a tapered stream's schedule, and one more after it (at 0%) to show where it stops. */
export function taperYears(s: Pick<StreamFacts, "startDate" | "sharesBp">): TaperYear[] {
  return [...s.sharesBp, 0].map((shareBp, i) => ({ year: i + 1, start: addMonths(s.startDate, 12 * i), end: addDays(addMonths(s.startDate, 12 * (i + 1)), -1), shareBp }));
}

// ---------------------------------------------------------------------------------------------
// The month-by-month model

export interface MonthRow {
  month: IsoDate;
  financialYear: string;
  academicYear: string;
  cost: number;
  grant: number;
  shortfall: number;
  /** Grant paid by each stream that pays towards costs, by stream id. */
  byStream: Record<string, number>;
}

export interface StreamOutcome {
  id: string;
  name: string;
  kind: StreamKind;
  totalPence: number;
  /** What the stream's shares of the cost would have paid with no total. */
  wouldPay: number;
  paid: number;
  /** The first month the stream's total could not pay its share in full; null if it never ran out. */
  exhaustedIn: IsoDate | null;
  /** The first day it pays nothing more (its schedule's end, or earlier if the total ran out); null: no end in sight. */
  paysUntil: IsoDate | null;
}

export interface FundingModel {
  /** First and last day of the months computed: whole financial and academic years. */
  from: IsoDate;
  to: IsoDate;
  costsFrom: IsoDate;
  months: MonthRow[];
  streams: StreamOutcome[];
  /** Adult posts with no cost recorded for some days they should cost (counted as £0). */
  postsWithoutCost: string[];
}

const byStart = (a: StreamFacts, b: StreamFacts) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name);

export type CostsFromSource = "setting" | "stream" | "post" | "today";

/** The first day costs count: the setting, else the earliest start of a stream paying towards costs, else the earliest post, else this financial year. */
export function resolveCostsFrom(settings: FundingSettings, streams: StreamFacts[], posts: PostFacts[], asOf: IsoDate): { date: IsoDate; source: CostsFromSource } {
  if (settings.costsFrom) return { date: settings.costsFrom, source: "setting" };
  const stream = streams.filter(paysTowardsCosts).map((s) => s.startDate).sort()[0];
  if (stream) return { date: stream, source: "stream" };
  const post = posts.filter((p) => p.adultSpecialist && p.establishedOn).map((p) => p.establishedOn!).sort()[0];
  return post ? { date: post, source: "post" } : { date: financialYearOf(asOf).start, source: "today" };
}

const MAX_YEARS = 20;

/**
 * The stretch of time the model covers: from the costs-from date to a year after the last
 * stream stops paying (so the first full year without grant shows), or further to cover today,
 * every contribution and every reported figure; widened to whole financial and academic years;
 * never more than 20 years.
 */
export function modelRange(input: { costsFrom: IsoDate; streams: StreamFacts[]; asOf: IsoDate; financialYears: number[] }): { from: IsoDate; to: IsoDate } {
  const ends = input.streams.filter(paysTowardsCosts).map((s) => scheduleEnd(s) ?? addMonths(s.startDate, 12 * 5));
  const candidates = [input.asOf, ...ends.map((e) => addDays(addMonths(e, 12), -1)), ...input.financialYears.map((y) => financialYear(y).end)];
  const limit = addDays(addMonths(input.costsFrom, 12 * MAX_YEARS), -1);
  const last = minDate(candidates.reduce(maxDate, input.costsFrom), limit);
  return {
    from: minDate(financialYearOf(input.costsFrom).start, academicYearOf(input.costsFrom).start),
    to: maxDate(financialYearOf(last).end, academicYearOf(last).end),
  };
}

/**
 * A month's days grouped into parts in which every stream pays the same share: one part for most
 * months; two or three when a stream starts, ends or moves to its next 12-month period in it.
 */
function monthParts(days: IsoDate[], schedules: Array<(date: IsoDate) => number>): { partOfDay: number[]; shares: number[][] } {
  const partOfDay: number[] = [];
  const shares: number[][] = [];
  let key = "";
  for (const day of days) {
    const today = schedules.map((share) => share(day));
    if (today.join() !== key || shares.length === 0) {
      shares.push(today);
      key = today.join();
    }
    partOfDay.push(shares.length - 1);
  }
  return { partOfDay, shares };
}

/** Month by month over a range: the cost under the cost basis, each stream's grant, the shortfall. */
export function computeFunding(f: CostFacts & { streams: StreamFacts[] }, range: { from: IsoDate; to: IsoDate }, costsFrom: IsoDate): FundingModel {
  const ctx = costContext(f, costsFrom);
  const adultPosts = f.posts.filter((p) => p.adultSpecialist);
  const paying = f.streams.filter(paysTowardsCosts).sort(byStart);
  const schedules = paying.map(shareSchedule);
  const left = paying.map((s) => s.totalPence);
  const outcomes: StreamOutcome[] = paying.map((s) => ({ id: s.id, name: s.name, kind: s.kind, totalPence: s.totalPence, wouldPay: 0, paid: 0, exhaustedIn: null, paysUntil: scheduleEnd(s) }));
  const missing = new Set<string>();
  const months: MonthRow[] = [];
  for (const month of monthsBetween(range.from, range.to)) {
    const days = daysOfMonth(month);
    const { partOfDay, shares } = monthParts(days, schedules);
    // Each post's cost for the month, divided between the parts in proportion to where it falls.
    const partCost: number[] = Array(shares.length).fill(0);
    let cost = 0;
    for (const p of adultPosts) {
      const c = postMonthCost(ctx, p, month, days, partOfDay, shares.length);
      if (c.missing) missing.add(p.id);
      cost += c.pence;
      const split = shares.length === 1 ? [c.pence] : splitInProportion(c.pence, c.weights);
      split.forEach((pence, i) => (partCost[i] += pence));
    }
    const paidBy: number[] = paying.map(() => 0);
    let unpaidInMonth = 0;
    for (const [part, partShares] of shares.entries()) {
      let unpaid = partCost[part];
      for (const [i, o] of outcomes.entries()) {
        const due = Math.min(shareOf(partCost[part], partShares[i]), unpaid);
        const paid = Math.min(due, left[i]);
        if (paid < due && !o.exhaustedIn) o.exhaustedIn = month;
        o.wouldPay += due;
        o.paid += paid;
        left[i] -= paid;
        paidBy[i] += paid;
        unpaid -= paid;
      }
      unpaidInMonth += unpaid;
    }
    const byStream = Object.fromEntries(outcomes.map((o, i) => [o.id, paidBy[i]]));
    months.push({ month, financialYear: financialYearOf(month).label, academicYear: academicYearOf(month).label, cost, grant: cost - unpaidInMonth, shortfall: unpaidInMonth, byStream });
  }
  // A total used up before the schedule's end stops the stream early: from the month after its last payment.
  for (const o of outcomes) {
    if (!o.exhaustedIn) continue;
    const lastPaid = months.filter((m) => m.byStream[o.id] > 0).at(-1)?.month ?? o.exhaustedIn;
    const stop = addMonths(lastPaid, 1);
    o.paysUntil = o.paysUntil ? minDate(o.paysUntil, stop) : stop;
  }
  return { from: range.from, to: range.to, costsFrom, months, streams: outcomes, postsWithoutCost: [...missing] };
}

// ---------------------------------------------------------------------------------------------
// Years

export type YearView = "financial" | "academic";

export interface YearRow {
  label: string;
  start: IsoDate;
  end: IsoDate;
  cost: number;
  grant: number;
  shortfall: number;
}

export interface FinancialYearRow extends YearRow {
  /** Agreed and received contributions (recurrent ones included). */
  agreed: number;
  proposed: number;
  /** Shortfall − agreed contributions. Negative: more agreed than needed. */
  remainingGap: number;
  /** What is left even if every proposed contribution is agreed (never below 0). */
  notCovered: number;
}

/** Years of the model that lie wholly inside it and do not end before costs start: sums of their months. */
export function yearRows(model: FundingModel, view: YearView): YearRow[] {
  const spanOf = view === "financial" ? financialYearOf : academicYearOf;
  const groups = groupBy(model.months, (m) => (view === "financial" ? m.financialYear : m.academicYear));
  const rows: YearRow[] = [];
  for (const list of groups.values()) {
    const span: YearSpan = spanOf(list[0].month);
    if (span.start < model.from || span.end > model.to || span.end < model.costsFrom) continue;
    const cost = sum(list.map((m) => m.cost));
    const grant = sum(list.map((m) => m.grant));
    rows.push({ label: span.label, start: span.start, end: span.end, cost, grant, shortfall: cost - grant });
  }
  return rows;
}

/** Contributions counting in a financial year: those for it, and recurrent ones from earlier years. */
export function contributionsIn(contributions: ContributionFacts[], startYear: number): { agreed: number; proposed: number } {
  const counting = contributions.filter((c) => c.financialYear === startYear || (c.recurrent && c.financialYear < startYear));
  return {
    agreed: sum(counting.filter((c) => c.status !== "proposed").map((c) => c.amountPence)),
    proposed: sum(counting.filter((c) => c.status === "proposed").map((c) => c.amountPence)),
  };
}

export function financialYearRows(model: FundingModel, contributions: ContributionFacts[]): FinancialYearRow[] {
  return yearRows(model, "financial").map((row) => {
    const { agreed, proposed } = contributionsIn(contributions, Number(row.start.slice(0, 4)));
    const remainingGap = row.shortfall - agreed;
    return { ...row, agreed, proposed, remainingGap, notCovered: Math.max(0, remainingGap - proposed) };
  });
}

// ---------------------------------------------------------------------------------------------
// Sustainability

export type Sustainability =
  | { kind: "no-streams"; annual: ReturnType<typeof establishmentAnnualCost>; priceYear: string }
  | { kind: "open-ended"; streamName: string }
  | {
      kind: "ends";
      /** The first day no stream pays towards adult worker costs. */
      from: IsoDate;
      annual: ReturnType<typeof establishmentAnnualCost>;
      priceYear: string;
      /** The same establishment at today's prices, when today is in a later financial year. */
      today: { pence: number; priceYear: string } | null;
      /** The first whole financial year with no grant at all, and its shortfall. */
      firstYearWithout: { label: string; shortfall: number } | null;
    };

/** What the authority must fund once the streams that pay towards adult worker costs stop. */
export function sustainability(f: CostFacts, model: FundingModel, asOf: IsoDate): Sustainability {
  if (model.streams.length === 0) return { kind: "no-streams", annual: establishmentAnnualCost(f, asOf), priceYear: financialYearOf(asOf).label };
  const open = model.streams.find((s) => !s.paysUntil);
  if (open) return { kind: "open-ended", streamName: open.name };
  const from = model.streams.map((s) => s.paysUntil!).reduce(maxDate);
  const annual = establishmentAnnualCost(f, from);
  const later = fyStartYear(asOf) > fyStartYear(from) ? { pence: establishmentAnnualCost(f, asOf).pence, priceYear: financialYearOf(asOf).label } : null;
  const firstYear = yearRows(model, "financial").find((r) => r.start >= from);
  return {
    kind: "ends",
    from,
    annual,
    priceYear: financialYearOf(from).label,
    today: later,
    firstYearWithout: firstYear ? { label: firstYear.label, shortfall: firstYear.shortfall } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Reported figures, fixed allocations

export interface ReportedFacts {
  id: string;
  financialYear: number;
  measure: ReportedMeasure;
  amountPence: number;
  source: string | null;
}

export interface ReportedComparison extends ReportedFacts {
  label: string;
  /** The model's figure for the same year and measure; null when the year is outside the model. */
  computed: number | null;
  /** computed − reported. */
  difference: number | null;
}

/** Figures the authority reported beside the model's own for the same financial year. */
export function compareReported(rows: YearRow[], reported: ReportedFacts[]): ReportedComparison[] {
  return [...reported]
    .sort((a, b) => a.financialYear - b.financialYear || a.measure.localeCompare(b.measure))
    .map((r) => {
      const label = financialYear(r.financialYear).label;
      const row = rows.find((y) => y.label === label);
      const computed = row ? row[r.measure] : null;
      return { ...r, label, computed, difference: computed === null ? null : computed - r.amountPence };
    });
}

export interface SpendFacts {
  streamId: string;
  spentOn: IsoDate;
  amountPence: number;
}

export interface AllocationSummary {
  budget: number;
  spent: number;
  /** budget − spent; negative when overspent. */
  remaining: number;
  /** Spend dated after the "spend by" date. */
  spentLate: number;
  byYear: Array<{ label: string; spent: number }>;
}

/** A fixed allocation's spend against its budget, by financial year. */
export function allocationSummary(stream: Pick<StreamFacts, "totalPence" | "endDate">, spend: SpendFacts[]): AllocationSummary {
  const spent = sum(spend.map((s) => s.amountPence));
  const years = groupBy(
    [...spend].sort((a, b) => a.spentOn.localeCompare(b.spentOn)),
    (s) => financialYearOf(s.spentOn).label,
  );
  return {
    budget: stream.totalPence,
    spent,
    remaining: stream.totalPence - spent,
    spentLate: sum(spend.filter((s) => stream.endDate && s.spentOn > stream.endDate).map((s) => s.amountPence)),
    byYear: [...years.entries()].map(([label, list]) => ({ label, spent: sum(list.map((s) => s.amountPence)) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Everything at once

export interface FundingInput extends CostFacts {
  streams: StreamFacts[];
  contributions: ContributionFacts[];
  reported: ReportedFacts[];
  spend: SpendFacts[];
}

export interface FundingOverview {
  model: FundingModel;
  /** Why costs count from the model's first day. */
  costsFromSource: CostsFromSource;
  financialYears: FinancialYearRow[];
  academicYears: YearRow[];
  sustainability: Sustainability;
  reported: ReportedComparison[];
  /** Fixed allocations: spend against budget, by stream id. */
  allocations: Record<string, AllocationSummary>;
}

/** The whole funding picture of one authority as of a date: what the funding pages (and later the national view) show. */
export function fundingOverview(f: FundingInput, asOf: IsoDate): FundingOverview {
  const costsFrom = resolveCostsFrom(f.settings, f.streams, f.posts, asOf);
  const years = [...f.contributions.map((c) => c.financialYear), ...f.reported.map((r) => r.financialYear)];
  const model = computeFunding(f, modelRange({ costsFrom: costsFrom.date, streams: f.streams, asOf, financialYears: years }), costsFrom.date);
  const financialYears = financialYearRows(model, f.contributions);
  const spendBy = groupBy(f.spend, (s) => s.streamId);
  return {
    model,
    costsFromSource: costsFrom.source,
    financialYears,
    academicYears: yearRows(model, "academic"),
    sustainability: sustainability(f, model, asOf),
    reported: compareReported(financialYears, f.reported),
    allocations: Object.fromEntries(f.streams.filter((s) => s.kind === "fixed").map((s) => [s.id, allocationSummary(s, spendBy.get(s.id) ?? [])])),
  };
}

/** A financial year typed by a person, "2021-22", "2021/22", "2021-2022" or "2021", as its start year; null when not one. */
export function parseFinancialYear(input: string): number | null {
  const match = /^(\d{4})(?:\s*[-/–]\s*(\d{2}|\d{4}))?$/.exec(input.trim());
  if (!match) return null;
  const start = Number(match[1]);
  if (match[2] && Number(match[2]) !== (match[2].length === 2 ? (start + 1) % 100 : start + 1)) return null;
  return start >= 2000 && start <= 2099 ? start : null;
}
