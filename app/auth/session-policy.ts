/**
 * Session lifetime rules (pure, unit-tested).
 * - Inactivity timeout: a session unused for 2 hours ends.
 * - Absolute lifetime: every session ends 12 hours after sign-in, however active (a working day).
 * - Activity is written back at most once a minute, so reads do not write on every request.
 */
export const INACTIVITY_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const ACTIVITY_WRITE_INTERVAL_MS = 60 * 1000;

export type SessionState = { valid: false; reason: "inactive" | "expired" } | { valid: true; touch: boolean };

export function sessionState(session: { createdAt: Date; lastVerifiedAt: Date }, now: Date): SessionState {
  const t = now.getTime();
  if (t - session.createdAt.getTime() >= ABSOLUTE_LIFETIME_MS) return { valid: false, reason: "expired" };
  if (t - session.lastVerifiedAt.getTime() >= INACTIVITY_TIMEOUT_MS) return { valid: false, reason: "inactive" };
  return { valid: true, touch: t - session.lastVerifiedAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS };
}

/** Seconds the cookie should live: until the absolute lifetime ends. */
export function cookieMaxAgeSeconds(createdAt: Date, now: Date): number {
  return Math.max(0, Math.floor((createdAt.getTime() + ABSOLUTE_LIFETIME_MS - now.getTime()) / 1000));
}
