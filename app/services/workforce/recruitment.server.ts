import { and, eq } from "drizzle-orm";
import { recruitmentStep } from "../../../db/schema";
import { NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { getPost } from "./posts.server";

/** Records a dated step of recruitment to a post (advertised, interview, offer…). */
export async function addRecruitmentStep(scope: TenantScope, postId: string, input: { stage: string; onDate: string; note: string | null }): Promise<void> {
  await inTenant(scope, async (tx) => {
    await getPost(tx, scope, postId);
    const [created] = await tx.insert(recruitmentStep).values({ authorityId: scope.authorityId, postId, ...input }).returning({ id: recruitmentStep.id });
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "recruitment.step-recorded", entityType: "recruitment_step", entityId: created.id, after: { postId, ...input } });
  });
}

/** Removes a step recorded by mistake; the audit keeps what it was. */
export async function removeRecruitmentStep(scope: TenantScope, postId: string, stepId: string): Promise<void> {
  await inTenant(scope, async (tx) => {
    const [removed] = await tx
      .delete(recruitmentStep)
      .where(and(eq(recruitmentStep.id, stepId), eq(recruitmentStep.postId, postId), eq(recruitmentStep.authorityId, scope.authorityId)))
      .returning();
    if (!removed) throw new NotFoundError("Step not found");
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "recruitment.step-removed", entityType: "recruitment_step", entityId: stepId, before: { postId, stage: removed.stage, onDate: removed.onDate, note: removed.note } });
  });
}
