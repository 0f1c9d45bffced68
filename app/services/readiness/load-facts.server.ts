import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { appointment, booking, course, organisation, post, programmeSetting, recruitmentStep, staffMember, team, trainingSession, workshopRequirement } from "../../../db/schema";
import { DEFAULT_THRESHOLDS, type TrainingFacts, type WorkforceFacts, type Thresholds } from "../../domain/readiness";
import type { PostFacts, RecruitmentFacts } from "../../domain/workforce";

export interface ReadinessFacts {
  workforce: Omit<WorkforceFacts, "posts"> & { posts: Array<PostFacts & { reference: string | null }>; steps: RecruitmentFacts[] };
  training: TrainingFacts;
  teams: Array<{ id: string; name: string }>;
  organisations: Array<{ id: string; name: string; sector: string }>;
  courses: Array<{ id: string; code: string; name: string; kind: string; sortOrder: number; active: boolean }>;
}

/**
 * Everything the go-live criteria are computed from, for one authority: a fixed number of
 * queries however many posts, people and bookings there are. History is derived from these dated
 * records, never from snapshots.
 */
export async function loadReadinessFacts(tx: Executor, authorityId: string): Promise<ReadinessFacts> {
  const [posts, appointments, steps, teams, organisations, staff, courses, requirements, attendance] = await Promise.all([
    tx
      .select({ id: post.id, reference: post.reference, role: post.role, fte: post.fte, teamId: post.teamId, adultSpecialist: post.adultSpecialist, establishedOn: post.establishedOn, disestablishedOn: post.disestablishedOn })
      .from(post)
      .where(eq(post.authorityId, authorityId)),
    tx
      .select({
        id: appointment.id,
        postId: appointment.postId,
        holder: appointment.holder,
        fte: appointment.fte,
        contractType: appointment.contractType,
        contractEnd: appointment.contractEnd,
        startDate: appointment.startDate,
        startConfirmed: appointment.startConfirmed,
        lastDay: appointment.lastDay,
      })
      .from(appointment)
      .where(eq(appointment.authorityId, authorityId)),
    tx.select({ postId: recruitmentStep.postId, stage: recruitmentStep.stage, onDate: recruitmentStep.onDate }).from(recruitmentStep).where(eq(recruitmentStep.authorityId, authorityId)),
    tx.select({ id: team.id, name: team.name }).from(team).where(eq(team.authorityId, authorityId)).orderBy(asc(team.sortOrder), asc(team.name)),
    tx.select({ id: organisation.id, name: organisation.name, sector: organisation.sector }).from(organisation).where(eq(organisation.authorityId, authorityId)).orderBy(asc(organisation.name)),
    tx
      .select({ id: staffMember.id, name: staffMember.name, discipline: staffMember.discipline, teamId: staffMember.teamId, startDate: staffMember.startDate, leaveDate: staffMember.leaveDate, inScope: staffMember.inScope })
      .from(staffMember)
      .where(eq(staffMember.authorityId, authorityId)),
    tx
      .select({ id: course.id, code: course.code, name: course.name, kind: course.kind, sortOrder: course.sortOrder, active: course.active })
      .from(course)
      .where(eq(course.authorityId, authorityId))
      .orderBy(asc(course.sortOrder), asc(course.name)),
    tx.select({ discipline: workshopRequirement.discipline, courseId: workshopRequirement.courseId }).from(workshopRequirement).where(eq(workshopRequirement.authorityId, authorityId)),
    tx
      .select({ staffMemberId: booking.staffMemberId, courseId: trainingSession.courseId, startDate: trainingSession.startDate, endDate: trainingSession.endDate, status: booking.status })
      .from(booking)
      .innerJoin(trainingSession, eq(trainingSession.id, booking.sessionId))
      .where(eq(booking.authorityId, authorityId)),
  ]);
  const byDiscipline: Record<string, string[]> = {};
  for (const r of requirements) (byDiscipline[r.discipline] ??= []).push(r.courseId);
  return {
    workforce: { posts, appointments, steps },
    training: {
      staff,
      attendance: attendance.map((a) => ({ staffMemberId: a.staffMemberId, courseId: a.courseId, completesOn: a.endDate ?? a.startDate, status: a.status })),
      miCourseIds: courses.filter((c) => c.kind === "mi").map((c) => c.id),
      requirements: byDiscipline,
    },
    teams,
    organisations,
    courses,
  };
}

/** The programme-wide thresholds (national setting), or the DfE's 70% for each. */
export async function loadProgrammeThresholds(tx: Executor): Promise<Thresholds> {
  const [row] = await tx.select({ value: programmeSetting.value }).from(programmeSetting).where(eq(programmeSetting.key, "thresholds")).limit(1);
  return { ...DEFAULT_THRESHOLDS, ...((row?.value as Partial<Thresholds> | undefined) ?? {}) };
}
