import { eq } from "drizzle-orm";
import { appUser } from "../../../db/schema";
import { COMMON_PASSWORD_MESSAGE, hashPassword, isCommonPassword, verifyPassword } from "../../auth/password.server";
import { createSession, invalidateUserSessions } from "../../auth/session.server";
import { InvalidError } from "../../errors";
import { recordAudit } from "../audit.server";
import type { UserScope } from "../scope.server";

/**
 * Changes the signed-in person's password. Every session of theirs ends (a stolen session dies
 * with the old password); the person gets a fresh one and stays signed in here.
 */
export async function changePassword(scope: UserScope, input: { currentPassword: string; newPassword: string; userAgent: string | null }) {
  const userId = scope.actor.userId!;
  const [user] = await scope.db.select({ passwordHash: appUser.passwordHash }).from(appUser).where(eq(appUser.id, userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new InvalidError("Your current password is not right", { currentPassword: "Enter your current password" });
  }
  if (await isCommonPassword(input.newPassword)) throw new InvalidError("Choose a less common password", { password: COMMON_PASSWORD_MESSAGE });
  const passwordHash = await hashPassword(input.newPassword);
  return scope.db.transaction(async (tx) => {
    await tx.update(appUser).set({ passwordHash, passwordChangedAt: scope.now }).where(eq(appUser.id, userId));
    await invalidateUserSessions(tx, userId);
    const session = await createSession(tx, userId, scope.now, { ip: scope.actor.ip ?? undefined, userAgent: input.userAgent ?? undefined });
    await recordAudit(tx, scope.actor, { authorityId: null, action: "password.changed", entityType: "user", entityId: userId });
    return session;
  });
}
