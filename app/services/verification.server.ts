import { and, eq, gt } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { verification, type Verification } from "../../db/schema";
import { generateSecureToken, sha256Hex } from "../auth/tokens.server";
import { asSystem } from "./scope.server";

export type VerificationPurpose = "invitation" | "password-reset" | "charter-signing";

/**
 * Issues the link token for (purpose, target), replacing any earlier one for the same target:
 * re-sending an invitation makes the old link stop working. Returns the raw token, which is
 * only ever e-mailed; the database keeps its hash.
 */
export async function issueVerification(
  tx: Executor,
  v: { purpose: VerificationPurpose; target: string; authorityId: string | null; data: Record<string, unknown>; ttlMs: number; createdByUserId: string | null; now: Date },
): Promise<{ token: string; row: Verification }> {
  const token = generateSecureToken(24);
  const values = {
    purpose: v.purpose,
    target: v.target,
    tokenHash: sha256Hex(token),
    authorityId: v.authorityId,
    data: v.data,
    createdByUserId: v.createdByUserId,
    createdAt: v.now,
    expiresAt: new Date(v.now.getTime() + v.ttlMs),
  };
  const [row] = await tx
    .insert(verification)
    .values(values)
    .onConflictDoUpdate({ target: [verification.purpose, verification.target], set: values })
    .returning();
  return { token, row };
}

/**
 * Looks a link up without using it (a GET never consumes a link). The link says which authority
 * it belongs to, so the look-up by token hash is a system path (ADR 0008).
 */
export async function findVerification(db: Database, purpose: VerificationPurpose, token: string, now: Date): Promise<Verification | null> {
  if (!token || token.length > 200) return null;
  const [row] = await asSystem(db, "link by token", (tx) =>
    tx
      .select()
      .from(verification)
      .where(and(eq(verification.tokenHash, sha256Hex(token)), eq(verification.purpose, purpose), gt(verification.expiresAt, now)))
      .limit(1),
  );
  return row ?? null;
}

/**
 * Uses a link: deletes its row and returns it, in one statement. Of two concurrent uses only one
 * gets the row; the other gets null. Call inside the transaction that makes the change, so a
 * failure after this point puts the link back.
 */
export async function consumeVerification(tx: Executor, purpose: VerificationPurpose, token: string, now: Date): Promise<Verification | null> {
  if (!token || token.length > 200) return null;
  const [row] = await tx
    .delete(verification)
    .where(and(eq(verification.tokenHash, sha256Hex(token)), eq(verification.purpose, purpose), gt(verification.expiresAt, now)))
    .returning();
  return row ?? null;
}
