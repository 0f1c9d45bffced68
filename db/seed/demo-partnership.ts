import { and, eq } from "drizzle-orm";
import { hashPassword } from "../../app/auth/password.server";
import type { Actor, AuditEntry } from "../../app/services/audit.server";
import { fingerprint } from "../../app/services/partnership/charter-hash.server";
import { consentStatement, type CharterContent } from "../../app/domain/charter";
import { addMonths, londonDate, type IsoDate } from "../../app/domain/dates";
import type { Tx } from "../client";
import {
  appUser,
  auditEvent,
  authority,
  boardMeeting,
  boardMeetingAttendance,
  boardMember,
  charter,
  charterReminder,
  charterSignature,
  charterVersion,
  membership,
  organisation,
  partnershipBoard,
  signingRequest,
} from "../schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import type { SeedPart } from "./demo";

const SEED: Actor = { userId: null, label: "demo seed" };

/** An audit row dated when the event happened (the demo history is in the past). */
async function auditAt(tx: Tx, at: Date, actor: Actor, e: AuditEntry) {
  await tx.insert(auditEvent).values({ occurredAt: at, actorUserId: actor.userId, actorLabel: actor.label, ip: actor.ip ?? null, authorityId: e.authorityId, action: e.action, entityType: e.entityType, entityId: e.entityId ?? null, after: e.after ?? null });
}

/** The partner organisation of that name, created if the workforce demo data did not already. */
async function partner(tx: Tx, authorityId: string, name: string, sector: string): Promise<string> {
  const [found] = await tx.select({ id: organisation.id }).from(organisation).where(and(eq(organisation.authorityId, authorityId), eq(organisation.name, name)));
  if (found) return found.id;
  const [row] = await tx.insert(organisation).values({ authorityId, name, sector }).returning({ id: organisation.id });
  return row.id;
}

interface MemberSpec {
  jobTitle: string;
  organisation: string;
  sector: string;
  email: string;
  from?: IsoDate;
}

async function addMembers(tx: Tx, authorityId: string, specs: MemberSpec[]) {
  const ids: string[] = [];
  for (const m of specs) {
    const organisationId = await partner(tx, authorityId, m.organisation, m.sector);
    // Job titles and organisations only: the demo names no real person.
    const [row] = await tx
      .insert(boardMember)
      .values({ authorityId, organisationId, name: m.jobTitle, jobTitle: m.jobTitle, email: m.email, activeFrom: m.from ?? "2022-11-01" })
      .returning({ id: boardMember.id });
    ids.push(row.id);
  }
  return ids;
}

/**
 * Dudley's Family Safeguarding Strategic Partnership Board (facts.md): 16 members from the
 * council (children's services, education, digital, public health, housing), the integrated care
 * board, NHS trusts, probation, police, a domestic abuse charity, a substance misuse charity and
 * the safeguarding partnership's independent scrutineer.
 */
const DUDLEY_BOARD: MemberSpec[] = [
  { jobTitle: "Director of Children's Services", organisation: "Dudley Council: children's services", sector: "council", email: "dcs.dudley@example.com" },
  { jobTitle: "Head of Service, Family Safeguarding", organisation: "Dudley Council: children's services", sector: "council", email: "fs-lead.dudley@example.com" },
  { jobTitle: "Head of Early Help", organisation: "Dudley Council: children's services", sector: "council", email: "early-help.dudley@example.com" },
  { jobTitle: "Director of Education", organisation: "Dudley Council: education", sector: "education", email: "education.dudley@example.com" },
  { jobTitle: "Head of Digital and IT", organisation: "Dudley Council: digital services", sector: "council", email: "digital.dudley@example.com" },
  { jobTitle: "Director of Public Health", organisation: "Dudley Council: public health", sector: "council", email: "public-health.dudley@example.com" },
  { jobTitle: "Head of Housing Options", organisation: "Dudley Council: housing", sector: "council", email: "board.dudley@example.com" },
  { jobTitle: "Chief Nursing Officer", organisation: "Black Country Integrated Care Board", sector: "health", email: "icb-nursing.dudley@example.com" },
  { jobTitle: "Designated Nurse for Safeguarding Children", organisation: "Black Country Integrated Care Board", sector: "health", email: "icb-safeguarding.dudley@example.com" },
  { jobTitle: "Associate Director of Adult Mental Health", organisation: "Local NHS mental health trust", sector: "health", email: "mh-trust.dudley@example.com" },
  { jobTitle: "Head of Safeguarding", organisation: "Local acute hospital trust (NHS)", sector: "health", email: "acute-trust.dudley@example.com" },
  { jobTitle: "Head of the Probation Delivery Unit", organisation: "Probation Service", sector: "probation", email: "probation.dudley@example.com" },
  { jobTitle: "Superintendent, Public Protection", organisation: "West Midlands Police", sector: "police", email: "police.dudley@example.com" },
  { jobTitle: "Chief Executive", organisation: "Domestic abuse charity", sector: "voluntary", email: "da-charity.dudley@example.com" },
  { jobTitle: "Service Manager", organisation: "Substance misuse charity (commissioned)", sector: "voluntary", email: "sm-charity.dudley@example.com" },
  { jobTitle: "Independent Scrutineer", organisation: "Dudley Safeguarding People Partnership", sector: "other", email: "scrutineer.dudley@example.com", from: "2023-01-10" },
];

/** The seven commitments of facts.md, in our own words. */
export const DUDLEY_CHARTER: CharterContent = {
  title: "Dudley Family Safeguarding partnership charter",
  minimumTermMonths: 24,
  reviewIntervalMonths: 12,
  commitments: [
    "Work together so that more children can grow up safely with their own families and fewer need to come into care.",
    "Second specialist adult workers into children's services, managed day to day by the social work team manager, and arrange cover so that families keep a steady service.",
    "Keep providing professional supervision, clinical oversight and human resources support for the staff each partner seconds.",
    "Change how we record and share information where that is needed, so that the difference the model makes can be measured.",
    "Hold multi-agency group supervision for every family the model works with.",
    "Take part in the local evaluation and in the national evaluation of Family Safeguarding.",
    "Look together for funding across the partnership so that the model lasts beyond its first two years.",
  ],
  body: [
    "# Why we sign",
    "",
    "Dudley is adopting Family Safeguarding, a whole-system model for protecting children that brings adult specialists for domestic abuse, substance misuse and mental health into the same teams as children's social workers.",
    "",
    "The model only works if every partner plays its part. This charter sets out what each of us promises, for at least two years from go-live, and how we will hold one another to it.",
    "",
    "# How the charter works",
    "",
    "- The Family Safeguarding Strategic Partnership Board oversees the charter and meets every month.",
    "- Each partner organisation signs once, through one of its board members.",
    "- The board reviews the charter every twelve months; a revised charter is signed again by every partner.",
  ].join("\n"),
};

const DECISIONS: string[][] = [
  ["Agreed the board's terms of reference", "Agreed to fund the two-year programme from Public Health reserves"],
  ["Agreed the adult worker establishment and the partners seconding each post"],
  ["Agreed the draft partnership charter for consultation with partners"],
  ["Agreed the workforce redesign consultation timetable"],
  ["Approved the partnership charter; partners asked to sign it online", "Baselined the Family Safeguarding scorecard"],
  ["Agreed the training plan for April to July 2023"],
  ["Agreed the leadership development programme"],
  ["Confirmed the Workbook plug-in is configured and tested for go-live"],
  ["Confirmed go-live on 10 July 2023", "Agreed the cost-avoidance tracker for the finance workstream"],
];

/** Monthly meetings from November 2022 to the last full month before `today`: "meets monthly since November 2022". */
function monthlyMeetings(today: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = "2022-11-15"; d < today.slice(0, 7) + "-01"; d = addMonths(d, 1)) dates.push(d);
  return dates;
}

async function dudley(tx: Tx, now: Date) {
  const [a] = await tx.select({ id: authority.id }).from(authority).where(eq(authority.slug, "dudley"));
  if (!a) return;
  const authorityId = a.id;
  await tx.insert(partnershipBoard).values({ authorityId, name: "Family Safeguarding Strategic Partnership Board" });
  const members = await addMembers(tx, authorityId, DUDLEY_BOARD);
  const memberOrg = new Map((await tx.select().from(boardMember).where(eq(boardMember.authorityId, authorityId))).map((m) => [m.id, m]));

  // Meetings with attendance: most members at most meetings; the scrutineer from January 2023.
  for (const [i, heldOn] of monthlyMeetings(londonDate(now)).entries()) {
    const decisions = DECISIONS[i] ?? ["Reviewed the Family Safeguarding scorecard and the risk register"];
    const [meeting] = await tx.insert(boardMeeting).values({ authorityId, heldOn, decisions: decisions.join("\n") }).returning({ id: boardMeeting.id });
    const present = members.filter((id, j) => (j + i) % 5 !== 0 && memberOrg.get(id)!.activeFrom <= heldOn);
    await tx.insert(boardMeetingAttendance).values(present.map((boardMemberId) => ({ authorityId, meetingId: meeting.id, boardMemberId })));
  }

  // The charter, approved at the March 2023 meeting, published the next day and partly signed.
  const [c] = await tx.insert(charter).values({ authorityId, reminderAfterDays: 14 }).returning();
  const publishedAt = new Date("2023-03-15T10:00:00Z");
  const fixed = fingerprint(DUDLEY_CHARTER);
  const [version] = await tx
    .insert(charterVersion)
    .values({ authorityId, charterId: c.id, number: 1, ...DUDLEY_CHARTER, ...fixed, publishedAt, publishedByLabel: "pm.dudley@example.com", createdByLabel: "pm.dudley@example.com", createdAt: new Date("2023-03-01T09:00:00Z") })
    .returning();
  const pm: Actor = { userId: null, label: "pm.dudley@example.com" };
  const entity = { authorityId, entityType: "charter-version", entityId: version.id };
  await auditAt(tx, new Date("2023-03-01T09:00:00Z"), pm, { ...entity, action: "charter.draft-created", after: { number: 1, title: DUDLEY_CHARTER.title } });
  await auditAt(tx, publishedAt, pm, { ...entity, action: "charter.published", after: { number: 1, title: DUDLEY_CHARTER.title, textHash: fixed.textHash } });

  // Signed by 9 of the 13 partners, in the weeks after publication.
  const signers: Array<[email: string, at: string]> = [
    ["dcs.dudley@example.com", "2023-03-15T14:12:00Z"],
    ["public-health.dudley@example.com", "2023-03-16T09:40:00Z"],
    ["icb-nursing.dudley@example.com", "2023-03-20T11:05:00Z"],
    ["probation.dudley@example.com", "2023-03-21T16:30:00Z"],
    ["police.dudley@example.com", "2023-03-23T08:55:00Z"],
    ["da-charity.dudley@example.com", "2023-03-27T13:20:00Z"],
    ["sm-charity.dudley@example.com", "2023-03-29T10:10:00Z"],
    ["education.dudley@example.com", "2023-04-03T15:45:00Z"],
    ["scrutineer.dudley@example.com", "2023-04-12T12:00:00Z"],
  ];
  const byEmail = new Map([...memberOrg.values()].map((m) => [m.email, m]));
  const orgNames = new Map((await tx.select().from(organisation).where(eq(organisation.authorityId, authorityId))).map((o) => [o.id, o.name]));
  for (const [i, id] of members.entries()) {
    const m = memberOrg.get(id)!;
    const requestedAt = publishedAt;
    const signed = signers.find(([email]) => email === m.email);
    const unsignedPartner = !signers.some(([email]) => byEmail.get(email)!.organisationId === m.organisationId);
    const reminded = unsignedPartner ? [new Date("2023-03-29T07:00:00Z"), new Date("2023-04-12T07:00:00Z")] : [];
    await tx.insert(signingRequest).values({
      authorityId,
      charterVersionId: version.id,
      boardMemberId: id,
      requestedAt,
      lastSentAt: reminded.at(-1) ?? requestedAt,
      reminderCount: reminded.length,
      firstViewedAt: signed ? new Date(new Date(signed[1]).getTime() - 20 * 60_000) : i % 2 ? new Date("2023-03-17T10:00:00Z") : null,
    });
    await auditAt(tx, requestedAt, pm, { ...entity, action: "charter.request-sent", after: { versionNumber: 1, boardMember: m.name, email: m.email, organisation: orgNames.get(m.organisationId) } });
    for (const [n, at] of reminded.entries()) {
      await tx.insert(charterReminder).values({ authorityId, charterVersionId: version.id, boardMemberId: id, sentAt: at, trigger: "scheduled", sentByLabel: "reminder job" });
      await auditAt(tx, at, { userId: null, label: "reminder job" }, { ...entity, action: "charter.reminded", after: { versionNumber: 1, boardMember: m.name, email: m.email, organisation: orgNames.get(m.organisationId), trigger: "scheduled", reminder: n + 1 } });
    }
    if (!signed) continue;
    const signedAt = new Date(signed[1]);
    const organisationName = orgNames.get(m.organisationId)!;
    const ip = `203.0.113.${10 + i}`;
    await auditAt(tx, new Date(signedAt.getTime() - 20 * 60_000), { userId: null, label: m.email, ip }, { ...entity, action: "charter.viewed", after: { versionNumber: 1, boardMember: m.name, email: m.email } });
    const [sig] = await tx
      .insert(charterSignature)
      .values({
        authorityId,
        charterVersionId: version.id,
        boardMemberId: id,
        organisationId: m.organisationId,
        organisationName,
        signerName: m.jobTitle,
        signerRole: m.jobTitle,
        signerEmail: m.email,
        signedAt,
        ip,
        userAgent: "Mozilla/5.0 (demo data)",
        textHash: fixed.textHash,
        consentStatement: consentStatement(organisationName),
        method: "link",
      })
      .returning({ id: charterSignature.id });
    await auditAt(tx, signedAt, { userId: null, label: m.email, ip }, {
      ...entity,
      action: "charter.signed",
      after: { versionNumber: 1, signatureId: sig.id, signerName: m.jobTitle, signerRole: m.jobTitle, organisation: organisationName, method: "link", textHash: fixed.textHash },
    });
  }
}

/** Walsall: its Safeguarding Partnership Board governs the programme (facts.md); a charter is being drafted. */
async function walsall(tx: Tx) {
  const [a] = await tx.select({ id: authority.id }).from(authority).where(eq(authority.slug, "walsall"));
  if (!a) return;
  await tx.insert(partnershipBoard).values({ authorityId: a.id, name: "Walsall Safeguarding Partnership Board" });
  await addMembers(tx, a.id, [
    { jobTitle: "Director of Children's Services", organisation: "Walsall Council children's services", sector: "council", email: "dcs.walsall@example.com", from: "2020-06-01" },
    { jobTitle: "Head of Safeguarding", organisation: "Black Country mental health trust (NHS)", sector: "health", email: "board.walsall@example.com", from: "2020-06-01" },
    { jobTitle: "Chief Executive", organisation: "Black Country Women's Aid", sector: "voluntary", email: "bcwa.walsall@example.com", from: "2020-06-01" },
    { jobTitle: "Service Manager", organisation: "Walsall recovery service", sector: "voluntary", email: "recovery.walsall@example.com", from: "2020-06-01" },
    { jobTitle: "Detective Superintendent, Public Protection", organisation: "West Midlands Police", sector: "police", email: "police.walsall@example.com", from: "2020-06-01" },
  ]);
  const [c] = await tx.insert(charter).values({ authorityId: a.id }).returning();
  await tx.insert(charterVersion).values({
    authorityId: a.id,
    charterId: c.id,
    number: 1,
    ...DUDLEY_CHARTER,
    title: "Walsall Family Safeguarding partnership charter",
    body: "# Draft\n\nThe Safeguarding Partnership Board is agreeing the wording of Walsall's charter with its partners.",
    minimumTermMonths: 36,
    createdByLabel: "pm.walsall@example.com",
  });
}

/** The Dudley board member's demo account (002-accounts makes it on a fresh database; older ones get it here). */
async function boardAccount(tx: Tx) {
  const account = DEMO_ACCOUNTS.find((x) => x.email === "board.dudley@example.com")!;
  const [exists] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, account.email));
  if (exists) return;
  const [dudleyRow] = await tx.select({ id: authority.id }).from(authority).where(eq(authority.slug, "dudley"));
  if (!dudleyRow) return;
  const [user] = await tx.insert(appUser).values({ email: account.email, name: account.name, passwordHash: await hashPassword(DEMO_PASSWORD) }).returning({ id: appUser.id });
  await tx.insert(membership).values({ userId: user.id, authorityId: dudleyRow.id, role: "board-member" });
  await auditAt(tx, new Date(), SEED, { authorityId: dudleyRow.id, action: "membership.created", entityType: "membership", entityId: user.id, after: { email: account.email, role: "board-member" } });
}

export const demoPartnership: SeedPart = {
  name: "005-partnership",
  async run(tx) {
    const now = new Date();
    await boardAccount(tx);
    await dudley(tx, now);
    await walsall(tx);
    await auditAt(tx, now, SEED, { authorityId: null, action: "demo.partnership-loaded", entityType: "seed", entityId: "005-partnership" });
  },
};
