import { and, eq, sql } from "drizzle-orm";
import { authority } from "../../../db/schema";
import { ConflictError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";

export interface GoLiveInput {
  plannedGoLive: string | null;
  dfeConfirmedOn: string | null;
  actualGoLive: string | null;
  thresholdAdultWorkers: number | null;
  thresholdMi: number | null;
  thresholdWorkshops: number | null;
}

/** The go-live record (planned, confirmed by DfE, actual) and the authority's own thresholds. */
export async function updateGoLive(scope: TenantScope, version: number, input: GoLiveInput): Promise<void> {
  await inTenant(scope, async (tx) => {
    const [before] = await tx.select().from(authority).where(eq(authority.id, scope.authorityId));
    if (!before) throw new NotFoundError();
    if (before.version !== version) throw new ConflictError("Someone else changed the go-live record after you opened it. Their changes are shown; yours are kept in the form.");
    const updated = await tx
      .update(authority)
      .set({ ...input, version: sql`${authority.version} + 1`, updatedAt: scope.now })
      .where(and(eq(authority.id, scope.authorityId), eq(authority.version, version)))
      .returning({ id: authority.id });
    if (!updated.length) throw new ConflictError();
    const old: GoLiveInput = {
      plannedGoLive: before.plannedGoLive,
      dfeConfirmedOn: before.dfeConfirmedOn,
      actualGoLive: before.actualGoLive,
      thresholdAdultWorkers: before.thresholdAdultWorkers,
      thresholdMi: before.thresholdMi,
      thresholdWorkshops: before.thresholdWorkshops,
    };
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "authority.go-live-updated", entityType: "authority", entityId: scope.authorityId, before: old, after: input });
  });
}
