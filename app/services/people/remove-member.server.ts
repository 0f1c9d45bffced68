import { eq } from "drizzle-orm";
import { membership } from "../../../db/schema";
import { invalidateUserSessions } from "../../auth/session.server";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { assertAnotherProgrammeManager, findMembership } from "./change-role.server";

/** Removes a member from the authority and ends all their sessions, so access stops at once. */
export async function removeMember(scope: TenantScope, membershipId: string): Promise<{ email: string }> {
  return inTenant(scope, async (tx) => {
    const current = await findMembership(tx, scope, membershipId);
    if (current.role === "programme-manager") await assertAnotherProgrammeManager(tx, scope, current.id);
    await tx.delete(membership).where(eq(membership.id, current.id));
    await invalidateUserSessions(tx, current.userId);
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "membership.removed",
      entityType: "membership",
      entityId: current.id,
      before: { email: current.email, role: current.role },
    });
    return { email: current.email };
  });
}
