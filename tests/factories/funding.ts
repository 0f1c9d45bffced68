import type { Executor } from "../../db/client";
import { fundingSetting, fundingSpend, fundingStream, partnerContribution, postCost, reportedFigure, roleCostRate } from "../../db/schema";

type Insert<T extends { $inferInsert: unknown }> = Partial<T["$inferInsert"]>;

/** A funding stream; by default the DfE SFPC taper (100%, 70%, 50%) from 1 September 2020 with a £2.4m cap. */
export async function createFundingStream(db: Executor, authorityId: string, overrides: Insert<typeof fundingStream> = {}) {
  const [row] = await db
    .insert(fundingStream)
    .values({ authorityId, name: "DfE SFPC grant", funder: "Department for Education", kind: "tapered", totalPence: 240_000_000, startDate: "2020-09-01", sharesBp: [10_000, 7_000, 5_000], ...overrides })
    .returning();
  return row;
}

export async function createFundingSpend(db: Executor, stream: { id: string; authorityId: string }, overrides: Insert<typeof fundingSpend> = {}) {
  const [row] = await db
    .insert(fundingSpend)
    .values({ authorityId: stream.authorityId, streamId: stream.id, spentOn: "2020-10-01", amountPence: 1_000_000, description: "Spend", ...overrides })
    .returning();
  return row;
}

export async function setFundingSettings(db: Executor, authorityId: string, overrides: Insert<typeof fundingSetting> = {}) {
  const [row] = await db.insert(fundingSetting).values({ authorityId, ...overrides }).returning();
  return row;
}

/** The default annual cost of 1 FTE of a role. */
export async function createRoleRate(db: Executor, authorityId: string, role: string, annualPence: number, priceBase = "2020-09-01") {
  const [row] = await db.insert(roleCostRate).values({ authorityId, role, annualPence, priceBase }).returning();
  return row;
}

/** A post's own annual cost of 1 FTE from a date. */
export async function createPostCost(db: Executor, post: { id: string; authorityId: string }, annualPence: number, effectiveFrom = "2020-09-01", note: string | null = null) {
  const [row] = await db.insert(postCost).values({ authorityId: post.authorityId, postId: post.id, annualPence, effectiveFrom, note }).returning();
  return row;
}

export async function createContribution(db: Executor, authorityId: string, organisationId: string, overrides: Insert<typeof partnerContribution> = {}) {
  const [row] = await db
    .insert(partnerContribution)
    .values({ authorityId, organisationId, financialYear: 2021, amountPence: 10_000_000, status: "agreed", ...overrides })
    .returning();
  return row;
}

export async function createReportedFigure(db: Executor, authorityId: string, financialYear: number, amountPence: number, source: string | null = null, measure = "shortfall") {
  const [row] = await db.insert(reportedFigure).values({ authorityId, financialYear, amountPence, source, measure }).returning();
  return row;
}
