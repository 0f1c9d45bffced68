import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { fundingSetting, post, postCost, roleCostRate } from "../../../db/schema";
import type { CostBasis } from "../../domain/funding";
import { InvalidError, NotFoundError } from "../../errors";
import { inTenant, type TenantScope } from "../scope.server";
import { deleteRow, findRow, insertRow, updateRow, upsertRow } from "./rows.server";

const SETTING = { table: fundingSetting, entityType: "funding_setting", what: "How costs are counted" };
const ROLE_RATE = { table: roleCostRate, entityType: "role_cost_rate", what: "This role's cost" };
export const POST_COST = { table: postCost, entityType: "post_cost", what: "This post's cost" };

export interface SettingsInput {
  costBasis: CostBasis;
  upliftBp: number;
  costsFrom: string | null;
  /** The version the form was loaded with; null when the authority had no settings yet. */
  version: number | null;
}

export async function saveFundingSettings(scope: TenantScope, input: SettingsInput) {
  return inTenant(scope, async (tx) => {
    const [existing] = await tx.select().from(fundingSetting).where(eq(fundingSetting.authorityId, scope.authorityId)).limit(1);
    const { version, ...values } = input;
    return upsertRow(tx, scope, SETTING, existing, version, values);
  });
}

export interface RoleRateInput {
  role: string;
  annualPence: number;
  priceBase: string;
  version: number | null;
}

/** Sets the default annual cost of 1 FTE of a role (one per role). */
export async function setRoleRate(scope: TenantScope, input: RoleRateInput) {
  return inTenant(scope, async (tx) => {
    const [existing] = await tx
      .select()
      .from(roleCostRate)
      .where(and(eq(roleCostRate.authorityId, scope.authorityId), eq(roleCostRate.role, input.role)))
      .limit(1);
    const { version, ...values } = input;
    if (existing && version === null) throw new InvalidError("This role already has a cost", { role: "This role already has a cost: change it in the table" });
    return upsertRow(tx, scope, ROLE_RATE, existing, version, values);
  });
}

export async function deleteRoleRate(scope: TenantScope, id: string, version: number) {
  return inTenant(scope, async (tx) => deleteRow(tx, scope, ROLE_RATE, await findRow(tx, scope, ROLE_RATE, id), version));
}

export interface PostCostInput {
  effectiveFrom: string;
  annualPence: number;
  note: string | null;
}

/** An adult specialist post of this authority: the only posts the funding model costs. */
export async function findAdultPost(tx: Tx, scope: TenantScope, postId: string) {
  const [row] = await tx
    .select({ id: post.id, reference: post.reference, role: post.role, fte: post.fte, title: post.title, establishedOn: post.establishedOn, disestablishedOn: post.disestablishedOn })
    .from(post)
    .where(and(eq(post.id, postId), eq(post.authorityId, scope.authorityId), eq(post.adultSpecialist, true)))
    .limit(1);
  if (!row) throw new NotFoundError("Post not found");
  return row;
}

async function assertDateFree(tx: Tx, postId: string, effectiveFrom: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: postCost.id })
    .from(postCost)
    .where(and(eq(postCost.postId, postId), eq(postCost.effectiveFrom, effectiveFrom), exceptId ? ne(postCost.id, exceptId) : undefined))
    .limit(1);
  if (clash) throw new InvalidError("This post already has a cost from that date", { effectiveFrom: "This post already has a cost from that date: change that one instead" });
}

export async function addPostCost(scope: TenantScope, postId: string, input: PostCostInput) {
  return inTenant(scope, async (tx) => {
    const p = await findAdultPost(tx, scope, postId);
    await assertDateFree(tx, p.id, input.effectiveFrom);
    return insertRow(tx, scope, POST_COST, { ...input, postId: p.id });
  });
}

export async function updatePostCost(scope: TenantScope, postId: string, id: string, version: number, input: PostCostInput) {
  return inTenant(scope, async (tx) => {
    const before = await findRow(tx, scope, POST_COST, id, { key: "postId", id: postId });
    await assertDateFree(tx, postId, input.effectiveFrom, id);
    return updateRow(tx, scope, POST_COST, before, version, input);
  });
}

export async function deletePostCost(scope: TenantScope, postId: string, id: string, version: number) {
  return inTenant(scope, async (tx) => deleteRow(tx, scope, POST_COST, await findRow(tx, scope, POST_COST, id, { key: "postId", id: postId }), version));
}
