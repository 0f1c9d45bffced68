import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundingOverview } from "~/domain/funding";
import { loadFundingFacts } from "~/services/funding/load-funding-facts.server";
import type { DatabaseHandle } from "../../../db/client";
import { authority } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/demo";
import { openTestDatabase } from "../../helpers/db";

/** The demo funding (db/seed/demo-funding.ts) against facts.md: a database of its own, as the demo slugs are fixed. */
let fresh: DatabaseHandle;
beforeAll(async () => {
  fresh = await openTestDatabase();
  await seedDemo(fresh.db);
});
afterAll(() => fresh?.close());

async function overviewOf(slug: string) {
  const [a] = await fresh.db.select().from(authority).where(eq(authority.slug, slug));
  const facts = await loadFundingFacts(fresh.db, a.id);
  return { facts, overview: fundingOverview(facts, "2025-01-01") };
}

describe("demo funding", () => {
  it("Walsall: the DfE taper from 1 September 2020 over 16 costed posts, and the council's reported shortfall beside the model's", async () => {
    const { facts, overview } = await overviewOf("walsall");
    expect(facts.posts).toHaveLength(16);
    expect(overview.model.postsWithoutCost).toEqual([]);
    const dfe = facts.streams.find((s) => s.kind === "tapered")!;
    expect(dfe).toMatchObject({ totalPence: 240_000_000, startDate: "2020-09-01", sharesBp: [10_000, 7_000, 5_000] });
    expect(overview.model.streams[0]).toMatchObject({ exhaustedIn: null, paysUntil: "2023-09-01" });
    expect(overview.financialYears.find((r) => r.label === "2021-22")).toMatchObject({ grant: expect.any(Number), agreed: 8_000_000 });
    // The reported figures are kept as they are and do not match the model: the difference is shown.
    expect(overview.reported.map((r) => [r.label, r.amountPence])).toEqual([
      ["2021-22", 7_778_600],
      ["2022-23", 30_781_700],
      ["2023-24", 66_283_300],
      ["2024-25", 94_775_800],
    ]);
    for (const r of overview.reported) expect(r.difference).toBe(r.computed! - r.amountPence);
    expect(overview.reported.every((r) => r.difference !== 0)).toBe(true);
    expect(overview.sustainability).toMatchObject({ kind: "ends", from: "2023-09-01", annual: { posts: 16, missing: 0 }, firstYearWithout: { label: "2024-25" } });
    const startUp = facts.streams.find((s) => s.kind === "fixed")!;
    expect(overview.allocations[startUp.id]).toMatchObject({ budget: 40_000_000, spent: 36_750_000, spentLate: 0 });
    // Year 4 (2024-25): about half of the shortfall agreed, recurrently.
    const y4 = overview.financialYears.find((r) => r.label === "2024-25")!;
    expect(y4.agreed / y4.shortfall).toBeGreaterThan(0.45);
    expect(y4.agreed / y4.shortfall).toBeLessThan(0.55);
  });

  it("Dudley: £1.8m of Public Health reserves pay the adult workers for two years from go-live, with some left", async () => {
    const { facts, overview } = await overviewOf("dudley");
    expect(facts.streams).toEqual([expect.objectContaining({ kind: "reserves", totalPence: 180_000_000, startDate: "2023-07-10", endDate: "2025-07-09" })]);
    expect(overview.model.costsFrom).toBe("2023-07-10");
    const [reserves] = overview.model.streams;
    expect(reserves).toMatchObject({ exhaustedIn: null, paysUntil: "2025-07-10" });
    expect(reserves.paid).toBe(reserves.wouldPay);
    expect(reserves.paid).toBeLessThan(180_000_000);
    expect(overview.financialYears.find((r) => r.label === "2024-25")).toMatchObject({ shortfall: 0 });
    expect(overview.sustainability).toMatchObject({ kind: "ends", from: "2025-07-10", annual: { fteHundredths: 1_500, missing: 0 } });
  });
});
