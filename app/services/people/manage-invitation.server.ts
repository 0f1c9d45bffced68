import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { authority, verification } from "../../../db/schema";
import { invitableRoles, isTenantRole, type Permission } from "../../domain/permissions";
import type { SentEmail } from "../../email/send.server";
import type { Env } from "../../env.server";
import { ForbiddenError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { issueVerification } from "../verification.server";
import { INVITATION_TTL_MS, sendInvitationEmail } from "./invite-person.server";

/** The invitation, if it belongs to this authority and carries a role the caller may hand out. */
async function findInvitation(tx: Tx, scope: TenantScope, invitationId: string, permissions: Set<Permission>) {
  const [row] = await tx
    .select()
    .from(verification)
    .where(and(eq(verification.id, invitationId), eq(verification.authorityId, scope.authorityId), eq(verification.purpose, "invitation")))
    .limit(1);
  if (!row) throw new NotFoundError("Invitation not found");
  const role = (row.data as { role?: string }).role;
  if (!isTenantRole(role) || !invitableRoles(permissions).includes(role)) throw new ForbiddenError("You cannot manage that invitation");
  return row;
}

/** Sends the invitation again with a fresh link and expiry; the old link stops working. */
export async function resendInvitation(scope: TenantScope, env: Env, invitationId: string, permissions: Set<Permission>): Promise<{ email: SentEmail; to: string }> {
  const issued = await inTenant(scope, async (tx) => {
    const existing = await findInvitation(tx, scope, invitationId, permissions);
    const data = existing.data as { email: string; role: string };
    const { token, row } = await issueVerification(tx, {
      purpose: "invitation",
      target: existing.target,
      authorityId: scope.authorityId,
      data: { ...data, invitedBy: scope.actor.name ?? scope.actor.label },
      ttlMs: INVITATION_TTL_MS,
      createdByUserId: scope.actor.userId,
      now: scope.now,
    });
    const [a] = await tx.select({ name: authority.name }).from(authority).where(eq(authority.id, scope.authorityId));
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "invitation.resent", entityType: "invitation", entityId: row.id, after: { email: data.email, role: data.role } });
    return { token, row, data, authorityName: a.name };
  });
  const role = isTenantRole(issued.data.role) ? issued.data.role : "viewer";
  const email = await sendInvitationEmail(scope, env, { email: issued.data.email, role, token: issued.token, expiresAt: issued.row.expiresAt, authorityName: issued.authorityName });
  return { email, to: issued.data.email };
}

/** Withdraws an invitation: its link stops working. */
export async function revokeInvitation(scope: TenantScope, invitationId: string, permissions: Set<Permission>): Promise<{ email: string }> {
  return inTenant(scope, async (tx) => {
    const existing = await findInvitation(tx, scope, invitationId, permissions);
    await tx.delete(verification).where(eq(verification.id, existing.id));
    const data = existing.data as { email: string; role: string };
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "invitation.revoked", entityType: "invitation", entityId: existing.id, before: { email: data.email, role: data.role } });
    return { email: data.email };
  });
}
