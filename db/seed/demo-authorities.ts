import { createAuthority } from "../../tests/factories/authority";
import { recordAudit } from "../../app/services/audit.server";
import type { SeedPart } from "./demo";

/**
 * The three demo authorities, from the programme's public reports (shared/domain/facts.md).
 * Child populations are rounded illustrations for per-10,000 rates, not official estimates.
 */
export const demoAuthorities: SeedPart = {
  name: "001-authorities",
  async run(tx) {
    const rows = [
      {
        slug: "walsall",
        name: "Walsall",
        onsCode: "E08000030",
        region: "West Midlands",
        cohort: "sfpc-wave-2",
        childPopulation: 67_900,
        fundingSummary: "DfE SFPC grant: £2.4m over three years from September 2020",
        programmeStart: null,
        plannedGoLive: "2020-09-01",
        actualGoLive: "2020-09-01",
      },
      {
        slug: "telford-and-wrekin",
        name: "Telford and Wrekin",
        onsCode: "E06000020",
        region: "West Midlands",
        cohort: "sfpc-wave-2",
        childPopulation: 40_500,
        fundingSummary: "DfE SFPC grant: £2m bid won in 2019",
        programmeStart: null,
        plannedGoLive: "2021-06-01",
        actualGoLive: null,
      },
      {
        slug: "dudley",
        name: "Dudley",
        onsCode: "E08000027",
        region: "West Midlands",
        cohort: "self-funded",
        childPopulation: 70_600,
        fundingSummary: "Public Health reserves: £1.8m for a two-year programme",
        programmeStart: "2022-11-01",
        plannedGoLive: "2023-07-10",
        actualGoLive: "2023-07-10",
      },
    ];
    for (const values of rows) {
      const created = await createAuthority(tx, values);
      await recordAudit(tx, { userId: null, label: "demo seed" }, {
        authorityId: created.id,
        action: "authority.created",
        entityType: "authority",
        entityId: created.id,
        after: values,
      });
    }
  },
};
