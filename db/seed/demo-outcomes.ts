import { eq } from "drizzle-orm";
import { recordAudit, type Actor } from "../../app/services/audit.server";
import { createObservation, createPopulation, nationalIndicator, setBaselineRow } from "../../tests/factories/outcomes";
import type { Tx } from "../client";
import { authority } from "../schema";
import type { SeedPart } from "./demo";

const SEED: Actor = { userId: null, label: "demo seed" };

const WALSALL_REPORT = "Walsall Council committee report on Family Safeguarding (programme facts, shared/domain/facts.md)";
const ILLUSTRATIVE = "Illustrative figure for the demo: not a published statistic";

async function authorityId(tx: Tx, slug: string) {
  const [a] = await tx.select({ id: authority.id, childPopulation: authority.childPopulation }).from(authority).where(eq(authority.slug, slug));
  return a;
}

interface Figure {
  key: string;
  periodStart?: string;
  periodEnd: string;
  value: number;
  source: string;
  notes?: string;
  baseline?: boolean;
}

async function seedFigures(tx: Tx, id: string, figures: Figure[]) {
  for (const f of figures) {
    const indicator = await nationalIndicator(tx, f.key);
    const values = { indicatorId: indicator.id, periodStart: f.periodStart ?? f.periodEnd, periodEnd: f.periodEnd, value: f.value, source: f.source, notes: f.notes ?? null };
    const row = await createObservation(tx, id, indicator.id, values);
    await recordAudit(tx, SEED, { authorityId: id, action: "outcome-observation.created", entityType: "outcome-observation", entityId: row.id, after: values });
    if (f.baseline) {
      await setBaselineRow(tx, row);
      await recordAudit(tx, SEED, { authorityId: id, action: "outcome-baseline.set", entityType: "outcome-indicator", entityId: indicator.id, after: { observationId: row.id } });
    }
  }
}

/** The child population: the authority's rounded illustration (demo-authorities), labelled as such. */
async function seedPopulation(tx: Tx, id: string, population: number | null, year: number) {
  if (!population) return;
  const values = { year, population, source: "Rounded illustration for the demo, not an official estimate: replace it with the ONS mid-year estimate for ages 0 to 17", illustrative: true };
  const row = await createPopulation(tx, id, values);
  await recordAudit(tx, SEED, { authorityId: id, action: "child-population.created", entityType: "child-population", entityId: row.id, after: values });
}

/**
 * Outcomes (facts.md). Walsall went live on 1 September 2020 and reported: children on a child
 * protection plan 370 (December 2019) → 227 (December 2021), −38.6%; of them aged 12 and under
 * 318 → 181, −43.1%; children entering care 242 in April 2019 to March 2020 (177 aged 12 and
 * under) → 166 in March 2021 to February 2022 (112), −31% and −37%. Both flows are twelve months,
 * so they compare like for like. Dudley baselined its scorecard at the end of March 2023 and went
 * live on 10 July 2023; no Dudley figures are published in facts.md, so its figures are
 * illustrations, labelled so.
 */
export const demoOutcomes: SeedPart = {
  name: "008-outcomes",
  async run(tx) {
    const walsall = await authorityId(tx, "walsall");
    if (walsall) {
      await seedPopulation(tx, walsall.id, walsall.childPopulation, 2020);
      const cpNote = "Reported change December 2019 to December 2021: −38.6%.";
      const under12Note = "Reported change December 2019 to December 2021: −43.1%.";
      const careNote = "Reported change, April 2019 to March 2020 against March 2021 to February 2022: −31% overall.";
      const careUnder12Note = "177 of 242 (73%) in April 2019 to March 2020; 112 of 166 (67%) in March 2021 to February 2022; reported change −37%.";
      await seedFigures(tx, walsall.id, [
        { key: "cp-plans", periodEnd: "2019-12-31", value: 370, source: WALSALL_REPORT, notes: `Baseline, before go-live. ${cpNote}`, baseline: true },
        { key: "cp-plans", periodEnd: "2021-12-31", value: 227, source: WALSALL_REPORT, notes: cpNote },
        { key: "cp-plans-12-and-under", periodEnd: "2019-12-31", value: 318, source: WALSALL_REPORT, notes: `Baseline, before go-live. ${under12Note}`, baseline: true },
        { key: "cp-plans-12-and-under", periodEnd: "2021-12-31", value: 181, source: WALSALL_REPORT, notes: under12Note },
        { key: "entering-care", periodStart: "2019-04-01", periodEnd: "2020-03-31", value: 242, source: WALSALL_REPORT, notes: `Baseline year, before go-live. ${careNote}`, baseline: true },
        { key: "entering-care", periodStart: "2021-03-01", periodEnd: "2022-02-28", value: 166, source: WALSALL_REPORT, notes: careNote },
        { key: "entering-care-12-and-under", periodStart: "2019-04-01", periodEnd: "2020-03-31", value: 177, source: WALSALL_REPORT, notes: `Baseline year. ${careUnder12Note}`, baseline: true },
        { key: "entering-care-12-and-under", periodStart: "2021-03-01", periodEnd: "2022-02-28", value: 112, source: WALSALL_REPORT, notes: careUnder12Note },
      ]);
    }
    const dudley = await authorityId(tx, "dudley");
    if (dudley) {
      await seedPopulation(tx, dudley.id, dudley.childPopulation, 2022);
      const note = "Dudley's FS scorecard was baselined at the end of March 2023 (facts.md); the figure itself is an illustration.";
      const cp = [
        ["2022-12-31", 302],
        ["2023-03-31", 296],
        ["2023-06-30", 288],
        ["2023-09-30", 271],
        ["2023-12-31", 259],
        ["2024-03-31", 247],
      ] as const;
      const lac = [
        ["2022-12-31", 712],
        ["2023-03-31", 708],
        ["2023-06-30", 704],
        ["2023-09-30", 699],
        ["2023-12-31", 688],
        ["2024-03-31", 676],
      ] as const;
      await seedFigures(tx, dudley.id, [
        ...cp.map(([date, value]) => ({ key: "cp-plans", periodEnd: date, value, source: ILLUSTRATIVE, notes: date === "2023-03-31" ? `Baseline. ${note}` : undefined, baseline: date === "2023-03-31" })),
        ...lac.map(([date, value]) => ({ key: "looked-after", periodEnd: date, value, source: ILLUSTRATIVE, notes: date === "2023-03-31" ? `Baseline. ${note}` : undefined, baseline: date === "2023-03-31" })),
        { key: "cp-plan-starts", periodStart: "2022-04-01", periodEnd: "2023-03-31", value: 410, source: ILLUSTRATIVE, notes: `Baseline year (financial year 2022-23). ${note}`, baseline: true },
        { key: "cp-plan-starts", periodStart: "2023-04-01", periodEnd: "2024-03-31", value: 352, source: ILLUSTRATIVE },
      ]);
    }
  },
};
