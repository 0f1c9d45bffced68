import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { appUser, authority, membership } from "../../../db/schema";
import { COMMON_PASSWORD_MESSAGE, hashPassword, isCommonPassword, verifyPassword } from "../../auth/password.server";
import { enforce, LIMITS } from "../../auth/rate-limit.server";
import { createSession } from "../../auth/session.server";
import { isTenantRole, type TenantRole } from "../../domain/permissions";
import { InvalidError } from "../../errors";
import { recordAudit } from "../audit.server";
import { asSystem } from "../scope.server";
import { consumeVerification, findVerification } from "../verification.server";
import { LINK_USED_MESSAGE } from "../auth/reset-password.server";

export interface InvitationView {
  email: string;
  role: TenantRole;
  invitedBy: string;
  authorityName: string;
  expiresAt: Date;
  /** The address already has an account: accepting asks for its password instead of a new one. */
  hasAccount: boolean;
}

/** What the invitation page shows. Looking does not use the link up. */
export async function viewInvitation(db: Database, token: string, now: Date): Promise<InvitationView | null> {
  const link = await findVerification(db, "invitation", token, now);
  if (!link?.authorityId) return null;
  const data = link.data as { email: string; role: string; invitedBy?: string };
  const [a] = await db.select({ name: authority.name }).from(authority).where(eq(authority.id, link.authorityId));
  const [existing] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, data.email)).limit(1);
  return {
    email: data.email,
    role: isTenantRole(data.role) ? data.role : "viewer",
    invitedBy: data.invitedBy ?? "A colleague",
    authorityName: a?.name ?? "",
    expiresAt: link.expiresAt,
    hasAccount: Boolean(existing),
  };
}

export type AcceptInput = { token: string; password: string; name?: string; ip: string; userAgent: string | null; now: Date };

/**
 * Accepts an invitation once: the link row is deleted in the same transaction that creates the
 * account (or checks the existing account's password) and the membership, then the person is
 * signed in. A second use, or one racing the first, finds no link.
 */
export async function acceptInvitation(db: Database, input: AcceptInput): Promise<{ token: string; createdAt: Date; slug: string }> {
  await enforce(db, [[`link:ip:${input.ip}`, LIMITS.linkPerIp]], input.now);
  if (input.name && (await isCommonPassword(input.password))) throw new InvalidError("Choose a less common password", { password: COMMON_PASSWORD_MESSAGE });
  const newPasswordHash = input.name ? await hashPassword(input.password) : null;
  // The link names the authority only once it is read: the system path, as for any link.
  const result = await asSystem(db, "link by token", async (tx) => {
    const link = await consumeVerification(tx, "invitation", input.token, input.now);
    if (!link?.authorityId) throw new InvalidError(LINK_USED_MESSAGE);
    const data = link.data as { email: string; role: string };
    const role: TenantRole = isTenantRole(data.role) ? data.role : "viewer";
    let [user] = await tx.select().from(appUser).where(eq(appUser.email, data.email)).limit(1);
    if (user) {
      if (!(await verifyPassword(input.password, user.passwordHash))) {
        throw new InvalidError("The password is not right", { password: "Enter the password of your existing account" });
      }
    } else {
      if (!input.name || !newPasswordHash) throw new InvalidError("Enter your name", { name: "Enter your name" });
      [user] = await tx.insert(appUser).values({ email: data.email, name: input.name, passwordHash: newPasswordHash, passwordChangedAt: input.now }).returning();
      await recordAudit(tx, { userId: user.id, label: user.email, ip: input.ip }, { authorityId: link.authorityId, action: "user.created", entityType: "user", entityId: user.id, after: { email: user.email, name: user.name } });
    }
    await tx
      .insert(membership)
      .values({ userId: user.id, authorityId: link.authorityId, role })
      .onConflictDoUpdate({ target: [membership.userId, membership.authorityId], set: { role } });
    await recordAudit(tx, { userId: user.id, label: user.email, ip: input.ip }, {
      authorityId: link.authorityId,
      action: "invitation.accepted",
      entityType: "membership",
      entityId: user.id,
      after: { email: user.email, role },
    });
    const session = await createSession(tx, user.id, input.now, { ip: input.ip, userAgent: input.userAgent ?? undefined });
    const [a] = await tx.select({ slug: authority.slug }).from(authority).where(eq(authority.id, link.authorityId));
    return { ...session, slug: a.slug };
  });
  return result;
}
