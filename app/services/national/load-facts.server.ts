import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import {
  appointment,
  authority,
  boardMember,
  booking,
  charterSignature,
  charterVersion,
  charterWithdrawal,
  course,
  fundingSetting,
  fundingStream,
  hub,
  organisation,
  partnerContribution,
  post,
  postCost,
  reportedFigure,
  roleCostRate,
  staffMember,
  trainingSession,
  workshopRequirement,
  type Authority,
} from "../../../db/schema";
import type { AuthorityComparisonFacts } from "../../domain/comparison";
import type { IsoDate } from "../../domain/dates";
import { DEFAULT_SETTINGS, type ContributionStatus, type CostBasis, type ReportedMeasure, type StreamKind } from "../../domain/funding";
import { effectiveThresholds } from "../../domain/readiness";
import { groupBy } from "../../domain/workforce";
import { loadProgrammeThresholds } from "../readiness/load-facts.server";

export interface ComparisonFacts {
  authorities: Authority[];
  /** By authority id, for each authority in `authorities`. */
  facts: Map<string, AuthorityComparisonFacts>;
}

/**
 * The facts of many authorities at once: posts, holders, staff, training, funding, the charter
 * and hubs of every authority given, in twenty queries whatever their number (the same columns the
 * authorities' own pages load one at a time: app/services/readiness, funding, partnership, plan).
 * Grouped by authority here; every rule is applied in app/domain.
 */
export async function loadComparisonFacts(tx: Executor, authorityIds: readonly string[], today: IsoDate): Promise<ComparisonFacts> {
  if (authorityIds.length === 0) return { authorities: [], facts: new Map() };
  const ids = [...authorityIds];
  // A session counts as done on its last day.
  const completesOn = sql<IsoDate>`coalesce(${trainingSession.endDate}, ${trainingSession.startDate})`;
  const [
    authorities,
    programme,
    posts,
    appointments,
    staff,
    courses,
    requirements,
    attendance,
    settings,
    postCosts,
    roleRates,
    streams,
    contributions,
    reported,
    versions,
    organisations,
    members,
    signatures,
    withdrawals,
    hubs,
  ] = await Promise.all([
    tx.select().from(authority).where(inArray(authority.id, ids)).orderBy(asc(authority.name)),
    loadProgrammeThresholds(tx),
    tx
      .select({ authorityId: post.authorityId, id: post.id, role: post.role, fte: post.fte, teamId: post.teamId, adultSpecialist: post.adultSpecialist, establishedOn: post.establishedOn, disestablishedOn: post.disestablishedOn })
      .from(post)
      .where(inArray(post.authorityId, ids))
      .orderBy(asc(post.reference), asc(post.role), asc(post.id)),
    tx
      .select({
        authorityId: appointment.authorityId,
        id: appointment.id,
        postId: appointment.postId,
        holder: appointment.holder,
        fte: appointment.fte,
        contractType: appointment.contractType,
        contractEnd: appointment.contractEnd,
        startDate: appointment.startDate,
        startConfirmed: appointment.startConfirmed,
        lastDay: appointment.lastDay,
      })
      .from(appointment)
      .where(inArray(appointment.authorityId, ids)),
    tx
      .select({
        authorityId: staffMember.authorityId,
        id: staffMember.id,
        name: staffMember.name,
        discipline: staffMember.discipline,
        teamId: staffMember.teamId,
        startDate: staffMember.startDate,
        leaveDate: staffMember.leaveDate,
        inScope: staffMember.inScope,
      })
      .from(staffMember)
      .where(inArray(staffMember.authorityId, ids)),
    tx.select({ authorityId: course.authorityId, id: course.id, kind: course.kind }).from(course).where(inArray(course.authorityId, ids)).orderBy(asc(course.sortOrder), asc(course.name)),
    tx.select({ authorityId: workshopRequirement.authorityId, discipline: workshopRequirement.discipline, courseId: workshopRequirement.courseId }).from(workshopRequirement).where(inArray(workshopRequirement.authorityId, ids)),
    // Per person and course, only the first day each counts: the earliest attended session, and
    // the earliest booked one still to come after `today`. The criteria ask no more than that
    // (app/domain/readiness.ts completionDates: whether a record counts depends on the plan
    // date, never on the date asked about), and it is a third of the rows of every booking.
    tx
      .select({ authorityId: booking.authorityId, staffMemberId: booking.staffMemberId, courseId: trainingSession.courseId, status: booking.status, completesOn: sql<IsoDate>`min(${completesOn})::text` })
      .from(booking)
      .innerJoin(trainingSession, eq(trainingSession.id, booking.sessionId))
      .where(and(inArray(booking.authorityId, ids), or(eq(booking.status, "attended"), and(eq(booking.status, "booked"), gt(completesOn, sql`${today}::date`)))))
      .groupBy(booking.authorityId, booking.staffMemberId, trainingSession.courseId, booking.status),
    tx.select().from(fundingSetting).where(inArray(fundingSetting.authorityId, ids)),
    tx
      .select({ authorityId: postCost.authorityId, postId: postCost.postId, from: postCost.effectiveFrom, annualPence: postCost.annualPence })
      .from(postCost)
      .where(inArray(postCost.authorityId, ids))
      .orderBy(asc(postCost.postId), asc(postCost.effectiveFrom)),
    tx
      .select({ authorityId: roleCostRate.authorityId, role: roleCostRate.role, from: roleCostRate.priceBase, annualPence: roleCostRate.annualPence })
      .from(roleCostRate)
      .where(inArray(roleCostRate.authorityId, ids))
      .orderBy(asc(roleCostRate.role)),
    tx.select().from(fundingStream).where(inArray(fundingStream.authorityId, ids)).orderBy(asc(fundingStream.startDate), asc(fundingStream.name)),
    tx
      .select({
        authorityId: partnerContribution.authorityId,
        organisationId: partnerContribution.organisationId,
        financialYear: partnerContribution.financialYear,
        amountPence: partnerContribution.amountPence,
        status: partnerContribution.status,
        recurrent: partnerContribution.recurrent,
      })
      .from(partnerContribution)
      .where(inArray(partnerContribution.authorityId, ids)),
    tx.select().from(reportedFigure).where(inArray(reportedFigure.authorityId, ids)).orderBy(asc(reportedFigure.financialYear), asc(reportedFigure.measure)),
    tx
      .select({ authorityId: charterVersion.authorityId, id: charterVersion.id, number: charterVersion.number, title: charterVersion.title, publishedAt: charterVersion.publishedAt, reviewIntervalMonths: charterVersion.reviewIntervalMonths })
      .from(charterVersion)
      .where(inArray(charterVersion.authorityId, ids))
      .orderBy(asc(charterVersion.number)),
    tx.select({ authorityId: organisation.authorityId, id: organisation.id, name: organisation.name, sector: organisation.sector }).from(organisation).where(inArray(organisation.authorityId, ids)).orderBy(asc(organisation.name)),
    tx
      .select({ authorityId: boardMember.authorityId, id: boardMember.id, organisationId: boardMember.organisationId, name: boardMember.name, jobTitle: boardMember.jobTitle, activeFrom: boardMember.activeFrom, activeTo: boardMember.activeTo })
      .from(boardMember)
      .where(inArray(boardMember.authorityId, ids))
      .orderBy(asc(boardMember.name)),
    tx
      .select({
        authorityId: charterSignature.authorityId,
        id: charterSignature.id,
        versionId: charterSignature.charterVersionId,
        memberId: charterSignature.boardMemberId,
        organisationId: charterSignature.organisationId,
        signerName: charterSignature.signerName,
        signerRole: charterSignature.signerRole,
        signedAt: charterSignature.signedAt,
      })
      .from(charterSignature)
      .where(inArray(charterSignature.authorityId, ids))
      .orderBy(asc(charterSignature.signedAt)),
    tx
      .select({
        authorityId: charterWithdrawal.authorityId,
        signatureId: charterWithdrawal.signatureId,
        versionId: charterWithdrawal.charterVersionId,
        organisationId: charterWithdrawal.organisationId,
        withdrawnAt: charterWithdrawal.withdrawnAt,
        reason: charterWithdrawal.reason,
      })
      .from(charterWithdrawal)
      .where(inArray(charterWithdrawal.authorityId, ids))
      .orderBy(asc(charterWithdrawal.withdrawnAt)),
    tx
      .select({ authorityId: hub.authorityId, plannedOpening: hub.plannedOpening, forecastOpening: hub.forecastOpening, actualOpening: hub.actualOpening })
      .from(hub)
      .where(inArray(hub.authorityId, ids)),
  ]);

  const by = <T extends { authorityId: string }>(rows: T[]) => {
    const grouped = groupBy(rows, (r) => r.authorityId);
    return (id: string) => grouped.get(id) ?? [];
  };
  const [postsOf, appointmentsOf, staffOf, coursesOf, requirementsOf, attendanceOf, settingsOf, postCostsOf, roleRatesOf, streamsOf, contributionsOf, reportedOf] = [
    by(posts),
    by(appointments),
    by(staff),
    by(courses),
    by(requirements),
    by(attendance),
    by(settings),
    by(postCosts),
    by(roleRates),
    by(streams),
    by(contributions),
    by(reported),
  ];
  const [versionsOf, organisationsOf, membersOf, signaturesOf, withdrawalsOf, hubsOf] = [by(versions), by(organisations), by(members), by(signatures), by(withdrawals), by(hubs)];

  const facts = new Map<string, AuthorityComparisonFacts>();
  for (const a of authorities) {
    const requirementsByDiscipline: Record<string, string[]> = {};
    for (const r of requirementsOf(a.id)) (requirementsByDiscipline[r.discipline] ??= []).push(r.courseId);
    const s = settingsOf(a.id)[0];
    const appts = appointmentsOf(a.id);
    const allPosts = postsOf(a.id);
    facts.set(a.id, {
      authority: { id: a.id, slug: a.slug, name: a.name, cohort: a.cohort, region: a.region, plannedGoLive: a.plannedGoLive, actualGoLive: a.actualGoLive },
      thresholds: effectiveThresholds(programme, a),
      workforce: { posts: allPosts, appointments: appts },
      training: {
        staff: staffOf(a.id),
        attendance: attendanceOf(a.id).map((b) => ({ staffMemberId: b.staffMemberId, courseId: b.courseId, completesOn: b.completesOn, status: b.status })),
        miCourseIds: coursesOf(a.id)
          .filter((c) => c.kind === "mi")
          .map((c) => c.id),
        requirements: requirementsByDiscipline,
      },
      funding: {
        settings: s ? { costBasis: s.costBasis as CostBasis, upliftBp: s.upliftBp, costsFrom: s.costsFrom } : DEFAULT_SETTINGS,
        // The funding pages cost adult specialist posts only.
        posts: allPosts.filter((p) => p.adultSpecialist),
        appointments: appts,
        postCosts: postCostsOf(a.id),
        roleRates: roleRatesOf(a.id),
        streams: streamsOf(a.id).map((r) => ({ id: r.id, name: r.name, kind: r.kind as StreamKind, totalPence: r.totalPence, startDate: r.startDate, endDate: r.endDate, sharesBp: r.sharesBp })),
        contributions: contributionsOf(a.id).map((c) => ({ ...c, status: c.status as ContributionStatus })),
        reported: reportedOf(a.id).map((r) => ({ id: r.id, financialYear: r.financialYear, measure: r.measure as ReportedMeasure, amountPence: r.amountPence, source: r.source })),
        // Spend on fixed allocations does not change the gap.
        spend: [],
      },
      charter: { versions: versionsOf(a.id), organisations: organisationsOf(a.id), members: membersOf(a.id), signatures: signaturesOf(a.id), withdrawals: withdrawalsOf(a.id) },
      hubs: hubsOf(a.id),
    });
  }
  return { authorities, facts };
}
