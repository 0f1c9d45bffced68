/**
 * Cross-site request forgery: every state-changing request must carry an Origin header naming
 * this service. Browsers send it on every POST; a missing or foreign one is refused with 403.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

export function originAllowed(origin: string | null | undefined, allowedOrigins: string[]): boolean {
  if (!origin || origin === "null") return false;
  return allowedOrigins.includes(origin);
}
