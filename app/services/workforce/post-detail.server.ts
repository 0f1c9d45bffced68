import { and, asc, eq } from "drizzle-orm";
import { appointment, organisation, recruitmentStep, team } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { currentStage, filledHundredths, fromHundredths, isEstablished, isInPost } from "../../domain/workforce";
import { inTenant, type TenantScope } from "../scope.server";
import { getPost } from "./posts.server";

/** One post with every holder it has had, its recruitment steps and where recruitment stands. */
export async function getPostDetail(scope: TenantScope, postId: string, asOf: IsoDate) {
  return inTenant(scope, async (tx) => {
    const p = await getPost(tx, scope, postId);
    const [holders, steps, teams, organisations] = await Promise.all([
      tx.select().from(appointment).where(and(eq(appointment.postId, p.id), eq(appointment.authorityId, scope.authorityId))).orderBy(asc(appointment.startDate)),
      tx.select().from(recruitmentStep).where(and(eq(recruitmentStep.postId, p.id), eq(recruitmentStep.authorityId, scope.authorityId))).orderBy(asc(recruitmentStep.onDate), asc(recruitmentStep.createdAt)),
      tx.select({ id: team.id, name: team.name }).from(team).where(eq(team.authorityId, scope.authorityId)).orderBy(asc(team.sortOrder), asc(team.name)),
      tx.select({ id: organisation.id, name: organisation.name }).from(organisation).where(eq(organisation.authorityId, scope.authorityId)).orderBy(asc(organisation.name)),
    ]);
    const roundStart = holders.filter((a) => a.startDate <= asOf).map((a) => a.startDate).sort().at(-1) ?? null;
    const established = isEstablished(p, asOf);
    return {
      post: p,
      teamName: teams.find((t) => t.id === p.teamId)?.name ?? null,
      hostName: organisations.find((o) => o.id === p.hostOrganisationId)?.name ?? null,
      established,
      filledFte: established ? fromHundredths(filledHundredths(p, holders, asOf)) : 0,
      stage: currentStage(steps, roundStart, asOf),
      holders: holders.map((a) => ({ ...a, inPost: isInPost(a, asOf), upcoming: a.startDate > asOf })),
      steps,
      teams,
      organisations,
    };
  });
}
