import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database, Tx } from "../../../db/client";
import { authority, boardMember, charterSignature, charterWithdrawal, signingRequest, type BoardMember, type CharterVersion } from "../../../db/schema";
import { enforce, LIMITS } from "../../auth/rate-limit.server";
import { consentStatement, isActiveOn, type CharterDisplay, normaliseLine, partnerStatuses, versionStateOn, type PartnerRow } from "../../domain/charter";
import { londonDate } from "../../domain/dates";
import { normaliseEmail } from "../../domain/email";
import type { Env } from "../../env.server";
import { InvalidError, NotFoundError } from "../../errors";
import type { Actor } from "../audit.server";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { consumeVerification, findVerification } from "../verification.server";
import { parseSigningTarget, sendSignatureReceipts, type SignedNews } from "./charter-emails.server";
import { findVersion, loadPartnership, type Partnership } from "./load.server";
import { renderMarkdown } from "./markdown.server";

export const SIGNING_LINK_USED_MESSAGE = "This link has already been used, has expired, or has been replaced by a newer one.";

/** A view of the link page is written to the trail at most once an hour per request. */
const VIEW_INTERVAL_MS = 60 * 60 * 1000;

export type SigningState = "ready" | "already-signed" | "superseded" | "not-on-board";

export interface SigningPage {
  authorityName: string;
  boardName: string;
  version: CharterDisplay & { id: string; number: number; publishedAt: Date };
  member: { id: string; name: string; jobTitle: string; organisationName: string };
  state: SigningState;
  /** The partner's signature in force, when it has signed. */
  signedBy: { signerName: string; signedAt: Date } | null;
  /** The partner withdrew an earlier signature: signing again is possible. */
  withdrawnAt: Date | null;
  consent: string;
}

interface Context {
  partnership: Partnership;
  version: CharterVersion;
  member: BoardMember;
  partner: PartnerRow | undefined;
  state: SigningState;
  authorityName: string;
  slug: string;
}

/** Loads what signing needs, locking the partner's organisation first so two signatures for it take turns. */
async function signingContext(tx: Tx, authorityId: string, versionId: string, memberId: string, now: Date, lock: boolean): Promise<Context | null> {
  const [member] = await tx
    .select()
    .from(boardMember)
    .where(and(eq(boardMember.id, memberId), eq(boardMember.authorityId, authorityId)))
    .limit(1);
  const version = await findVersion(tx, authorityId, versionId);
  if (!member || !version?.publishedAt) return null;
  if (lock) await tx.execute(sql`select id from organisation where id = ${member.organisationId} and authority_id = ${authorityId} for update`);
  const partnership = await loadPartnership(tx, authorityId);
  const today = londonDate(now);
  const partner = partnerStatuses(partnership.facts, version.id, today).find((p) => p.organisation.id === member.organisationId);
  const state: SigningState =
    versionStateOn(partnership.facts.versions.find((v) => v.id === version.id)!, partnership.facts.versions, today) !== "current"
      ? "superseded"
      : !isActiveOn(member, today)
        ? "not-on-board"
        : partner?.status === "signed"
          ? "already-signed"
          : "ready";
  const [a] = await tx.select({ name: authority.name, slug: authority.slug }).from(authority).where(eq(authority.id, authorityId));
  return { partnership, version, member, partner, state, authorityName: a.name, slug: a.slug };
}

function toPage(c: Context): SigningPage {
  const organisationName = c.partnership.organisations.find((o) => o.id === c.member.organisationId)!.name;
  return {
    authorityName: c.authorityName,
    boardName: c.partnership.boardName,
    version: {
      id: c.version.id,
      number: c.version.number,
      title: c.version.title,
      bodyHtml: renderMarkdown(c.version.body),
      commitments: c.version.commitments,
      minimumTermMonths: c.version.minimumTermMonths,
      reviewIntervalMonths: c.version.reviewIntervalMonths,
      canonicalText: c.version.canonicalText!,
      textHash: c.version.textHash!,
      publishedAt: c.version.publishedAt!,
    },
    member: { id: c.member.id, name: c.member.name, jobTitle: c.member.jobTitle, organisationName },
    state: c.state,
    signedBy: c.partner?.status === "signed" && c.partner.signature ? { signerName: c.partner.signature.signerName, signedAt: c.partner.signature.signedAt } : null,
    withdrawnAt: c.partner?.status === "withdrawn" ? (c.partner.withdrawal?.withdrawnAt ?? null) : null,
    consent: consentStatement(organisationName),
  };
}

/** Writes "viewed" to the trail (at most hourly per request) and notes when the request was first opened. */
async function recordView(tx: Tx, c: Context, actor: Actor, now: Date): Promise<void> {
  const since = new Date(now.getTime() - VIEW_INTERVAL_MS);
  const viewed = await tx
    .update(signingRequest)
    .set({ firstViewedAt: sql`coalesce(${signingRequest.firstViewedAt}, ${now.toISOString()}::timestamptz)`, lastViewedAt: now })
    .where(
      and(
        eq(signingRequest.authorityId, c.version.authorityId),
        eq(signingRequest.charterVersionId, c.version.id),
        eq(signingRequest.boardMemberId, c.member.id),
        or(isNull(signingRequest.lastViewedAt), lt(signingRequest.lastViewedAt, since)),
      ),
    )
    .returning({ id: signingRequest.id });
  if (viewed.length === 0) return;
  await recordAudit(tx, actor, {
    authorityId: c.version.authorityId,
    action: "charter.viewed",
    entityType: "charter-version",
    entityId: c.version.id,
    after: { versionNumber: c.version.number, boardMember: c.member.name, email: c.member.email },
  });
}

function linkActor(member: Pick<BoardMember, "email">, ip: string): Actor {
  return { userId: null, label: member.email, ip };
}

/** The public link page. Looking never uses the link; it writes "viewed" to the trail. */
export async function openSigningLink(db: Database, token: string, now: Date, ip: string): Promise<(SigningPage & { expiresAt: Date }) | null> {
  const link = await findVerification(db, "charter-signing", token, now);
  const target = link && parseSigningTarget(link.target);
  if (!link?.authorityId || !target) return null;
  return inTenant({ db, authorityId: link.authorityId }, async (tx) => {
    const c = await signingContext(tx, link.authorityId!, target.versionId, target.memberId, now, false);
    if (!c) return null;
    await recordView(tx, c, linkActor(c.member, ip), now);
    return { ...toPage(c), expiresAt: link.expiresAt };
  });
}

export interface SignInput {
  /** The version and hash of the text the page showed, posted back with the form. */
  versionId: string;
  textHash: string;
  signerName: string;
  signerRole: string;
  organisationName: string;
}

interface SignMeta {
  method: "link" | "app";
  ip: string;
  userAgent: string | null;
  userId: string | null;
  actor: Actor;
  now: Date;
}

/** Checks a signature against the context and records it; returns the news for the receipts. */
async function recordSignature(tx: Tx, c: Context, input: SignInput, meta: SignMeta): Promise<SignedNews> {
  const page = toPage(c);
  if (input.versionId !== c.version.id) throw new InvalidError("This signing request is for another version of the charter.");
  if (c.state === "superseded") throw new InvalidError(`Version ${c.version.number} has been replaced by a newer version. You will be asked to sign the new one.`);
  if (c.state === "not-on-board") throw new InvalidError(`${c.member.name} is not a member of the board today, so cannot sign for ${page.member.organisationName}.`);
  if (c.state === "already-signed") throw new InvalidError(`${page.member.organisationName} has already signed this version (${page.signedBy?.signerName}).`);
  if (input.textHash !== c.version.textHash) throw new InvalidError("The charter text is not the one this page showed. Reload the page and read it again before signing.");
  if (normaliseLine(input.organisationName).toLowerCase() !== normaliseLine(page.member.organisationName).toLowerCase()) {
    throw new InvalidError("The organisation does not match", {
      organisationName: `This request is for ${page.member.organisationName}. To sign for another organisation, ask the programme team for a request for it.`,
    });
  }
  const values = {
    authorityId: c.version.authorityId,
    charterVersionId: c.version.id,
    boardMemberId: c.member.id,
    organisationId: c.member.organisationId,
    organisationName: page.member.organisationName,
    signerName: normaliseLine(input.signerName),
    signerRole: normaliseLine(input.signerRole),
    signerEmail: c.member.email,
    signedAt: meta.now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    textHash: c.version.textHash!,
    consentStatement: page.consent,
    method: meta.method,
    userId: meta.userId,
  };
  const [signature] = await tx.insert(charterSignature).values(values).returning();
  await recordAudit(tx, meta.actor, {
    authorityId: c.version.authorityId,
    action: "charter.signed",
    entityType: "charter-version",
    entityId: c.version.id,
    after: { versionNumber: c.version.number, signatureId: signature.id, signerName: values.signerName, signerRole: values.signerRole, organisation: values.organisationName, method: meta.method, textHash: values.textHash },
  });
  // The status with this signature counted, for the receipts.
  const facts = { ...c.partnership.facts, signatures: [...c.partnership.facts.signatures, { id: signature.id, versionId: c.version.id, memberId: c.member.id, organisationId: c.member.organisationId, signerName: values.signerName, signerRole: values.signerRole, signedAt: meta.now }] };
  const partners = partnerStatuses(facts, c.version.id, londonDate(meta.now));
  const signed = partners.filter((p) => p.status === "signed");
  const emailOf = (signatureId: string) => (signatureId === signature.id ? values.signerEmail : c.partnership.signatures.find((s) => s.id === signatureId)!.signerEmail);
  return {
    authorityId: c.version.authorityId,
    authorityName: c.authorityName,
    slug: c.slug,
    versionId: c.version.id,
    title: c.version.title,
    versionNumber: c.version.number,
    textHash: values.textHash,
    signerEmail: values.signerEmail,
    signerName: values.signerName,
    signerRole: values.signerRole,
    organisationName: values.organisationName,
    signedAt: meta.now,
    signedCount: signed.length,
    partnerCount: partners.length,
    fullySignedBy: signed.length === partners.length ? signed.map((p) => emailOf(p.signature!.id)) : null,
  };
}

export interface SignedResult {
  organisationName: string;
  signerName: string;
  signedAt: Date;
  textHash: string;
  versionNumber: number;
  title: string;
  signedCount: number;
  partnerCount: number;
}

const toResult = (n: SignedNews): SignedResult => ({
  organisationName: n.organisationName,
  signerName: n.signerName,
  signedAt: n.signedAt,
  textHash: n.textHash,
  versionNumber: n.versionNumber,
  title: n.title,
  signedCount: n.signedCount,
  partnerCount: n.partnerCount,
});

/**
 * Signs through the e-mailed link: uses the link up in the same transaction that records the
 * signature, so it works once; a failed check puts it back. Rate-limited per IP address.
 */
export async function signWithLink(db: Database, env: Env, input: SignInput & { token: string; ip: string; userAgent: string | null; now: Date }): Promise<SignedResult> {
  await enforce(db, [[`link:ip:${input.ip}`, LIMITS.linkPerIp]], input.now);
  const found = await findVerification(db, "charter-signing", input.token, input.now);
  if (!found?.authorityId) throw new InvalidError(SIGNING_LINK_USED_MESSAGE);
  const news = await inTenant({ db, authorityId: found.authorityId }, async (tx) => {
    const link = await consumeVerification(tx, "charter-signing", input.token, input.now);
    const target = link && parseSigningTarget(link.target);
    if (!link?.authorityId || !target) throw new InvalidError(SIGNING_LINK_USED_MESSAGE);
    const c = await signingContext(tx, link.authorityId, target.versionId, target.memberId, input.now, true);
    if (!c) throw new InvalidError(SIGNING_LINK_USED_MESSAGE);
    return recordSignature(tx, c, input, { method: "link", ip: input.ip, userAgent: input.userAgent, userId: null, actor: linkActor(c.member, input.ip), now: input.now });
  });
  await sendSignatureReceipts(db, env, news);
  return toResult(news);
}

/** The board member record of the signed-in person in this authority, matched by e-mail. */
async function memberForUser(tx: Tx, scope: TenantScope, email: string) {
  const [member] = await tx
    .select()
    .from(boardMember)
    .where(and(eq(boardMember.authorityId, scope.authorityId), eq(boardMember.email, normaliseEmail(email))))
    .limit(1);
  return member ?? null;
}

/** The in-app signing page of a signed-in board member; null member when their e-mail is not on the board. */
export async function getInAppSigning(scope: TenantScope, versionId: string, email: string): Promise<{ page: SigningPage | null }> {
  return inTenant(scope, async (tx) => {
    const version = await findVersion(tx, scope.authorityId, versionId);
    if (!version?.publishedAt) throw new NotFoundError("Charter version not found");
    const member = await memberForUser(tx, scope, email);
    if (!member) return { page: null };
    const c = (await signingContext(tx, scope.authorityId, versionId, member.id, scope.now, false))!;
    await recordView(tx, c, scope.actor, scope.now);
    return { page: toPage(c) };
  });
}

/** Signs in the app, as the board member whose e-mail is the signed-in person's. */
export async function signInApp(scope: TenantScope, env: Env, input: SignInput & { email: string; userAgent: string | null }): Promise<SignedResult> {
  const news = await inTenant(scope, async (tx) => {
    const member = await memberForUser(tx, scope, input.email);
    if (!member) throw new InvalidError(`${input.email} is not on the board list. Ask the programme team to add you.`);
    const c = await signingContext(tx, scope.authorityId, input.versionId, member.id, scope.now, true);
    if (!c) throw new NotFoundError("Charter version not found");
    return recordSignature(tx, c, input, { method: "app", ip: scope.actor.ip ?? "unknown", userAgent: input.userAgent, userId: scope.actor.userId, actor: scope.actor, now: scope.now });
  });
  await sendSignatureReceipts(scope.db, env, news);
  return toResult(news);
}

/**
 * Withdraws a partner's signature of the current version: a new dated record beside the
 * signature, which is never changed. By one of the partner's board members (in the app), or
 * recorded by the programme team for the partner (`byEmail` null).
 */
export async function withdrawSignature(scope: TenantScope, input: { versionId: string; organisationId?: string; byEmail: string | null; reason: string }): Promise<{ organisationName: string }> {
  return inTenant(scope, async (tx) => {
    let organisationId = input.organisationId;
    let memberId: string | null = null;
    if (input.byEmail) {
      const member = await memberForUser(tx, scope, input.byEmail);
      if (!member || !isActiveOn(member, londonDate(scope.now))) throw new InvalidError("Only a current board member of the partner can withdraw its signature.");
      organisationId = member.organisationId;
      memberId = member.id;
    }
    if (!organisationId) throw new NotFoundError("Organisation not found");
    await tx.execute(sql`select id from organisation where id = ${organisationId} and authority_id = ${scope.authorityId} for update`);
    const partnership = await loadPartnership(tx, scope.authorityId);
    const today = londonDate(scope.now);
    const version = partnership.facts.versions.find((v) => v.id === input.versionId);
    if (!version?.publishedAt) throw new NotFoundError("Charter version not found");
    if (versionStateOn(version, partnership.facts.versions, today) !== "current") throw new InvalidError("Only a signature of the current version can be withdrawn.");
    const partner = partnerStatuses(partnership.facts, version.id, today).find((p) => p.organisation.id === organisationId);
    if (!partner) throw new NotFoundError("Partner not found");
    if (partner.status !== "signed" || !partner.signature) throw new InvalidError(`${partner.organisation.name} has no signature of this version to withdraw.`);
    const reason = input.reason.trim();
    await tx.insert(charterWithdrawal).values({
      authorityId: scope.authorityId,
      signatureId: partner.signature.id,
      charterVersionId: version.id,
      organisationId: partner.organisation.id,
      withdrawnAt: scope.now,
      reason,
      boardMemberId: memberId,
      recordedByUserId: scope.actor.userId,
      recordedByLabel: scope.actor.label,
      ip: scope.actor.ip ?? null,
    });
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "charter.withdrawn",
      entityType: "charter-version",
      entityId: version.id,
      after: { versionNumber: version.number, organisation: partner.organisation.name, signatureId: partner.signature.id, reason, recordedFor: memberId ? "by the partner" : "by the programme team" },
    });
    return { organisationName: partner.organisation.name };
  });
}
