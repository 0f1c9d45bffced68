import { addDays, type IsoDate } from "./dates";

/**
 * Personal API tokens (pure rules). A token is `fsk_` followed by 43 URL-safe base64 characters
 * (256 random bits): the prefix makes a leaked token recognisable to secret scanners and to
 * people. It is usable through the end of its expiry date (in England) unless revoked.
 */
export const API_TOKEN_PREFIX = "fsk_";
/** Random bytes in a token: 256 bits, 43 base64url characters. */
export const API_TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^fsk_[A-Za-z0-9_-]{43}$/;

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;
export const TOKEN_NAME_MAX = 100;

/** Whether text has the shape of a personal API token (says nothing about whether it exists). */
export function isApiTokenFormat(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** What the owner sees of a token after creation: its prefix and first four random characters. */
export function tokenDisplay(token: string): string {
  return `${token.slice(0, API_TOKEN_PREFIX.length + 4)}…`;
}

/** The token in an `Authorization: Bearer …` header, or null when the header is missing or of another scheme. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  return match ? match[1] : null;
}

export type ExpiryResult = { ok: true; expiresOn: IsoDate } | { ok: false; message: string };

/**
 * The expiry date of a new token: the one chosen, or 90 days from today when none is. It must be
 * after today and at most a year (365 days) ahead.
 */
export function tokenExpiry(chosen: IsoDate | null, today: IsoDate): ExpiryResult {
  if (!chosen) return { ok: true, expiresOn: addDays(today, DEFAULT_TOKEN_DAYS) };
  if (chosen <= today) return { ok: false, message: "The expiry date must be in the future" };
  if (chosen > addDays(today, MAX_TOKEN_DAYS)) return { ok: false, message: "The expiry date must be at most a year from today" };
  return { ok: true, expiresOn: chosen };
}

export type TokenStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired; a token expiring today still works today. */
export function tokenStatus(token: { expiresOn: IsoDate; revokedAt: Date | string | null }, today: IsoDate): TokenStatus {
  if (token.revokedAt) return "revoked";
  return token.expiresOn < today ? "expired" : "active";
}

export const TOKEN_STATUS_LABELS: Record<TokenStatus, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };
