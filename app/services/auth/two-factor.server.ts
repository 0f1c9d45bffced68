import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import type { Database } from "../../../db/client";
import { recoveryCode, twoFactor } from "../../../db/schema";
import { enforce, LIMITS } from "../../auth/rate-limit.server";
import { markSessionTwoFactor } from "../../auth/session.server";
import { sha256Hex } from "../../auth/tokens.server";
import { InvalidError } from "../../errors";
import { recordAudit, type Actor } from "../audit.server";

const ISSUER = "Family Safeguarding tracker";
const PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;

function totp(secret: string, label: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** Normalises what people type: spaces and hyphens are ignored, case too. */
function clean(code: string) {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

/** The time step a code belongs to, or null when it is wrong (one step of clock drift allowed either way). */
function matchingStep(secret: string, label: string, code: string, now: Date): number | null {
  const delta = totp(secret, label).validate({ token: clean(code), timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).toString("hex");
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
  });
}

export interface Enrolment {
  secret: string;
  uri: string;
  /** The otpauth:// link as an SVG QR code for authenticator apps. */
  qrSvg: string;
}

/** The secret to add to an authenticator: the pending one if enrolment has begun, else a new one. */
export async function beginEnrolment(db: Database, user: { id: string; email: string }): Promise<Enrolment> {
  const [existing] = await db.select().from(twoFactor).where(eq(twoFactor.userId, user.id));
  if (existing?.confirmedAt) throw new InvalidError("Two-factor sign-in is already set up");
  let secret = existing?.secret;
  if (!secret) {
    secret = new OTPAuth.Secret({ size: 20 }).base32;
    await db.insert(twoFactor).values({ userId: user.id, secret }).onConflictDoNothing();
    [{ secret }] = await db.select({ secret: twoFactor.secret }).from(twoFactor).where(eq(twoFactor.userId, user.id));
  }
  const uri = totp(secret, user.email).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

/**
 * Confirms the authenticator with a code from it, marks this session as verified, and returns
 * the recovery codes — shown once, stored only as hashes.
 */
export async function confirmEnrolment(db: Database, actor: Actor & { userId: string }, input: { email: string; sessionId: string; code: string; now: Date }): Promise<string[]> {
  await enforce(db, [[`two-factor:user:${actor.userId}`, LIMITS.twoFactorPerUser]], input.now);
  return db.transaction(async (tx) => {
    const [pending] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, actor.userId));
    if (!pending || pending.confirmedAt) throw new InvalidError("Start setting up two-factor sign-in again");
    const step = matchingStep(pending.secret, input.email, input.code, input.now);
    if (step === null) throw new InvalidError("The code is not right", { code: "Enter the 6-digit code your authenticator app shows now" });
    await tx.update(twoFactor).set({ confirmedAt: input.now, lastUsedStep: step }).where(eq(twoFactor.userId, actor.userId));
    const codes = newRecoveryCodes();
    await tx.delete(recoveryCode).where(eq(recoveryCode.userId, actor.userId));
    await tx.insert(recoveryCode).values(codes.map((c) => ({ userId: actor.userId, codeHash: sha256Hex(clean(c)) })));
    await markSessionTwoFactor(tx, input.sessionId, input.now);
    await recordAudit(tx, actor, { authorityId: null, action: "two-factor.enabled", entityType: "user", entityId: actor.userId });
    return codes;
  });
}

/**
 * Proves the second factor for this session with a code from the authenticator (each code works
 * once) or an unused recovery code. Rate-limited per person.
 */
export async function verifySecondFactor(db: Database, actor: Actor & { userId: string }, input: { email: string; sessionId: string; code: string; now: Date }): Promise<{ usedRecoveryCode: boolean; recoveryCodesLeft: number | null }> {
  await enforce(db, [[`two-factor:user:${actor.userId}`, LIMITS.twoFactorPerUser]], input.now);
  return db.transaction(async (tx) => {
    const [enrolled] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, actor.userId));
    if (!enrolled?.confirmedAt) throw new InvalidError("Two-factor sign-in is not set up");
    const typed = clean(input.code);
    if (/^\d{6}$/.test(typed)) {
      const step = matchingStep(enrolled.secret, input.email, typed, input.now);
      if (step === null || (enrolled.lastUsedStep !== null && step <= enrolled.lastUsedStep)) {
        await recordAudit(tx, actor, { authorityId: null, action: "two-factor.failed", entityType: "user", entityId: actor.userId });
        throw new InvalidError("The code is not right", { code: "Enter the code your authenticator app shows now (each code works once)" });
      }
      await tx.update(twoFactor).set({ lastUsedStep: step }).where(eq(twoFactor.userId, actor.userId));
      await markSessionTwoFactor(tx, input.sessionId, input.now);
      await recordAudit(tx, actor, { authorityId: null, action: "two-factor.verified", entityType: "user", entityId: actor.userId });
      return { usedRecoveryCode: false, recoveryCodesLeft: null };
    }
    const [used] = await tx
      .update(recoveryCode)
      .set({ usedAt: input.now })
      .where(and(eq(recoveryCode.userId, actor.userId), eq(recoveryCode.codeHash, sha256Hex(typed)), isNull(recoveryCode.usedAt)))
      .returning({ id: recoveryCode.id });
    if (!used) {
      await recordAudit(tx, actor, { authorityId: null, action: "two-factor.failed", entityType: "user", entityId: actor.userId });
      throw new InvalidError("The code is not right", { code: "Enter the 6-digit code from your app, or one of your unused recovery codes" });
    }
    await markSessionTwoFactor(tx, input.sessionId, input.now);
    const left = (await tx.select({ id: recoveryCode.id }).from(recoveryCode).where(and(eq(recoveryCode.userId, actor.userId), isNull(recoveryCode.usedAt)))).length;
    await recordAudit(tx, actor, { authorityId: null, action: "two-factor.recovery-code-used", entityType: "user", entityId: actor.userId, after: { recoveryCodesLeft: left } });
    return { usedRecoveryCode: true, recoveryCodesLeft: left };
  });
}

/** New recovery codes (the old ones stop working). Needs a fresh second-factor proof. */
export async function regenerateRecoveryCodes(db: Database, actor: Actor & { userId: string }): Promise<string[]> {
  return db.transaction(async (tx) => {
    const codes = newRecoveryCodes();
    await tx.delete(recoveryCode).where(eq(recoveryCode.userId, actor.userId));
    await tx.insert(recoveryCode).values(codes.map((c) => ({ userId: actor.userId, codeHash: sha256Hex(clean(c)) })));
    await recordAudit(tx, actor, { authorityId: null, action: "two-factor.recovery-codes-regenerated", entityType: "user", entityId: actor.userId });
    return codes;
  });
}

/** Turns two-factor sign-in off, where the service does not require it of this person. */
export async function disableTwoFactor(db: Database, actor: Actor & { userId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(twoFactor).where(eq(twoFactor.userId, actor.userId));
    await tx.delete(recoveryCode).where(eq(recoveryCode.userId, actor.userId));
    await recordAudit(tx, actor, { authorityId: null, action: "two-factor.disabled", entityType: "user", entityId: actor.userId });
  });
}

/** For tests and the demo: the code an authenticator shows for a secret at an instant. */
export function currentCode(secret: string, at: Date): string {
  return totp(secret, "x").generate({ timestamp: at.getTime() });
}
