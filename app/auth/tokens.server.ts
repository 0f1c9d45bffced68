import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { API_TOKEN_BYTES, API_TOKEN_PREFIX, tokenDisplay } from "../domain/api-tokens";

/** 160 bits from the system's secure random source, URL-safe. */
export function generateSecureToken(bytes = 20): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Compares two hex digests in constant time. */
export function constantTimeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * A new personal API token: `fsk_` and 256 random bits, the SHA-256 hex digest that is stored
 * instead of it, and the start shown in the owner's list.
 */
export function generateApiToken(): { token: string; hash: string; display: string } {
  const token = `${API_TOKEN_PREFIX}${generateSecureToken(API_TOKEN_BYTES)}`;
  return { token, hash: sha256Hex(token), display: tokenDisplay(token) };
}
