import { eq } from "drizzle-orm";
import { recordAudit } from "../../app/services/audit.server";
import { createAppointment, createOrganisation, createPost, createRecruitmentStep, createTeam } from "../../tests/factories/workforce";
import type { Tx } from "../client";
import { authority } from "../schema";
import type { SeedPart } from "./demo";

/** Team names of the demo authorities, shared by the workforce and training demo data. */
export const DEMO_TEAMS: Record<string, string[]> = {
  // Walsall's four localities, named after their hubs (facts.md).
  walsall: ["Darlaston", "Blakenall", "Silver Court", "Birchills"],
  // Telford and Wrekin's five FS teams.
  "telford-and-wrekin": ["FS team 1", "FS team 2", "FS team 3", "FS team 4", "FS team 5"],
  dudley: ["FS team North", "FS team South", "FS team Central", "FS team West"],
};

async function authorityId(tx: Tx, slug: string) {
  const [a] = await tx.select({ id: authority.id }).from(authority).where(eq(authority.slug, slug));
  return a?.id;
}

async function teams(tx: Tx, id: string, slug: string) {
  const map = new Map<string, string>();
  for (const [i, name] of DEMO_TEAMS[slug].entries()) map.set(name, (await createTeam(tx, id, name, i)).id);
  return map;
}

/**
 * Walsall (facts.md): four localities, each with one mental health worker, one substance misuse
 * worker and two domestic abuse workers (victims; perpetrators): 16 posts on fixed-term contracts
 * or secondments. 13 in post at go-live on 1 September 2020, 14 by November, 11 about eighteen
 * months later after three leavers, then recruitment to refill.
 */
async function walsall(tx: Tx) {
  const id = await authorityId(tx, "walsall");
  if (!id) return;
  const teamIds = await teams(tx, id, "walsall");
  const org = {
    mh: (await createOrganisation(tx, id, "Black Country mental health trust (NHS)", "health")).id,
    sm: (await createOrganisation(tx, id, "Walsall recovery service", "voluntary")).id,
    da: (await createOrganisation(tx, id, "Black Country Women's Aid", "voluntary")).id,
    council: (await createOrganisation(tx, id, "Walsall Council children's services", "council")).id,
  };
  const roles = [
    { role: "mental-health", host: org.mh, contract: "secondment" },
    { role: "substance-misuse", host: org.sm, contract: "secondment" },
    { role: "domestic-abuse-victim", host: org.da, contract: "fixed-term" },
    { role: "domestic-abuse-perpetrator", host: org.council, contract: "fixed-term" },
  ];
  let n = 0;
  const posts = [];
  for (const [locality, teamId] of teamIds) {
    for (const r of roles) {
      n += 1;
      const p = await createPost(tx, id, {
        reference: `WAL-FS-${String(n).padStart(2, "0")}`,
        role: r.role,
        fte: 1,
        teamId,
        hostOrganisationId: r.host,
        adultSpecialist: true,
        fundedBy: "DfE SFPC grant (tapered), then council and partners",
        establishedOn: "2020-06-01",
        notes: `${locality} locality`,
      });
      posts.push({ post: p, contract: r.contract });
    }
  }
  // Thirteen start before go-live, a fourteenth in November 2020.
  const starts = ["2020-07-01", "2020-07-01", "2020-07-13", "2020-07-20", "2020-08-03", "2020-08-03", "2020-08-10", "2020-08-17", "2020-08-24", "2020-08-24", "2020-08-31", "2020-09-01", "2020-09-01"];
  for (const [i, { post: p, contract }] of posts.entries()) {
    const start = i < 13 ? starts[i] : i === 13 ? "2020-11-02" : null;
    if (!start) {
      await createRecruitmentStep(tx, p, "advertised", "2020-06-15");
      await createRecruitmentStep(tx, p, "interview", "2020-07-22");
      continue;
    }
    // Secondments agreed to August 2022; fixed-term posts to the end of the grant in August 2023.
    const contractEnd = contract === "secondment" ? "2022-08-31" : "2023-08-31";
    const leavers: Record<number, { lastDay: string; reason: string }> = {
      2: { lastDay: "2021-10-31", reason: "Moved to a permanent post: insecurity of the fixed-term contract" },
      6: { lastDay: "2021-12-31", reason: "Fixed-term contract: left for a permanent role" },
      11: { lastDay: "2022-02-28", reason: "Fixed-term contract: left for a permanent role" },
    };
    await createAppointment(tx, p, {
      holder: `Worker ${p.reference}`,
      fte: 1,
      contractType: contract,
      contractEnd,
      startDate: start,
      startConfirmed: true,
      lastDay: leavers[i]?.lastDay ?? null,
      leavingReason: leavers[i]?.reason ?? null,
    });
  }
  // Refilling the three posts vacated in 2021-22: one agreed start, one at interview, one advertised.
  await createRecruitmentStep(tx, posts[2].post, "advertised", "2021-11-15");
  await createRecruitmentStep(tx, posts[2].post, "interview", "2022-01-20");
  await createRecruitmentStep(tx, posts[2].post, "offer-made", "2022-02-01");
  await createRecruitmentStep(tx, posts[2].post, "start-date-agreed", "2022-03-01");
  await createAppointment(tx, posts[2].post, { holder: "New starter (agreed)", fte: 1, contractType: "fixed-term", contractEnd: "2023-08-31", startDate: "2022-05-03", startConfirmed: true });
  await createRecruitmentStep(tx, posts[6].post, "advertised", "2022-01-10");
  await createRecruitmentStep(tx, posts[6].post, "interview", "2022-03-14");
  await createRecruitmentStep(tx, posts[11].post, "advertised", "2022-03-07");
}

/**
 * Dudley (facts.md), adult workers expected in post by the end of July 2023 (FTE of
 * establishment): substance misuse 3.5 of 3.5, domestic abuse victim workers 3.5 of 3.5,
 * perpetrator workers 2.2 of 3.5, health workers not yet known of 4.5: 9.2 of 15. Seconded from
 * partner agencies.
 */
async function dudley(tx: Tx) {
  const id = await authorityId(tx, "dudley");
  if (!id) return;
  await teams(tx, id, "dudley");
  const org = {
    sm: (await createOrganisation(tx, id, "Substance misuse charity (commissioned)", "voluntary")).id,
    da: (await createOrganisation(tx, id, "Domestic abuse charity", "voluntary")).id,
    probation: (await createOrganisation(tx, id, "Probation Service", "probation")).id,
    health: (await createOrganisation(tx, id, "Black Country Integrated Care Board", "health")).id,
  };
  const groups = [
    { role: "substance-misuse", host: org.sm, ftes: [1, 1, 1, 0.5], held: [1, 1, 1, 0.5] },
    { role: "domestic-abuse-victim", host: org.da, ftes: [1, 1, 1, 0.5], held: [1, 1, 1, 0.5] },
    { role: "domestic-abuse-perpetrator", host: org.probation, ftes: [1, 1, 1, 0.5], held: [1, 0.6, 0.6, 0] },
    { role: "health-worker", host: org.health, ftes: [1, 1, 1, 1, 0.5], held: [0, 0, 0, 0, 0] },
  ];
  let n = 0;
  for (const g of groups) {
    for (const [i, fte] of g.ftes.entries()) {
      n += 1;
      const p = await createPost(tx, id, {
        reference: `DUD-AW-${String(n).padStart(2, "0")}`,
        role: g.role,
        fte,
        hostOrganisationId: g.host,
        adultSpecialist: true,
        fundedBy: "Public Health reserves (two-year programme)",
        establishedOn: "2023-04-01",
        notes: "Seconded from the partner agency; works across the FS service",
      });
      const held = g.held[i];
      if (held > 0) {
        await createAppointment(tx, p, {
          holder: `Seconded worker ${p.reference}`,
          fte: held,
          contractType: "secondment",
          contractEnd: "2025-07-09",
          startDate: i % 2 === 0 ? "2023-06-05" : "2023-07-03",
          startConfirmed: true,
        });
      } else {
        await createRecruitmentStep(tx, p, g.role === "health-worker" ? "not-started" : "advertised", "2023-06-01");
      }
    }
  }
}

/**
 * Telford and Wrekin at the end of May 2021 (facts.md): recovery workers all but one recruited
 * (the last advertised); domestic abuse practitioners at interview; domestic abuse officers
 * recruited through the Probation Service; two Band 7 mental health practitioners with start dates
 * agreed, a Band 4 advert going live, a clinical psychologist still being recruited; business
 * support officers for the five teams, a business systems support officer in post, an insight
 * officer being recruited. Adult practitioners are based in one team but work across the service.
 */
async function telford(tx: Tx) {
  const id = await authorityId(tx, "telford-and-wrekin");
  if (!id) return;
  const teamIds = [...(await teams(tx, id, "telford-and-wrekin")).values()];
  const probation = (await createOrganisation(tx, id, "Probation Service (Midlands)", "probation")).id;
  const nhs = (await createOrganisation(tx, id, "Local NHS mental health trust", "health")).id;
  const recovery = (await createOrganisation(tx, id, "Telford recovery service", "voluntary")).id;
  let n = 0;
  const make = (role: string, o: Partial<Parameters<typeof createPost>[2]> = {}) => {
    n += 1;
    return createPost(tx, id, { reference: `TW-${String(n).padStart(2, "0")}`, role, fte: 1, teamId: teamIds[(n - 1) % 5], adultSpecialist: role !== "business-support" && role !== "business-systems-support" && role !== "insight-officer", establishedOn: "2021-01-04", fundedBy: "DfE SFPC grant", ...o });
  };
  for (let i = 0; i < 4; i++) {
    const p = await make("substance-misuse", { hostOrganisationId: recovery });
    if (i < 3) await createAppointment(tx, p, { holder: `Recovery worker ${i + 1}`, contractType: "fixed-term", contractEnd: "2024-03-31", startDate: ["2021-03-01", "2021-04-06", "2021-05-04"][i] });
    else await createRecruitmentStep(tx, p, "advertised", "2021-05-17");
  }
  for (let i = 0; i < 2; i++) {
    const p = await make("domestic-abuse-victim");
    await createRecruitmentStep(tx, p, "advertised", "2021-04-12");
    await createRecruitmentStep(tx, p, "interview", "2021-05-26");
  }
  for (let i = 0; i < 2; i++) {
    const p = await make("domestic-abuse-perpetrator", { hostOrganisationId: probation, title: "Domestic abuse officer" });
    await createAppointment(tx, p, { holder: `DA officer ${i + 1} (Probation)`, contractType: "secondment", contractEnd: "2023-03-31", startDate: "2021-04-19" });
  }
  for (let i = 0; i < 2; i++) {
    const p = await make("mental-health", { hostOrganisationId: nhs, title: "Mental health practitioner (Band 7)" });
    await createRecruitmentStep(tx, p, "offer-made", "2021-05-10");
    await createRecruitmentStep(tx, p, "start-date-agreed", "2021-05-24");
    await createAppointment(tx, p, { holder: `MH practitioner ${i + 1} (Band 7)`, contractType: "fixed-term", contractEnd: "2024-03-31", startDate: i === 0 ? "2021-06-14" : "2021-07-05", startConfirmed: false });
  }
  const band4 = await make("mental-health", { hostOrganisationId: nhs, title: "Mental health practitioner (Band 4)" });
  await createRecruitmentStep(tx, band4, "advertised", "2021-06-01");
  const psych = await make("clinical-psychologist", { hostOrganisationId: nhs });
  await createRecruitmentStep(tx, psych, "advertised", "2021-03-15");
  for (let i = 0; i < 5; i++) {
    const p = await make("business-support", { teamId: teamIds[i], title: `Business support officer, FS team ${i + 1}` });
    await createAppointment(tx, p, { holder: `Business support ${i + 1}`, startDate: "2021-02-01" });
  }
  const systems = await make("business-systems-support");
  await createAppointment(tx, systems, { holder: "Business systems support officer", startDate: "2021-01-04" });
  const insight = await make("insight-officer");
  await createRecruitmentStep(tx, insight, "advertised", "2021-05-04");
}

export const demoWorkforce: SeedPart = {
  name: "003-workforce",
  async run(tx) {
    await walsall(tx);
    await dudley(tx);
    await telford(tx);
    await recordAudit(tx, { userId: null, label: "demo seed" }, { authorityId: null, action: "demo.workforce-loaded", entityType: "seed", entityId: "003-workforce" });
  },
};
