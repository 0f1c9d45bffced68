import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { milestone, workstream, type Milestone } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { InvalidError } from "../../errors";
import { inTenant, type TenantScope } from "../scope.server";
import { auditCreated, entityHistory, findOwned, refuseFutureDates, saveVersioned } from "./records.server";
import { listWorkstreams } from "./workstreams.server";

export interface MilestoneInput {
  workstreamId: string;
  title: string;
  owner: string | null;
  dueDate: IsoDate | null;
  /** Null on a new milestone: the baseline is the due date first given. */
  baselineDueDate: IsoDate | null;
  doneOn: IsoDate | null;
  notes: string | null;
}

const DONE_ON = (value: IsoDate | null) => ({ doneOn: { value, label: "The done date" } });

/** A workstream id from a form is trusted only if it is this authority's. */
async function checkWorkstream(tx: Executor, scope: TenantScope, workstreamId: string): Promise<void> {
  const [w] = await tx
    .select({ id: workstream.id })
    .from(workstream)
    .where(and(eq(workstream.id, workstreamId), eq(workstream.authorityId, scope.authorityId)));
  if (!w) throw new InvalidError("Choose a workstream", { workstreamId: "Choose one of the authority's workstreams" });
}

export async function createMilestone(scope: TenantScope, input: MilestoneInput): Promise<Milestone> {
  refuseFutureDates(scope, DONE_ON(input.doneOn));
  return inTenant(scope, async (tx) => {
    await checkWorkstream(tx, scope, input.workstreamId);
    const values = { ...input, baselineDueDate: input.baselineDueDate ?? input.dueDate };
    const [created] = await tx
      .insert(milestone)
      .values({ authorityId: scope.authorityId, ...values })
      .returning();
    await auditCreated(tx, scope, "milestone", created.id, values);
    return created;
  });
}

/** Saves changes to a milestone; `version` is the one the form was loaded with. */
export async function updateMilestone(scope: TenantScope, id: string, version: number, input: MilestoneInput): Promise<void> {
  refuseFutureDates(scope, DONE_ON(input.doneOn));
  await inTenant(scope, async (tx) => {
    const before = await findOwned(tx, scope, "milestone", id);
    if (input.workstreamId !== before.workstreamId) await checkWorkstream(tx, scope, input.workstreamId);
    await saveVersioned(tx, scope, "milestone", before, version, input);
  });
}

/** Records the day a milestone was achieved. */
export async function markMilestoneDone(scope: TenantScope, id: string, version: number, doneOn: IsoDate): Promise<void> {
  refuseFutureDates(scope, DONE_ON(doneOn));
  await inTenant(scope, async (tx) => {
    const before = await findOwned(tx, scope, "milestone", id);
    await saveVersioned(tx, scope, "milestone", before, version, { doneOn }, "milestone.done");
  });
}

/** A milestone with the authority's workstreams (for its form) and its history. */
export async function getMilestoneDetail(scope: TenantScope, id: string) {
  return inTenant(scope, async (tx) => {
    const m = await findOwned(tx, scope, "milestone", id);
    const [workstreams, history] = await Promise.all([listWorkstreams(tx, scope.authorityId), entityHistory(tx, scope, "milestone", id)]);
    return { milestone: m, workstreams, workstreamName: workstreams.find((w) => w.id === m.workstreamId)?.name ?? "", history };
  });
}
