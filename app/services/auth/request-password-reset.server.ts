import { eq } from "drizzle-orm";
import { createElement } from "react";
import type { Database } from "../../../db/client";
import { appUser } from "../../../db/schema";
import PasswordResetEmail, { passwordResetSubject } from "../../../emails/password-reset";
import { enforce, LIMITS } from "../../auth/rate-limit.server";
import { formatDateTime } from "../../domain/dates";
import { normaliseEmail } from "../../domain/email";
import { sendEmail } from "../../email/send.server";
import type { Env } from "../../env.server";
import { recordAudit } from "../audit.server";
import { asSystem } from "../scope.server";
import { issueVerification } from "../verification.server";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/**
 * E-mails a reset link when the account exists. The caller shows the same message either way, so
 * the form cannot be used to find out who has an account. Rate-limited per e-mail and per IP.
 */
export async function requestPasswordReset(db: Database, env: Env, input: { email: string; ip: string; now: Date }): Promise<void> {
  const email = normaliseEmail(input.email);
  await enforce(
    db,
    [
      [`reset:email:${email}`, LIMITS.resetPerEmail],
      [`reset:ip:${input.ip}`, LIMITS.resetPerIp],
    ],
    input.now,
  );
  const [user] = await db.select({ id: appUser.id, name: appUser.name }).from(appUser).where(eq(appUser.email, email)).limit(1);
  if (!user) return;
  const { token, row } = await asSystem(db, "link by token", async (tx) => {
    const issued = await issueVerification(tx, {
      purpose: "password-reset",
      target: user.id,
      authorityId: null,
      data: {},
      ttlMs: PASSWORD_RESET_TTL_MS,
      createdByUserId: null,
      now: input.now,
    });
    await recordAudit(tx, { userId: user.id, label: email, ip: input.ip }, { authorityId: null, action: "password.reset-requested", entityType: "user", entityId: user.id });
    return issued;
  });
  const link = `${env.APP_URL}/reset-password/${token}`;
  await sendEmail(db, env, {
    to: email,
    subject: passwordResetSubject,
    tag: "password-reset",
    link,
    react: createElement(PasswordResetEmail, { name: user.name, link, expiresAt: formatDateTime(row.expiresAt) }),
  });
}
