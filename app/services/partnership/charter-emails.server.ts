import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import type { Database, Executor } from "../../../db/client";
import { appUser, membership } from "../../../db/schema";
import CharterReceiptEmail, { charterReceiptSubject, type CharterReceiptEmailProps } from "../../../emails/charter-receipt";
import CharterSigningRequestEmail, { charterSigningRequestSubject } from "../../../emails/charter-signing-request";
import { formatDate, formatDateTime, londonDate } from "../../domain/dates";
import { sendEmail, type SentEmail } from "../../email/send.server";
import type { Env } from "../../env.server";
import { inTenant } from "../scope.server";
import { issueVerification } from "../verification.server";

/** A signing link works for 30 days, once. A reminder sends a fresh link and the earlier one stops working. */
export const SIGNING_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function signingTarget(versionId: string, memberId: string): string {
  return `${versionId}:${memberId}`;
}

export function parseSigningTarget(target: string): { versionId: string; memberId: string } | null {
  const [versionId, memberId, ...rest] = target.split(":");
  return versionId && memberId && rest.length === 0 ? { versionId, memberId } : null;
}

export interface SigningEmail {
  to: string;
  memberName: string;
  organisationName: string;
  token: string;
  expiresAt: Date;
  reminder: boolean;
}

/** Issues (or replaces) the personal signing link of a board member for a version. Call inside the transaction. */
export async function issueSigningLink(tx: Executor, v: { authorityId: string; versionId: string; memberId: string; createdByUserId: string | null; now: Date }) {
  const { token, row } = await issueVerification(tx, {
    purpose: "charter-signing",
    target: signingTarget(v.versionId, v.memberId),
    authorityId: v.authorityId,
    data: { versionId: v.versionId, memberId: v.memberId },
    ttlMs: SIGNING_LINK_TTL_MS,
    createdByUserId: v.createdByUserId,
    now: v.now,
  });
  return { token, expiresAt: row.expiresAt };
}

export interface VersionForEmail {
  authorityName: string;
  boardName: string;
  title: string;
  number: number;
  textHash: string;
}

/** E-mails the requests or reminders, after the transaction that issued their links has committed. */
export async function sendSigningEmails(db: Database, env: Env, authorityId: string, version: VersionForEmail, emails: SigningEmail[]): Promise<SentEmail[]> {
  const sent: SentEmail[] = [];
  for (const e of emails) {
    const link = `${env.APP_URL}/sign/${e.token}`;
    sent.push(
      await sendEmail(db, env, {
        to: e.to,
        subject: charterSigningRequestSubject({ authorityName: version.authorityName, reminder: e.reminder }),
        tag: e.reminder ? "charter-reminder" : "charter-signing-request",
        authorityId,
        link,
        react: createElement(CharterSigningRequestEmail, {
          authorityName: version.authorityName,
          boardName: version.boardName,
          memberName: e.memberName,
          organisationName: e.organisationName,
          title: version.title,
          versionNumber: version.number,
          textHash: version.textHash,
          link,
          expiresOn: formatDate(londonDate(e.expiresAt)),
          reminder: e.reminder,
        }),
      }),
    );
  }
  return sent;
}

/** The authority's programme managers' e-mail addresses: they get the receipts. */
export async function programmeManagerEmails(db: Executor, authorityId: string): Promise<string[]> {
  const rows = await db
    .select({ email: appUser.email })
    .from(membership)
    .innerJoin(appUser, eq(appUser.id, membership.userId))
    .where(and(eq(membership.authorityId, authorityId), eq(membership.role, "programme-manager")));
  return rows.map((r) => r.email);
}

export interface SignedNews {
  authorityId: string;
  authorityName: string;
  slug: string;
  versionId: string;
  title: string;
  versionNumber: number;
  textHash: string;
  signerEmail: string;
  signerName: string;
  signerRole: string;
  organisationName: string;
  signedAt: Date;
  signedCount: number;
  partnerCount: number;
  /** Set when this signature completed the charter: every signer in force gets the news too. */
  fullySignedBy: string[] | null;
}

/**
 * Receipts for a signature: to the signer and to each programme manager; and when it completed
 * the charter, the news to every signer and programme manager.
 */
export async function sendSignatureReceipts(db: Database, env: Env, n: SignedNews): Promise<void> {
  const managers = await inTenant({ db, authorityId: n.authorityId }, (tx) => programmeManagerEmails(tx, n.authorityId));
  const certificateLink = `${env.APP_URL}/a/${n.slug}/partnership/charter/${n.versionId}/certificate`;
  const base = {
    authorityName: n.authorityName,
    title: n.title,
    versionNumber: n.versionNumber,
    textHash: n.textHash,
    signerName: n.signerName,
    signerRole: n.signerRole,
    organisationName: n.organisationName,
    signedAt: formatDateTime(n.signedAt),
    signedCount: n.signedCount,
    partnerCount: n.partnerCount,
  };
  const send = (to: string, props: CharterReceiptEmailProps) =>
    sendEmail(db, env, { to, subject: charterReceiptSubject(props), tag: `charter-${props.kind}`, authorityId: n.authorityId, react: createElement(CharterReceiptEmail, props) });
  await send(n.signerEmail, { ...base, kind: "signed", audience: "signer" });
  for (const to of managers) await send(to, { ...base, kind: "signed", audience: "programme-team", certificateLink });
  if (!n.fullySignedBy) return;
  const signers = [...new Set(n.fullySignedBy)];
  for (const to of signers) await send(to, { ...base, kind: "fully-signed", audience: "signer" });
  for (const to of managers.filter((m) => !signers.includes(m))) await send(to, { ...base, kind: "fully-signed", audience: "programme-team", certificateLink });
}
