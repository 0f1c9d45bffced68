import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { fundingSpend, fundingStream } from "../../../db/schema";
import type { StreamKind } from "../../domain/funding";
import { InvalidError } from "../../errors";
import { inTenant, type TenantScope } from "../scope.server";
import { deleteRow, findRow, insertRow, updateRow } from "./rows.server";

export const STREAM = { table: fundingStream, entityType: "funding_stream", what: "This funding stream" };
export const SPEND = { table: fundingSpend, entityType: "funding_spend", what: "This spend entry" };

export interface StreamInput {
  name: string;
  funder: string;
  kind: StreamKind;
  totalPence: number;
  startDate: string;
  endDate: string | null;
  sharesBp: number[];
  note: string | null;
}

/** Only a tapered stream keeps a schedule; only the others keep an end date. */
function normalise(input: StreamInput): StreamInput {
  return { ...input, sharesBp: input.kind === "tapered" ? input.sharesBp : [], endDate: input.kind === "tapered" ? null : input.endDate };
}

async function assertNameFree(tx: Tx, scope: TenantScope, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: fundingStream.id })
    .from(fundingStream)
    .where(and(eq(fundingStream.authorityId, scope.authorityId), eq(fundingStream.name, name), exceptId ? ne(fundingStream.id, exceptId) : undefined))
    .limit(1);
  if (clash) throw new InvalidError("There is already a stream with this name", { name: "There is already a funding stream with this name" });
}

export async function createStream(scope: TenantScope, input: StreamInput) {
  return inTenant(scope, async (tx) => {
    await assertNameFree(tx, scope, input.name);
    return insertRow(tx, scope, STREAM, normalise(input));
  });
}

export async function updateStream(scope: TenantScope, id: string, version: number, input: StreamInput) {
  return inTenant(scope, async (tx) => {
    const before = await findRow(tx, scope, STREAM, id);
    await assertNameFree(tx, scope, input.name, id);
    return updateRow(tx, scope, STREAM, before, version, normalise(input));
  });
}

/** Deletes a stream and the spend recorded against it (kept in the audit row). */
export async function deleteStream(scope: TenantScope, id: string, version: number) {
  return inTenant(scope, async (tx) => {
    const before = await findRow(tx, scope, STREAM, id);
    const spend = await tx.select().from(fundingSpend).where(and(eq(fundingSpend.authorityId, scope.authorityId), eq(fundingSpend.streamId, id)));
    const withSpend = { ...before, spend: spend.map(({ id, spentOn, amountPence, description }) => ({ id, spentOn, amountPence, description })) };
    await deleteRow(tx, scope, STREAM, withSpend, version);
    return before;
  });
}

export interface SpendInput {
  spentOn: string;
  amountPence: number;
  description: string;
}

export async function addSpend(scope: TenantScope, streamId: string, input: SpendInput) {
  return inTenant(scope, async (tx) => {
    const stream = await findRow(tx, scope, STREAM, streamId);
    return insertRow(tx, scope, SPEND, { ...input, streamId: stream.id });
  });
}

export async function updateSpend(scope: TenantScope, streamId: string, id: string, version: number, input: SpendInput) {
  return inTenant(scope, async (tx) => updateRow(tx, scope, SPEND, await findRow(tx, scope, SPEND, id, { key: "streamId", id: streamId }), version, input));
}

export async function deleteSpend(scope: TenantScope, streamId: string, id: string, version: number) {
  return inTenant(scope, async (tx) => deleteRow(tx, scope, SPEND, await findRow(tx, scope, SPEND, id, { key: "streamId", id: streamId }), version));
}
