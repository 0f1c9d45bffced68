import { eq } from "drizzle-orm";
import { appUser } from "../../../db/schema";
import { recordAudit } from "../audit.server";
import type { UserScope } from "../scope.server";

export async function updateName(scope: UserScope, name: string): Promise<void> {
  const userId = scope.actor.userId!;
  await scope.db.transaction(async (tx) => {
    const [before] = await tx.select({ name: appUser.name }).from(appUser).where(eq(appUser.id, userId));
    if (before?.name === name) return;
    await tx.update(appUser).set({ name }).where(eq(appUser.id, userId));
    await recordAudit(tx, scope.actor, { authorityId: null, action: "user.renamed", entityType: "user", entityId: userId, before: { name: before?.name }, after: { name } });
  });
}
