/**
 * The partnership charter: its canonical text (what is hashed and signed) and the signing status
 * of every partner at any date. Pure: no I/O. The SHA-256 itself is taken in
 * app/services/partnership/charter-hash.server.ts.
 */
import { addMonths, daysBetween, londonDate, type IsoDate } from "./dates";

export interface CharterContent {
  title: string;
  /** Markdown. */
  body: string;
  commitments: string[];
  minimumTermMonths: number;
  reviewIntervalMonths: number;
}

/** A version as readers and signers see it: the body rendered, and the fingerprint of exactly this content. */
export interface CharterDisplay extends Omit<CharterContent, "body"> {
  bodyHtml: string;
  canonicalText: string;
  textHash: string;
}

/** The first line of every canonical text: names the format, so a later format cannot be confused with it. */
export const CANONICAL_FORMAT_LINE = "Family Safeguarding partnership charter (canonical text, format 1)";

/**
 * A block of text as it is hashed: Unicode NFC; CRLF and lone CR become LF; spaces and tabs at
 * the end of each line removed; blank lines at the start and the end removed.
 */
export function normaliseBlock(text: string): string {
  const lines = text.normalize("NFC").replace(/\r\n?/g, "\n").split("\n").map((line) => line.replace(/[ \t]+$/, ""));
  while (lines.length && lines[0] === "") lines.shift();
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/** A one-line value (title, a commitment): NFC, every run of white space (line breaks too) one space, trimmed. */
export function normaliseLine(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The canonical text of a charter version, exactly as its SHA-256 is taken (UTF-8 bytes, no
 * newline at the end):
 *
 *     Family Safeguarding partnership charter (canonical text, format 1)
 *     Title: <title>
 *     Minimum term: <n> months
 *     Review interval: <n> months
 *
 *     Commitments:
 *     1. <first commitment>
 *     2. <second commitment>
 *
 *     Text:
 *     <body, Markdown as written>
 */
export function canonicalText(c: CharterContent): string {
  const commitments = c.commitments.map(normaliseLine).filter(Boolean);
  const lines = [
    CANONICAL_FORMAT_LINE,
    `Title: ${normaliseLine(c.title)}`,
    `Minimum term: ${c.minimumTermMonths} months`,
    `Review interval: ${c.reviewIntervalMonths} months`,
    "",
    "Commitments:",
    ...(commitments.length ? commitments.map((text, i) => `${i + 1}. ${text}`) : ["(none)"]),
    "",
    "Text:",
    normaliseBlock(c.body),
  ];
  return normaliseBlock(lines.join("\n"));
}

/** Splits a textarea of commitments, one a line, into the list (blank lines dropped). */
export function splitCommitments(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n").map(normaliseLine).filter(Boolean);
}

/** "2 years" for whole years of two or more, else "12 months". */
export function formatMonths(months: number): string {
  if (months >= 24 && months % 12 === 0) return `${months / 12} years`;
  return months === 1 ? "1 month" : `${months} months`;
}

/** The statement a signer ticks, with their organisation's name; stored word for word with the signature. */
export function consentStatement(organisationName: string): string {
  return `I sign this charter on behalf of ${normaliseLine(organisationName)} and I am authorised by the organisation to do so.`;
}

// ---------------------------------------------------------------------------------------------
// Status at a date

export interface VersionFact {
  id: string;
  number: number;
  title: string;
  publishedAt: Date | null;
  reviewIntervalMonths: number;
}

export interface OrganisationFact {
  id: string;
  name: string;
  sector: string;
}

export interface MemberFact {
  id: string;
  organisationId: string;
  name: string;
  jobTitle: string;
  activeFrom: IsoDate;
  /** Last day on the board, inclusive. */
  activeTo: IsoDate | null;
}

export interface SignatureFact {
  id: string;
  versionId: string;
  memberId: string;
  organisationId: string;
  signerName: string;
  signerRole: string;
  signedAt: Date;
}

export interface WithdrawalFact {
  signatureId: string;
  versionId: string;
  organisationId: string;
  withdrawnAt: Date;
  reason: string;
}

export interface RequestFact {
  versionId: string;
  memberId: string;
  requestedAt: Date;
  lastSentAt: Date;
  reminderCount: number;
  firstViewedAt: Date | null;
}

export interface CharterFacts {
  versions: VersionFact[];
  organisations: OrganisationFact[];
  members: MemberFact[];
  signatures: SignatureFact[];
  withdrawals: WithdrawalFact[];
  requests: RequestFact[];
  /** N: a request unsigned for N days is overdue, and a reminder is due N days after the last e-mail. */
  reminderAfterDays: number;
}

const onOrBefore = (instant: Date, date: IsoDate) => londonDate(instant) <= date;

/** On the board on that date: from activeFrom to activeTo, both inclusive. */
export function isActiveOn(member: Pick<MemberFact, "activeFrom" | "activeTo">, date: IsoDate): boolean {
  return member.activeFrom <= date && (member.activeTo === null || member.activeTo >= date);
}

export type VersionState = "draft" | "current" | "superseded";

/** Published versions by the date (UK) of publication, oldest first. */
function publishedBy(versions: VersionFact[], date: IsoDate): VersionFact[] {
  return versions.filter((v) => v.publishedAt && onOrBefore(v.publishedAt, date)).sort((a, b) => a.number - b.number);
}

/** The version in force on a date: the latest one published on or before it. */
export function currentVersionOn(versions: VersionFact[], date: IsoDate): VersionFact | null {
  return publishedBy(versions, date).at(-1) ?? null;
}

/** Draft (not published by that date), current, or superseded by a later published version. */
export function versionStateOn(version: VersionFact, versions: VersionFact[], date: IsoDate): VersionState {
  if (!version.publishedAt || !onOrBefore(version.publishedAt, date)) return "draft";
  return currentVersionOn(versions, date)?.id === version.id ? "current" : "superseded";
}

/** The day a version is due for review: its publication date plus the review interval. */
export function reviewDueOn(version: Pick<VersionFact, "publishedAt" | "reviewIntervalMonths">): IsoDate | null {
  return version.publishedAt ? addMonths(londonDate(version.publishedAt), version.reviewIntervalMonths) : null;
}

export type PartnerStatus = "signed" | "awaiting" | "withdrawn";

export interface PartnerRow {
  organisation: OrganisationFact;
  status: PartnerStatus;
  /** The signature in force (signed), or the one withdrawn (withdrawn). */
  signature: SignatureFact | null;
  withdrawal: WithdrawalFact | null;
  activeMembers: MemberFact[];
}

/**
 * The rule for "x of y partners signed": a partner is an organisation with at least one board
 * member active on the date. It has signed a version when any of its board members signed that
 * version on or before the date and the signature has not been withdrawn by then; it is
 * withdrawn when its only signatures were withdrawn; otherwise it is awaiting. A partner signs
 * once, by any one of its board members.
 */
export function partnerStatuses(facts: Pick<CharterFacts, "organisations" | "members" | "signatures" | "withdrawals">, versionId: string, date: IsoDate): PartnerRow[] {
  const withdrawn = new Map(facts.withdrawals.filter((w) => w.versionId === versionId && onOrBefore(w.withdrawnAt, date)).map((w) => [w.signatureId, w]));
  const signatures = facts.signatures.filter((s) => s.versionId === versionId && onOrBefore(s.signedAt, date)).sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime());
  const rows: PartnerRow[] = [];
  for (const organisation of facts.organisations) {
    const activeMembers = facts.members.filter((m) => m.organisationId === organisation.id && isActiveOn(m, date));
    if (activeMembers.length === 0) continue;
    const own = signatures.filter((s) => s.organisationId === organisation.id);
    const inForce = own.filter((s) => !withdrawn.has(s.id)).at(-1);
    if (inForce) {
      rows.push({ organisation, status: "signed", signature: inForce, withdrawal: null, activeMembers });
      continue;
    }
    const last = own.at(-1);
    rows.push({ organisation, status: last ? "withdrawn" : "awaiting", signature: last ?? null, withdrawal: last ? withdrawn.get(last.id)! : null, activeMembers });
  }
  return rows.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name));
}

export interface RequestRow {
  member: MemberFact;
  organisation: OrganisationFact;
  partnerStatus: PartnerStatus;
  request: RequestFact | null;
  /** Whole days since the request was first sent. */
  daysWaiting: number | null;
  /** Unsigned (the partner is awaiting) and first sent N days ago or more. */
  overdue: boolean;
  /** Unsigned, and the last e-mail (request or reminder) went N days ago or more. */
  reminderDue: boolean;
  /** This member signed themself (rather than a colleague of the same partner). */
  signedByThisMember: boolean;
}

/** Each board member active on the date, with their request for the version and whether it is overdue. */
export function requestRows(facts: CharterFacts, versionId: string, date: IsoDate): RequestRow[] {
  const partners = new Map(partnerStatuses(facts, versionId, date).map((p) => [p.organisation.id, p]));
  const requests = new Map(facts.requests.filter((r) => r.versionId === versionId && onOrBefore(r.requestedAt, date)).map((r) => [r.memberId, r]));
  const rows: RequestRow[] = [];
  for (const member of facts.members) {
    const partner = partners.get(member.organisationId);
    if (!partner || !isActiveOn(member, date)) continue;
    const request = requests.get(member.id) ?? null;
    const awaiting = partner.status === "awaiting";
    const daysWaiting = request ? daysBetween(londonDate(request.requestedAt), date) : null;
    rows.push({
      member,
      organisation: partner.organisation,
      partnerStatus: partner.status,
      request,
      daysWaiting,
      overdue: awaiting && daysWaiting !== null && daysWaiting >= facts.reminderAfterDays,
      reminderDue: awaiting && request !== null && daysBetween(londonDate(request.lastSentAt), date) >= facts.reminderAfterDays,
      signedByThisMember: partner.status === "signed" && partner.signature?.memberId === member.id,
    });
  }
  return rows.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name) || a.member.name.localeCompare(b.member.name));
}

export interface CharterSummary {
  current: { id: string; number: number; title: string; publishedOn: IsoDate; reviewDueOn: IsoDate; reviewDue: boolean } | null;
  signed: number;
  partners: number;
  awaiting: number;
  withdrawn: number;
  overdueRequests: number;
  fullySigned: boolean;
}

/** Status at a glance on a date: x of y partners signed, overdue requests, review due. */
export function charterSummary(facts: CharterFacts, date: IsoDate): CharterSummary {
  const current = currentVersionOn(facts.versions, date);
  if (!current) return { current: null, signed: 0, partners: 0, awaiting: 0, withdrawn: 0, overdueRequests: 0, fullySigned: false };
  const partners = partnerStatuses(facts, current.id, date);
  const count = (status: PartnerStatus) => partners.filter((p) => p.status === status).length;
  const due = reviewDueOn(current)!;
  return {
    current: { id: current.id, number: current.number, title: current.title, publishedOn: londonDate(current.publishedAt!), reviewDueOn: due, reviewDue: date >= due },
    signed: count("signed"),
    partners: partners.length,
    awaiting: count("awaiting"),
    withdrawn: count("withdrawn"),
    overdueRequests: requestRows(facts, current.id, date).filter((r) => r.overdue).length,
    fullySigned: partners.length > 0 && count("signed") === partners.length,
  };
}

/** "3 of 16 partners signed" */
export function signedSentence(s: Pick<CharterSummary, "signed" | "partners">): string {
  return `${s.signed} of ${s.partners} ${s.partners === 1 ? "partner" : "partners"} signed`;
}
