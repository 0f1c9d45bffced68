import { eq } from "drizzle-orm";
import { recordAudit, type Actor } from "../../app/services/audit.server";
import { authority, reportNarrative } from "../schema";
import type { SeedPart } from "./demo";

const SEED: Actor = { userId: null, label: "demo seed" };

/**
 * Commentary for Walsall's quarterly return for Q2 2021-22 (July to September 2021: Darlaston hub
 * opened, Ofsted visited) and a committee update as of 31 January 2022. The figures beside it are
 * not seeded: the reports compute them from the demo's dated records. Wording is our own summary of
 * the facts in facts.md.
 */
const TEXT: Array<{ report: "quarterly" | "committee"; period: string; section: string; body: string }> = [
  {
    report: "quarterly",
    period: "2021-Q2",
    section: "achievements",
    body: "Darlaston, the first locality hub, opened in September. The Family Safeguarding team now shares the building with Early Help, Black Country Women's Aid and DWP.\n\nOfsted visited in September 2021.",
  },
  {
    report: "quarterly",
    period: "2021-Q2",
    section: "risks",
    body: "Keeping adult specialist workers is the main risk: the posts are fixed-term contracts or secondments, and leavers have named that insecurity as their reason for going.",
  },
  {
    report: "committee",
    period: "2022-01-31",
    section: "aim",
    body: "Family Safeguarding went live in Walsall on 1 September 2020. Adult specialist workers for domestic abuse, substance misuse and mental health work inside the children's social work teams, so that parents get help with what puts their children at risk.",
  },
  {
    report: "committee",
    period: "2022-01-31",
    section: "sustainability",
    body: "The DfE grant pays a falling share of the adult workers' costs until August 2023. The shortfall in later years has to be found by the council and its partners; about half of the year 4 gap is identified recurrently so far.",
  },
];

export const demoReports: SeedPart = {
  name: "008-reports",
  async run(tx) {
    const [walsall] = await tx.select({ id: authority.id }).from(authority).where(eq(authority.slug, "walsall"));
    if (!walsall) return;
    for (const t of TEXT) {
      const [row] = await tx.insert(reportNarrative).values({ authorityId: walsall.id, ...t }).returning({ id: reportNarrative.id });
      await recordAudit(tx, SEED, { authorityId: walsall.id, action: "report-narrative.created", entityType: "report-narrative", entityId: row.id, after: t });
    }
  },
};
