import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { appUser } from "../../../db/schema";
import { COMMON_PASSWORD_MESSAGE, hashPassword, isCommonPassword } from "../../auth/password.server";
import { createSession, invalidateUserSessions } from "../../auth/session.server";
import { InvalidError } from "../../errors";
import { recordAudit } from "../audit.server";
import { asSystem } from "../scope.server";
import { consumeVerification, findVerification } from "../verification.server";

export const LINK_USED_MESSAGE = "This link has already been used or has expired.";

/** Whether a reset link is still good (for the GET page, which never uses it up). */
export async function checkPasswordResetLink(db: Database, token: string, now: Date): Promise<{ valid: boolean }> {
  return { valid: Boolean(await findVerification(db, "password-reset", token, now)) };
}

/**
 * Uses a reset link once: sets the new password, ends every session of the account (whoever had
 * it is signed out) and signs the person in afresh.
 */
export async function resetPassword(db: Database, input: { token: string; password: string; ip: string; userAgent: string | null; now: Date }) {
  if (await isCommonPassword(input.password)) throw new InvalidError("Choose a less common password", { password: COMMON_PASSWORD_MESSAGE });
  const passwordHash = await hashPassword(input.password);
  // A reset link belongs to no authority: the system path for links (ADR 0008).
  return asSystem(db, "link by token", async (tx) => {
    const link = await consumeVerification(tx, "password-reset", input.token, input.now);
    if (!link) throw new InvalidError(LINK_USED_MESSAGE);
    const [user] = await tx
      .update(appUser)
      .set({ passwordHash, passwordChangedAt: input.now })
      .where(eq(appUser.id, link.target))
      .returning({ id: appUser.id, email: appUser.email });
    if (!user) throw new InvalidError(LINK_USED_MESSAGE);
    await invalidateUserSessions(tx, user.id);
    const session = await createSession(tx, user.id, input.now, { ip: input.ip, userAgent: input.userAgent ?? undefined });
    await recordAudit(tx, { userId: user.id, label: user.email, ip: input.ip }, { authorityId: null, action: "password.reset", entityType: "user", entityId: user.id });
    return session;
  });
}
