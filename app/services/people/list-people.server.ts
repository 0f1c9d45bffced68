import { and, asc, eq } from "drizzle-orm";
import { appUser, membership, verification } from "../../../db/schema";
import { isTenantRole, type TenantRole } from "../../domain/permissions";
import { inTenant, type TenantScope } from "../scope.server";

export interface MemberRow {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: TenantRole;
  version: number;
  since: Date;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: TenantRole;
  invitedBy: string;
  sentAt: Date;
  expiresAt: Date;
  expired: boolean;
}

/** Members and open invitations of the authority: two queries whatever their number. */
export async function listPeople(scope: TenantScope): Promise<{ members: MemberRow[]; invitations: InvitationRow[] }> {
  return inTenant(scope, async (tx) => {
    const members = await tx
      .select({ membershipId: membership.id, userId: appUser.id, name: appUser.name, email: appUser.email, role: membership.role, version: membership.version, since: membership.createdAt })
      .from(membership)
      .innerJoin(appUser, eq(appUser.id, membership.userId))
      .where(eq(membership.authorityId, scope.authorityId))
      .orderBy(asc(appUser.name));
    const links = await tx
      .select()
      .from(verification)
      .where(and(eq(verification.authorityId, scope.authorityId), eq(verification.purpose, "invitation")))
      .orderBy(asc(verification.createdAt));
    return {
      members: members.map((m) => ({ ...m, role: isTenantRole(m.role) ? m.role : "viewer" })),
      invitations: links.map((l) => {
        const data = l.data as { email: string; role: string; invitedBy?: string };
        return {
          id: l.id,
          email: data.email,
          role: isTenantRole(data.role) ? data.role : "viewer",
          invitedBy: data.invitedBy ?? "",
          sentAt: l.createdAt,
          expiresAt: l.expiresAt,
          expired: l.expiresAt <= scope.now,
        };
      }),
    };
  });
}
