import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { appUser } from "../../../db/schema";
import { dummyPasswordHash, verifyPassword } from "../../auth/password.server";
import { enforce, LIMITS } from "../../auth/rate-limit.server";
import { createSession } from "../../auth/session.server";
import { normaliseEmail } from "../../domain/email";
import { recordAudit } from "../audit.server";

export type SignInResult = { ok: true; token: string; createdAt: Date; userId: string } | { ok: false };

/**
 * Checks an e-mail and password. Rate-limited per e-mail and per IP (throws RateLimitedError);
 * takes the same time and gives the same answer whether or not the account exists.
 */
export async function signIn(db: Database, input: { email: string; password: string; ip: string; userAgent: string | null; now: Date }): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  await enforce(
    db,
    [
      [`sign-in:email:${email}`, LIMITS.signInPerEmail],
      [`sign-in:ip:${input.ip}`, LIMITS.signInPerIp],
    ],
    input.now,
  );
  const [user] = await db.select({ id: appUser.id, passwordHash: appUser.passwordHash }).from(appUser).where(eq(appUser.email, email)).limit(1);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  return db.transaction(async (tx) => {
    const actor = { userId: user?.id ?? null, label: email, ip: input.ip };
    if (!user || !valid) {
      await recordAudit(tx, actor, { authorityId: null, action: "user.sign-in-failed", entityType: "user", entityId: user?.id ?? null });
      return { ok: false } as const;
    }
    const { token, createdAt } = await createSession(tx, user.id, input.now, { ip: input.ip, userAgent: input.userAgent ?? undefined });
    await recordAudit(tx, actor, { authorityId: null, action: "user.signed-in", entityType: "user", entityId: user.id });
    return { ok: true, token, createdAt, userId: user.id } as const;
  });
}
