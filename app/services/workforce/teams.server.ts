import { and, eq, sql } from "drizzle-orm";
import { isUniqueViolation } from "../../../db/errors";
import { team } from "../../../db/schema";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error, "team_authority_name_unique")) throw new InvalidError("That team exists", { name: "The authority already has a team with this name" });
  throw error;
}

export async function createTeam(scope: TenantScope, name: string): Promise<void> {
  try {
    await inTenant(scope, async (tx) => {
      const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${team.sortOrder}), -1)::int + 1` }).from(team).where(eq(team.authorityId, scope.authorityId));
      const [created] = await tx.insert(team).values({ authorityId: scope.authorityId, name, sortOrder: next }).returning({ id: team.id });
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "team.created", entityType: "team", entityId: created.id, after: { name } });
    });
  } catch (error) {
    duplicateName(error);
  }
}

export async function renameTeam(scope: TenantScope, teamId: string, version: number, name: string): Promise<void> {
  try {
    await inTenant(scope, async (tx) => {
      const [before] = await tx.select().from(team).where(and(eq(team.id, teamId), eq(team.authorityId, scope.authorityId)));
      if (!before) throw new NotFoundError("Team not found");
      if (before.version !== version) throw new ConflictError("Someone else renamed this team after you opened the page.");
      await tx.update(team).set({ name, version: sql`${team.version} + 1` }).where(and(eq(team.id, teamId), eq(team.version, version)));
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "team.renamed", entityType: "team", entityId: teamId, before: { name: before.name }, after: { name } });
    });
  } catch (error) {
    duplicateName(error);
  }
}
