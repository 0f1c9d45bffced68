import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { booking, course, staffMember, team, trainingSession } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { bookingStatusLabel, holdsPlace, isStaffInPost, placesLeft, sessionLastDay, type SessionMode } from "../../domain/training";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { findCourse } from "./courses.server";

export interface SessionInput {
  startDate: IsoDate;
  endDate: IsoDate | null;
  mode: SessionMode;
  facilitator: string | null;
  capacity: number | null;
  location: string | null;
}

const SESSION_CONFLICT = "Someone else changed this session after you opened it. What is saved now is shown below; your changes are still in the form: check them and save again.";
const BOOKING_CONFLICT = "Someone else changed these places after you opened the page. The page now shows what is saved: check it and make your change again.";

function assertSessionDates(input: SessionInput) {
  if (input.endDate && input.endDate < input.startDate) throw new InvalidError("The end date is before the start date", { endDate: "The end date must be on or after the start date" });
}

/** The session, locked for the rest of the transaction when `lock` (bookings count places under it). */
async function findSession(tx: Tx, scope: TenantScope, id: string, lock = false) {
  const query = tx
    .select()
    .from(trainingSession)
    .where(and(eq(trainingSession.id, id), eq(trainingSession.authorityId, scope.authorityId)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("Session not found");
  return row;
}

function describeSession(s: { startDate: string; endDate: string | null; mode: string }, courseCode: string) {
  return { course: courseCode, startDate: s.startDate, endDate: s.endDate, mode: s.mode };
}

export async function addSession(scope: TenantScope, courseId: string, input: SessionInput): Promise<{ id: string }> {
  assertSessionDates(input);
  return inTenant(scope, async (tx) => {
    const c = await findCourse(tx, scope, courseId);
    const [row] = await tx
      .insert(trainingSession)
      .values({ authorityId: scope.authorityId, courseId: c.id, ...input })
      .returning({ id: trainingSession.id });
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "training.session-added", entityType: "training_session", entityId: row.id, after: { course: c.code, ...input } });
    return row;
  });
}

async function placesTaken(tx: Tx, sessionId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(booking)
    .where(and(eq(booking.sessionId, sessionId), sql`${booking.status} <> 'cancelled'`));
  return n;
}

export async function updateSession(scope: TenantScope, id: string, version: number, input: SessionInput): Promise<void> {
  assertSessionDates(input);
  await inTenant(scope, async (tx) => {
    const current = await findSession(tx, scope, id, true);
    if (current.version !== version) throw new ConflictError(SESSION_CONFLICT);
    const taken = await placesTaken(tx, id);
    if (input.capacity != null && input.capacity < taken) throw new InvalidError("Capacity below places taken", { capacity: `${taken} places are taken: the capacity cannot be less` });
    await tx
      .update(trainingSession)
      .set({ ...input, version: sql`${trainingSession.version} + 1` })
      .where(eq(trainingSession.id, id));
    const [c] = await tx.select({ code: course.code }).from(course).where(eq(course.id, current.courseId));
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "training.session-updated",
      entityType: "training_session",
      entityId: id,
      before: { ...describeSession(current, c.code), facilitator: current.facilitator, capacity: current.capacity, location: current.location },
      after: { course: c.code, ...input },
    });
  });
}

/** A session with its places and the people who could still be booked (in post on its first day, not holding a place). */
export async function getSession(scope: TenantScope, id: string) {
  return inTenant(scope, async (tx) => {
    const session = await findSession(tx, scope, id);
    const [c, places, staff, teams] = await Promise.all([
      findCourse(tx, scope, session.courseId),
      tx
        .select({ id: booking.id, staffMemberId: booking.staffMemberId, status: booking.status, version: booking.version })
        .from(booking)
        .where(and(eq(booking.authorityId, scope.authorityId), eq(booking.sessionId, id))),
      tx
        .select({ id: staffMember.id, externalRef: staffMember.externalRef, name: staffMember.name, discipline: staffMember.discipline, teamId: staffMember.teamId, startDate: staffMember.startDate, leaveDate: staffMember.leaveDate, inScope: staffMember.inScope })
        .from(staffMember)
        .where(eq(staffMember.authorityId, scope.authorityId)),
      tx.select({ id: team.id, name: team.name }).from(team).where(eq(team.authorityId, scope.authorityId)),
    ]);
    // Who has already completed this course (attended any session of it that ended by this one's last day).
    const done = await tx
      .selectDistinct({ staffMemberId: booking.staffMemberId })
      .from(booking)
      .innerJoin(trainingSession, eq(trainingSession.id, booking.sessionId))
      .where(
        and(
          eq(booking.authorityId, scope.authorityId),
          eq(trainingSession.courseId, session.courseId),
          eq(booking.status, "attended"),
          sql`coalesce(${trainingSession.endDate}, ${trainingSession.startDate}) <= ${sessionLastDay(session)}`,
        ),
      );
    const completed = new Set(done.map((d) => d.staffMemberId));
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const byId = new Map(staff.map((s) => [s.id, s]));
    const person = (s: (typeof staff)[number]) => ({ ...s, team: s.teamId ? (teamName.get(s.teamId) ?? null) : null, completed: completed.has(s.id) });
    const bookings = places
      .map((b) => ({ ...b, statusLabel: bookingStatusLabel(b.status), person: person(byId.get(b.staffMemberId)!) }))
      .sort((a, b) => a.person.name.localeCompare(b.person.name, "en-GB", { numeric: true }));
    const holding = new Set(places.filter((b) => holdsPlace(b.status)).map((b) => b.staffMemberId));
    const bookable = staff
      .filter((s) => !holding.has(s.id) && isStaffInPost(s, session.startDate))
      .map(person)
      // Those who still need the course first, then by name.
      .sort((a, b) => Number(a.completed) - Number(b.completed) || a.name.localeCompare(b.name, "en-GB", { numeric: true }));
    return { session, course: c, bookings, bookable, placesTaken: holding.size, placesLeft: placesLeft(session.capacity, holding.size) };
  });
}

/**
 * Books people on a session: they must be in post on its first day and not already hold a place
 * (a cancelled place is taken up again). The session is locked while places are counted, so two
 * people booking at once cannot overfill it.
 */
export async function bookStaff(scope: TenantScope, sessionId: string, staffIds: string[]): Promise<{ booked: number }> {
  const wanted = [...new Set(staffIds)];
  if (wanted.length === 0) throw new InvalidError("Choose someone to book", { staffIds: "Select at least one person to book" });
  return inTenant(scope, async (tx) => {
    const session = await findSession(tx, scope, sessionId, true);
    const [people, existing] = await Promise.all([
      tx
        .select({ id: staffMember.id, externalRef: staffMember.externalRef, startDate: staffMember.startDate, leaveDate: staffMember.leaveDate })
        .from(staffMember)
        .where(and(eq(staffMember.authorityId, scope.authorityId), inArray(staffMember.id, wanted))),
      tx.select({ id: booking.id, staffMemberId: booking.staffMemberId, status: booking.status }).from(booking).where(eq(booking.sessionId, sessionId)),
    ]);
    if (people.length !== wanted.length) throw new NotFoundError("Staff member not found");
    const notInPost = people.filter((p) => !isStaffInPost(p, session.startDate));
    if (notInPost.length) throw new InvalidError("Not in post", { staffIds: `${notInPost.map((p) => p.externalRef).join(", ")} ${notInPost.length === 1 ? "is" : "are"} not in post on the session's first day` });
    const byStaff = new Map(existing.map((b) => [b.staffMemberId, b]));
    const already = people.filter((p) => byStaff.has(p.id) && holdsPlace(byStaff.get(p.id)!.status));
    if (already.length) throw new ConflictError(`${already.map((p) => p.externalRef).join(", ")} already ${already.length === 1 ? "has" : "have"} a place on this session.`);
    const taken = existing.filter((b) => holdsPlace(b.status)).length;
    const left = placesLeft(session.capacity, taken);
    if (left !== null && wanted.length > left) throw new InvalidError("Not enough places", { staffIds: `${left === 0 ? "No places are" : left === 1 ? "Only 1 place is" : `Only ${left} places are`} left: select fewer people or raise the capacity` });
    const rebook = people.filter((p) => byStaff.has(p.id)).map((p) => byStaff.get(p.id)!.id);
    const fresh = people.filter((p) => !byStaff.has(p.id));
    if (rebook.length)
      await tx
        .update(booking)
        .set({ status: "booked", version: sql`${booking.version} + 1`, updatedAt: scope.now })
        .where(inArray(booking.id, rebook));
    if (fresh.length) await tx.insert(booking).values(fresh.map((p) => ({ authorityId: scope.authorityId, sessionId, staffMemberId: p.id, status: "booked" })));
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "training.staff-booked", entityType: "training_session", entityId: sessionId, after: { startDate: session.startDate, booked: people.map((p) => p.externalRef).sort() } });
    return { booked: people.length };
  });
}

export interface AttendanceEntry {
  bookingId: string;
  version: number;
  status: "booked" | "attended" | "did-not-attend";
}

/**
 * Records who attended and who did not. Only places whose status changes are written, in one
 * statement; a place someone else changed meanwhile (stale version) makes it a conflict and
 * nothing is written.
 */
export async function recordAttendance(scope: TenantScope, sessionId: string, entries: AttendanceEntry[], today: IsoDate): Promise<{ changed: number }> {
  return inTenant(scope, async (tx) => {
    const session = await findSession(tx, scope, sessionId, true);
    const places = await tx
      .select({ id: booking.id, status: booking.status, version: booking.version, ref: staffMember.externalRef })
      .from(booking)
      .innerJoin(staffMember, eq(staffMember.id, booking.staffMemberId))
      .where(and(eq(booking.sessionId, sessionId), eq(booking.authorityId, scope.authorityId)));
    const byId = new Map(places.map((p) => [p.id, p]));
    const changes = entries.filter((e) => {
      const place = byId.get(e.bookingId);
      if (!place) throw new ConflictError(BOOKING_CONFLICT);
      return place.status !== e.status;
    });
    if (changes.length === 0) return { changed: 0 };
    if (changes.some((e) => e.status !== "booked") && session.startDate > today) throw new InvalidError("Session not held yet", { form: "Attendance can be recorded once the session has started" });
    if (changes.some((e) => byId.get(e.bookingId)!.version !== e.version || byId.get(e.bookingId)!.status === "cancelled")) throw new ConflictError(BOOKING_CONFLICT);
    const values = sql.join(
      changes.map((e) => sql`(${e.bookingId}::uuid, ${e.status}::text, ${e.version}::int)`),
      sql`, `,
    );
    const updated = await tx.execute(sql`
      update ${booking} set status = v.status, version = ${booking.version} + 1, updated_at = ${scope.now.toISOString()}::timestamptz
      from (values ${values}) as v(id, status, version)
      where ${booking.id} = v.id and ${booking.version} = v.version and ${booking.sessionId} = ${sessionId}
      returning ${booking.id}`);
    const count = Array.isArray(updated) ? updated.length : ((updated as { rows?: unknown[] }).rows?.length ?? 0);
    if (count !== changes.length) throw new ConflictError(BOOKING_CONFLICT);
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "training.attendance-recorded",
      entityType: "training_session",
      entityId: sessionId,
      before: changes.map((e) => ({ staff: byId.get(e.bookingId)!.ref, status: byId.get(e.bookingId)!.status })),
      after: changes.map((e) => ({ staff: byId.get(e.bookingId)!.ref, status: e.status })),
    });
    return { changed: changes.length };
  });
}

/** Cancels a booked place: the person no longer holds it (the row stays, so the history does). */
export async function cancelBooking(scope: TenantScope, sessionId: string, bookingId: string, version: number): Promise<{ name: string }> {
  return inTenant(scope, async (tx) => {
    const [place] = await tx
      .select({ id: booking.id, sessionId: booking.sessionId, status: booking.status, version: booking.version, ref: staffMember.externalRef, name: staffMember.name })
      .from(booking)
      .innerJoin(staffMember, eq(staffMember.id, booking.staffMemberId))
      .where(and(eq(booking.id, bookingId), eq(booking.sessionId, sessionId), eq(booking.authorityId, scope.authorityId)))
      .limit(1);
    if (!place) throw new NotFoundError("Booking not found");
    if (place.version !== version || place.status === "cancelled") throw new ConflictError(BOOKING_CONFLICT);
    // Attendance is a record of what happened: correct it to "booked" first if it was wrong.
    if (place.status !== "booked") throw new InvalidError("Only a booked place can be cancelled: if the attendance recorded is wrong, set it back to booked first.");
    await tx
      .update(booking)
      .set({ status: "cancelled", version: sql`${booking.version} + 1`, updatedAt: scope.now })
      .where(and(eq(booking.id, bookingId), eq(booking.version, version)));
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "training.booking-cancelled", entityType: "booking", entityId: bookingId, before: { staff: place.ref, status: place.status }, after: { staff: place.ref, status: "cancelled" } });
    return { name: place.name };
  });
}
