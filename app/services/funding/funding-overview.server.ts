import type { IsoDate } from "../../domain/dates";
import { fundingOverview, type FundingOverview } from "../../domain/funding";
import { memoisedRead, memoPerDatabase } from "../read-models.server";
import { inTenant, type TenantScope } from "../scope.server";
import { loadFundingFacts, type FundingFacts } from "./load-funding-facts.server";

/**
 * The funding picture of the caller's authority as of a date: its facts, loaded in a fixed number
 * of queries, and the model computed from them (app/domain/funding.ts).
 */
export async function getFundingOverview(scope: TenantScope, asOf: IsoDate): Promise<{ facts: FundingFacts; overview: FundingOverview }> {
  return memoisedRead(scope, overviews, [asOf], async (tx) => {
    const facts = await loadFundingFacts(tx, scope.authorityId);
    return { facts, overview: fundingOverview(facts, asOf) };
  });
}

// The funding model walks every post's cost day by day: kept until the authority's data changes.
const overviews = memoPerDatabase<{ facts: FundingFacts; overview: FundingOverview }>(500);

/** The funding facts alone, for the pages that manage them. */
export async function getFundingFacts(scope: TenantScope): Promise<FundingFacts> {
  return inTenant(scope, (tx) => loadFundingFacts(tx, scope.authorityId));
}
