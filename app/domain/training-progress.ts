import type { IsoDate } from "./dates";
import { hasCompletedMi, missingWorkshops, type Breakdown, type TrainingFacts } from "./readiness";
import { completedCourses, DISCIPLINES, disciplineLabel, isStaffInPost, type StaffFacts } from "./training";
import { groupBy } from "./workforce";

/**
 * Where each person stands against the training criteria on a date, and who still has gaps. The
 * criteria themselves are readiness.ts's; this says who is behind the numbers.
 */

/** A place on a session that is booked, or attended after the date: the person's plan. */
export interface PlannedPlace {
  sessionId: string;
  staffMemberId: string;
  courseId: string;
  startDate: IsoDate;
  /** The session's last day. */
  completesOn: IsoDate;
  status: string;
}

export interface PersonGap {
  staff: StaffFacts;
  needsMi: boolean;
  /** Required workshops (course ids) not attended by the date. */
  missingWorkshops: string[];
  /** Places on the courses still needed: booked, or attended after the date. Earliest first. */
  planned: PlannedPlace[];
}

/** Counted on a date: in scope for the criteria and in post (a leaver still counts on their last day). */
export function isCounted(s: Pick<StaffFacts, "inScope" | "startDate" | "leaveDate">, date: IsoDate): boolean {
  return s.inScope && isStaffInPost(s, date);
}

/** Places that are plans as seen from a date: booked places, and places attended after it. */
export function plannedPlaces(places: PlannedPlace[], date: IsoDate): PlannedPlace[] {
  return places.filter((p) => p.status === "booked" || (p.status === "attended" && p.completesOn > date));
}

/**
 * Everyone counted on the date who has not completed MI or misses a workshop their discipline
 * requires, with what they are booked on. Sorted by name.
 */
export function trainingGaps(t: TrainingFacts, date: IsoDate, places: PlannedPlace[]): PersonGap[] {
  const completed = completedCourses(t.attendance, date);
  const planByStaff = groupBy(plannedPlaces(places, date), (p) => p.staffMemberId);
  const gaps: PersonGap[] = [];
  for (const s of t.staff) {
    if (!isCounted(s, date)) continue;
    const done = completed.get(s.id) ?? new Set<string>();
    const needsMi = !hasCompletedMi(t, done);
    const missing = missingWorkshops(t, s, done);
    if (!needsMi && missing.length === 0) continue;
    const needed = new Set([...(needsMi ? t.miCourseIds : []), ...missing]);
    const planned = (planByStaff.get(s.id) ?? []).filter((p) => needed.has(p.courseId)).sort((a, b) => a.startDate.localeCompare(b.startDate));
    gaps.push({ staff: s, needsMi, missingWorkshops: missing, planned });
  }
  return gaps.sort((a, b) => a.staff.name.localeCompare(b.staff.name, "en-GB", { numeric: true }));
}

export interface StaffProgress {
  inPost: boolean;
  counted: boolean;
  /** The day MI was completed (the last day of the session attended), if by the date. */
  miCompletedOn: IsoDate | null;
  missingWorkshops: string[];
}

/** Each person's position on a date, for the roster. */
export function staffProgress(t: TrainingFacts, date: IsoDate): Map<string, StaffProgress> {
  const mi = new Set(t.miCourseIds);
  const firstMi = new Map<string, IsoDate>();
  for (const a of t.attendance) {
    if (a.status !== "attended" || !mi.has(a.courseId) || a.completesOn > date) continue;
    const known = firstMi.get(a.staffMemberId);
    if (!known || a.completesOn < known) firstMi.set(a.staffMemberId, a.completesOn);
  }
  const completed = completedCourses(t.attendance, date);
  return new Map(
    t.staff.map((s) => [
      s.id,
      {
        inPost: isStaffInPost(s, date),
        counted: isCounted(s, date),
        miCompletedOn: firstMi.get(s.id) ?? null,
        missingWorkshops: missingWorkshops(t, s, completed.get(s.id) ?? new Set()),
      },
    ]),
  );
}

export interface StaffFilter {
  /** A team id, or "none" for people without a team. */
  team?: string;
  discipline?: string;
  inScope?: "yes" | "no";
  inPost?: "yes" | "no";
}

/** The roster's filters; an empty filter keeps everyone. */
export function filterStaff<T extends Pick<StaffFacts, "teamId" | "discipline" | "inScope" | "startDate" | "leaveDate">>(staff: T[], f: StaffFilter, date: IsoDate): T[] {
  return staff.filter(
    (s) =>
      (!f.team || (f.team === "none" ? s.teamId === null : s.teamId === f.team)) &&
      (!f.discipline || s.discipline === f.discipline) &&
      (!f.inScope || s.inScope === (f.inScope === "yes")) &&
      (!f.inPost || isStaffInPost(s, date) === (f.inPost === "yes")),
  );
}

export interface BreakdownRow {
  key: string;
  label: string;
  mi: Breakdown | null;
  workshops: Breakdown | null;
}

function combine(mi: Breakdown[], workshops: Breakdown[], order: Array<{ key: string; label: string }>): BreakdownRow[] {
  const miBy = new Map(mi.map((b) => [b.key, b]));
  const wsBy = new Map(workshops.map((b) => [b.key, b]));
  return order.filter((o) => miBy.has(o.key) || wsBy.has(o.key)).map((o) => ({ ...o, mi: miBy.get(o.key) ?? null, workshops: wsBy.get(o.key) ?? null }));
}

/** The two criteria side by side per team, in the authority's team order; people with no team last. */
export function breakdownByTeam(mi: Breakdown[], workshops: Breakdown[], teams: Array<{ id: string; name: string }>): BreakdownRow[] {
  return combine(mi, workshops, [...teams.map((t) => ({ key: t.id, label: t.name })), { key: "", label: "No team" }]);
}

/** The two criteria side by side per discipline, in the catalogue's order. */
export function breakdownByDiscipline(mi: Breakdown[], workshops: Breakdown[]): BreakdownRow[] {
  const known = Object.keys(DISCIPLINES);
  const others = [...new Set([...mi, ...workshops].map((b) => b.key))].filter((k) => !known.includes(k)).sort();
  return combine(mi, workshops, [...known, ...others].map((key) => ({ key, label: disciplineLabel(key) })));
}

/** The roster's filters from a query string; unknown values are ignored. */
export function staffFilterFrom(search: URLSearchParams): StaffFilter {
  const yesNo = (v: string | null) => (v === "yes" || v === "no" ? v : undefined);
  return {
    team: search.get("team") || undefined,
    discipline: search.get("discipline") || undefined,
    inScope: yesNo(search.get("inScope")),
    inPost: yesNo(search.get("inPost")),
  };
}
