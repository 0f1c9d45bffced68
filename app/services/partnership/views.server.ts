import { and, asc, eq } from "drizzle-orm";
import { auditEvent, charterSignature, charterWithdrawal } from "../../../db/schema";
import {
  charterSummary,
  currentVersionOn,
  isActiveOn,
  partnerStatuses,
  requestRows,
  reviewDueOn,
  versionStateOn,
  type CharterSummary,
  type PartnerStatus,
  type VersionState,
} from "../../domain/charter";
import type { IsoDate } from "../../domain/dates";
import { londonDate } from "../../domain/dates";
import { normaliseEmail } from "../../domain/email";
import { meetingPattern, type MeetingPattern } from "../../domain/partnership";
import { NotFoundError } from "../../errors";
import { memoisedRead, memoPerDatabase } from "../read-models.server";
import { inTenant, type TenantScope } from "../scope.server";
import { publishProblems } from "./charter-versions.server";
import { fingerprint } from "./charter-hash.server";
import { findVersion, loadPartnership, type Partnership } from "./load.server";
import { renderMarkdown } from "./markdown.server";
import { meetingDates } from "./meetings.server";

export interface PartnerView {
  organisationId: string;
  organisationName: string;
  sector: string;
  status: PartnerStatus;
  signerName: string | null;
  signerRole: string | null;
  signedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  activeMembers: number;
}

function partnerViews(p: Partnership, versionId: string, date: IsoDate): PartnerView[] {
  return partnerStatuses(p.facts, versionId, date).map((row) => ({
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
    sector: row.organisation.sector,
    status: row.status,
    signerName: row.signature?.signerName ?? null,
    signerRole: row.signature?.signerRole ?? null,
    signedAt: row.signature?.signedAt ?? null,
    withdrawnAt: row.withdrawal?.withdrawnAt ?? null,
    withdrawalReason: row.withdrawal?.reason ?? null,
    activeMembers: row.activeMembers.length,
  }));
}

export interface VersionListItem {
  id: string;
  number: number;
  title: string;
  state: VersionState;
  publishedAt: Date | null;
  textHash: string | null;
  signed: number;
  partners: number;
}

function versionList(p: Partnership, date: IsoDate): VersionListItem[] {
  return [...p.versions].reverse().map((v) => {
    const fact = p.facts.versions.find((f) => f.id === v.id)!;
    const state = versionStateOn(fact, p.facts.versions, date);
    const partners = state === "draft" ? [] : partnerStatuses(p.facts, v.id, date);
    return { id: v.id, number: v.number, title: v.title, state, publishedAt: v.publishedAt, textHash: v.textHash, signed: partners.filter((x) => x.status === "signed").length, partners: partners.length };
  });
}

/** The signed-in person as a board member of this authority (matched by e-mail), and what they can do. */
function viewerAsMember(p: Partnership, email: string | null, versionId: string | null, date: IsoDate) {
  if (!email) return null;
  const member = p.members.find((m) => m.email === normaliseEmail(email));
  if (!member) return null;
  const organisation = p.organisations.find((o) => o.id === member.organisationId)!;
  const partner = versionId ? partnerStatuses(p.facts, versionId, date).find((x) => x.organisation.id === organisation.id) : undefined;
  return { name: member.name, organisationName: organisation.name, active: isActiveOn(member, date), partnerStatus: partner?.status ?? null };
}

export interface PartnershipOverview {
  asOf: IsoDate;
  boardName: string;
  summary: CharterSummary;
  partners: PartnerView[];
  meetings: MeetingPattern;
  activeMembers: number;
  organisations: number;
  versions: VersionListItem[];
  draftId: string | null;
  reminderAfterDays: number;
  charterVersion: number;
  viewer: ReturnType<typeof viewerAsMember>;
}

/** The partnership page: status at a glance, partners of the current version, board and meetings. A fixed number of queries. */
export async function getPartnershipOverview(scope: TenantScope, asOf: IsoDate, viewerEmail: string | null): Promise<PartnershipOverview> {
  return inTenant(scope, async (tx) => {
    const p = await loadPartnership(tx, scope.authorityId);
    const dates = await meetingDates(tx, scope.authorityId);
    const summary = charterSummary(p.facts, asOf);
    return {
      asOf,
      boardName: p.boardName,
      summary,
      partners: summary.current ? partnerViews(p, summary.current.id, asOf) : [],
      meetings: meetingPattern(dates, asOf),
      activeMembers: p.members.filter((m) => isActiveOn(m, asOf)).length,
      organisations: new Set(p.members.filter((m) => isActiveOn(m, asOf)).map((m) => m.organisationId)).size,
      versions: versionList(p, asOf),
      draftId: p.versions.find((v) => !v.publishedAt)?.id ?? null,
      reminderAfterDays: p.facts.reminderAfterDays,
      charterVersion: p.charter?.version ?? 0,
      viewer: viewerAsMember(p, viewerEmail, summary.current?.id ?? null, asOf),
    };
  });
}

export type CharterStatus = CharterSummary & { asOf: IsoDate };

/**
 * What the dashboard's charter panel shows (app/components/charter-status-panel.tsx): x of y
 * partners signed for the current version, overdue requests, review due. Eight queries.
 */
export async function getCharterStatus(scope: TenantScope, asOf: IsoDate = londonDate(scope.now)): Promise<CharterStatus> {
  return memoisedRead(scope, charterStatuses, [asOf], async (tx) => ({ ...charterSummary((await loadPartnership(tx, scope.authorityId)).facts, asOf), asOf }));
}

// Shown on the dashboard as well as the partnership page: kept until the authority's data changes.
const charterStatuses = memoPerDatabase<CharterStatus>(500);

export interface RequestView {
  memberId: string;
  name: string;
  jobTitle: string;
  email: string;
  organisationName: string;
  partnerStatus: PartnerStatus;
  requestedAt: Date | null;
  lastSentAt: Date | null;
  reminders: number;
  firstViewedAt: Date | null;
  daysWaiting: number | null;
  overdue: boolean;
  reminderDue: boolean;
  signedByThisMember: boolean;
}

/** One version: its text, state, and (published) each partner's status and each member's request. */
export async function getVersionView(scope: TenantScope, versionId: string, asOf: IsoDate, viewerEmail: string | null) {
  return inTenant(scope, async (tx) => {
    const version = await findVersion(tx, scope.authorityId, versionId);
    if (!version) throw new NotFoundError("Charter version not found");
    const p = await loadPartnership(tx, scope.authorityId);
    const state = versionStateOn(p.facts.versions.find((v) => v.id === version.id)!, p.facts.versions, asOf);
    const current = currentVersionOn(p.facts.versions, asOf);
    const preview = version.publishedAt ? null : fingerprint(version);
    const requests: RequestView[] =
      state === "current"
        ? requestRows(p.facts, version.id, asOf).map((r) => ({
            memberId: r.member.id,
            name: r.member.name,
            jobTitle: r.member.jobTitle,
            email: p.members.find((m) => m.id === r.member.id)!.email,
            organisationName: r.organisation.name,
            partnerStatus: r.partnerStatus,
            requestedAt: r.request?.requestedAt ?? null,
            lastSentAt: r.request?.lastSentAt ?? null,
            reminders: r.request?.reminderCount ?? 0,
            firstViewedAt: r.request?.firstViewedAt ?? null,
            daysWaiting: r.daysWaiting,
            overdue: r.overdue,
            reminderDue: r.reminderDue,
            signedByThisMember: r.signedByThisMember,
          }))
        : [];
    return {
      asOf,
      boardName: p.boardName,
      version: {
        id: version.id,
        number: version.number,
        title: version.title,
        body: version.body,
        bodyHtml: renderMarkdown(version.body),
        commitments: version.commitments,
        minimumTermMonths: version.minimumTermMonths,
        reviewIntervalMonths: version.reviewIntervalMonths,
        canonicalText: version.canonicalText ?? preview!.canonicalText,
        textHash: version.textHash ?? preview!.textHash,
        publishedAt: version.publishedAt,
        publishedByLabel: version.publishedByLabel,
        createdByLabel: version.createdByLabel,
        updatedAt: version.updatedAt,
        version: version.version,
        reviewDueOn: reviewDueOn(version),
      },
      state,
      currentVersion: current ? { id: current.id, number: current.number } : null,
      publishProblems: version.publishedAt ? [] : publishProblems(version),
      partners: version.publishedAt ? partnerViews(p, version.id, asOf) : [],
      requests,
      reminderAfterDays: p.facts.reminderAfterDays,
      viewer: viewerAsMember(p, viewerEmail, version.publishedAt ? version.id : null, asOf),
    };
  });
}

export interface CertificateSignature {
  id: string;
  signerName: string;
  signerRole: string;
  signerEmail: string;
  organisationName: string;
  signedAt: Date;
  method: string;
  textHash: string;
  consentStatement: string;
  ip: string | null;
  userAgent: string | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  withdrawnBy: string | null;
}

/**
 * The certificate of a published version: the exact text and its hash, every signature (with any
 * withdrawal) and the version's audit trail. Five queries whatever the number of signatures.
 */
export async function getCertificate(scope: TenantScope, versionId: string) {
  return inTenant(scope, async (tx) => {
    const version = await findVersion(tx, scope.authorityId, versionId);
    if (!version?.publishedAt) throw new NotFoundError("Charter version not found");
    const signatures = await tx
      .select({ signature: charterSignature, withdrawal: charterWithdrawal })
      .from(charterSignature)
      .leftJoin(charterWithdrawal, eq(charterWithdrawal.signatureId, charterSignature.id))
      .where(and(eq(charterSignature.authorityId, scope.authorityId), eq(charterSignature.charterVersionId, version.id)))
      .orderBy(asc(charterSignature.signedAt));
    const trail = await tx
      .select({ id: auditEvent.id, occurredAt: auditEvent.occurredAt, actorLabel: auditEvent.actorLabel, action: auditEvent.action, after: auditEvent.after })
      .from(auditEvent)
      .where(and(eq(auditEvent.authorityId, scope.authorityId), eq(auditEvent.entityType, "charter-version"), eq(auditEvent.entityId, version.id)))
      .orderBy(asc(auditEvent.occurredAt), asc(auditEvent.id));
    const p = await loadPartnership(tx, scope.authorityId);
    const today = londonDate(scope.now);
    return {
      boardName: p.boardName,
      version: {
        id: version.id,
        number: version.number,
        title: version.title,
        canonicalText: version.canonicalText!,
        textHash: version.textHash!,
        publishedAt: version.publishedAt,
        publishedByLabel: version.publishedByLabel,
        minimumTermMonths: version.minimumTermMonths,
        reviewIntervalMonths: version.reviewIntervalMonths,
      },
      state: versionStateOn(p.facts.versions.find((v) => v.id === version.id)!, p.facts.versions, today),
      partners: partnerViews(p, version.id, today),
      signatures: signatures.map(({ signature: s, withdrawal: w }): CertificateSignature => ({
        id: s.id,
        signerName: s.signerName,
        signerRole: s.signerRole,
        signerEmail: s.signerEmail,
        organisationName: s.organisationName,
        signedAt: s.signedAt,
        method: s.method,
        textHash: s.textHash,
        consentStatement: s.consentStatement,
        ip: s.ip,
        userAgent: s.userAgent,
        withdrawnAt: w?.withdrawnAt ?? null,
        withdrawalReason: w?.reason ?? null,
        withdrawnBy: w?.recordedByLabel ?? null,
      })),
      trail,
    };
  });
}
