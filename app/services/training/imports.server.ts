import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../../db/client";
import { booking, course, importBatch, staffMember, team, trainingSession } from "../../../db/schema";
import { CsvFormatError, parseCsv, validateRows, type ParsedCsv } from "../../csv.server";
import {
  ATTENDANCE_REQUIRED_COLUMNS,
  attendanceRowSchema,
  countActions,
  MAX_IMPORT_ROWS,
  planAttendanceImport,
  planStaffImport,
  STAFF_REQUIRED_COLUMNS,
  staffRowSchema,
  type AttendanceChange,
  type ImportAction,
  type ImportIssue,
  type NewSession,
  type StaffChange,
  TRAINING_IMPORT_KINDS,
  type TrainingImportKind,
} from "../../domain/training-import";
import { formatDate } from "../../domain/dates";
import { bookingStatusLabel, disciplineLabel } from "../../domain/training";
import { InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { claimImportBatch, saveImportPreview } from "../imports/import-batches.server";
import { inTenant, type TenantScope } from "../scope.server";

const BATCH_KIND: Record<TrainingImportKind, string> = { staff: "training-staff", attendance: "training-attendance" };
const KIND_OF_BATCH = Object.fromEntries(Object.entries(BATCH_KIND).map(([k, v]) => [v, k])) as Record<string, TrainingImportKind>;

/** Rows written per statement. */
const CHUNK = 5000;

export interface SampleRow {
  line: number;
  action: ImportAction;
  externalRef: string;
  description: string;
}

type Analysis = { issues: ImportIssue[]; sample: SampleRow[] } & (
  | { kind: "staff"; changes: StaffChange[]; newSessions: [] }
  | { kind: "attendance"; changes: AttendanceChange[]; newSessions: NewSession[] }
);

/** How many rows of the plan the preview shows. */
const SAMPLE_SIZE = 20;

function parse(text: string): ParsedCsv {
  try {
    return parseCsv(text, { maxRows: MAX_IMPORT_ROWS });
  } catch (error) {
    if (error instanceof CsvFormatError) throw new InvalidError(error.message, { file: error.message });
    throw error;
  }
}

const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line;

/** Checks a file against the authority's records as they are now: a fixed number of queries whatever its length. */
async function analyse(tx: Executor, authorityId: string, kind: TrainingImportKind, text: string): Promise<Analysis> {
  const parsed = parse(text);
  if (kind === "staff") {
    const { valid, issues } = validateRows(parsed, staffRowSchema, STAFF_REQUIRED_COLUMNS);
    const [teams, existing] = await Promise.all([
      tx.select({ id: team.id, name: team.name }).from(team).where(eq(team.authorityId, authorityId)).orderBy(asc(team.sortOrder), asc(team.name)),
      tx
        .select({ id: staffMember.id, externalRef: staffMember.externalRef, name: staffMember.name, discipline: staffMember.discipline, teamId: staffMember.teamId, startDate: staffMember.startDate, leaveDate: staffMember.leaveDate, inScope: staffMember.inScope })
        .from(staffMember)
        .where(eq(staffMember.authorityId, authorityId)),
    ]);
    const plan = planStaffImport(valid, parsed.headers, { teams, existing });
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const sample = plan.changes.slice(0, SAMPLE_SIZE).map((c) => ({
      line: c.line,
      action: c.action,
      externalRef: c.values.externalRef,
      description: [c.values.name, disciplineLabel(c.values.discipline), c.values.teamId ? teamName.get(c.values.teamId) : "no team", c.values.leaveDate ? `left ${formatDate(c.values.leaveDate)}` : null, c.values.inScope ? null : "not in scope"].filter(Boolean).join(", "),
    }));
    return { kind, issues: [...issues, ...plan.issues].sort(byLine), changes: plan.changes, newSessions: [], sample };
  }
  const { valid, issues } = validateRows(parsed, attendanceRowSchema, ATTENDANCE_REQUIRED_COLUMNS);
  const [staff, courses, sessions, bookings] = await Promise.all([
    tx.select({ id: staffMember.id, externalRef: staffMember.externalRef }).from(staffMember).where(eq(staffMember.authorityId, authorityId)),
    tx.select({ id: course.id, code: course.code, name: course.name }).from(course).where(eq(course.authorityId, authorityId)),
    tx
      .select({ id: trainingSession.id, courseId: trainingSession.courseId, startDate: trainingSession.startDate, endDate: trainingSession.endDate, mode: trainingSession.mode })
      .from(trainingSession)
      .where(eq(trainingSession.authorityId, authorityId))
      .orderBy(asc(trainingSession.createdAt), asc(trainingSession.id)),
    tx.select({ id: booking.id, sessionId: booking.sessionId, staffMemberId: booking.staffMemberId, status: booking.status }).from(booking).where(eq(booking.authorityId, authorityId)),
  ]);
  const plan = planAttendanceImport(valid, { staff, courses, sessions, bookings });
  const refOf = new Map(staff.map((s) => [s.id, s.externalRef]));
  const courseName = new Map(courses.map((c) => [c.id, c.name]));
  const sessionOf = new Map([...sessions.map((s) => [s.id, s] as const), ...plan.newSessions.map((s) => [s.key, { ...s, id: s.key }] as const)]);
  const sample = plan.changes.slice(0, SAMPLE_SIZE).map((c) => {
    const session = sessionOf.get(c.sessionId ?? c.newSessionKey!)!;
    return {
      line: c.line,
      action: c.action,
      externalRef: refOf.get(c.staffMemberId) ?? "",
      description: `${bookingStatusLabel(c.status)}: ${courseName.get(session.courseId)}, ${formatDate(session.startDate)}${c.newSessionKey ? " (new session)" : ""}${c.previousStatus && c.previousStatus !== c.status ? `; was ${bookingStatusLabel(c.previousStatus).toLowerCase()}` : ""}`,
    };
  });
  return { kind, issues: [...issues, ...plan.issues].sort(byLine), changes: plan.changes, newSessions: plan.newSessions, sample };
}

export function isTrainingImportKind(value: unknown): value is TrainingImportKind {
  return typeof value === "string" && value in TRAINING_IMPORT_KINDS;
}

/** Step one: keep the uploaded file (nothing else is written) and return the batch to preview. */
export async function uploadTrainingImport(scope: TenantScope, kind: TrainingImportKind, filename: string, text: string): Promise<{ id: string }> {
  const parsed = parse(text);
  const batch = await saveImportPreview(scope, { kind: BATCH_KIND[kind], filename, content: text, rowCount: parsed.rows.length });
  return { id: batch.id };
}

function summaryOf(a: Analysis): Record<string, number> {
  const counts = countActions(a.changes);
  return { created: counts.create, updated: counts.update, unchanged: counts.unchanged, ...(a.kind === "attendance" ? { sessionsCreated: a.newSessions.length } : {}) };
}

export interface ImportPreview {
  id: string;
  kind: TrainingImportKind;
  filename: string;
  rowCount: number;
  status: string;
  createdAt: Date;
  appliedAt: Date | null;
  issues: ImportIssue[];
  /** What applying would do (previewed) or did (applied). */
  summary: Record<string, number>;
  /** The first rows of the plan, for the user to check. */
  sample: SampleRow[];
}

/** Step two: the preview, checked against the records as they are now. */
export async function previewTrainingImport(scope: TenantScope, batchId: string): Promise<ImportPreview> {
  return inTenant(scope, async (tx) => {
    const batch = await findTrainingBatch(tx, scope, batchId);
    const kind = KIND_OF_BATCH[batch.kind];
    const base = { id: batch.id, kind, filename: batch.filename, rowCount: batch.rowCount, status: batch.status, createdAt: batch.createdAt, appliedAt: batch.appliedAt };
    if (batch.status === "applied") return { ...base, issues: [], summary: (batch.summary as Record<string, number>) ?? {}, sample: [] };
    let analysis: Analysis;
    try {
      analysis = await analyse(tx, scope.authorityId, kind, batch.content);
    } catch (error) {
      if (error instanceof InvalidError) return { ...base, issues: [{ line: 1, message: error.message }], summary: {}, sample: [] };
      throw error;
    }
    return { ...base, issues: analysis.issues, summary: analysis.issues.length ? {} : summaryOf(analysis), sample: analysis.issues.length ? [] : analysis.sample };
  });
}

async function findTrainingBatch(tx: Tx, scope: TenantScope, batchId: string) {
  const [row] = await tx
    .select()
    .from(importBatch)
    .where(and(eq(importBatch.id, batchId), eq(importBatch.authorityId, scope.authorityId), inArray(importBatch.kind, Object.values(BATCH_KIND))))
    .limit(1);
  if (!row) throw new NotFoundError("Import not found");
  return row;
}

/**
 * Rows go to the database as one JSON parameter expanded by jsonb_to_recordset: a handful of
 * statements for 10,000 rows, and far faster than thousands of bound parameters.
 */
async function applyStaff(tx: Tx, scope: TenantScope, changes: StaffChange[]) {
  const writes = changes
    .filter((c) => c.action !== "unchanged")
    .map(({ values: v }) => ({ external_ref: v.externalRef, name: v.name, discipline: v.discipline, team_id: v.teamId, start_date: v.startDate, leave_date: v.leaveDate, in_scope: v.inScope }));
  for (let i = 0; i < writes.length; i += CHUNK) {
    await tx.execute(sql`
      insert into ${staffMember} (authority_id, external_ref, name, discipline, team_id, start_date, leave_date, in_scope, updated_at)
      select ${scope.authorityId}::uuid, x.external_ref, x.name, x.discipline, x.team_id, x.start_date, x.leave_date, x.in_scope, ${scope.now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(writes.slice(i, i + CHUNK))}::jsonb)
        as x(external_ref text, name text, discipline text, team_id uuid, start_date date, leave_date date, in_scope boolean)
      on conflict (authority_id, external_ref) do update set
        name = excluded.name, discipline = excluded.discipline, team_id = excluded.team_id, start_date = excluded.start_date,
        leave_date = excluded.leave_date, in_scope = excluded.in_scope, version = ${staffMember.version} + 1, updated_at = excluded.updated_at`);
  }
}

async function applyAttendance(tx: Tx, scope: TenantScope, changes: AttendanceChange[], newSessions: NewSession[]) {
  const created = newSessions.length
    ? await tx
        .insert(trainingSession)
        .values(newSessions.map((s) => ({ authorityId: scope.authorityId, courseId: s.courseId, startDate: s.startDate, endDate: s.endDate, mode: s.mode })))
        .returning({ id: trainingSession.id, courseId: trainingSession.courseId, startDate: trainingSession.startDate })
    : [];
  const sessionIdOf = new Map(created.map((s) => [`${s.courseId}|${s.startDate}`, s.id]));
  const writes = changes
    .filter((c) => c.action !== "unchanged")
    .map((c) => ({ session_id: c.sessionId ?? sessionIdOf.get(c.newSessionKey!)!, staff_member_id: c.staffMemberId, status: c.status }));
  for (let i = 0; i < writes.length; i += CHUNK) {
    await tx.execute(sql`
      insert into ${booking} (authority_id, session_id, staff_member_id, status, updated_at)
      select ${scope.authorityId}::uuid, x.session_id, x.staff_member_id, x.status, ${scope.now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(writes.slice(i, i + CHUNK))}::jsonb) as x(session_id uuid, staff_member_id uuid, status text)
      on conflict (session_id, staff_member_id) do update set status = excluded.status, version = ${booking.version} + 1, updated_at = excluded.updated_at`);
  }
}

/**
 * Step three: checks the file again against the records as they are now and applies every row in
 * one transaction, or none (any problem and nothing is written). One audit row for the batch, with
 * its counts; an import that changes nothing writes only the batch record.
 */
export async function applyTrainingImport(scope: TenantScope, batchId: string): Promise<{ kind: TrainingImportKind; summary: Record<string, number> }> {
  return inTenant(scope, async (tx) => {
    const batch = await findTrainingBatch(tx, scope, batchId);
    const kind = KIND_OF_BATCH[batch.kind];
    if (batch.status === "applied") throw new InvalidError("This import has already been applied.");
    const analysis = await analyse(tx, scope.authorityId, kind, batch.content);
    if (analysis.issues.length) throw new InvalidError(`The file has ${analysis.issues.length} ${analysis.issues.length === 1 ? "problem" : "problems"}: nothing has been imported.`);
    const summary = summaryOf(analysis);
    await claimImportBatch(tx, scope, batch.id, batch.kind, summary);
    if (analysis.kind === "staff") await applyStaff(tx, scope, analysis.changes);
    else await applyAttendance(tx, scope, analysis.changes, analysis.newSessions);
    if (summary.created + summary.updated + (summary.sessionsCreated ?? 0) > 0) {
      await recordAudit(tx, scope.actor, {
        authorityId: scope.authorityId,
        action: `training.${kind}-imported`,
        entityType: "import_batch",
        entityId: batch.id,
        after: { filename: batch.filename, rows: batch.rowCount, ...summary },
      });
    }
    return { kind, summary };
  });
}

/** The authority's training imports, newest first. */
export async function listTrainingImports(scope: TenantScope, limit = 20) {
  return inTenant(scope, async (tx) => {
    const rows = await tx
      .select({ id: importBatch.id, kind: importBatch.kind, filename: importBatch.filename, rowCount: importBatch.rowCount, status: importBatch.status, summary: importBatch.summary, createdAt: importBatch.createdAt, appliedAt: importBatch.appliedAt })
      .from(importBatch)
      .where(and(eq(importBatch.authorityId, scope.authorityId), inArray(importBatch.kind, Object.values(BATCH_KIND))))
      .orderBy(desc(importBatch.createdAt))
      .limit(limit);
    return rows.map((r) => ({ ...r, kind: KIND_OF_BATCH[r.kind], summary: (r.summary as Record<string, number> | null) ?? null }));
  });
}
