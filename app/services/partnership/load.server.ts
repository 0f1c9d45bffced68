import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import {
  boardMember,
  charter,
  charterSignature,
  charterVersion,
  charterWithdrawal,
  organisation,
  partnershipBoard,
  signingRequest,
  type BoardMember,
  type CharterSignature,
  type CharterWithdrawal,
  type Organisation,
  type SigningRequest,
} from "../../../db/schema";
import type { CharterFacts } from "../../domain/charter";

/** Every column of a version except the text: lists of versions need only the heading facts. */
const { body: _body, canonicalText: _text, ...versionHeadingColumns } = getTableColumns(charterVersion);
export type VersionHeading = { [K in keyof typeof versionHeadingColumns]: (typeof charterVersion.$inferSelect)[K] };

export const DEFAULT_BOARD_NAME = "Partnership board";
export const DEFAULT_REMINDER_DAYS = 14;

export interface Partnership {
  boardName: string;
  boardVersion: number;
  charter: { id: string; reminderAfterDays: number; version: number } | null;
  versions: VersionHeading[];
  organisations: Organisation[];
  members: BoardMember[];
  signatures: CharterSignature[];
  withdrawals: CharterWithdrawal[];
  requests: SigningRequest[];
  facts: CharterFacts;
}

/**
 * Everything about an authority's board and charter, in eight queries whatever the number of
 * members, versions or signatures; the status rules (app/domain/charter.ts) then work on it.
 */
export async function loadPartnership(tx: Executor, authorityId: string): Promise<Partnership> {
  const [board] = await tx.select().from(partnershipBoard).where(eq(partnershipBoard.authorityId, authorityId));
  const [settings] = await tx.select().from(charter).where(eq(charter.authorityId, authorityId));
  const versions = await tx.select(versionHeadingColumns).from(charterVersion).where(eq(charterVersion.authorityId, authorityId)).orderBy(asc(charterVersion.number));
  const organisations = await tx.select().from(organisation).where(eq(organisation.authorityId, authorityId)).orderBy(asc(organisation.name));
  const members = await tx.select().from(boardMember).where(eq(boardMember.authorityId, authorityId)).orderBy(asc(boardMember.name));
  const signatures = await tx.select().from(charterSignature).where(eq(charterSignature.authorityId, authorityId)).orderBy(asc(charterSignature.signedAt));
  const withdrawals = await tx.select().from(charterWithdrawal).where(eq(charterWithdrawal.authorityId, authorityId)).orderBy(asc(charterWithdrawal.withdrawnAt));
  const requests = await tx.select().from(signingRequest).where(eq(signingRequest.authorityId, authorityId));
  const reminderAfterDays = settings?.reminderAfterDays ?? DEFAULT_REMINDER_DAYS;
  return {
    boardName: board?.name ?? DEFAULT_BOARD_NAME,
    boardVersion: board?.version ?? 0,
    charter: settings ? { id: settings.id, reminderAfterDays: settings.reminderAfterDays, version: settings.version } : null,
    versions,
    organisations,
    members,
    signatures,
    withdrawals,
    requests,
    facts: {
      versions: versions.map((v) => ({ id: v.id, number: v.number, title: v.title, publishedAt: v.publishedAt, reviewIntervalMonths: v.reviewIntervalMonths })),
      organisations: organisations.map((o) => ({ id: o.id, name: o.name, sector: o.sector })),
      members: members.map((m) => ({ id: m.id, organisationId: m.organisationId, name: m.name, jobTitle: m.jobTitle, activeFrom: m.activeFrom, activeTo: m.activeTo })),
      signatures: signatures.map((s) => ({ id: s.id, versionId: s.charterVersionId, memberId: s.boardMemberId, organisationId: s.organisationId, signerName: s.signerName, signerRole: s.signerRole, signedAt: s.signedAt })),
      withdrawals: withdrawals.map((w) => ({ signatureId: w.signatureId, versionId: w.charterVersionId, organisationId: w.organisationId, withdrawnAt: w.withdrawnAt, reason: w.reason })),
      requests: requests.map((r) => ({ versionId: r.charterVersionId, memberId: r.boardMemberId, requestedAt: r.requestedAt, lastSentAt: r.lastSentAt, reminderCount: r.reminderCount, firstViewedAt: r.firstViewedAt })),
      reminderAfterDays,
    },
  };
}

/** One version with its text, if it belongs to the authority. */
export async function findVersion(tx: Executor, authorityId: string, versionId: string) {
  const [row] = await tx
    .select()
    .from(charterVersion)
    .where(and(eq(charterVersion.id, versionId), eq(charterVersion.authorityId, authorityId)))
    .limit(1);
  return row ?? null;
}
