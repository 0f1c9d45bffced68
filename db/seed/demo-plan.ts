import { and, eq } from "drizzle-orm";
import { recordAudit, type Actor } from "../../app/services/audit.server";
import { setUpDefaultWorkstreams } from "../../app/services/plan/workstreams.server";
import { createHub, createMilestone, createRaidItem, createWorkstream } from "../../tests/factories/plan";
import type { Tx } from "../client";
import { authority, team, workstream } from "../schema";
import type { SeedPart } from "./demo";

const SEED: Actor = { userId: null, label: "demo seed" };

async function authorityId(tx: Tx, slug: string) {
  const [a] = await tx.select({ id: authority.id }).from(authority).where(eq(authority.slug, slug));
  return a?.id;
}

/** Each demo record's creation goes into the audit trail, so its history page starts there. */
async function audited<T extends { id: string; authorityId: string }>(tx: Tx, entityType: string, created: Promise<T>, values: Record<string, unknown>): Promise<T> {
  const row = await created;
  await recordAudit(tx, SEED, { authorityId: row.authorityId, action: `${entityType}.created`, entityType, entityId: row.id, after: values });
  return row;
}

function seeder(tx: Tx, id: string) {
  return {
    async milestone(workstreamName: string, values: { title: string; owner?: string; dueDate: string | null; doneOn?: string; notes?: string }) {
      const ws = await createWorkstream(tx, id, workstreamName);
      const v = {
        title: values.title,
        owner: values.owner ?? null,
        dueDate: values.dueDate,
        baselineDueDate: values.dueDate,
        doneOn: values.doneOn ?? null,
        notes: values.notes ?? null,
      };
      return audited(tx, "milestone", createMilestone(tx, ws, v), { workstreamId: ws.id, ...v });
    },
    async hub(values: { name: string; plannedOpening: string; forecastOpening: string | null; actualOpening: string | null; coLocatedServices: string[]; notes: string }) {
      const [t] = await tx
        .select({ id: team.id })
        .from(team)
        .where(and(eq(team.authorityId, id), eq(team.name, values.name)));
      const v = { ...values, teamId: t?.id ?? null };
      return audited(tx, "hub", createHub(tx, id, v), v);
    },
    async raid(values: {
      kind: "risk" | "issue";
      title: string;
      description: string;
      owner: string;
      likelihood?: number;
      impact: number;
      mitigation: string;
      raisedOn: string;
      reviewDate: string;
      closedOn?: string;
    }) {
      const v = { ...values, likelihood: values.likelihood ?? null, closedOn: values.closedOn ?? null, status: values.closedOn ? "closed" : "open" };
      return audited(tx, "raid-item", createRaidItem(tx, id, v), v);
    },
  };
}

/**
 * Walsall (facts.md): went live on 1 September 2020; Hertfordshire's peer review in June 2021 and
 * Ofsted's visit in September 2021; the grant's start-up money spent by September 2023 and the
 * model sustainable by year 4 (September 2024). The four locality hubs: Darlaston opened in
 * September 2021; Blakenall, Silver Court and Birchills expected in March and April 2022. Risks: the
 * retention of adult workers on fixed-term contracts, the shortfall as the grant tapers, the hubs.
 */
async function walsall(tx: Tx) {
  const id = await authorityId(tx, "walsall");
  if (!id) return;
  const s = seeder(tx, id);
  const head = "Head of Family Safeguarding";
  await s.milestone("Workforce and recruitment", {
    title: "Sixteen adult specialist posts established (four localities)",
    dueDate: "2020-06-01",
    doneOn: "2020-06-01",
    owner: head,
  });
  await s.milestone("Workforce and recruitment", {
    title: "Adult specialist workers at least 70% in post for go-live",
    dueDate: "2020-09-01",
    doneOn: "2020-09-01",
    owner: head,
    notes: "13 of 16 in post on go-live day.",
  });
  await s.milestone("Redesign", {
    title: "Go live with Family Safeguarding",
    dueDate: "2020-09-01",
    doneOn: "2020-09-01",
    owner: head,
    notes: "Second wave of the DfE's Strengthening Families, Protecting Children programme.",
  });
  await s.milestone("Performance (scorecard)", {
    title: "Peer review by Hertfordshire",
    dueDate: "2021-06-30",
    doneOn: "2021-06-30",
    notes: "June 2021 (the report gives the month). Looked at fidelity to the model; suggested improvements are recorded as organisational development milestones.",
  });
  await s.milestone("Performance (scorecard)", { title: "Ofsted visit", dueDate: "2021-09-30", doneOn: "2021-09-30", notes: "September 2021 (the report gives the month)." });
  for (const title of [
    "Explain the culture change the model asks of staff and partners",
    "Agree how often group supervision happens and how it is overseen",
    "Strengthen preparation for the Public Law Outline (PLO)",
  ]) {
    await s.milestone("Organisational development", { title, dueDate: null, notes: "From the peer review of June 2021; the report gives no date." });
  }
  await s.milestone("Finance", {
    title: "Start-up grant spent",
    dueDate: "2023-09-30",
    owner: "Finance business partner",
    notes: "The non-recurrent start-up allocation is to be spent by September 2023.",
  });
  await s.milestone("Finance", {
    title: "Model sustainable without the grant (year 4)",
    dueDate: "2024-09-01",
    owner: "Finance business partner",
    notes: "Adult worker costs funded 100% in year 1, 70% in year 2, 50% in year 3 and not after.",
  });

  const illustrative = "The planned date is illustrative: the published reports give no original plan.";
  await s.hub({
    name: "Darlaston",
    plannedOpening: "2021-04-01",
    forecastOpening: null,
    actualOpening: "2021-09-01",
    coLocatedServices: ["Early Help", "Black Country Women's Aid", "DWP"],
    notes: `Opened in September 2021 (the report gives the month). ${illustrative}`,
  });
  await s.hub({
    name: "Blakenall",
    plannedOpening: "2021-10-01",
    forecastOpening: "2022-03-31",
    actualOpening: null,
    coLocatedServices: [],
    notes: `Expected in March 2022. ${illustrative}`,
  });
  await s.hub({
    name: "Silver Court",
    plannedOpening: "2021-11-01",
    forecastOpening: "2022-04-30",
    actualOpening: null,
    coLocatedServices: [],
    notes: `Expected in March or April 2022: the later month is the forecast. ${illustrative}`,
  });
  await s.hub({
    name: "Birchills",
    plannedOpening: "2021-12-01",
    forecastOpening: "2022-04-30",
    actualOpening: null,
    coLocatedServices: [],
    notes: `Expected in April 2022. ${illustrative}`,
  });

  await s.raid({
    kind: "risk",
    title: "Adult specialist workers leave their fixed-term posts",
    description: "The sixteen adult specialist posts are fixed-term contracts or secondments tied to the grant. Leavers have said the posts felt insecure.",
    owner: head,
    likelihood: 4,
    impact: 4,
    mitigation: "Make the posts permanent as the council takes on their cost; agree longer secondments with partners; recruit to vacancies at once.",
    raisedOn: "2021-11-01",
    reviewDate: "2022-04-30",
  });
  await s.raid({
    kind: "risk",
    title: "Funding shortfall as the DfE grant tapers",
    description:
      "Shortfall by financial year: 2021-22 £77,786; 2022-23 £307,817; 2023-24 £662,833; 2024-25 £947,758. The grant runs on academic years, the council's budget on financial years.",
    owner: "Finance business partner",
    likelihood: 4,
    impact: 5,
    mitigation: "Year 2 covered; year 3 almost all identified; about half of year 4 identified recurrently. Partners asked to contribute from September 2024.",
    raisedOn: "2020-09-01",
    reviewDate: "2022-03-31",
  });
  await s.raid({
    kind: "risk",
    title: "Locality hub openings slip",
    description: "Blakenall, Silver Court and Birchills are expected in March and April 2022, later than planned: until then those teams and partners are not co-located.",
    owner: head,
    likelihood: 4,
    impact: 3,
    mitigation: "Monthly check on the works with property services; Darlaston's arrangements are the model for the others.",
    raisedOn: "2021-10-01",
    reviewDate: "2022-03-31",
  });
  await s.raid({
    kind: "issue",
    title: "Three adult specialist workers left in 2021-22",
    description: "Three posts fell vacant between October 2021 and February 2022: 11 of 16 in post in March 2022, below the 70% the go-live criterion asked for.",
    owner: head,
    impact: 4,
    mitigation: "Recruiting: one start agreed for May 2022, one post at interview, one advertised.",
    raisedOn: "2022-03-01",
    reviewDate: "2022-05-31",
  });
}

/** Dudley's workstreams as its report lists them; the defaults it did not report on follow. */
const DUDLEY_WORKSTREAMS = [
  "Partnership",
  "Redesign",
  "Training",
  "Leadership development",
  "Organisational development",
  "Systems (the Workbook plug-in)",
  "Performance (scorecard)",
  "Finance",
];

/**
 * Dudley (facts.md): the partnership board monthly since November 2022; the FS scorecard
 * baselined at the end of March 2023; leadership development from March 2023 into 2024; training
 * April to July 2023; the Workbook plug-in configured and tested for go-live on 10 July 2023; the
 * directorate redesign; a cost-avoidance tracker.
 */
async function dudley(tx: Tx) {
  const id = await authorityId(tx, "dudley");
  if (!id) return;
  for (const name of DUDLEY_WORKSTREAMS) await createWorkstream(tx, id, name);
  const all = await tx.select().from(workstream).where(eq(workstream.authorityId, id));
  const rank = (w: (typeof all)[number]) => (DUDLEY_WORKSTREAMS.includes(w.name) ? DUDLEY_WORKSTREAMS.indexOf(w.name) : DUDLEY_WORKSTREAMS.length + w.sortOrder);
  for (const [i, w] of [...all].sort((a, b) => rank(a) - rank(b)).entries()) await tx.update(workstream).set({ sortOrder: i }).where(eq(workstream.id, w.id));

  const s = seeder(tx, id);
  await s.milestone("Partnership", {
    title: "Strategic Partnership Board (FSSPB) meets, then monthly",
    dueDate: "2022-11-30",
    doneOn: "2022-11-30",
    owner: "Chair of the FSSPB",
    notes:
      "Monthly since November 2022 (the day is illustrative). Sixteen members: council services, the integrated care board, NHS trusts, probation, police, charities and the independent scrutineer.",
  });
  await s.milestone("Performance (scorecard)", { title: "FS scorecard baselined", dueDate: "2023-03-31", doneOn: "2023-03-31", owner: "Head of performance and insight" });
  await s.milestone("Leadership development", { title: "Leadership development programme starts", dueDate: "2023-03-01", doneOn: "2023-03-01" });
  await s.milestone("Leadership development", { title: "Leadership development programme ends", dueDate: "2024-03-31", notes: "Runs from March 2023 into 2024." });
  await s.milestone("Training", { title: "Training programme starts", dueDate: "2023-04-03", doneOn: "2023-04-03", owner: "Workforce development manager" });
  await s.milestone("Training", {
    title: "Training programme complete",
    dueDate: "2023-07-31",
    doneOn: "2023-07-31",
    owner: "Workforce development manager",
    notes: "April to July 2023.",
  });
  await s.milestone("Systems (the Workbook plug-in)", {
    title: "Workbook plug-in configured and tested",
    dueDate: "2023-07-10",
    doneOn: "2023-07-10",
    owner: "Digital services lead",
  });
  await s.milestone("Redesign", {
    title: "Directorate redesign in place",
    dueDate: "2023-07-10",
    doneOn: "2023-07-10",
    notes: "436 FTE in scope; 24 FTE of new posts; 20 advanced social work posts; 29 FTE at risk.",
  });
  await s.milestone("Redesign", { title: "Go live with Family Safeguarding", dueDate: "2023-07-10", doneOn: "2023-07-10", notes: "The 19th authority to adopt the model." });
  await s.milestone("Finance", { title: "Cost-avoidance tracker in use", dueDate: null, notes: "Tracks the costs the model avoids against the £1.8m of Public Health reserves." });

  await s.raid({
    kind: "risk",
    title: "Sustaining the model after the two-year funding",
    description: "£1.8m of Public Health reserves pays for a two-year programme, including adult worker roles seconded from partners.",
    owner: "Director of children's services",
    likelihood: 3,
    impact: 5,
    mitigation: "Partners explore funding across the partnership, as the charter commits them to; the cost-avoidance tracker gives the evidence.",
    raisedOn: "2022-11-30",
    reviewDate: "2024-01-31",
  });
  await s.raid({
    kind: "risk",
    title: "Workbook plug-in not ready for go-live",
    description: "The assessment Workbook must be configured in the children's system and tested before go-live.",
    owner: "Digital services lead",
    likelihood: 2,
    impact: 4,
    mitigation: "Configured and tested before go-live.",
    raisedOn: "2023-03-01",
    reviewDate: "2023-07-10",
    closedOn: "2023-07-10",
  });
  await s.raid({
    kind: "issue",
    title: "Health worker posts not yet filled",
    description: "4.5 FTE of health worker posts; who fills them was not yet known at go-live.",
    owner: "Head of Family Safeguarding",
    impact: 3,
    mitigation: "Secondments being agreed with the integrated care board.",
    raisedOn: "2023-07-10",
    reviewDate: "2023-09-30",
  });
}

export const demoPlan: SeedPart = {
  name: "007-plan",
  async run(tx) {
    // Authorities created before workstreams existed get the defaults (only those with none).
    for (const a of await tx.select({ id: authority.id }).from(authority)) await setUpDefaultWorkstreams(tx, a.id);
    await walsall(tx);
    await dudley(tx);
    await recordAudit(tx, SEED, { authorityId: null, action: "demo.plan-loaded", entityType: "seed", entityId: "007-plan" });
  },
};
