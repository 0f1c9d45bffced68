/** Shapes partnership data for the browser: UK-formatted dates, labels; nothing computed here but presentation. */
import { z } from "zod";
import { notFound } from "../../auth/guards.server";
import { isTypedError, toHttpError } from "../../errors";
import { formatDate, formatDateTime, isIsoDate, londonDate, type IsoDate } from "../../domain/dates";
import { isActiveOn } from "../../domain/charter";
import { sectorLabel } from "../../domain/partnership";
import type { getBoard } from "./board.server";
import type { getCertificate, PartnerView, VersionListItem } from "./views.server";

/** ?asOf=YYYY-MM-DD when it is a real date, else today in the UK. */
export function asOfFrom(request: Request, now: Date): IsoDate {
  const asked = new URL(request.url).searchParams.get("asOf") ?? "";
  return isIsoDate(asked) ? asked : londonDate(now);
}

/** "Name, Job title", or the job title once when the name is the job title (as in the demo data). */
export function signerLabel(name: string, role: string): string {
  return name === role || !role ? name : `${name}, ${role}`;
}

export function partnerRows(partners: PartnerView[]) {
  return partners.map((p) => ({
    organisationId: p.organisationId,
    organisationName: p.organisationName,
    sector: sectorLabel(p.sector),
    status: p.status,
    signer: p.signerName ? signerLabel(p.signerName, p.signerRole ?? "") : "",
    signedAt: p.signedAt ? formatDateTime(p.signedAt) : "",
    withdrawn: p.withdrawnAt ? `Withdrawn ${formatDateTime(p.withdrawnAt)}: ${p.withdrawalReason}` : "",
  }));
}


export function versionRows(versions: VersionListItem[]) {
  return versions.map((v) => ({ ...v, publishedAt: undefined, publishedOn: v.publishedAt ? formatDate(londonDate(v.publishedAt)) : "Not published" }));
}

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** One line of a version's audit trail in words, for the certificate. */
export function describeCharterEvent(action: string, after: unknown): string {
  const a = (after ?? {}) as Record<string, unknown>;
  switch (action) {
    case "charter.draft-created":
      return `Drafted as version ${text(a.number)}`;
    case "charter.draft-updated":
      return "Draft changed";
    case "charter.published":
      return `Published with fingerprint ${text(a.textHash)}`;
    case "charter.superseded":
      return `Superseded by version ${text(a.supersededBy)}`;
    case "charter.request-sent":
      return `Signing request sent to ${text(a.boardMember)} (${text(a.organisation)})`;
    case "charter.viewed":
      return `Opened by ${text(a.boardMember)}`;
    case "charter.signed":
      return `Signed by ${text(a.signerName)}, ${text(a.signerRole)}, for ${text(a.organisation)} (${a.method === "app" ? "signed in" : "e-mailed link"})`;
    case "charter.reminded":
      return `Reminder ${text(a.reminder)} sent to ${text(a.boardMember)} (${text(a.organisation)})${a.trigger === "scheduled" ? " by the reminders job" : ""}`;
    case "charter.withdrawn":
      return `${text(a.organisation)} withdrew its signature (${a.recordedFor === "by the partner" ? "by the partner" : "recorded by the programme team"}): ${text(a.reason)}`;
    default:
      return action;
  }
}

/**
 * A loader's service call with typed errors (not found, forbidden…) turned into the HTTP answer
 * the error boundary shows. Actions get the same through replyToServiceError.
 */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

type Params = Record<string, string | undefined>;
const idSchema = z.uuid();

/** A record id from the URL; anything that is not an id is a 404, as a foreign id is. */
export function idParam(params: Params, name: string): string {
  const id = idSchema.safeParse(params[name]);
  if (!id.success) throw notFound();
  return id.data;
}

/** The same for form pages that also add: "new" means a record to create (null). */
export function idOrNew(params: Params, name: string): string | null {
  return params[name] === "new" ? null : idParam(params, name);
}

type Certificate = Awaited<ReturnType<typeof getCertificate>>;

/**
 * A certificate's signatures and audit trail as shown on its page and in its CSV downloads. E-mail
 * and IP addresses, browsers and who did what are for the programme team (canManage) only.
 */
export function certificateRecords(c: Certificate, canManage: boolean) {
  const signatures = c.signatures.map((s) => ({
    ...s,
    signedAt: formatDateTime(s.signedAt),
    signedAtUtc: s.signedAt.toISOString(),
    withdrawnAt: s.withdrawnAt ? formatDateTime(s.withdrawnAt) : null,
    withdrawnAtUtc: s.withdrawnAt?.toISOString() ?? null,
    signerEmail: canManage ? s.signerEmail : null,
    ip: canManage ? s.ip : null,
    userAgent: canManage ? s.userAgent : null,
  }));
  const trail = c.trail.map((e) => ({ id: e.id, at: formatDateTime(e.occurredAt), atUtc: e.occurredAt.toISOString(), who: canManage ? e.actorLabel : null, what: describeCharterEvent(e.action, e.after), action: e.action }));
  return { signatures, trail };
}

/**
 * The board's members as its page and its CSV show them on `today`. E-mail addresses are for the
 * programme team (canManage), who send the signing requests.
 */
export function boardMemberRows(board: Awaited<ReturnType<typeof getBoard>>, canManage: boolean, today: IsoDate) {
  const sectors = new Map(board.organisations.map((o) => [o.name, sectorLabel(o.sector)]));
  return board.members.map((m) => ({
    id: m.id,
    name: m.name,
    jobTitle: m.jobTitle,
    organisationName: m.organisationName,
    sector: sectors.get(m.organisationName) ?? null,
    email: canManage ? m.email : null,
    activeFrom: m.activeFrom,
    activeTo: m.activeTo,
    active: isActiveOn(m, today),
  }));
}
