/**
 * Who must use two-factor sign-in, and how fresh a proof sensitive actions need (pure).
 * - Required (when the service's policy says so) for national roles and programme managers:
 *   they reach every authority, or manage people, the charter and funding.
 * - Step-up: inviting people, publishing a charter and creating API tokens need a second-factor
 *   proof from the last 15 minutes, whoever has two-factor set up.
 */
export const STEP_UP_MAX_AGE_MS = 15 * 60 * 1000;

export function twoFactorRequired(policy: "required" | "optional", user: { national: boolean; programmeManager: boolean }): boolean {
  return policy === "required" && (user.national || user.programmeManager);
}

export type TwoFactorGate = "ok" | "verify" | "set-up";

/** What a signed-in session must do before it may go on. */
export function twoFactorGate(policy: "required" | "optional", user: { national: boolean; programmeManager: boolean; enrolled: boolean; verifiedAt: Date | null }): TwoFactorGate {
  if (user.enrolled) return user.verifiedAt ? "ok" : "verify";
  return twoFactorRequired(policy, user) ? "set-up" : "ok";
}

export function stepUpFresh(verifiedAt: Date | null, now: Date): boolean {
  return verifiedAt !== null && now.getTime() - verifiedAt.getTime() < STEP_UP_MAX_AGE_MS;
}
