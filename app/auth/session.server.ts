import { eq, sql } from "drizzle-orm";
import type { Database, Executor, Tx } from "../../db/client";
import { asSystem } from "../services/scope.server";
import { appUser, membership, session, twoFactor, type User } from "../../db/schema";
import type { Env } from "../env.server";
import { cookieMaxAgeSeconds, sessionState } from "./session-policy";
import { constantTimeEqualHex, generateSecureToken, sha256Hex } from "./tokens.server";

/**
 * Sessions after the Lucia guide. The token handed to the browser is `id.secret`; the database
 * keeps the id and SHA-256(secret). A stolen database row cannot be turned back into a cookie.
 */
export interface SessionUser {
  sessionId: string;
  user: Pick<User, "id" | "email" | "name" | "nationalRole">;
  createdAt: Date;
  twoFactor: {
    /** The person has a confirmed authenticator. */
    enrolled: boolean;
    /** When this session last proved it (null: not in this session). */
    verifiedAt: Date | null;
    /** Programme manager somewhere: two-factor may be required. */
    programmeManager: boolean;
  };
}

export async function createSession(
  db: Executor,
  userId: string,
  now: Date,
  meta: { ip?: string; userAgent?: string; twoFactorAt?: Date | null } = {},
): Promise<{ token: string; createdAt: Date }> {
  const id = generateSecureToken(15);
  const secret = generateSecureToken(20);
  await db.insert(session).values({
    id,
    secretHash: sha256Hex(secret),
    userId,
    createdAt: now,
    lastVerifiedAt: now,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
    twoFactorAt: meta.twoFactorAt ?? null,
  });
  return { token: `${id}.${secret}`, createdAt: now };
}

/**
 * The signed-in user for a token, or null. Expired sessions are deleted as they are found.
 * `alongside` runs in the same transaction once the session is known good (an authority page
 * reads the person's membership there: one transaction per request instead of two).
 */
export async function validateSessionToken(db: Database, token: string, now: Date, alongside?: (tx: Tx, user: SessionUser["user"]) => Promise<unknown>): Promise<SessionUser | null> {
  const dot = token.indexOf(".");
  if (dot <= 0 || dot === token.length - 1 || token.length > 200) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  // The programme-manager test reads the user's memberships in any authority: system scope.
  return asSystem(db, "memberships of a user", async (tx) => {
    const [row] = await tx
      .select({
        id: session.id,
        secretHash: session.secretHash,
        createdAt: session.createdAt,
        lastVerifiedAt: session.lastVerifiedAt,
        twoFactorAt: session.twoFactorAt,
        enrolled: sql<boolean>`${twoFactor.confirmedAt} is not null`,
        programmeManager: sql<boolean>`exists (select 1 from ${membership} where ${membership.userId} = ${appUser.id} and ${membership.role} = 'programme-manager')`,
        user: { id: appUser.id, email: appUser.email, name: appUser.name, nationalRole: appUser.nationalRole },
      })
      .from(session)
      .innerJoin(appUser, eq(appUser.id, session.userId))
      .leftJoin(twoFactor, eq(twoFactor.userId, appUser.id))
      .where(eq(session.id, id))
      .limit(1);
    if (!row) return null;
    if (!constantTimeEqualHex(sha256Hex(secret), row.secretHash)) return null;
    const state = sessionState(row, now);
    if (!state.valid) {
      await tx.delete(session).where(eq(session.id, id));
      return null;
    }
    if (state.touch) await tx.update(session).set({ lastVerifiedAt: now }).where(eq(session.id, id));
    if (alongside) await alongside(tx, row.user);
    return {
      sessionId: row.id,
      user: row.user,
      createdAt: row.createdAt,
      twoFactor: { enrolled: Boolean(row.enrolled), verifiedAt: row.twoFactorAt, programmeManager: Boolean(row.programmeManager) },
    };
  });
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(session).where(eq(session.id, sessionId));
}

/** Ends every session of a user: after removal from an authority or a password change. */
export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(session).where(eq(session.userId, userId));
}

/** Cookies: HttpOnly, SameSite=Lax; Secure and __Host- prefixed when the service runs on https. */
export function sessionCookieName(env: Pick<Env, "APP_URL">): string {
  return isSecure(env) ? "__Host-fs_session" : "fs_session";
}

function isSecure(env: Pick<Env, "APP_URL">) {
  return env.APP_URL.startsWith("https://");
}

export function serializeSessionCookie(env: Pick<Env, "APP_URL">, token: string, createdAt: Date, now: Date): string {
  const parts = [`${sessionCookieName(env)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${cookieMaxAgeSeconds(createdAt, now)}`];
  if (isSecure(env)) parts.push("Secure");
  return parts.join("; ");
}

export function clearSessionCookie(env: Pick<Env, "APP_URL">): string {
  const parts = [`${sessionCookieName(env)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (isSecure(env)) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(request: Request, env: Pick<Env, "APP_URL">): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = sessionCookieName(env);
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim()) || null;
  }
  return null;
}

/** Records that this session has just proved the second factor. */
export async function markSessionTwoFactor(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.update(session).set({ twoFactorAt: now }).where(eq(session.id, sessionId));
}
