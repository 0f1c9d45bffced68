import { and, asc, eq, like } from "drizzle-orm";
import { recordAudit } from "../../app/services/audit.server";
import { createContribution, createFundingSpend, createFundingStream, createPostCost, createReportedFigure, createRoleRate, setFundingSettings } from "../../tests/factories/funding";
import { createOrganisation } from "../../tests/factories/workforce";
import type { Tx } from "../client";
import { authority, organisation, post } from "../schema";
import type { SeedPart } from "./demo";

const pounds = (n: number) => Math.round(n * 100);
const ILLUSTRATIVE = "Illustrative: the report gives no salaries.";

async function authorityId(tx: Tx, slug: string) {
  const [a] = await tx.select({ id: authority.id }).from(authority).where(eq(authority.slug, slug));
  return a?.id;
}

/** An organisation of the authority by name, added if the workforce (or any earlier) demo data has not. */
async function partner(tx: Tx, authorityId: string, name: string, sector: string) {
  const [found] = await tx
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.authorityId, authorityId), eq(organisation.name, name)));
  return found?.id ?? (await createOrganisation(tx, authorityId, name, sector)).id;
}

/**
 * Walsall (facts.md): the DfE SFPC grant, £2.4m over three years from go-live on 1 September 2020
 * (the same report later says £2.2m), in two allocations: start-up money, spent by September 2023,
 * and 100%, 70% and 50% of the 16 adult specialist workers' costs in years 1 to 3, nothing after.
 * The report's shortfall by financial year is kept as reported figures beside the model's own.
 * Salaries, the start-up amount, its spend and the contributions are illustrative: the report
 * gives none of them (contributions follow its words: year 2's shortfall resourced, year 3's
 * almost all, year 4's about half and recurrently).
 */
async function walsall(tx: Tx) {
  const id = await authorityId(tx, "walsall");
  if (!id) return;
  await setFundingSettings(tx, id, { costBasis: "establishment", upliftBp: 250 });
  // Annual cost of 1 FTE, salary plus on-costs, at 2020-21 prices.
  const cost: Record<string, number> = { "mental-health": 58_000, "substance-misuse": 52_000, "domestic-abuse-victim": 50_000, "domestic-abuse-perpetrator": 54_000 };
  const posts = await tx
    .select({ id: post.id, authorityId: post.authorityId, role: post.role })
    .from(post)
    .where(and(eq(post.authorityId, id), like(post.reference, "WAL-FS-%")))
    .orderBy(asc(post.reference));
  for (const p of posts) if (cost[p.role]) await createPostCost(tx, p, pounds(cost[p.role]), "2020-09-01", ILLUSTRATIVE);

  await createFundingStream(tx, id, {
    name: "DfE SFPC grant: adult specialist workers",
    funder: "Department for Education (Strengthening Families, Protecting Children)",
    kind: "tapered",
    totalPence: pounds(2_400_000),
    startDate: "2020-09-01",
    sharesBp: [10_000, 7_000, 5_000],
    note: "The council's report gives £2.4m over three years for the whole grant (later £2.2m), start-up allocation included, without the split. The whole £2.4m is recorded as the cap here; change it to £2.2m to see the effect.",
  });
  const startUp = await createFundingStream(tx, id, {
    name: "DfE SFPC grant: start-up allocation",
    funder: "Department for Education (Strengthening Families, Protecting Children)",
    kind: "fixed",
    totalPence: pounds(400_000),
    startDate: "2020-06-01",
    endDate: "2023-08-31",
    sharesBp: [],
    note: "Non-recurrent, to be spent by September 2023. Illustrative budget and spend: the report gives no figures.",
  });
  const spend: Array<[string, number, string]> = [
    ["2020-07-15", 45_000, "Motivational Interviewing training"],
    ["2020-08-20", 60_000, "Workbook plug-in for the children's case recording system"],
    ["2020-11-02", 35_000, "Practice and Change workshops"],
    ["2021-09-30", 80_000, "Darlaston locality hub fit-out"],
    ["2021-10-29", 12_500, "Recruitment advertising for adult specialist workers"],
    ["2022-03-31", 95_000, "Blakenall and Silver Court hub fit-out"],
    ["2023-03-31", 40_000, "Performance reporting and evaluation support"],
  ];
  for (const [spentOn, amount, description] of spend) await createFundingSpend(tx, startUp, { spentOn, amountPence: pounds(amount), description });

  const council = await partner(tx, id, "Walsall Council children's services", "council");
  const publicHealth = await partner(tx, id, "Walsall Council public health", "council");
  const nhs = await partner(tx, id, "Black Country mental health trust (NHS)", "health");
  const pcc = await partner(tx, id, "West Midlands Police and Crime Commissioner", "police");
  const contributions: Array<[string, number, number, "proposed" | "agreed" | "received", boolean]> = [
    [council, 2021, 60_000, "received", false],
    [nhs, 2021, 20_000, "received", false],
    [council, 2022, 200_000, "received", false],
    [publicHealth, 2022, 60_000, "received", false],
    [nhs, 2022, 30_000, "proposed", false],
    [council, 2023, 400_000, "agreed", false],
    [publicHealth, 2023, 100_000, "agreed", false],
    [pcc, 2023, 50_000, "proposed", false],
    [nhs, 2023, 60_000, "proposed", false],
    [council, 2024, 350_000, "agreed", true],
    [publicHealth, 2024, 120_000, "agreed", true],
    [nhs, 2024, 75_000, "proposed", true],
    [pcc, 2024, 50_000, "proposed", false],
  ];
  for (const [organisationId, financialYear, amount, status, recurrent] of contributions) {
    await createContribution(tx, id, organisationId, { financialYear, amountPence: pounds(amount), status, recurrent, note: "Illustrative" });
  }

  const source = "Walsall Council report on Family Safeguarding: shortfall by financial year after the DfE grant taper";
  for (const [year, amount] of [
    [2021, 77_786],
    [2022, 307_817],
    [2023, 662_833],
    [2024, 947_758],
  ]) {
    await createReportedFigure(tx, id, year, pounds(amount), source);
  }
}

/**
 * Dudley (facts.md): not a DfE grant but £1.8m of Public Health reserves for a two-year programme
 * from go-live on 10 July 2023, including adult worker roles seconded from partner agencies. Role
 * costs are illustrative.
 */
async function dudley(tx: Tx) {
  const id = await authorityId(tx, "dudley");
  if (!id) return;
  await setFundingSettings(tx, id, { costBasis: "establishment", upliftBp: 300 });
  const rates: Record<string, number> = { "substance-misuse": 46_000, "domestic-abuse-victim": 45_000, "domestic-abuse-perpetrator": 50_000, "health-worker": 56_000 };
  for (const [role, amount] of Object.entries(rates)) await createRoleRate(tx, id, role, pounds(amount), "2023-04-01");
  await createFundingStream(tx, id, {
    name: "Public Health reserves",
    funder: "Dudley Council public health",
    kind: "reserves",
    totalPence: pounds(1_800_000),
    startDate: "2023-07-10",
    endDate: "2025-07-09",
    sharesBp: [],
    note: "£1.8m for a two-year programme from go-live, including adult worker roles seconded from partner agencies. What the adult workers do not use is left for the programme's other costs.",
  });
}

export const demoFunding: SeedPart = {
  name: "006-funding",
  async run(tx) {
    await walsall(tx);
    await dudley(tx);
    await recordAudit(tx, { userId: null, label: "demo seed" }, { authorityId: null, action: "demo.funding-loaded", entityType: "seed", entityId: "006-funding" });
  },
};
