import { format as formatDateFns, isValid, parse as parseDate } from "date-fns";
import { isIsoDate, type IsoDate } from "./dates";

export const DISCIPLINES = {
  "social-worker": "Social worker",
  "team-manager": "Team manager",
  "adult-specialist": "Adult specialist",
  "business-support": "Business support",
  other: "Other",
} as const;
export type Discipline = keyof typeof DISCIPLINES;

export function disciplineLabel(d: string): string {
  return (DISCIPLINES as Record<string, string>)[d] ?? d;
}

export interface CourseDefinition {
  code: string;
  name: string;
  kind: "mi" | "workshop";
  audience: string;
  durationDays: number;
}

/**
 * Motivational Interviewing (a two-day course) and the eight Practice and Change workshops, set up
 * for every authority. Names and audiences paraphrase the programme's own descriptions.
 */
export const STANDARD_COURSES: CourseDefinition[] = [
  { code: "mi", name: "Motivational Interviewing", kind: "mi", audience: "All Family Safeguarding staff", durationDays: 2 },
  { code: "ws1", name: "What is Family Safeguarding? (with an introduction to MI)", kind: "workshop", audience: "Everyone", durationDays: 1 },
  { code: "ws2", name: "Thresholds, duties and family rights", kind: "workshop", audience: "Practitioners", durationDays: 1 },
  { code: "ws3", name: "Leading multi-disciplinary teams and leading change", kind: "workshop", audience: "Managers", durationDays: 1 },
  { code: "ws4", name: "Reflective auditing", kind: "workshop", audience: "Managers", durationDays: 1 },
  { code: "ws5", name: "IT Workbook and recording", kind: "workshop", audience: "Practitioners new to FS; FS case supervision", durationDays: 1 },
  { code: "ws6", name: "FS parenting and intervention programme", kind: "workshop", audience: "Practitioners using the modules", durationDays: 1 },
  { code: "ws7", name: "Combined IT Workbook and family programme", kind: "workshop", audience: "Assessment teams", durationDays: 1 },
  { code: "ws8", name: "Administering and supporting FS teams", kind: "workshop", audience: "Business support workers", durationDays: 1 },
];

/**
 * Which workshops each discipline needs, by default, read from the audiences: everyone attends
 * workshop 1; practitioners (social workers, adult specialists) 2, 5 and 6; managers 3 and 4, and 5
 * for case supervision; business support 8. Workshop 7 is for assessment teams: an authority adds
 * it where it applies. Editable per authority.
 */
export const DEFAULT_REQUIREMENTS: Record<Discipline, string[]> = {
  "social-worker": ["ws1", "ws2", "ws5", "ws6"],
  "adult-specialist": ["ws1", "ws2", "ws5", "ws6"],
  "team-manager": ["ws1", "ws3", "ws4", "ws5"],
  "business-support": ["ws1", "ws8"],
  other: ["ws1"],
};

export interface StaffFacts {
  id: string;
  name: string;
  discipline: string;
  teamId: string | null;
  startDate: IsoDate | null;
  leaveDate: IsoDate | null;
  inScope: boolean;
}

/** In post from the start date to the leave date (the last day), both inclusive. */
export function isStaffInPost(s: Pick<StaffFacts, "startDate" | "leaveDate">, date: IsoDate): boolean {
  return (!s.startDate || s.startDate <= date) && (!s.leaveDate || date <= s.leaveDate);
}

export interface AttendanceFacts {
  staffMemberId: string;
  courseId: string;
  /** The session's last day: when the course counts as done. */
  completesOn: IsoDate;
  /** attended | booked | did-not-attend | cancelled */
  status: string;
}

/**
 * Courses a person has completed by a date (attended a session that ended on or before it). For a
 * forecast made on `plansFrom`, places booked on sessions ending after that day count as attended;
 * a booked place on a session already over is not assumed (its attendance is simply not recorded).
 */
export function completedCourses(attendance: AttendanceFacts[], date: IsoDate, plansFrom: IsoDate | null = null): Map<string, Set<string>> {
  const done = new Map<string, Set<string>>();
  for (const a of attendance) {
    if (a.completesOn > date) continue;
    const plannedAttendance = plansFrom !== null && a.status === "booked" && a.completesOn > plansFrom;
    if (a.status !== "attended" && !plannedAttendance) continue;
    const set = done.get(a.staffMemberId) ?? new Set<string>();
    set.add(a.courseId);
    done.set(a.staffMemberId, set);
  }
  return done;
}

/** What a training import file holds. */
export const TRAINING_IMPORT_KINDS = { staff: "Staff roster", attendance: "Attendance" } as const;
export type TrainingImportKind = keyof typeof TRAINING_IMPORT_KINDS;

/** The most rows one import file may hold. */
export const MAX_IMPORT_ROWS = 10_000;

export const COURSE_KINDS = { mi: "Motivational Interviewing", workshop: "Practice and Change workshop", custom: "Local course" } as const;
export type CourseKind = keyof typeof COURSE_KINDS;

export function courseKindLabel(kind: string): string {
  return (COURSE_KINDS as Record<string, string>)[kind] ?? kind;
}

export const SESSION_MODES = { "in-person": "In person", virtual: "Virtual" } as const;
export type SessionMode = keyof typeof SESSION_MODES;

export function sessionModeLabel(mode: string): string {
  return (SESSION_MODES as Record<string, string>)[mode] ?? mode;
}

export const BOOKING_STATUSES = { booked: "Booked", attended: "Attended", "did-not-attend": "Did not attend", cancelled: "Cancelled" } as const;
export type BookingStatus = keyof typeof BOOKING_STATUSES;

export function bookingStatusLabel(status: string): string {
  return (BOOKING_STATUSES as Record<string, string>)[status] ?? status;
}

/** A booking holds a place on its session unless it was cancelled (a no-show still took the place). */
export function holdsPlace(status: string): boolean {
  return status !== "cancelled";
}

/** Places left on a session; null when the session has no capacity limit. */
export function placesLeft(capacity: number | null, placesTaken: number): number | null {
  return capacity == null ? null : Math.max(0, capacity - placesTaken);
}

/** The day a session's course counts as done: its last day (day two of a two-day MI course). */
export function sessionLastDay(s: { startDate: IsoDate; endDate: IsoDate | null }): IsoDate {
  return s.endDate ?? s.startDate;
}

// Values as people type them in spreadsheets: case, spaces, hyphens and underscores do not matter.
function loose(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

function lookup<K extends string>(labels: Record<K, string>, value: string, aliases: Record<string, K> = {}): K | null {
  const wanted = loose(value);
  for (const [key, label] of Object.entries(labels) as Array<[K, string]>) {
    if (loose(key) === wanted || loose(label) === wanted) return key;
  }
  return aliases[wanted] ?? null;
}

/** A discipline from a key ("social-worker") or a label ("Social worker"), in any case. */
export function parseDiscipline(value: string): Discipline | null {
  return lookup(DISCIPLINES, value);
}

/** A booking status from a key or label; "DNA" and "no show" are the usual shorthand for did not attend. */
export function parseBookingStatus(value: string): BookingStatus | null {
  return lookup(BOOKING_STATUSES, value, { dna: "did-not-attend", "no show": "did-not-attend", canceled: "cancelled" });
}

/** A session mode: "in person" (or face to face) or "virtual" (or online). */
export function parseSessionMode(value: string): SessionMode | null {
  return lookup(SESSION_MODES, value, { "face to face": "in-person", online: "virtual", remote: "virtual" });
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

/** yes/no, y/n, true/false, 1/0 in any case; null for anything else. */
export function parseYesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  return YES.has(v) ? true : NO.has(v) ? false : null;
}

const DATE_FORMATS: Array<{ pattern: RegExp; format: string }> = [
  { pattern: /^\d{4}-\d{2}-\d{2}$/, format: "yyyy-MM-dd" },
  { pattern: /^\d{1,2}\/\d{1,2}\/\d{4}$/, format: "d/M/yyyy" },
];

/**
 * A date as spreadsheets write it: ISO (2021-05-31) or UK (31/05/2021, 1/9/2020). Impossible dates
 * (31/02/2021) and years outside 1900 to 2199 are refused: null.
 */
export function parseCsvDate(value: string): IsoDate | null {
  const v = value.trim();
  const known = DATE_FORMATS.find((f) => f.pattern.test(v));
  if (!known) return null;
  const parsed = parseDate(v, known.format, new Date(2000, 0, 1));
  if (!isValid(parsed)) return null;
  const iso = formatDateFns(parsed, "yyyy-MM-dd");
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year < 2200 ? iso : null;
}

/**
 * A reference for someone added by hand, after the highest "FS-0001"-style reference in use. HR
 * references from imports follow their own pattern and are left alone.
 */
export function nextStaffRef(existing: string[], prefix = "FS"): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  const highest = existing.reduce((max, ref) => {
    const m = pattern.exec(ref);
    return m ? Math.max(max, Number(m[1])) : max;
  }, 0);
  return `${prefix}-${String(highest + 1).padStart(4, "0")}`;
}

/** A stable code for an authority's own course, from its name ("Trauma-informed practice" → "trauma-informed-practice"), unique among the codes in use. */
export function courseCodeFor(name: string, existing: string[]): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "course";
  const taken = new Set(existing);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** The as-of date of a page: a valid `?asOf=` or today. */
export function asOfDate(param: string | null | undefined, today: IsoDate): IsoDate {
  return param && isIsoDate(param) ? param : today;
}

/** A requirement matrix as "discipline:courseId" pairs, sorted: what the grid's checkboxes submit. */
export function requirementPairs(requirements: Record<string, string[]>): string[] {
  return Object.entries(requirements)
    .flatMap(([discipline, ids]) => ids.map((id) => `${discipline}:${id}`))
    .sort();
}

/** Pairs back to discipline → course ids; pairs naming an unknown discipline or course are dropped. */
export function requirementsFromPairs(pairs: string[], courseIds: string[]): Record<Discipline, string[]> {
  const known = new Set(courseIds);
  const result = Object.fromEntries(Object.keys(DISCIPLINES).map((d) => [d, [] as string[]])) as Record<Discipline, string[]>;
  for (const pair of new Set(pairs)) {
    const [discipline, courseId] = pair.split(":");
    if (discipline in result && known.has(courseId)) result[discipline as Discipline].push(courseId);
  }
  for (const ids of Object.values(result)) ids.sort();
  return result;
}

/** The default matrix (DEFAULT_REQUIREMENTS) for an authority's own course ids. */
export function defaultRequirements(courses: Array<{ id: string; code: string }>): Record<Discipline, string[]> {
  const idByCode = new Map(courses.map((c) => [c.code, c.id]));
  const pairs = Object.entries(DEFAULT_REQUIREMENTS).flatMap(([d, codes]) => codes.flatMap((code) => (idByCode.has(code) ? [`${d}:${idByCode.get(code)}`] : [])));
  return requirementsFromPairs(pairs, [...idByCode.values()]);
}

/** A matrix described by course codes, for the audit trail (ids mean nothing to a reader). */
export function requirementsByCode(requirements: Record<string, string[]>, courses: Array<{ id: string; code: string }>): Record<string, string[]> {
  const codeById = new Map(courses.map((c) => [c.id, c.code]));
  return Object.fromEntries(Object.entries(requirements).map(([d, ids]) => [d, ids.map((id) => codeById.get(id) ?? id).sort()]));
}
