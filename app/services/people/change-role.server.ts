import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { appUser, membership } from "../../../db/schema";
import type { TenantRole } from "../../domain/permissions";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";

export async function findMembership(tx: Tx, scope: TenantScope, membershipId: string) {
  const [row] = await tx
    .select({ id: membership.id, userId: membership.userId, role: membership.role, version: membership.version, email: appUser.email })
    .from(membership)
    .innerJoin(appUser, eq(appUser.id, membership.userId))
    .where(and(eq(membership.id, membershipId), eq(membership.authorityId, scope.authorityId)))
    .limit(1);
  if (!row) throw new NotFoundError("Member not found");
  return row;
}

/** An authority must always keep a programme manager, or nobody could manage its people. */
export async function assertAnotherProgrammeManager(tx: Tx, scope: TenantScope, exceptMembershipId: string) {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(membership)
    .where(and(eq(membership.authorityId, scope.authorityId), eq(membership.role, "programme-manager"), sql`${membership.id} <> ${exceptMembershipId}`));
  if (n === 0) throw new InvalidError("The authority needs at least one programme manager", { role: "Make someone else programme manager first" });
}

/** Changes a member's role. `version` is the one the form was loaded with: a stale one is a conflict. */
export async function changeRole(scope: TenantScope, input: { membershipId: string; role: TenantRole; version: number }): Promise<void> {
  await inTenant(scope, async (tx) => {
    const current = await findMembership(tx, scope, input.membershipId);
    if (current.version !== input.version) throw new ConflictError(`${current.email}'s role was changed by someone else after you opened this page. Check it and try again.`);
    if (current.role === input.role) return;
    if (current.role === "programme-manager") await assertAnotherProgrammeManager(tx, scope, current.id);
    const updated = await tx
      .update(membership)
      .set({ role: input.role, version: sql`${membership.version} + 1` })
      .where(and(eq(membership.id, current.id), eq(membership.version, input.version)))
      .returning({ id: membership.id });
    if (updated.length === 0) throw new ConflictError();
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "membership.role-changed",
      entityType: "membership",
      entityId: current.id,
      before: { email: current.email, role: current.role },
      after: { email: current.email, role: input.role },
    });
  });
}
