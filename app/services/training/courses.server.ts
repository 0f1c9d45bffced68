import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { booking, course, trainingSession } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { courseCodeFor } from "../../domain/training";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";

export interface CourseInput {
  name: string;
  durationDays: number;
  audience: string | null;
  active: boolean;
}

/** Per-session counts of places by status for a course's sessions: one grouped query however many. */
function placeCounts(tx: Tx, authorityId: string, courseId: string) {
  return tx
    .select({
      sessionId: booking.sessionId,
      booked: sql<number>`count(*) filter (where ${booking.status} = 'booked')::int`,
      attended: sql<number>`count(*) filter (where ${booking.status} = 'attended')::int`,
      didNotAttend: sql<number>`count(*) filter (where ${booking.status} = 'did-not-attend')::int`,
      cancelled: sql<number>`count(*) filter (where ${booking.status} = 'cancelled')::int`,
    })
    .from(booking)
    .innerJoin(trainingSession, eq(trainingSession.id, booking.sessionId))
    .where(and(eq(booking.authorityId, authorityId), eq(trainingSession.courseId, courseId)))
    .groupBy(booking.sessionId);
}

type PlaceCounts = { booked: number; attended: number; didNotAttend: number; cancelled: number };
const NO_PLACES: PlaceCounts = { booked: 0, attended: 0, didNotAttend: 0, cancelled: 0 };

/** Every course with how many sessions it has had and has coming, and how many people attended. */
export async function listCourses(scope: TenantScope, today: IsoDate) {
  return inTenant(scope, async (tx) => {
    const [courses, sessions, attendance] = await Promise.all([
      tx.select().from(course).where(eq(course.authorityId, scope.authorityId)).orderBy(asc(course.sortOrder), asc(course.name)),
      tx
        .select({
          courseId: trainingSession.courseId,
          held: sql<number>`count(*) filter (where ${trainingSession.startDate} <= ${today})::int`,
          upcoming: sql<number>`count(*) filter (where ${trainingSession.startDate} > ${today})::int`,
          next: sql<string | null>`min(${trainingSession.startDate}) filter (where ${trainingSession.startDate} > ${today})`,
        })
        .from(trainingSession)
        .where(eq(trainingSession.authorityId, scope.authorityId))
        .groupBy(trainingSession.courseId),
      tx
        .select({ courseId: trainingSession.courseId, attended: sql<number>`count(*)::int` })
        .from(booking)
        .innerJoin(trainingSession, eq(trainingSession.id, booking.sessionId))
        .where(and(eq(booking.authorityId, scope.authorityId), eq(booking.status, "attended")))
        .groupBy(trainingSession.courseId),
    ]);
    const byCourse = new Map(sessions.map((s) => [s.courseId, s]));
    const attendedBy = new Map(attendance.map((a) => [a.courseId, a.attended]));
    return courses.map((c) => ({ ...c, held: byCourse.get(c.id)?.held ?? 0, upcoming: byCourse.get(c.id)?.upcoming ?? 0, next: byCourse.get(c.id)?.next ?? null, attended: attendedBy.get(c.id) ?? 0 }));
  });
}

export async function findCourse(tx: Tx, scope: TenantScope, id: string) {
  const [row] = await tx
    .select()
    .from(course)
    .where(and(eq(course.id, id), eq(course.authorityId, scope.authorityId)))
    .limit(1);
  if (!row) throw new NotFoundError("Course not found");
  return row;
}

/** A course and its sessions, each with its places by status. */
export async function getCourse(scope: TenantScope, id: string) {
  return inTenant(scope, async (tx) => {
    const c = await findCourse(tx, scope, id);
    const [sessions, counts] = await Promise.all([
      tx
        .select()
        .from(trainingSession)
        .where(and(eq(trainingSession.authorityId, scope.authorityId), eq(trainingSession.courseId, id)))
        .orderBy(asc(trainingSession.startDate), asc(trainingSession.createdAt)),
      placeCounts(tx, scope.authorityId, id),
    ]);
    const countsBy = new Map(counts.map((n) => [n.sessionId, n]));
    return { course: c, sessions: sessions.map((s) => ({ ...s, places: countsBy.get(s.id) ?? NO_PLACES })) };
  });
}

async function assertNameFree(tx: Tx, scope: TenantScope, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: course.id })
    .from(course)
    .where(and(eq(course.authorityId, scope.authorityId), sql`lower(${course.name}) = lower(${name})`, exceptId ? sql`${course.id} <> ${exceptId}` : undefined))
    .limit(1);
  // Attendance imports find a course by its name, so two courses cannot share one.
  if (clash) throw new InvalidError("That name is taken", { name: "Another course already has this name" });
}

/** An authority's own course (kind "custom"), after the standard ones. */
export async function addCourse(scope: TenantScope, input: Omit<CourseInput, "active">): Promise<{ id: string }> {
  return inTenant(scope, async (tx) => {
    await assertNameFree(tx, scope, input.name);
    const existing = await tx.select({ code: course.code, sortOrder: course.sortOrder }).from(course).where(eq(course.authorityId, scope.authorityId));
    const code = courseCodeFor(input.name, existing.map((c) => c.code));
    const sortOrder = existing.reduce((max, c) => Math.max(max, c.sortOrder), 0) + 1;
    const [row] = await tx
      .insert(course)
      .values({ authorityId: scope.authorityId, code, kind: "custom", sortOrder, ...input })
      .returning({ id: course.id });
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "training.course-added", entityType: "course", entityId: row.id, after: { code, ...input } });
    return row;
  });
}

export async function updateCourse(scope: TenantScope, id: string, version: number, input: CourseInput): Promise<void> {
  await inTenant(scope, async (tx) => {
    const current = await findCourse(tx, scope, id);
    if (current.version !== version) throw new ConflictError("Someone else changed this course after you opened it. What is saved now is shown below; your changes are still in the form: check them and save again.");
    await assertNameFree(tx, scope, input.name, id);
    const updated = await tx
      .update(course)
      .set({ ...input, version: sql`${course.version} + 1` })
      .where(and(eq(course.id, id), eq(course.version, version)))
      .returning({ id: course.id });
    if (updated.length === 0) throw new ConflictError();
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "training.course-updated",
      entityType: "course",
      entityId: id,
      before: { code: current.code, name: current.name, durationDays: current.durationDays, audience: current.audience, active: current.active },
      after: { code: current.code, ...input },
    });
  });
}
