import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { apiToken, appUser } from "../../../db/schema";
import { generateApiToken, sha256Hex } from "../../auth/tokens.server";
import { isApiTokenFormat, tokenExpiry, tokenStatus, type TokenStatus } from "../../domain/api-tokens";
import { londonDate, type IsoDate } from "../../domain/dates";
import { isNationalRole, type NationalRole } from "../../domain/permissions";
import { InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import type { UserScope } from "../scope.server";

export interface ApiTokenRow {
  id: string;
  name: string;
  display: string;
  createdAt: Date;
  expiresOn: IsoDate;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
}

/**
 * A new personal API token for the signed-in person. The token itself is returned once, here,
 * and never stored: only its SHA-256. Expiry: the date chosen (after today, at most a year ahead)
 * or 90 days from today.
 */
export async function createApiToken(scope: UserScope, input: { name: string; expiresOn: IsoDate | null }): Promise<{ id: string; token: string; expiresOn: IsoDate }> {
  const userId = scope.actor.userId!;
  const expiry = tokenExpiry(input.expiresOn, londonDate(scope.now));
  if (!expiry.ok) throw new InvalidError(expiry.message, { expiresOn: expiry.message });
  const { token, hash, display } = generateApiToken();
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({ userId, name: input.name, tokenHash: hash, display, createdAt: scope.now, expiresOn: expiry.expiresOn })
      .returning({ id: apiToken.id });
    await recordAudit(tx, scope.actor, { authorityId: null, action: "api-token.created", entityType: "api_token", entityId: row.id, after: { name: input.name, display, expiresOn: expiry.expiresOn } });
    return { id: row.id, token, expiresOn: expiry.expiresOn };
  });
}

/** The person's own tokens, newest first, with their status today. One query. */
export async function listApiTokens(scope: UserScope): Promise<ApiTokenRow[]> {
  const today = londonDate(scope.now);
  const rows = await scope.db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      display: apiToken.display,
      createdAt: apiToken.createdAt,
      expiresOn: apiToken.expiresOn,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .where(eq(apiToken.userId, scope.actor.userId!))
    .orderBy(desc(apiToken.createdAt));
  return rows.map((r) => ({ ...r, status: tokenStatus(r, today) }));
}

/** Revokes one of the person's own tokens (someone else's is not found). Revoking twice is a no-op. */
export async function revokeApiToken(scope: UserScope, tokenId: string): Promise<{ name: string }> {
  const userId = scope.actor.userId!;
  return scope.db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiToken).where(and(eq(apiToken.id, tokenId), eq(apiToken.userId, userId)));
    if (!row) throw new NotFoundError("That token no longer exists");
    if (row.revokedAt) return { name: row.name };
    await tx.update(apiToken).set({ revokedAt: scope.now }).where(and(eq(apiToken.id, tokenId), isNull(apiToken.revokedAt)));
    await recordAudit(tx, scope.actor, {
      authorityId: null,
      action: "api-token.revoked",
      entityType: "api_token",
      entityId: row.id,
      before: { name: row.name, display: row.display, expiresOn: row.expiresOn, revokedAt: null },
      after: { revokedAt: scope.now.toISOString() },
    });
    return { name: row.name };
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenHolder {
  tokenId: string;
  user: { id: string; email: string; name: string; nationalRole: NationalRole | null };
}

/**
 * The person a bearer token acts for, or null when it is malformed, unknown, expired or revoked.
 * Looked up by its SHA-256 (a unique index), so no timing comparison of secrets is needed. Marks
 * the token used, at most once a minute (a busy integration would otherwise write on every call).
 * One or two queries.
 */
export async function authenticateApiToken(db: Executor, token: string, now: Date): Promise<ApiTokenHolder | null> {
  if (!isApiTokenFormat(token)) return null;
  const [row] = await db
    .select({ id: apiToken.id, expiresOn: apiToken.expiresOn, revokedAt: apiToken.revokedAt, lastUsedAt: apiToken.lastUsedAt, user: { id: appUser.id, email: appUser.email, name: appUser.name, nationalRole: appUser.nationalRole } })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .where(eq(apiToken.tokenHash, sha256Hex(token)))
    .limit(1);
  if (!row || tokenStatus(row, londonDate(now)) !== "active") return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, row.id));
  return { tokenId: row.id, user: { ...row.user, nationalRole: isNationalRole(row.user.nationalRole) ? row.user.nationalRole : null } };
}
