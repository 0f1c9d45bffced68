import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rateLimit } from "../../db/schema";

export interface Limit {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

/** Sign-in: per e-mail guards one account, per IP guards against spraying many. */
export const LIMITS = {
  signInPerEmail: { max: 10, windowMs: 15 * 60_000 },
  signInPerIp: { max: 50, windowMs: 15 * 60_000 },
  resetPerEmail: { max: 3, windowMs: 60 * 60_000 },
  resetPerIp: { max: 20, windowMs: 60 * 60_000 },
  linkPerIp: { max: 30, windowMs: 15 * 60_000 },
  twoFactorPerUser: { max: 10, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

export class RateLimitedError extends Error {
  readonly status = 429;
  constructor() {
    super("Too many attempts. Wait a few minutes and try again.");
    this.name = "RateLimitedError";
  }
}

/**
 * Counts one attempt against a key (fixed window, in the database so every app instance shares
 * it) and says whether it is still within the limit. One statement: no race between instances.
 */
export async function hit(db: Executor, key: string, limit: Limit, now: Date): Promise<boolean> {
  return (await count(db, key, limit, now)).allowed;
}

/** As `hit`, also saying how many seconds remain until the key's window ends (for Retry-After). */
export async function count(db: Executor, key: string, limit: Limit, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  // Instants go in as ISO text: postgres.js does not serialise a bare Date inside raw SQL.
  const windowStart = new Date(now.getTime() - limit.windowMs).toISOString();
  const nowText = now.toISOString();
  const [row] = await db
    .insert(rateLimit)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.windowStart} <= ${windowStart}::timestamptz then 1 else ${rateLimit.count} + 1 end`,
        windowStart: sql`case when ${rateLimit.windowStart} <= ${windowStart}::timestamptz then ${nowText}::timestamptz else ${rateLimit.windowStart} end`,
      },
    })
    .returning({ count: rateLimit.count, windowStart: rateLimit.windowStart });
  const ends = new Date(row.windowStart).getTime() + limit.windowMs;
  return { allowed: row.count <= limit.max, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}

/** Counts against every key; throws when any is over its limit. */
export async function enforce(db: Executor, checks: Array<[key: string, limit: Limit]>, now: Date): Promise<void> {
  let allowed = true;
  for (const [key, limit] of checks) allowed = (await hit(db, key, limit, now)) && allowed;
  if (!allowed) throw new RateLimitedError();
}
