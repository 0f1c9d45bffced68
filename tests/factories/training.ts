import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { booking, course, staffMember, trainingSession, type Booking, type StaffMember, type TrainingSession } from "../../db/schema";

let counter = 0;

export type StaffOverrides = Partial<Omit<typeof staffMember.$inferInsert, "authorityId">>;

/** Staff members, inserted in one statement (the demo seed makes hundreds). */
export async function createStaffMembers(db: Executor, authorityId: string, rows: StaffOverrides[]): Promise<StaffMember[]> {
  if (rows.length === 0) return [];
  return db
    .insert(staffMember)
    .values(
      rows.map((o) => {
        counter += 1;
        return { authorityId, externalRef: `T-${counter}-${Math.random().toString(36).slice(2, 8)}`, name: `Staff member ${counter}`, discipline: "social-worker", startDate: "2020-01-01", ...o };
      }),
    )
    .returning();
}

export async function createStaffMember(db: Executor, authorityId: string, overrides: StaffOverrides = {}): Promise<StaffMember> {
  const [row] = await createStaffMembers(db, authorityId, [overrides]);
  return row;
}

/** A standard course of the authority (set up by createAuthority) by its code: "mi", "ws1" … "ws8". */
export async function courseByCode(db: Executor, authorityId: string, code: string) {
  const [row] = await db
    .select()
    .from(course)
    .where(and(eq(course.authorityId, authorityId), eq(course.code, code)));
  if (!row) throw new Error(`no course ${code}`);
  return row;
}

/** Sessions, in one statement. */
export async function createTrainingSessions(db: Executor, rows: Array<Pick<typeof trainingSession.$inferInsert, "authorityId" | "courseId"> & Partial<typeof trainingSession.$inferInsert>>): Promise<TrainingSession[]> {
  if (rows.length === 0) return [];
  return db
    .insert(trainingSession)
    .values(rows.map((r) => ({ startDate: "2021-03-01", mode: "virtual", ...r })))
    .returning();
}

export async function createTrainingSession(db: Executor, authorityId: string, courseId: string, overrides: Partial<typeof trainingSession.$inferInsert> = {}): Promise<TrainingSession> {
  const [row] = await createTrainingSessions(db, [{ authorityId, courseId, ...overrides }]);
  return row;
}

/** Places on sessions, in one statement. */
export async function createBookings(db: Executor, rows: Array<{ authorityId: string; sessionId: string; staffMemberId: string; status?: string }>): Promise<Booking[]> {
  if (rows.length === 0) return [];
  return db
    .insert(booking)
    .values(rows.map((r) => ({ status: "attended", ...r })))
    .returning();
}

export async function createBooking(db: Executor, session: Pick<TrainingSession, "id" | "authorityId">, staffMemberId: string, status = "booked"): Promise<Booking> {
  const [row] = await createBookings(db, [{ authorityId: session.authorityId, sessionId: session.id, staffMemberId, status }]);
  return row;
}
