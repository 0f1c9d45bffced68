import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { appointment, fundingSetting, fundingSpend, fundingStream, organisation, partnerContribution, post, postCost, reportedFigure, roleCostRate, team } from "../../../db/schema";
import { DEFAULT_SETTINGS, type ContributionFacts, type ContributionStatus, type CostBasis, type FundingSettings, type ReportedFacts, type ReportedMeasure, type StreamFacts, type StreamKind } from "../../domain/funding";
import type { AppointmentFacts, PostFacts } from "../../domain/workforce";

export interface FundingPost extends PostFacts {
  reference: string | null;
  title: string | null;
  teamName: string | null;
  version: number;
}

export interface FundingStreamRow extends StreamFacts {
  funder: string;
  note: string | null;
  version: number;
}

export interface ContributionRow extends ContributionFacts {
  id: string;
  organisationName: string;
  note: string | null;
  version: number;
}

export interface FundingFacts {
  settings: FundingSettings & { version: number | null };
  /** Adult specialist posts only: the ones whose cost the grant shares. */
  posts: FundingPost[];
  appointments: AppointmentFacts[];
  postCosts: Array<{ id: string; postId: string; from: string; annualPence: number; note: string | null; version: number }>;
  roleRates: Array<{ id: string; role: string; from: string; annualPence: number; version: number }>;
  streams: FundingStreamRow[];
  spend: Array<{ id: string; streamId: string; spentOn: string; amountPence: number; description: string; version: number }>;
  contributions: ContributionRow[];
  reported: Array<ReportedFacts & { version: number }>;
  organisations: Array<{ id: string; name: string }>;
}

/**
 * Everything the funding pages compute from, for one authority: ten queries however many posts,
 * costs, streams and contributions there are. The model itself is computed in app/domain/funding.ts.
 */
export async function loadFundingFacts(tx: Executor, authorityId: string): Promise<FundingFacts> {
  const [settings, posts, appointments, postCosts, roleRates, streams, spend, contributions, reported, organisations] = await Promise.all([
    tx.select().from(fundingSetting).where(eq(fundingSetting.authorityId, authorityId)).limit(1),
    tx
      .select({
        id: post.id,
        reference: post.reference,
        title: post.title,
        role: post.role,
        fte: post.fte,
        teamId: post.teamId,
        teamName: team.name,
        adultSpecialist: post.adultSpecialist,
        establishedOn: post.establishedOn,
        disestablishedOn: post.disestablishedOn,
        version: post.version,
      })
      .from(post)
      .leftJoin(team, eq(team.id, post.teamId))
      .where(and(eq(post.authorityId, authorityId), eq(post.adultSpecialist, true)))
      .orderBy(asc(post.reference), asc(post.role), asc(post.id)),
    // Every holder's dates and FTE (whole rows: they carry what AppointmentFacts needs).
    tx.select().from(appointment).where(eq(appointment.authorityId, authorityId)),
    tx
      .select({ id: postCost.id, postId: postCost.postId, from: postCost.effectiveFrom, annualPence: postCost.annualPence, note: postCost.note, version: postCost.version })
      .from(postCost)
      .where(eq(postCost.authorityId, authorityId))
      .orderBy(asc(postCost.postId), asc(postCost.effectiveFrom)),
    tx
      .select({ id: roleCostRate.id, role: roleCostRate.role, from: roleCostRate.priceBase, annualPence: roleCostRate.annualPence, version: roleCostRate.version })
      .from(roleCostRate)
      .where(eq(roleCostRate.authorityId, authorityId))
      .orderBy(asc(roleCostRate.role)),
    tx.select().from(fundingStream).where(eq(fundingStream.authorityId, authorityId)).orderBy(asc(fundingStream.startDate), asc(fundingStream.name)),
    tx
      .select({ id: fundingSpend.id, streamId: fundingSpend.streamId, spentOn: fundingSpend.spentOn, amountPence: fundingSpend.amountPence, description: fundingSpend.description, version: fundingSpend.version })
      .from(fundingSpend)
      .where(eq(fundingSpend.authorityId, authorityId))
      .orderBy(asc(fundingSpend.spentOn), asc(fundingSpend.createdAt)),
    tx
      .select({
        id: partnerContribution.id,
        organisationId: partnerContribution.organisationId,
        organisationName: organisation.name,
        financialYear: partnerContribution.financialYear,
        amountPence: partnerContribution.amountPence,
        status: partnerContribution.status,
        recurrent: partnerContribution.recurrent,
        note: partnerContribution.note,
        version: partnerContribution.version,
      })
      .from(partnerContribution)
      .innerJoin(organisation, eq(organisation.id, partnerContribution.organisationId))
      .where(eq(partnerContribution.authorityId, authorityId))
      .orderBy(asc(partnerContribution.financialYear), asc(organisation.name), asc(partnerContribution.createdAt)),
    tx.select().from(reportedFigure).where(eq(reportedFigure.authorityId, authorityId)).orderBy(asc(reportedFigure.financialYear), asc(reportedFigure.measure)),
    tx.select({ id: organisation.id, name: organisation.name }).from(organisation).where(eq(organisation.authorityId, authorityId)).orderBy(asc(organisation.name)),
  ]);
  const s = settings[0];
  return {
    settings: s ? { costBasis: s.costBasis as CostBasis, upliftBp: s.upliftBp, costsFrom: s.costsFrom, version: s.version } : { ...DEFAULT_SETTINGS, version: null },
    posts,
    appointments,
    postCosts,
    roleRates,
    streams: streams.map((r) => ({ id: r.id, name: r.name, funder: r.funder, kind: r.kind as StreamKind, totalPence: r.totalPence, startDate: r.startDate, endDate: r.endDate, sharesBp: r.sharesBp, note: r.note, version: r.version })),
    spend,
    contributions: contributions.map((c) => ({ ...c, status: c.status as ContributionStatus })),
    reported: reported.map((r) => ({ id: r.id, financialYear: r.financialYear, measure: r.measure as ReportedMeasure, amountPence: r.amountPence, source: r.source, version: r.version })),
    organisations,
  };
}
