import { addDays, addMonths, type IsoDate } from "./dates";
import { roundPercent } from "./format";
import { completedCourses, isStaffInPost, type AttendanceFacts, type StaffFacts } from "./training";
import { expectedLastDay, filledHundredths, fromHundredths, groupBy, isEstablished, toHundredths, type AppointmentFacts, type PostFacts } from "./workforce";

/**
 * The DfE go-live criteria, computed from dated facts at any date:
 *  - adult workers: FTE of adult specialist posts filled / FTE of adult specialist posts established
 *  - MI: in-scope staff in post who have completed Motivational Interviewing / in-scope staff in post
 *  - workshops: in-scope staff in post who attended every workshop their discipline requires / same
 * Each is met at or above its threshold (70% unless the authority or the programme says otherwise).
 */
export type CriterionKey = "adult-workers" | "mi" | "workshops";

export const CRITERION_LABELS: Record<CriterionKey, string> = {
  "adult-workers": "Adult specialist workers in post",
  mi: "Staff trained in Motivational Interviewing",
  workshops: "Staff who attended the Practice and Change workshops",
};

export interface Thresholds {
  adultWorkers: number;
  mi: number;
  workshops: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { adultWorkers: 70, mi: 70, workshops: 70 };

/** The authority's own threshold where it has one, else the programme's. */
export function effectiveThresholds(programme: Thresholds, authority: { thresholdAdultWorkers: number | null; thresholdMi: number | null; thresholdWorkshops: number | null }): Thresholds {
  return {
    adultWorkers: authority.thresholdAdultWorkers ?? programme.adultWorkers,
    mi: authority.thresholdMi ?? programme.mi,
    workshops: authority.thresholdWorkshops ?? programme.workshops,
  };
}

export interface Breakdown {
  key: string;
  numerator: number;
  denominator: number;
  percent: number | null;
}

export interface CriterionResult {
  key: CriterionKey;
  /** FTE for adult workers; people for the training criteria. */
  unit: "FTE" | "people";
  numerator: number;
  denominator: number;
  /** Rounded to one decimal place; null when there is nothing to count. */
  percent: number | null;
  threshold: number;
  met: boolean;
  /** How much more is needed to meet the threshold (FTE or people); 0 when met. */
  shortfall: number;
  byTeam: Breakdown[];
  /** By role (adult workers) or by discipline (training). */
  byGroup: Breakdown[];
}

/** Met when numerator / denominator ≥ threshold %, compared exactly (integers), never on a rounded figure. */
function meets(numerator: number, denominator: number, threshold: number): boolean {
  if (denominator <= 0) return false;
  return numerator * 10_000 >= Math.round(threshold * 100) * denominator;
}

function percentOf(n: number, d: number): number | null {
  return d > 0 ? roundPercent((n / d) * 100) : null;
}

function breakdown<T>(items: T[], keyOf: (t: T) => string, num: (t: T) => number, den: (t: T) => number, scale = 1): Breakdown[] {
  return [...groupBy(items, keyOf).entries()].map(([key, list]) => {
    const n = list.reduce((s, t) => s + num(t), 0);
    const d = list.reduce((s, t) => s + den(t), 0);
    return { key, numerator: n / scale, denominator: d / scale, percent: percentOf(n, d) };
  });
}

export interface WorkforceFacts {
  posts: PostFacts[];
  appointments: AppointmentFacts[];
}

export interface TrainingFacts {
  staff: StaffFacts[];
  attendance: AttendanceFacts[];
  /** Course ids that are Motivational Interviewing. */
  miCourseIds: string[];
  /** discipline → the workshop course ids it requires. */
  requirements: Record<string, string[]>;
}

/** `plansFrom`: forecast mode from that date, where fixed-term contracts end at their end date unless extended. */
export function adultWorkersCriterion(f: WorkforceFacts, date: IsoDate, threshold: number, plansFrom: IsoDate | null = null): CriterionResult {
  const byPost = groupBy(f.appointments, (a) => a.postId);
  const rows = f.posts
    .filter((p) => p.adultSpecialist && isEstablished(p, date))
    .map((p) => ({ post: p, est: toHundredths(p.fte), filled: filledHundredths(p, byPost.get(p.id) ?? [], date, plansFrom) }));
  const est = rows.reduce((s, r) => s + r.est, 0);
  const filled = rows.reduce((s, r) => s + r.filled, 0);
  const needed = Math.max(0, Math.ceil((threshold * est) / 100) - filled);
  return {
    key: "adult-workers",
    unit: "FTE",
    numerator: fromHundredths(filled),
    denominator: fromHundredths(est),
    percent: percentOf(filled, est),
    threshold,
    met: meets(filled, est, threshold),
    shortfall: est > 0 ? fromHundredths(needed) : 0,
    byTeam: breakdown(rows, (r) => r.post.teamId ?? "", (r) => r.filled, (r) => r.est, 100),
    byGroup: breakdown(rows, (r) => r.post.role, (r) => r.filled, (r) => r.est, 100),
  };
}

/** Per person, the day each training criterion is complete on: null when it is not, on these facts. */
interface Completion {
  mi: IsoDate | null;
  workshops: IsoDate | null;
}

/** Before any date: a discipline that requires no workshop has always attended them all. */
const ALWAYS: IsoDate = "0000-01-01";

/**
 * When each in-scope person completes MI and their workshops. Whether an attendance record counts
 * depends on `plansFrom` only, never on the date asked about, so one pass over the attendance
 * answers every date: the trend and the forecast ask about hundreds of dates, and national pages
 * about every authority (O(people) per date instead of O(attendance records)).
 */
function completionDates(t: TrainingFacts, plansFrom: IsoDate | null): Map<string, Completion> {
  const earliest = new Map<string, Map<string, IsoDate>>();
  for (const a of t.attendance) {
    const plannedAttendance = plansFrom !== null && a.status === "booked" && a.completesOn > plansFrom;
    if (a.status !== "attended" && !plannedAttendance) continue;
    const courses = earliest.get(a.staffMemberId) ?? new Map<string, IsoDate>();
    const known = courses.get(a.courseId);
    if (!known || a.completesOn < known) courses.set(a.courseId, a.completesOn);
    earliest.set(a.staffMemberId, courses);
  }
  const out = new Map<string, Completion>();
  for (const s of t.staff) {
    const courses = earliest.get(s.id);
    let mi: IsoDate | null = null;
    for (const id of t.miCourseIds) {
      const d = courses?.get(id);
      if (d && (mi === null || d < mi)) mi = d;
    }
    let workshops: IsoDate | null = ALWAYS;
    for (const id of t.requirements[s.discipline] ?? []) {
      const d = courses?.get(id);
      if (!d) {
        workshops = null;
        break;
      }
      if (d > workshops) workshops = d;
    }
    out.set(s.id, { mi, workshops });
  }
  return out;
}

/** Computed once per set of training facts and `plansFrom` (facts are never changed once loaded). */
const completionCache = new WeakMap<TrainingFacts, { of: unknown[]; byPlans: Map<IsoDate | null, Map<string, Completion>> }>();

function cachedCompletionDates(t: TrainingFacts, plansFrom: IsoDate | null): Map<string, Completion> {
  const of = [t.attendance, t.staff, t.miCourseIds, t.requirements, t.attendance.length, t.staff.length];
  let entry = completionCache.get(t);
  if (!entry || entry.of.some((x, i) => x !== of[i])) {
    entry = { of, byPlans: new Map() };
    completionCache.set(t, entry);
  }
  let dates = entry.byPlans.get(plansFrom);
  if (!dates) {
    dates = completionDates(t, plansFrom);
    entry.byPlans.set(plansFrom, dates);
  }
  return dates;
}

function peopleCriterion(key: "mi" | "workshops", t: TrainingFacts, date: IsoDate, threshold: number, plansFrom: IsoDate | null): CriterionResult {
  const completion = cachedCompletionDates(t, plansFrom);
  const rows = t.staff
    .filter((s) => s.inScope && isStaffInPost(s, date))
    .map((s) => {
      const on = completion.get(s.id)?.[key] ?? null;
      return { staff: s, ok: on !== null && on <= date ? 1 : 0 };
    });
  const n = rows.reduce((s, r) => s + r.ok, 0);
  const d = rows.length;
  return {
    key,
    unit: "people",
    numerator: n,
    denominator: d,
    percent: percentOf(n, d),
    threshold,
    met: meets(n, d, threshold),
    shortfall: d > 0 ? Math.max(0, Math.ceil((threshold * d) / 100 - 1e-9) - n) : 0,
    byTeam: breakdown(rows, (r) => r.staff.teamId ?? "", (r) => r.ok, () => 1),
    byGroup: breakdown(rows, (r) => r.staff.discipline, (r) => r.ok, () => 1),
  };
}

export function hasCompletedMi(t: Pick<TrainingFacts, "miCourseIds">, completed: Set<string>): boolean {
  return t.miCourseIds.some((id) => completed.has(id));
}

/** The workshops a person still needs: those their discipline requires that they have not attended. */
export function missingWorkshops(t: Pick<TrainingFacts, "requirements">, staff: Pick<StaffFacts, "discipline">, completed: Set<string>): string[] {
  return (t.requirements[staff.discipline] ?? []).filter((id) => !completed.has(id));
}

/** `plansFrom`: forecast mode from that date, where places booked on later sessions count as attended. */
export function miCriterion(t: TrainingFacts, date: IsoDate, threshold: number, plansFrom: IsoDate | null = null): CriterionResult {
  return peopleCriterion("mi", t, date, threshold, plansFrom);
}

export function workshopsCriterion(t: TrainingFacts, date: IsoDate, threshold: number, plansFrom: IsoDate | null = null): CriterionResult {
  return peopleCriterion("workshops", t, date, threshold, plansFrom);
}

export interface Readiness {
  asOf: IsoDate;
  criteria: CriterionResult[];
  /** Ready when every criterion is met. */
  ready: boolean;
}

/**
 * The three criteria on a date. `plansFrom`: for a date after it, count what is planned as
 * happening (contracts ending at their end date, booked training attended).
 */
export function readinessOn(w: WorkforceFacts, t: TrainingFacts, thresholds: Thresholds, date: IsoDate, plansFrom: IsoDate | null = null): Readiness {
  const criteria = [
    adultWorkersCriterion(w, date, thresholds.adultWorkers, plansFrom),
    miCriterion(t, date, thresholds.mi, plansFrom),
    workshopsCriterion(t, date, thresholds.workshops, plansFrom),
  ];
  return { asOf: date, criteria, ready: criteria.every((c) => c.met) };
}

export type Forecast =
  | { kind: "met"; since: IsoDate | null; fallsBelowOn: IsoDate | null }
  | { kind: "will-meet"; on: IsoDate }
  | { kind: "not-on-current-plans" }
  | { kind: "nothing-to-count" };

/** The dates on which the facts change after `from`, up to `until`. */
function changeDates(w: WorkforceFacts, t: TrainingFacts, from: IsoDate, until: IsoDate): IsoDate[] {
  const dates = new Set<IsoDate>();
  const add = (d: IsoDate | null | undefined) => {
    if (d && d > from && d <= until) dates.add(d);
  };
  for (const p of w.posts) {
    add(p.establishedOn);
    add(p.disestablishedOn);
  }
  for (const a of w.appointments) {
    add(a.startDate);
    const last = expectedLastDay(a, from);
    if (last) add(addDays(last, 1));
  }
  for (const s of t.staff) {
    add(s.startDate);
    if (s.leaveDate) add(addDays(s.leaveDate, 1));
  }
  for (const a of t.attendance) if (a.status === "booked" || a.status === "attended") add(a.completesOn);
  return [...dates].sort();
}

/**
 * When each criterion is first met on current plans: agreed start dates, known leave dates and
 * contract ends, and booked training (assumed attended). Looks `horizonMonths` ahead.
 */
export function forecastCriteria(w: WorkforceFacts, t: TrainingFacts, thresholds: Thresholds, from: IsoDate, horizonMonths = 36): Record<CriterionKey, Forecast> {
  const until = addMonths(from, horizonMonths);
  const dates = changeDates(w, t, from, until);
  const evaluate: Record<CriterionKey, (d: IsoDate) => CriterionResult> = {
    "adult-workers": (d) => adultWorkersCriterion(w, d, thresholds.adultWorkers, from),
    mi: (d) => miCriterion(t, d, thresholds.mi, from),
    workshops: (d) => workshopsCriterion(t, d, thresholds.workshops, from),
  };
  const result = {} as Record<CriterionKey, Forecast>;
  for (const key of Object.keys(evaluate) as CriterionKey[]) {
    const now = evaluate[key](from);
    if (now.met) {
      const drop = dates.find((d) => !evaluate[key](d).met) ?? null;
      result[key] = { kind: "met", since: null, fallsBelowOn: drop };
      continue;
    }
    const on = dates.find((d) => evaluate[key](d).met);
    const anything = now.denominator > 0 || dates.some((d) => evaluate[key](d).denominator > 0);
    result[key] = on ? { kind: "will-meet", on } : anything ? { kind: "not-on-current-plans" } : { kind: "nothing-to-count" };
  }
  return result;
}

export interface TrendPoint {
  date: IsoDate;
  adultWorkers: { numerator: number; denominator: number; percent: number | null };
  mi: { numerator: number; denominator: number; percent: number | null };
  workshops: { numerator: number; denominator: number; percent: number | null };
}

/** The three criteria at the end of each month from `from` to `to` (history from dated records). */
export function readinessTrend(w: WorkforceFacts, t: TrainingFacts, thresholds: Thresholds, from: IsoDate, to: IsoDate): TrendPoint[] {
  const points: TrendPoint[] = [];
  let monthStart = `${from.slice(0, 7)}-01`;
  while (monthStart <= to) {
    const monthEnd = addDays(addMonths(monthStart, 1), -1);
    const d = monthEnd < to ? monthEnd : to;
    const r = readinessOn(w, t, thresholds, d);
    const pick = (i: number) => ({ numerator: r.criteria[i].numerator, denominator: r.criteria[i].denominator, percent: r.criteria[i].percent });
    points.push({ date: d, adultWorkers: pick(0), mi: pick(1), workshops: pick(2) });
    monthStart = addMonths(monthStart, 1);
  }
  return points;
}

export interface PersonGap {
  staffMemberId: string;
  name: string;
  discipline: string;
  teamId: string | null;
  /** Course ids still needed (MI, or the missing workshops). */
  missing: string[];
  /** Booked places on sessions still to come, by course id → the session's last day. */
  booked: Record<string, IsoDate>;
}

/** In-scope people in post on a date who have not completed MI. */
export function miGaps(t: TrainingFacts, date: IsoDate): PersonGap[] {
  const completed = completedCourses(t.attendance, date);
  const booked = bookedAfter(t.attendance, date);
  return t.staff
    .filter((s) => s.inScope && isStaffInPost(s, date) && !hasCompletedMi(t, completed.get(s.id) ?? new Set()))
    .map((s) => ({ staffMemberId: s.id, name: s.name, discipline: s.discipline, teamId: s.teamId, missing: t.miCourseIds.slice(0, 1), booked: pick(booked.get(s.id), t.miCourseIds) }));
}

/** In-scope people in post on a date who still miss a workshop their discipline requires, and which. */
export function workshopGaps(t: TrainingFacts, date: IsoDate): PersonGap[] {
  const completed = completedCourses(t.attendance, date);
  const booked = bookedAfter(t.attendance, date);
  return t.staff
    .filter((s) => s.inScope && isStaffInPost(s, date))
    .map((s) => {
      const missing = missingWorkshops(t, s, completed.get(s.id) ?? new Set());
      return { staffMemberId: s.id, name: s.name, discipline: s.discipline, teamId: s.teamId, missing, booked: pick(booked.get(s.id), missing) };
    })
    .filter((g) => g.missing.length > 0)
    .sort((a, b) => b.missing.length - a.missing.length || a.name.localeCompare(b.name));
}

function bookedAfter(attendance: AttendanceFacts[], date: IsoDate): Map<string, Record<string, IsoDate>> {
  const map = new Map<string, Record<string, IsoDate>>();
  for (const a of attendance) {
    if (a.status !== "booked" || a.completesOn <= date) continue;
    const entry = map.get(a.staffMemberId) ?? {};
    if (!entry[a.courseId] || a.completesOn < entry[a.courseId]) entry[a.courseId] = a.completesOn;
    map.set(a.staffMemberId, entry);
  }
  return map;
}

function pick(booked: Record<string, IsoDate> | undefined, courseIds: string[]): Record<string, IsoDate> {
  if (!booked) return {};
  return Object.fromEntries(courseIds.filter((id) => booked[id]).map((id) => [id, booked[id]]));
}

/**
 * Which vacancies would close the adult workers gap: most advanced recruitment first, taken until
 * their FTE covers the shortfall.
 */
export function vacanciesClosingGap<V extends { vacantFte: number }>(vacanciesInOrder: V[], shortfallFte: number): Array<V & { closesGap: boolean }> {
  let covered = 0;
  return vacanciesInOrder.map((v) => {
    const needed = covered < toHundredths(shortfallFte);
    if (needed) covered += toHundredths(v.vacantFte);
    return { ...v, closesGap: needed };
  });
}
