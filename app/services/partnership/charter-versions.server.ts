import { and, desc, eq, isNull, max, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { authority, charter, charterVersion, verification } from "../../../db/schema";
import { currentVersionOn, requestRows, type CharterContent } from "../../domain/charter";
import { londonDate } from "../../domain/dates";
import type { Env } from "../../env.server";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { sendSigningEmails, type SigningEmail } from "./charter-emails.server";
import { fingerprint } from "./charter-hash.server";
import { DEFAULT_REMINDER_DAYS, findVersion, loadPartnership } from "./load.server";
import { issueRequests, unasked, type SendOutcome } from "./signing-requests.server";

export interface DraftInput extends CharterContent {
  /** The version the form was loaded with; absent when creating. */
  version?: number;
}

/** The authority's charter row, created on first use. */
async function ensureCharter(tx: Tx, authorityId: string) {
  await tx.insert(charter).values({ authorityId }).onConflictDoNothing();
  const [row] = await tx.select().from(charter).where(eq(charter.authorityId, authorityId));
  return row;
}

async function findDraft(tx: Tx, scope: TenantScope, versionId: string) {
  const row = await findVersion(tx, scope.authorityId, versionId);
  if (!row) throw new NotFoundError("Charter version not found");
  if (row.publishedAt) throw new InvalidError("Version " + row.number + " is published and can no longer change. Draft a new version instead.");
  return row;
}

const contentOf = (v: CharterContent) => ({ title: v.title, body: v.body, commitments: v.commitments, minimumTermMonths: v.minimumTermMonths, reviewIntervalMonths: v.reviewIntervalMonths });

/** Starts a new draft version. There is at most one draft at a time. */
export async function createDraft(scope: TenantScope, input: DraftInput): Promise<{ id: string; number: number }> {
  try {
    return await inTenant(scope, async (tx) => {
      const settings = await ensureCharter(tx, scope.authorityId);
      const [{ last }] = await tx.select({ last: max(charterVersion.number) }).from(charterVersion).where(eq(charterVersion.authorityId, scope.authorityId));
      const number = (last ?? 0) + 1;
      const [row] = await tx
        .insert(charterVersion)
        .values({ authorityId: scope.authorityId, charterId: settings.id, number, ...contentOf(input), createdByLabel: scope.actor.label })
        .returning({ id: charterVersion.id, number: charterVersion.number });
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "charter.draft-created", entityType: "charter-version", entityId: row.id, after: { number, ...contentOf(input) } });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, "charter_version_one_draft")) throw new InvalidError("There is already a draft version: edit it, or discard it first.");
    throw error;
  }
}

/** Changes a draft (version-checked). Published versions never change. */
export async function updateDraft(scope: TenantScope, versionId: string, input: DraftInput): Promise<void> {
  await inTenant(scope, async (tx) => {
    const current = await findDraft(tx, scope, versionId);
    const updated = await tx
      .update(charterVersion)
      .set({ ...contentOf(input), version: sql`${charterVersion.version} + 1`, updatedAt: scope.now })
      .where(and(eq(charterVersion.id, current.id), eq(charterVersion.version, input.version ?? -1), isNull(charterVersion.publishedAt)))
      .returning({ id: charterVersion.id });
    if (updated.length === 0) throw new ConflictError("This draft was changed by someone else after you opened it. Your changes are below: check the draft and try again.");
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "charter.draft-updated", entityType: "charter-version", entityId: current.id, before: contentOf(current), after: contentOf(input) });
  });
}

/** Throws away a draft (version-checked). */
export async function discardDraft(scope: TenantScope, versionId: string, version: number): Promise<{ number: number }> {
  return inTenant(scope, async (tx) => {
    const current = await findDraft(tx, scope, versionId);
    if (current.version !== version) throw new ConflictError("This draft was changed by someone else after you opened it. Check it and try again.");
    await tx.delete(charterVersion).where(and(eq(charterVersion.id, current.id), isNull(charterVersion.publishedAt)));
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "charter.draft-discarded", entityType: "charter-version", entityId: current.id, before: { number: current.number, ...contentOf(current) } });
    return { number: current.number };
  });
}

/** What a draft still needs before it can be published (empty: ready). */
export function publishProblems(v: CharterContent): string[] {
  const problems: string[] = [];
  if (!v.title.trim()) problems.push("Give the charter a title");
  if (!v.body.trim()) problems.push("Write the text of the charter");
  if (v.commitments.filter((c) => c.trim()).length === 0) problems.push("List at least one commitment");
  return problems;
}

/**
 * Publishes a draft: fixes its canonical text and SHA-256, after which the database refuses any
 * change to it. The previous version is superseded: every partner must sign again, and links
 * still out for older versions stop working. With `sendRequests`, a signing request goes to
 * every active board member in the same transaction (the e-mails leave once it commits).
 */
export async function publishVersion(scope: TenantScope, env: Env, versionId: string, input: { version: number; sendRequests: boolean }): Promise<{ number: number; textHash: string; requests: SendOutcome }> {
  const result = await inTenant(scope, async (tx) => {
    const draft = await findDraft(tx, scope, versionId);
    if (draft.version !== input.version) throw new ConflictError("This draft was changed by someone else after you opened it. Check it and publish again.");
    const problems = publishProblems(draft);
    if (problems.length) throw new InvalidError(`This draft cannot be published yet: ${problems.join("; ").toLowerCase()}.`);
    const before = await loadPartnership(tx, scope.authorityId);
    const previous = currentVersionOn(before.facts.versions, londonDate(scope.now));
    const { canonicalText, textHash } = fingerprint(draft);
    const updated = await tx
      .update(charterVersion)
      .set({ canonicalText, textHash, publishedAt: scope.now, publishedByUserId: scope.actor.userId, publishedByLabel: scope.actor.label, updatedAt: scope.now })
      .where(and(eq(charterVersion.id, draft.id), eq(charterVersion.version, input.version), isNull(charterVersion.publishedAt)))
      .returning({ id: charterVersion.id });
    if (updated.length === 0) throw new ConflictError();
    // Links for earlier versions are of no use any more.
    await tx.delete(verification).where(and(eq(verification.authorityId, scope.authorityId), eq(verification.purpose, "charter-signing")));
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "charter.published", entityType: "charter-version", entityId: draft.id, after: { number: draft.number, title: draft.title, textHash } });
    if (previous) {
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "charter.superseded", entityType: "charter-version", entityId: previous.id, after: { number: previous.number, supersededBy: draft.number } });
    }
    let emails: SigningEmail[] = [];
    const partnership = await loadPartnership(tx, scope.authorityId);
    if (input.sendRequests) emails = await issueRequests(tx, scope, partnership, draft, unasked(requestRows(partnership.facts, draft.id, londonDate(scope.now))));
    const [a] = await tx.select({ name: authority.name }).from(authority).where(eq(authority.id, scope.authorityId));
    return { emails, forEmail: { authorityName: a.name, boardName: partnership.boardName, title: draft.title, number: draft.number, textHash }, number: draft.number, textHash };
  });
  const sent = await sendSigningEmails(scope.db, env, scope.authorityId, result.forEmail, result.emails);
  return { number: result.number, textHash: result.textHash, requests: { sent: sent.length, failed: sent.filter((s) => s.status === "failed").length } };
}

/** Sets N: partners who have not signed are reminded N days after the last e-mail. Version-checked. */
export async function setReminderDays(scope: TenantScope, input: { reminderAfterDays: number; version: number }): Promise<void> {
  await inTenant(scope, async (tx) => {
    const [existing] = await tx.select().from(charter).where(eq(charter.authorityId, scope.authorityId));
    if ((existing?.version ?? 0) !== input.version) throw new ConflictError("The reminder setting was changed by someone else after you opened this page. Check it and try again.");
    const current = await ensureCharter(tx, scope.authorityId);
    const updated = await tx
      .update(charter)
      .set({ reminderAfterDays: input.reminderAfterDays, version: sql`${charter.version} + 1` })
      .where(and(eq(charter.id, current.id), eq(charter.version, current.version)))
      .returning({ id: charter.id });
    if (updated.length === 0) throw new ConflictError();
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "charter.settings-updated",
      entityType: "charter",
      entityId: current.id,
      before: { reminderAfterDays: existing?.reminderAfterDays ?? DEFAULT_REMINDER_DAYS },
      after: { reminderAfterDays: input.reminderAfterDays },
    });
  });
}

/** A new draft starts from the latest version's content (or the usual terms); an existing draft is returned instead. */
export async function draftStart(scope: TenantScope): Promise<{ draftId: string | null; content: CharterContent }> {
  return inTenant(scope, async (tx) => {
    const [latest] = await tx.select().from(charterVersion).where(eq(charterVersion.authorityId, scope.authorityId)).orderBy(desc(charterVersion.number)).limit(1);
    if (latest && !latest.publishedAt) return { draftId: latest.id, content: contentOf(latest) };
    return { draftId: null, content: latest ? contentOf(latest) : { title: "Family Safeguarding partnership charter", body: "", commitments: [], minimumTermMonths: 24, reviewIntervalMonths: 12 } };
  });
}
