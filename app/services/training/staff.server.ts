import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { booking, course, staffMember, team, trainingSession, workshopRequirement } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { hasCompletedMi, missingWorkshops } from "../../domain/readiness";
import { completedCourses, nextStaffRef } from "../../domain/training";
import type { StaffValues } from "../../domain/training-import";
import { filterStaff, staffProgress, type StaffFilter } from "../../domain/training-progress";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { loadTrainingPicture, type ThresholdOverrides } from "./training-facts.server";

/** What a person's record holds: the same fields a staff import writes. */
export type StaffInput = StaffValues;

export interface RosterRow {
  id: string;
  externalRef: string;
  name: string;
  discipline: string;
  teamId: string | null;
  team: string | null;
  startDate: IsoDate | null;
  leaveDate: IsoDate | null;
  inScope: boolean;
  inPost: boolean;
  counted: boolean;
  miCompletedOn: IsoDate | null;
  missingWorkshops: string[];
}

/** The roster on a date, filtered, with each person's MI and workshop position. */
export async function listStaff(scope: TenantScope, overrides: ThresholdOverrides, filter: StaffFilter, asOf: IsoDate) {
  const p = await inTenant(scope, (tx) => loadTrainingPicture(tx, scope.authorityId, overrides));
  const progress = staffProgress(p.facts.training, asOf);
  const teamName = new Map(p.facts.teams.map((t) => [t.id, t.name]));
  const courseName = new Map(p.facts.courses.map((c) => [c.id, c.name]));
  const rows: RosterRow[] = filterStaff(p.facts.training.staff, filter, asOf)
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB", { numeric: true }))
    .map((s) => {
      const pr = progress.get(s.id)!;
      return {
        ...s,
        externalRef: p.refs.get(s.id) ?? "",
        team: s.teamId ? (teamName.get(s.teamId) ?? null) : null,
        inPost: pr.inPost,
        counted: pr.counted,
        miCompletedOn: pr.miCompletedOn,
        missingWorkshops: pr.missingWorkshops.map((id) => courseName.get(id) ?? id),
      };
    });
  return { rows, total: p.facts.training.staff.length, teams: p.facts.teams };
}

export async function listTeams(scope: TenantScope) {
  return inTenant(scope, (tx) => tx.select({ id: team.id, name: team.name }).from(team).where(eq(team.authorityId, scope.authorityId)).orderBy(asc(team.sortOrder), asc(team.name)));
}

/** A reference for someone added by hand: the next free "FS-0001". */
export async function suggestStaffRef(scope: TenantScope): Promise<string> {
  const refs = await inTenant(scope, (tx) => tx.select({ ref: staffMember.externalRef }).from(staffMember).where(eq(staffMember.authorityId, scope.authorityId)));
  return nextStaffRef(refs.map((r) => r.ref));
}

async function findStaff(tx: Tx, scope: TenantScope, id: string) {
  const [row] = await tx
    .select()
    .from(staffMember)
    .where(and(eq(staffMember.id, id), eq(staffMember.authorityId, scope.authorityId)))
    .limit(1);
  if (!row) throw new NotFoundError("Staff member not found");
  return row;
}

async function assertTeam(tx: Tx, scope: TenantScope, teamId: string | null) {
  if (!teamId) return;
  const [row] = await tx
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.id, teamId), eq(team.authorityId, scope.authorityId)))
    .limit(1);
  if (!row) throw new InvalidError("Choose a team", { teamId: "Choose one of the authority's teams" });
}

function assertDates(input: { startDate: IsoDate | null; leaveDate: IsoDate | null }) {
  if (input.startDate && input.leaveDate && input.leaveDate < input.startDate) throw new InvalidError("The leave date is before the start date", { leaveDate: "The last day must be on or after the start date" });
}

function duplicateRef(error: unknown, ref: string): never {
  if (isUniqueViolation(error, "staff_member_authority_ref_unique")) throw new InvalidError("That reference is taken", { externalRef: `Another staff member has the reference ${ref}` });
  throw error;
}

const CONFLICT = "Someone else changed this person's record after you opened it. What is saved now is shown below; your changes are still in the form: check them and save again.";

function recordOf(s: { externalRef: string; name: string; discipline: string; teamId: string | null; startDate: string | null; leaveDate: string | null; inScope: boolean }) {
  return { externalRef: s.externalRef, name: s.name, discipline: s.discipline, teamId: s.teamId, startDate: s.startDate, leaveDate: s.leaveDate, inScope: s.inScope };
}

export async function addStaffMember(scope: TenantScope, input: StaffInput): Promise<{ id: string }> {
  assertDates(input);
  return inTenant(scope, async (tx) => {
    await assertTeam(tx, scope, input.teamId);
    const [row] = await tx
      .insert(staffMember)
      .values({ authorityId: scope.authorityId, ...input })
      .returning({ id: staffMember.id })
      .catch((e) => duplicateRef(e, input.externalRef));
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "training.staff-added", entityType: "staff_member", entityId: row.id, after: recordOf(input) });
    return row;
  });
}

export async function updateStaffMember(scope: TenantScope, id: string, version: number, input: StaffInput): Promise<void> {
  assertDates(input);
  await inTenant(scope, async (tx) => {
    const current = await findStaff(tx, scope, id);
    if (current.version !== version) throw new ConflictError(CONFLICT);
    await assertTeam(tx, scope, input.teamId);
    const updated = await tx
      .update(staffMember)
      .set({ ...input, version: sql`${staffMember.version} + 1`, updatedAt: scope.now })
      .where(and(eq(staffMember.id, id), eq(staffMember.authorityId, scope.authorityId), eq(staffMember.version, version)))
      .returning({ id: staffMember.id })
      .catch((e) => duplicateRef(e, input.externalRef));
    if (updated.length === 0) throw new ConflictError(CONFLICT);
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "training.staff-updated", entityType: "staff_member", entityId: id, before: recordOf(current), after: recordOf(input) });
  });
}

/** Records the last day in post (inclusive: the person still counts that day), or clears it. */
export async function recordLeaveDate(scope: TenantScope, id: string, version: number, leaveDate: IsoDate | null): Promise<void> {
  await inTenant(scope, async (tx) => {
    const current = await findStaff(tx, scope, id);
    if (current.version !== version) throw new ConflictError(CONFLICT);
    assertDates({ startDate: current.startDate, leaveDate });
    const updated = await tx
      .update(staffMember)
      .set({ leaveDate, version: sql`${staffMember.version} + 1`, updatedAt: scope.now })
      .where(and(eq(staffMember.id, id), eq(staffMember.version, version)))
      .returning({ id: staffMember.id });
    if (updated.length === 0) throw new ConflictError(CONFLICT);
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "training.staff-leave-recorded",
      entityType: "staff_member",
      entityId: id,
      before: { externalRef: current.externalRef, leaveDate: current.leaveDate },
      after: { externalRef: current.externalRef, leaveDate },
    });
  });
}

/** One person: their record, their places on sessions, and what they still need on a date. */
export async function getStaffMember(scope: TenantScope, id: string, asOf: IsoDate) {
  return inTenant(scope, async (tx) => {
    const member = await findStaff(tx, scope, id);
    const [teams, places, courses, required] = await Promise.all([
      tx.select({ id: team.id, name: team.name }).from(team).where(eq(team.authorityId, scope.authorityId)).orderBy(asc(team.sortOrder), asc(team.name)),
      tx
        .select({ bookingId: booking.id, sessionId: trainingSession.id, courseId: course.id, course: course.name, startDate: trainingSession.startDate, endDate: trainingSession.endDate, mode: trainingSession.mode, status: booking.status })
        .from(booking)
        .innerJoin(trainingSession, eq(trainingSession.id, booking.sessionId))
        .innerJoin(course, eq(course.id, trainingSession.courseId))
        .where(and(eq(booking.authorityId, scope.authorityId), eq(booking.staffMemberId, id)))
        .orderBy(asc(trainingSession.startDate)),
      tx.select({ id: course.id, name: course.name, kind: course.kind }).from(course).where(eq(course.authorityId, scope.authorityId)),
      tx
        .select({ courseId: workshopRequirement.courseId })
        .from(workshopRequirement)
        .where(and(eq(workshopRequirement.authorityId, scope.authorityId), eq(workshopRequirement.discipline, member.discipline))),
    ]);
    const facts = { miCourseIds: courses.filter((c) => c.kind === "mi").map((c) => c.id), requirements: { [member.discipline]: required.map((r) => r.courseId) } };
    const done = completedCourses(
      places.map((pl) => ({ staffMemberId: id, courseId: pl.courseId, completesOn: pl.endDate ?? pl.startDate, status: pl.status })),
      asOf,
    ).get(id) ?? new Set<string>();
    const courseName = new Map(courses.map((c) => [c.id, c.name]));
    return {
      member,
      teams,
      places,
      miDone: hasCompletedMi(facts, done),
      missingWorkshops: missingWorkshops(facts, member, done).map((cid) => courseName.get(cid) ?? cid),
    };
  });
}
