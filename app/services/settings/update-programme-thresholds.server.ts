import { eq } from "drizzle-orm";
import { programmeSetting } from "../../../db/schema";
import type { Thresholds } from "../../domain/readiness";
import { recordAudit } from "../audit.server";
import { loadProgrammeThresholds } from "../readiness/load-facts.server";
import type { UserScope } from "../scope.server";

/** The programme-wide go-live thresholds, which every authority uses unless it sets its own. */
export async function updateProgrammeThresholds(scope: UserScope, thresholds: Thresholds): Promise<void> {
  await scope.db.transaction(async (tx) => {
    const before = await loadProgrammeThresholds(tx);
    const [existing] = await tx.select({ key: programmeSetting.key }).from(programmeSetting).where(eq(programmeSetting.key, "thresholds"));
    if (existing) await tx.update(programmeSetting).set({ value: thresholds, updatedByUserId: scope.actor.userId, updatedAt: scope.now }).where(eq(programmeSetting.key, "thresholds"));
    else await tx.insert(programmeSetting).values({ key: "thresholds", value: thresholds, updatedByUserId: scope.actor.userId, updatedAt: scope.now });
    await recordAudit(tx, scope.actor, { authorityId: null, action: "programme.thresholds-updated", entityType: "programme_setting", entityId: "thresholds", before, after: thresholds });
  });
}
