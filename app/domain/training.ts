import type { IsoDate } from "./dates";

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
 * Courses a person has completed by a date (attended a session that ended on or before it). With
 * `assumeBookedAttend`, booked places count too, for the forecast.
 */
export function completedCourses(attendance: AttendanceFacts[], date: IsoDate, assumeBookedAttend = false): Map<string, Set<string>> {
  const done = new Map<string, Set<string>>();
  for (const a of attendance) {
    if (a.completesOn > date) continue;
    if (a.status !== "attended" && !(assumeBookedAttend && a.status === "booked")) continue;
    const set = done.get(a.staffMemberId) ?? new Set<string>();
    set.add(a.courseId);
    done.set(a.staffMemberId, set);
  }
  return done;
}
