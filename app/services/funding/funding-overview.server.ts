import type { IsoDate } from "../../domain/dates";
import { fundingOverview, type FundingOverview } from "../../domain/funding";
import { inTenant, type TenantScope } from "../scope.server";
import { loadFundingFacts, type FundingFacts } from "./load-funding-facts.server";

/**
 * The funding picture of the caller's authority as of a date: its facts, loaded in a fixed number
 * of queries, and the model computed from them (app/domain/funding.ts).
 */
export async function getFundingOverview(scope: TenantScope, asOf: IsoDate): Promise<{ facts: FundingFacts; overview: FundingOverview }> {
  const facts = await inTenant(scope, (tx) => loadFundingFacts(tx, scope.authorityId));
  return { facts, overview: fundingOverview(facts, asOf) };
}

/** The funding facts alone, for the pages that manage them. */
export async function getFundingFacts(scope: TenantScope): Promise<FundingFacts> {
  return inTenant(scope, (tx) => loadFundingFacts(tx, scope.authorityId));
}
