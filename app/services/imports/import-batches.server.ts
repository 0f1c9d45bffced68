import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { importBatch, type ImportBatch } from "../../../db/schema";
import { InvalidError, NotFoundError } from "../../errors";
import { inTenant, type TenantScope } from "../scope.server";

/**
 * The two steps of every CSV import. Step one keeps the uploaded file (and nothing else) so the
 * user can look at the preview; step two re-validates it and applies every row in one
 * transaction, or none.
 */
export async function saveImportPreview(scope: TenantScope, input: { kind: string; filename: string; content: string; rowCount: number }): Promise<ImportBatch> {
  return inTenant(scope, async (tx) => {
    const [row] = await tx
      .insert(importBatch)
      .values({ authorityId: scope.authorityId, kind: input.kind, filename: input.filename.slice(0, 200), content: input.content, rowCount: input.rowCount, status: "previewed", createdByUserId: scope.actor.userId })
      .returning();
    return row;
  });
}

export async function getImportBatch(tx: Tx | TenantScope["db"], scope: TenantScope, id: string, kind: string): Promise<ImportBatch> {
  const [row] = await tx
    .select()
    .from(importBatch)
    .where(and(eq(importBatch.id, id), eq(importBatch.authorityId, scope.authorityId), eq(importBatch.kind, kind)))
    .limit(1);
  if (!row) throw new NotFoundError("Import not found");
  return row;
}

/** Claims a previewed batch for applying; a batch already applied (a double click) is refused. */
export async function claimImportBatch(tx: Tx, scope: TenantScope, id: string, kind: string, summary: Record<string, number>): Promise<ImportBatch> {
  const batch = await getImportBatch(tx, scope, id, kind);
  const [claimed] = await tx
    .update(importBatch)
    .set({ status: "applied", appliedAt: scope.now, summary })
    .where(and(eq(importBatch.id, batch.id), eq(importBatch.status, "previewed")))
    .returning();
  if (!claimed) throw new InvalidError("This import has already been applied.");
  return claimed;
}
