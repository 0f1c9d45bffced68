import { randomBytes } from "node:crypto";
import type { Executor } from "../../db/client";
import { appUser, membership, type User } from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import { createSession } from "../../app/auth/session.server";
import type { NationalRole, TenantRole } from "../../app/domain/permissions";

export const TEST_PASSWORD = "correct horse battery staple";

// scrypt is slow on purpose: hash the test password once per process.
let testHash: Promise<string> | undefined;
function testPasswordHash() {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

export async function createUser(db: Executor, overrides: Partial<Pick<User, "email" | "name" | "nationalRole">> & { password?: string } = {}): Promise<User> {
  const email = overrides.email ?? `user-${randomBytes(5).toString("hex")}@example.test`;
  const passwordHash = overrides.password ? await hashPassword(overrides.password) : await testPasswordHash();
  const [user] = await db
    .insert(appUser)
    .values({ email, name: overrides.name ?? `Test ${email.split("@")[0]}`, passwordHash, nationalRole: overrides.nationalRole ?? null })
    .returning();
  return user;
}

export async function addMembership(db: Executor, userId: string, authorityId: string, role: TenantRole) {
  const [row] = await db.insert(membership).values({ userId, authorityId, role }).returning();
  return row;
}

/** A user with a role in an authority (or a national role), signed in: returns the session token. */
export async function createSignedInUser(
  db: Executor,
  opts: { authorityId?: string; role?: TenantRole; nationalRole?: NationalRole; now?: Date } = {},
): Promise<{ user: User; token: string }> {
  const user = await createUser(db, { nationalRole: opts.nationalRole ?? null });
  if (opts.authorityId && opts.role) await addMembership(db, user.id, opts.authorityId, opts.role);
  const { token } = await createSession(db, user.id, opts.now ?? new Date());
  return { user, token };
}
