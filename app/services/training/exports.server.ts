import { and, asc, eq, ne } from "drizzle-orm";
import { booking, course, staffMember, trainingSession, workshopRequirement } from "../../../db/schema";
import { toCsv, type CsvColumn } from "../../csv.server";
import type { IsoDate } from "../../domain/dates";
import { courseKindLabel, DISCIPLINES, disciplineLabel } from "../../domain/training";
import { STATUS_NAMES_FOR_CSV } from "../../domain/training-import";
import type { StaffFilter } from "../../domain/training-progress";
import type { BookingStatus } from "../../domain/training";
import { inTenant, type TenantScope } from "../scope.server";
import { listCourses } from "./courses.server";
import { loadTrainingOverview } from "./overview.server";
import { listStaff, type RosterRow } from "./staff.server";
import type { ThresholdOverrides } from "./training-facts.server";

export const TRAINING_EXPORTS = ["gaps", "staff", "courses", "sessions", "attendance", "requirements", "staff-template", "attendance-template"] as const;
export type TrainingExport = (typeof TRAINING_EXPORTS)[number];

const yesNo = (v: boolean) => (v ? "yes" : "no");

/** The roster in the import's own columns (so an export can be edited and imported back), plus its position on the date. */
const STAFF_COLUMNS: CsvColumn<RosterRow>[] = [
  { header: "external_ref", value: (r) => r.externalRef },
  { header: "name", value: (r) => r.name },
  { header: "discipline", value: (r) => disciplineLabel(r.discipline) },
  { header: "team", value: (r) => r.team },
  { header: "start_date", value: (r) => r.startDate },
  { header: "leave_date", value: (r) => r.leaveDate },
  { header: "in_scope", value: (r) => yesNo(r.inScope) },
  { header: "in_post", value: (r) => yesNo(r.inPost) },
  { header: "mi_completed_on", value: (r) => r.miCompletedOn },
  { header: "workshops_missing", value: (r) => (r.counted ? r.missingWorkshops.join("; ") : "") },
];

const ATTENDANCE_HEADERS = ["external_ref", "name", "course", "session_date", "end_date", "status", "mode"];

/** Every list on the training pages as CSV, filtered as the page is. */
export async function trainingCsv(scope: TenantScope, overrides: ThresholdOverrides, list: TrainingExport, params: { asOf: IsoDate; filter: StaffFilter; courseId?: string; sessionId?: string }): Promise<string> {
  switch (list) {
    case "gaps": {
      const o = await loadTrainingOverview(scope, overrides, params.asOf);
      return toCsv(o.gaps, [
        { header: "external_ref", value: (g) => g.externalRef },
        { header: "name", value: (g) => g.name },
        { header: "team", value: (g) => g.team },
        { header: "discipline", value: (g) => g.discipline },
        { header: "needs_mi", value: (g) => yesNo(g.needsMi) },
        { header: "workshops_missing", value: (g) => g.missingWorkshops.map((w) => w.name).join("; ") },
        { header: "booked", value: (g) => g.planned.map((p) => `${p.course} ${p.startDate}${p.status === "attended" ? " (attended)" : ""}`).join("; ") },
      ]);
    }
    case "staff": {
      const { rows } = await listStaff(scope, overrides, params.filter, params.asOf);
      return toCsv(rows, STAFF_COLUMNS);
    }
    case "courses": {
      const rows = await listCourses(scope, params.asOf);
      return toCsv(rows, [
        { header: "code", value: (c) => c.code },
        { header: "name", value: (c) => c.name },
        { header: "kind", value: (c) => courseKindLabel(c.kind) },
        { header: "duration_days", value: (c) => c.durationDays },
        { header: "audience", value: (c) => c.audience },
        { header: "active", value: (c) => yesNo(c.active) },
        { header: "sessions_held", value: (c) => c.held },
        { header: "sessions_coming", value: (c) => c.upcoming },
        { header: "attended", value: (c) => c.attended },
      ]);
    }
    case "sessions":
      return sessionsCsv(scope, params.courseId);
    case "attendance":
      return attendanceCsv(scope, params.sessionId);
    case "requirements":
      return requirementsCsv(scope);
    case "staff-template":
      return toCsv(
        [
          ["FS-0101", "Social worker 101", "Social worker", "", "2021-01-04", "", "yes"],
          ["FS-0102", "Team manager 102", "team-manager", "", "04/01/2021", "31/03/2022", "yes"],
        ],
        ["external_ref", "name", "discipline", "team", "start_date", "leave_date", "in_scope"].map((header, i) => ({ header, value: (r: string[]) => r[i] })),
      );
    case "attendance-template":
      return toCsv(
        [
          ["FS-0101", "Social worker 101", "mi", "2021-03-01", "2021-03-02", "attended", "virtual"],
          ["FS-0102", "Team manager 102", "What is Family Safeguarding? (with an introduction to MI)", "15/03/2021", "", "did not attend", "in person"],
        ],
        ATTENDANCE_HEADERS.map((header, i) => ({ header, value: (r: string[]) => r[i] })),
      );
  }
}

async function sessionsCsv(scope: TenantScope, courseId?: string) {
  const rows = await inTenant(scope, async (tx) => {
    const [sessions, places] = await Promise.all([
      tx
        .select({ id: trainingSession.id, code: course.code, course: course.name, startDate: trainingSession.startDate, endDate: trainingSession.endDate, mode: trainingSession.mode, facilitator: trainingSession.facilitator, capacity: trainingSession.capacity, location: trainingSession.location })
        .from(trainingSession)
        .innerJoin(course, eq(course.id, trainingSession.courseId))
        .where(and(eq(trainingSession.authorityId, scope.authorityId), courseId ? eq(trainingSession.courseId, courseId) : undefined))
        .orderBy(asc(trainingSession.startDate), asc(course.sortOrder)),
      tx.select({ sessionId: booking.sessionId, status: booking.status }).from(booking).where(eq(booking.authorityId, scope.authorityId)),
    ]);
    const counts = new Map<string, Record<string, number>>();
    for (const p of places) {
      const c = counts.get(p.sessionId) ?? {};
      c[p.status] = (c[p.status] ?? 0) + 1;
      counts.set(p.sessionId, c);
    }
    return sessions.map((s) => ({ ...s, counts: counts.get(s.id) ?? {} }));
  });
  return toCsv(rows, [
    { header: "course_code", value: (s) => s.code },
    { header: "course", value: (s) => s.course },
    { header: "start_date", value: (s) => s.startDate },
    { header: "end_date", value: (s) => s.endDate },
    { header: "mode", value: (s) => s.mode },
    { header: "facilitator", value: (s) => s.facilitator },
    { header: "capacity", value: (s) => s.capacity },
    { header: "location", value: (s) => s.location },
    ...(Object.keys(STATUS_NAMES_FOR_CSV) as BookingStatus[]).map((status) => ({ header: STATUS_NAMES_FOR_CSV[status].replace(/ /g, "_"), value: (s: (typeof rows)[number]) => s.counts[status] ?? 0 })),
  ]);
}

/** Attendance in the attendance import's columns: importing it back changes nothing. Cancelled places are left out. */
async function attendanceCsv(scope: TenantScope, sessionId?: string) {
  const rows = await inTenant(scope, (tx) =>
    tx
      .select({ ref: staffMember.externalRef, name: staffMember.name, code: course.code, startDate: trainingSession.startDate, endDate: trainingSession.endDate, status: booking.status, mode: trainingSession.mode })
      .from(booking)
      .innerJoin(trainingSession, eq(trainingSession.id, booking.sessionId))
      .innerJoin(course, eq(course.id, trainingSession.courseId))
      .innerJoin(staffMember, eq(staffMember.id, booking.staffMemberId))
      .where(and(eq(booking.authorityId, scope.authorityId), ne(booking.status, "cancelled"), sessionId ? eq(booking.sessionId, sessionId) : undefined))
      .orderBy(asc(trainingSession.startDate), asc(course.sortOrder), asc(staffMember.externalRef)),
  );
  return toCsv(rows, [
    { header: "external_ref", value: (r) => r.ref },
    { header: "name", value: (r) => r.name },
    { header: "course", value: (r) => r.code },
    { header: "session_date", value: (r) => r.startDate },
    { header: "end_date", value: (r) => r.endDate },
    { header: "status", value: (r) => STATUS_NAMES_FOR_CSV[r.status as BookingStatus] ?? r.status },
    { header: "mode", value: (r) => r.mode },
  ]);
}

/** The requirement matrix: a row per discipline, a column per course, "yes" where required. */
async function requirementsCsv(scope: TenantScope) {
  const { courses, required } = await inTenant(scope, async (tx) => {
    const [courses, rows] = await Promise.all([
      tx.select({ id: course.id, code: course.code }).from(course).where(and(eq(course.authorityId, scope.authorityId), ne(course.kind, "mi"))).orderBy(asc(course.sortOrder), asc(course.name)),
      tx.select({ discipline: workshopRequirement.discipline, courseId: workshopRequirement.courseId }).from(workshopRequirement).where(eq(workshopRequirement.authorityId, scope.authorityId)),
    ]);
    return { courses, required: new Set(rows.map((r) => `${r.discipline}:${r.courseId}`)) };
  });
  return toCsv(Object.keys(DISCIPLINES), [
    { header: "discipline", value: (d) => disciplineLabel(d) },
    ...courses.map((c) => ({ header: c.code, value: (d: string) => (required.has(`${d}:${c.id}`) ? "yes" : "") })),
  ]);
}
