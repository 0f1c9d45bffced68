import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { authority, charterReminder, signingRequest, type CharterVersion } from "../../../db/schema";
import { currentVersionOn, requestRows, type RequestRow } from "../../domain/charter";
import { londonDate } from "../../domain/dates";
import type { SentEmail } from "../../email/send.server";
import type { Env } from "../../env.server";
import { InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { issueSigningLink, sendSigningEmails, type SigningEmail, type VersionForEmail } from "./charter-emails.server";
import { findVersion, loadPartnership, type Partnership } from "./load.server";

export type ReminderTrigger = "manual" | "scheduled";

/** Who a request or reminder can go to: board members active today whose partner has not signed. */
async function current(tx: Tx, scope: TenantScope, versionId: string) {
  // Lock the version's requests: two reminder runs at once take turns, and the second sees the first's.
  await tx.execute(sql`select id from signing_request where authority_id = ${scope.authorityId} and charter_version_id = ${versionId} for update`);
  const partnership = await loadPartnership(tx, scope.authorityId);
  const today = londonDate(scope.now);
  const version = currentVersionOn(partnership.facts.versions, today);
  if (!version || version.id !== versionId) {
    if (!partnership.versions.some((v) => v.id === versionId)) throw new NotFoundError("Charter version not found");
    throw new InvalidError("Only the current published version of the charter can be sent for signing");
  }
  const rows = requestRows(partnership.facts, versionId, today);
  const full = (await findVersion(tx, scope.authorityId, versionId))!;
  const [a] = await tx.select({ name: authority.name }).from(authority).where(eq(authority.id, scope.authorityId));
  const forEmail: VersionForEmail = { authorityName: a.name, boardName: partnership.boardName, title: full.title, number: full.number, textHash: full.textHash! };
  return { partnership, rows, version: full, forEmail };
}

function memberEmail(partnership: Partnership, row: RequestRow) {
  return partnership.members.find((m) => m.id === row.member.id)!.email;
}

/**
 * Issues first requests to the given rows, inside the caller's transaction: a personal link each,
 * a signing_request row, an audit entry. Returns the e-mails to send once the transaction commits.
 */
export async function issueRequests(tx: Tx, scope: TenantScope, partnership: Partnership, version: Pick<CharterVersion, "id" | "number">, rows: RequestRow[]): Promise<SigningEmail[]> {
  const emails: SigningEmail[] = [];
  for (const row of rows) {
    const link = await issueSigningLink(tx, { authorityId: scope.authorityId, versionId: version.id, memberId: row.member.id, createdByUserId: scope.actor.userId, now: scope.now });
    await tx.insert(signingRequest).values({ authorityId: scope.authorityId, charterVersionId: version.id, boardMemberId: row.member.id, requestedAt: scope.now, lastSentAt: scope.now });
    const to = memberEmail(partnership, row);
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action: "charter.request-sent",
      entityType: "charter-version",
      entityId: version.id,
      after: { versionNumber: version.number, boardMember: row.member.name, email: to, organisation: row.organisation.name, linkExpiresAt: link.expiresAt.toISOString() },
    });
    emails.push({ to, memberName: row.member.name, organisationName: row.organisation.name, token: link.token, expiresAt: link.expiresAt, reminder: false });
  }
  return emails;
}

/** Rows that can be asked for the first time: active, partner awaiting, no request yet. */
export function unasked(rows: RequestRow[]): RequestRow[] {
  return rows.filter((r) => r.partnerStatus === "awaiting" && !r.request);
}

export interface SendOutcome {
  sent: number;
  failed: number;
}

const outcome = (results: SentEmail[]): SendOutcome => ({ sent: results.length, failed: results.filter((r) => r.status === "failed").length });

/**
 * Sends signing requests for the current version: to one board member, or to every active board
 * member of a partner that has not signed and who has not been asked yet.
 */
export async function sendSigningRequests(scope: TenantScope, env: Env, versionId: string, memberId?: string): Promise<SendOutcome> {
  const { emails, forEmail } = await inTenant(scope, async (tx) => {
    const c = await current(tx, scope, versionId);
    let targets = unasked(c.rows);
    if (memberId) {
      const row = c.rows.find((r) => r.member.id === memberId);
      if (!row) throw new NotFoundError("Board member not found");
      if (row.request) throw new InvalidError(`${row.member.name} has been asked already: send a reminder instead`);
      if (row.partnerStatus !== "awaiting") throw new InvalidError(`${row.organisation.name} has ${row.partnerStatus === "signed" ? "already signed" : "withdrawn"}`);
      targets = [row];
    }
    if (targets.length === 0) throw new InvalidError("Every board member of a partner that has not signed has been asked already. Send reminders instead.");
    return { emails: await issueRequests(tx, scope, c.partnership, c.version, targets), forEmail: c.forEmail };
  });
  return outcome(await sendSigningEmails(scope.db, env, scope.authorityId, forEmail, emails));
}

/**
 * Reminds board members whose partner has not signed, with a fresh link (the earlier one stops
 * working); each reminder is logged in charter_reminder and the audit trail.
 *  - memberIds given (the "Send reminder" button): those members, whenever asked.
 *  - no memberIds ("Remind all due", the scheduled job): everyone whose last e-mail went N or
 *    more days ago, so running it twice in a day reminds nobody twice.
 */
export async function sendReminders(scope: TenantScope, env: Env, versionId: string, trigger: ReminderTrigger, memberIds?: string[]): Promise<SendOutcome> {
  const { emails, forEmail } = await inTenant(scope, async (tx) => {
    const c = await current(tx, scope, versionId);
    let targets = c.rows.filter((r) => r.reminderDue);
    if (memberIds) {
      targets = memberIds.map((id) => {
        const row = c.rows.find((r) => r.member.id === id);
        if (!row) throw new NotFoundError("Board member not found");
        if (!row.request) throw new InvalidError(`${row.member.name} has not been asked yet: send a request first`);
        if (row.partnerStatus !== "awaiting") throw new InvalidError(`${row.organisation.name} has ${row.partnerStatus === "signed" ? "already signed" : "withdrawn"}: there is nothing to remind them of`);
        return row;
      });
    }
    const emails: SigningEmail[] = [];
    for (const row of targets) {
      const link = await issueSigningLink(tx, { authorityId: scope.authorityId, versionId, memberId: row.member.id, createdByUserId: scope.actor.userId, now: scope.now });
      await tx
        .update(signingRequest)
        .set({ lastSentAt: scope.now, reminderCount: sql`${signingRequest.reminderCount} + 1` })
        .where(and(eq(signingRequest.charterVersionId, versionId), eq(signingRequest.boardMemberId, row.member.id)));
      await tx.insert(charterReminder).values({ authorityId: scope.authorityId, charterVersionId: versionId, boardMemberId: row.member.id, sentAt: scope.now, trigger, sentByLabel: scope.actor.label });
      const to = memberEmail(c.partnership, row);
      await recordAudit(tx, scope.actor, {
        authorityId: scope.authorityId,
        action: "charter.reminded",
        entityType: "charter-version",
        entityId: versionId,
        after: { versionNumber: c.version.number, boardMember: row.member.name, email: to, organisation: row.organisation.name, trigger, reminder: (row.request?.reminderCount ?? 0) + 1 },
      });
      emails.push({ to, memberName: row.member.name, organisationName: row.organisation.name, token: link.token, expiresAt: link.expiresAt, reminder: true });
    }
    return { emails, forEmail: c.forEmail };
  });
  return outcome(await sendSigningEmails(scope.db, env, scope.authorityId, forEmail, emails));
}
