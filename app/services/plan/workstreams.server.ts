import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { workstream, type Workstream } from "../../../db/schema";
import { DEFAULT_WORKSTREAMS, moveInOrder } from "../../domain/plan";
import { InvalidError } from "../../errors";
import { inTenant, type TenantScope } from "../scope.server";
import { auditCreated, findOwned, saveVersioned } from "./records.server";

export interface WorkstreamInput {
  name: string;
  lead: string | null;
}

/**
 * Gives an authority the programme's default workstreams, unless it has workstreams already
 * (so running it again, or on an authority that edited its list, changes nothing).
 */
export async function setUpDefaultWorkstreams(tx: Executor, authorityId: string): Promise<void> {
  const [existing] = await tx.select({ id: workstream.id }).from(workstream).where(eq(workstream.authorityId, authorityId)).limit(1);
  if (existing) return;
  await tx.insert(workstream).values(DEFAULT_WORKSTREAMS.map((w, i) => ({ authorityId, name: w.name, lead: w.lead ?? null, sortOrder: i })));
}

export async function listWorkstreams(tx: Executor, authorityId: string): Promise<Workstream[]> {
  return tx.select().from(workstream).where(eq(workstream.authorityId, authorityId)).orderBy(asc(workstream.sortOrder), asc(workstream.name));
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error, "workstream_authority_name_unique")) throw new InvalidError("That workstream exists", { name: "There is already a workstream with this name" });
  throw error;
}

/** Adds a workstream at the end of the list. */
export async function createWorkstream(scope: TenantScope, input: WorkstreamInput): Promise<Workstream> {
  try {
    return await inTenant(scope, async (tx) => {
      const [{ next }] = await tx
        .select({ next: sql<number>`coalesce(max(${workstream.sortOrder}), -1)::int + 1` })
        .from(workstream)
        .where(eq(workstream.authorityId, scope.authorityId));
      const [created] = await tx.insert(workstream).values({ authorityId: scope.authorityId, name: input.name, lead: input.lead, sortOrder: next }).returning();
      await auditCreated(tx, scope, "workstream", created.id, { name: input.name, lead: input.lead, sortOrder: next });
      return created;
    });
  } catch (error) {
    duplicateName(error);
  }
}

/** Renames a workstream or changes its lead; `version` is the one the page was loaded with. */
export async function updateWorkstream(scope: TenantScope, id: string, version: number, input: WorkstreamInput): Promise<void> {
  try {
    await inTenant(scope, async (tx) => {
      const before = await findOwned(tx, scope, "workstream", id);
      await saveVersioned(tx, scope, "workstream", before, version, { name: input.name, lead: input.lead });
    });
  } catch (error) {
    duplicateName(error);
  }
}

/**
 * Moves a workstream one place up or down. The list is renumbered 0, 1, 2… and every row whose
 * position changes is saved (version-checked for the one moved) and audited.
 */
export async function moveWorkstream(scope: TenantScope, id: string, version: number, direction: "up" | "down"): Promise<void> {
  await inTenant(scope, async (tx) => {
    const moved = await findOwned(tx, scope, "workstream", id);
    const all = await listWorkstreams(tx, scope.authorityId);
    const order = moveInOrder(
      all.map((w) => w.id),
      id,
      direction,
    );
    for (const w of all) {
      const sortOrder = order.indexOf(w.id);
      if (w.id === moved.id) await saveVersioned(tx, scope, "workstream", moved, version, { sortOrder }, "workstream.moved");
      else await saveVersioned(tx, scope, "workstream", w, w.version, { sortOrder }, "workstream.moved");
    }
  });
}
