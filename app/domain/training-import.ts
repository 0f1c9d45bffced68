import { z } from "zod";
import type { IsoDate } from "./dates";
import { BOOKING_STATUSES, DISCIPLINES, parseBookingStatus, parseCsvDate, parseDiscipline, parseSessionMode, parseYesNo, type BookingStatus, type Discipline, type SessionMode } from "./training";

/**
 * CSV imports of the staff roster and of attendance, as a council's HR or learning system exports
 * them. Rows are checked one by one (the zod schemas), then against the authority's records (the
 * plans): every problem is reported by line, and the plan says what applying would create, update
 * or leave unchanged. The external reference is the key, so importing the same file twice changes
 * nothing the second time.
 */

export interface ImportIssue {
  line: number;
  column?: string;
  message: string;
}

export type ImportAction = "create" | "update" | "unchanged";

// In ./training, so that the import pages show them without this module's zod schemas.
export { MAX_IMPORT_ROWS, TRAINING_IMPORT_KINDS, type TrainingImportKind } from "./training";

export const STAFF_COLUMNS = ["external_ref", "name", "discipline", "team", "start_date", "leave_date", "in_scope"] as const;
export const STAFF_REQUIRED_COLUMNS = ["external_ref", "discipline"];
export const ATTENDANCE_COLUMNS = ["external_ref", "course", "session_date", "end_date", "status", "mode"] as const;
export const ATTENDANCE_REQUIRED_COLUMNS = ["external_ref", "course", "session_date", "status"];


const required = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `Must be ${max} characters or fewer`);

const optionalText = (max: number) => z.string().trim().max(max, `Must be ${max} characters or fewer`).optional();

function choice<T>(parse: (v: string) => T | null, explain: (v: string) => string, what: string) {
  return z.string({ error: `Enter ${what}` }).transform((v, ctx) => {
    const parsed = parse(v);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: explain(v) });
      return z.NEVER;
    }
    return parsed;
  });
}

const csvDate = (what: string) => choice(parseCsvDate, (v) => `"${v}" is not a real date: use YYYY-MM-DD or DD/MM/YYYY`, what);
const disciplineNames = Object.values(DISCIPLINES).join(", ");

export const staffRowSchema = z
  .object({
    external_ref: required("the external reference", 100),
    name: optionalText(200),
    discipline: choice(parseDiscipline, (v) => `"${v}" is not a discipline: use one of ${disciplineNames}`, "the discipline"),
    team: optionalText(200),
    start_date: csvDate("the start date").optional(),
    leave_date: csvDate("the leave date").optional(),
    in_scope: choice(parseYesNo, (v) => `"${v}" is not yes or no`, "yes or no").optional(),
  })
  .refine((r) => !r.start_date || !r.leave_date || r.leave_date >= r.start_date, { path: ["leave_date"], message: "The leave date is before the start date" });
export type StaffRow = z.infer<typeof staffRowSchema>;

export const attendanceRowSchema = z
  .object({
    external_ref: required("the staff member's external reference", 100),
    course: required("the course code or name", 200),
    session_date: csvDate("the session date"),
    end_date: csvDate("the end date").optional(),
    status: choice(
      (v) => {
        const s = parseBookingStatus(v);
        return s === "cancelled" ? null : s;
      },
      (v) => `"${v}" is not a status: use attended, did not attend or booked`,
      "the status",
    ),
    mode: choice(parseSessionMode, (v) => `"${v}" is not a mode: use in person or virtual`, "the mode").optional(),
  })
  .refine((r) => !r.end_date || r.end_date >= r.session_date, { path: ["end_date"], message: "The end date is before the session date" });
export type AttendanceRow = z.infer<typeof attendanceRowSchema>;

export interface StaffValues {
  externalRef: string;
  name: string;
  discipline: Discipline;
  teamId: string | null;
  startDate: IsoDate | null;
  leaveDate: IsoDate | null;
  inScope: boolean;
}

export interface ExistingStaff extends Omit<StaffValues, "discipline"> {
  id: string;
  discipline: string;
}

export interface StaffChange {
  line: number;
  action: ImportAction;
  values: StaffValues;
  existing: ExistingStaff | null;
}

const key = (v: string) => v.trim().toLowerCase();

function sameStaff(a: StaffValues, b: ExistingStaff): boolean {
  return a.name === b.name && a.discipline === b.discipline && a.teamId === b.teamId && a.startDate === b.startDate && a.leaveDate === b.leaveDate && a.inScope === b.inScope;
}

function duplicateCheck<K>(issues: ImportIssue[], column: string, describe: string) {
  const seen = new Map<K, number>();
  return (k: K, line: number): boolean => {
    const first = seen.get(k);
    if (first !== undefined) {
      issues.push({ line, column, message: `${describe} is also on line ${first}` });
      return false;
    }
    seen.set(k, line);
    return true;
  };
}

/**
 * What a staff file would do. Columns left out of the file keep what is recorded; in a column
 * that is there, a blank team or date means none, while a blank name keeps the recorded name (a
 * new person is named by their reference) and a blank in_scope keeps the recorded value (new: yes).
 */
export function planStaffImport(
  rows: Array<{ line: number; value: StaffRow }>,
  headers: string[],
  lookups: { teams: Array<{ id: string; name: string }>; existing: ExistingStaff[] },
): { issues: ImportIssue[]; changes: StaffChange[] } {
  const issues: ImportIssue[] = [];
  const changes: StaffChange[] = [];
  const teamByName = new Map(lookups.teams.map((t) => [key(t.name), t.id]));
  const teamNames = lookups.teams.map((t) => t.name).join(", ");
  const byRef = new Map(lookups.existing.map((s) => [s.externalRef, s]));
  const has = (column: string) => headers.includes(column);
  const firstTime = duplicateCheck<string>(issues, "external_ref", "This external reference");
  for (const { line, value: r } of rows) {
    if (!firstTime(r.external_ref, line)) continue;
    let teamId: string | null = null;
    if (r.team) {
      teamId = teamByName.get(key(r.team)) ?? null;
      if (!teamId) {
        issues.push({ line, column: "team", message: teamNames ? `No team called "${r.team}": the teams are ${teamNames}` : `No team called "${r.team}": this authority has no teams yet` });
        continue;
      }
    }
    const existing = byRef.get(r.external_ref) ?? null;
    const values: StaffValues = {
      externalRef: r.external_ref,
      name: r.name || existing?.name || r.external_ref,
      discipline: r.discipline,
      teamId: has("team") ? teamId : (existing?.teamId ?? null),
      startDate: has("start_date") ? (r.start_date ?? null) : (existing?.startDate ?? null),
      leaveDate: has("leave_date") ? (r.leave_date ?? null) : (existing?.leaveDate ?? null),
      inScope: r.in_scope ?? existing?.inScope ?? true,
    };
    if (values.startDate && values.leaveDate && values.leaveDate < values.startDate) {
      issues.push({ line, column: has("leave_date") ? "leave_date" : "start_date", message: "The leave date would be before the start date" });
      continue;
    }
    const action: ImportAction = !existing ? "create" : sameStaff(values, existing) ? "unchanged" : "update";
    changes.push({ line, action, values, existing });
  }
  return { issues, changes };
}

export interface SessionFacts {
  id: string;
  courseId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  mode: string;
}

export interface NewSession {
  key: string;
  courseId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  mode: SessionMode;
}

export interface AttendanceChange {
  line: number;
  action: ImportAction;
  staffMemberId: string;
  /** An existing session's id, or the key of a session the import creates. */
  sessionId: string | null;
  newSessionKey: string | null;
  status: BookingStatus;
  bookingId: string | null;
  previousStatus: string | null;
}

/**
 * What an attendance file would do. Each row finds the session of its course that starts on
 * session_date (the one the person is already booked on, if there are several), or creates it
 * (with the first end date and mode its rows give; in person unless a mode is given). A person
 * already recorded with the same status is unchanged.
 */
export function planAttendanceImport(
  rows: Array<{ line: number; value: AttendanceRow }>,
  lookups: {
    staff: Array<{ id: string; externalRef: string }>;
    courses: Array<{ id: string; code: string; name: string }>;
    sessions: SessionFacts[];
    bookings: Array<{ id: string; sessionId: string; staffMemberId: string; status: string }>;
  },
): { issues: ImportIssue[]; newSessions: NewSession[]; changes: AttendanceChange[] } {
  const issues: ImportIssue[] = [];
  const changes: AttendanceChange[] = [];
  const newSessions = new Map<string, NewSession & { line: number; modeGiven: boolean }>();
  const staffByRef = new Map(lookups.staff.map((s) => [s.externalRef, s.id]));
  const courseByKey = new Map<string, string>();
  for (const c of lookups.courses) {
    courseByKey.set(key(c.name), c.id);
    courseByKey.set(key(c.code), c.id);
  }
  const courseCodes = lookups.courses.map((c) => c.code).join(", ");
  const sessionsByDay = new Map<string, SessionFacts[]>();
  for (const s of lookups.sessions) {
    const k = `${s.courseId}|${s.startDate}`;
    sessionsByDay.set(k, [...(sessionsByDay.get(k) ?? []), s]);
  }
  const bookingOf = new Map(lookups.bookings.map((b) => [`${b.sessionId}|${b.staffMemberId}`, b]));
  const firstTime = duplicateCheck<string>(issues, "external_ref", "This person's attendance at this session");

  for (const { line, value: r } of rows) {
    const staffMemberId = staffByRef.get(r.external_ref);
    const courseId = courseByKey.get(key(r.course));
    if (!staffMemberId) issues.push({ line, column: "external_ref", message: `No staff member has the reference "${r.external_ref}": import the staff first` });
    if (!courseId) issues.push({ line, column: "course", message: `No course "${r.course}": use a course code (${courseCodes}) or its name` });
    if (!staffMemberId || !courseId) continue;
    const dayKey = `${courseId}|${r.session_date}`;
    const candidates = sessionsByDay.get(dayKey) ?? [];
    const session = candidates.find((s) => bookingOf.has(`${s.id}|${staffMemberId}`)) ?? candidates[0];
    if (!session) {
      const planned = newSessions.get(dayKey);
      if (!planned) newSessions.set(dayKey, { key: dayKey, courseId, startDate: r.session_date, endDate: r.end_date ?? null, mode: r.mode ?? "in-person", line, modeGiven: Boolean(r.mode) });
      else if (r.end_date && planned.endDate && r.end_date !== planned.endDate) {
        issues.push({ line, column: "end_date", message: `This session's end date is ${planned.endDate} on line ${planned.line}` });
        continue;
      } else {
        // The first row to give an end date or a mode sets it for the new session.
        if (r.end_date && !planned.endDate) Object.assign(planned, { endDate: r.end_date, line });
        if (r.mode && !planned.modeGiven) Object.assign(planned, { mode: r.mode, modeGiven: true });
      }
    }
    if (!firstTime(`${session?.id ?? dayKey}|${staffMemberId}`, line)) continue;
    const booking = session ? bookingOf.get(`${session.id}|${staffMemberId}`) : undefined;
    changes.push({
      line,
      action: !booking ? "create" : booking.status === r.status ? "unchanged" : "update",
      staffMemberId,
      sessionId: session?.id ?? null,
      newSessionKey: session ? null : dayKey,
      status: r.status,
      bookingId: booking?.id ?? null,
      previousStatus: booking?.status ?? null,
    });
  }
  return { issues, newSessions: [...newSessions.values()].map(({ line: _line, modeGiven: _mode, ...s }) => s), changes };
}

/** Created / updated / unchanged counts of a plan. */
export function countActions(changes: Array<{ action: ImportAction }>): Record<ImportAction, number> {
  const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0 };
  for (const c of changes) counts[c.action] += 1;
  return counts;
}

export const STATUS_NAMES_FOR_CSV: Record<BookingStatus, string> = Object.fromEntries(Object.entries(BOOKING_STATUSES).map(([k, label]) => [k, label.toLowerCase()])) as Record<BookingStatus, string>;
