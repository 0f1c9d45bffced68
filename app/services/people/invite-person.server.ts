import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { appUser, authority, membership } from "../../../db/schema";
import InvitationEmail, { invitationSubject } from "../../../emails/invitation";
import { formatDate, londonDate } from "../../domain/dates";
import { normaliseEmail } from "../../domain/email";
import { invitableRoles, ROLE_LABELS, type Permission, type TenantRole } from "../../domain/permissions";
import { sendEmail, type SentEmail } from "../../email/send.server";
import type { Env } from "../../env.server";
import { ForbiddenError, InvalidError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { issueVerification } from "../verification.server";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function invitationTarget(authorityId: string, email: string) {
  return `${authorityId}:${email}`;
}

/**
 * Invites a person to the authority with a role and e-mails them a link. Inviting the same address
 * again replaces the earlier link. Programme managers may give any role; national admins invite
 * programme managers.
 */
export async function invitePerson(scope: TenantScope, env: Env, input: { email: string; role: TenantRole; permissions: Set<Permission> }): Promise<{ email: SentEmail }> {
  if (!invitableRoles(input.permissions).includes(input.role)) throw new ForbiddenError("You cannot invite people with that role");
  const email = normaliseEmail(input.email);
  const { token, expiresAt, authorityName } = await inTenant(scope, async (tx) => {
    const [a] = await tx.select({ name: authority.name }).from(authority).where(eq(authority.id, scope.authorityId));
    const [member] = await tx
      .select({ id: membership.id })
      .from(membership)
      .innerJoin(appUser, eq(appUser.id, membership.userId))
      .where(and(eq(membership.authorityId, scope.authorityId), eq(appUser.email, email)))
      .limit(1);
    if (member) throw new InvalidError("This person is already a member", { email: `${email} is already a member of ${a.name}` });
    const { token, row } = await issueVerification(tx, {
      purpose: "invitation",
      target: invitationTarget(scope.authorityId, email),
      authorityId: scope.authorityId,
      data: { email, role: input.role, invitedBy: scope.actor.name ?? scope.actor.label },
      ttlMs: INVITATION_TTL_MS,
      createdByUserId: scope.actor.userId,
      now: scope.now,
    });
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "invitation.sent", entityType: "invitation", entityId: row.id, after: { email, role: input.role } });
    return { token, expiresAt: row.expiresAt, authorityName: a.name };
  });
  const sent = await sendInvitationEmail(scope, env, { email, role: input.role, token, expiresAt, authorityName });
  return { email: sent };
}

export async function sendInvitationEmail(
  scope: TenantScope,
  env: Env,
  i: { email: string; role: TenantRole; token: string; expiresAt: Date; authorityName: string },
): Promise<SentEmail> {
  const link = `${env.APP_URL}/invitations/${i.token}`;
  return sendEmail(scope.db, env, {
    to: i.email,
    subject: invitationSubject({ authorityName: i.authorityName }),
    tag: "invitation",
    authorityId: scope.authorityId,
    link,
    react: createElement(InvitationEmail, {
      inviterName: scope.actor.name ?? scope.actor.label,
      authorityName: i.authorityName,
      roleLabel: ROLE_LABELS[i.role],
      link,
      expiresOn: formatDate(londonDate(i.expiresAt)),
    }),
  });
}
