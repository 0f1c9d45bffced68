import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { appointment, organisation, post, recruitmentStep, team, type Appointment, type Organisation, type Post, type RecruitmentStep, type Team } from "../../../db/schema";

export interface WorkforceRecords {
  posts: Post[];
  appointments: Appointment[];
  steps: RecruitmentStep[];
  teams: Team[];
  organisations: Organisation[];
}

/** Every post, holder, recruitment step, team and partner of an authority: five queries, whatever the numbers. */
export async function loadWorkforce(tx: Executor, authorityId: string): Promise<WorkforceRecords> {
  const [posts, appointments, steps, teams, organisations] = await Promise.all([
    tx.select().from(post).where(eq(post.authorityId, authorityId)).orderBy(asc(post.reference), asc(post.createdAt)),
    tx.select().from(appointment).where(eq(appointment.authorityId, authorityId)).orderBy(asc(appointment.startDate)),
    tx.select().from(recruitmentStep).where(eq(recruitmentStep.authorityId, authorityId)).orderBy(asc(recruitmentStep.onDate), asc(recruitmentStep.createdAt)),
    tx.select().from(team).where(eq(team.authorityId, authorityId)).orderBy(asc(team.sortOrder), asc(team.name)),
    tx.select().from(organisation).where(eq(organisation.authorityId, authorityId)).orderBy(asc(organisation.name)),
  ]);
  return { posts, appointments, steps, teams, organisations };
}
