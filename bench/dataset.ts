/**
 * The bench's national dataset: createSyntheticAuthorities (a little of everything the national
 * comparison reads) topped up to the volumes of a large authority — posts and holders, staff with
 * training attendance, outcome observations by month, a charter with 16 signatures, milestones
 * and risks. Bulk INSERTs in chunks; a fixed number of statements per authority.
 */
import { eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import {
  appUser,
  appointment,
  boardMember,
  booking,
  charterSignature,
  charterVersion,
  course,
  milestone,
  organisation,
  outcomeIndicator,
  outcomeObservation,
  post,
  raidItem,
  staffMember,
  trainingSession,
  workstream,
  type Authority,
} from "../db/schema";
import { consentStatement } from "../app/domain/charter";
import { addMonths } from "../app/domain/dates";
import { createSyntheticAuthorities } from "../tests/factories/national";
import { createApiTokenFor } from "../tests/factories/api";
import { createSession } from "../app/auth/session.server";

export interface Volume {
  /** Posts per authority (the synthetic factory makes 5; the bench tops up to this). */
  posts: number;
  /** Staff per authority. */
  staff: number;
  /** Attendance (booking) records per authority. */
  attendance: number;
  /** Indicators with monthly figures per authority (national ones first, then the authority's own). */
  indicators: number;
  months: number;
  signatures: number;
  milestones: number;
  risks: number;
}

/** A whole number from the environment (BENCH_…), or the default. */
export function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number`);
  return n;
}

/** Each synthetic authority's volume: BENCH_POSTS, BENCH_STAFF, BENCH_ATTENDANCE, BENCH_INDICATORS, BENCH_MONTHS. */
export function benchVolume(): Volume {
  return {
    posts: wholeNumber("BENCH_POSTS", 40),
    staff: Math.max(1, wholeNumber("BENCH_STAFF", 300)),
    attendance: wholeNumber("BENCH_ATTENDANCE", 5000),
    indicators: wholeNumber("BENCH_INDICATORS", 60),
    months: wholeNumber("BENCH_MONTHS", 60),
    signatures: 16,
    milestones: 30,
    risks: 20,
  };
}

export interface BenchTokens {
  /** Walsall's programme manager's session. */
  pm: string;
  /** The national admin's session. */
  admin: string;
  /** The national admin's personal API token. */
  api: string;
}

/** Signs in the demo's Walsall programme manager and national admin, and gives the admin an API token. */
export async function signInDemoAccounts(db: Database, now: Date, tokenName: string): Promise<BenchTokens> {
  const account = async (email: string) => {
    const [u] = await db.select({ id: appUser.id, email: appUser.email }).from(appUser).where(eq(appUser.email, email));
    if (!u) throw new Error(`No demo account ${email}`);
    return u;
  };
  const pm = await account("pm.walsall@example.com");
  const admin = await account("national.admin@example.com");
  return { pm: (await createSession(db, pm.id, now)).token, admin: (await createSession(db, admin.id, now)).token, api: await createApiTokenFor(db, admin, { name: tokenName }) };
}

const CHUNK = 2000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const ROLES = ["social-worker", "social-worker", "senior-practitioner", "team-manager", "family-support-worker"];

export async function createBenchAuthorities(db: Database, n: number, volume: Volume, prefix: string): Promise<Authority[]> {
  const authorities: Authority[] = [];
  // Ten at a time keeps each statement's rows (and memory) bounded.
  for (let start = 0; start < n; start += 10) {
    const batch = await createSyntheticAuthorities(db, Math.min(10, n - start), { prefix });
    await topUp(db, batch, volume, start);
    authorities.push(...batch);
  }
  return authorities;
}

async function topUp(db: Database, authorities: Authority[], v: Volume, offset: number): Promise<void> {
  const ids = authorities.map((a) => a.id);

  // Posts and holders: the rest of the establishment, three in four filled.
  const extraPosts = Math.max(0, v.posts - 5);
  const posts = await db
    .insert(post)
    .values(authorities.flatMap((a) => Array.from({ length: extraPosts }, (_, k) => ({ authorityId: a.id, role: ROLES[k % ROLES.length], fte: k % 7 === 0 ? 0.5 : 1, adultSpecialist: false, reference: `B-${k + 1}`, establishedOn: "2020-04-01" }))))
    .returning({ id: post.id, authorityId: post.authorityId });
  await insertChunks(
    posts.filter((_, k) => k % 4 !== 3).map((p, k) => ({ authorityId: p.authorityId, postId: p.id, holder: `Worker ${k}`, fte: 1, contractType: k % 5 === 0 ? "fixed-term" : "permanent", contractEnd: k % 5 === 0 ? "2023-03-31" : null, startDate: "2020-05-01", startConfirmed: true })),
    (c) => db.insert(appointment).values(c),
  );

  // Staff and their attendance: sessions enough for `attendance` bookings spread over the staff.
  const staff: { id: string; authorityId: string }[] = [];
  await insertChunks(
    authorities.flatMap((a, i) => Array.from({ length: v.staff }, (_, k) => ({ authorityId: a.id, externalRef: `BENCH-${offset + i}-${k}`, name: `Staff ${k}`, discipline: ROLES[k % ROLES.length], startDate: "2020-01-01" }))),
    async (c) => staff.push(...(await db.insert(staffMember).values(c).returning({ id: staffMember.id, authorityId: staffMember.authorityId }))),
  );
  const courses = await db.select({ id: course.id, authorityId: course.authorityId }).from(course).where(inArray(course.authorityId, ids));
  const perStaff = Math.ceil(v.attendance / Math.max(1, v.staff));
  const sessionCount = Math.max(1, perStaff);
  const sessions = await db
    .insert(trainingSession)
    .values(
      authorities.flatMap((a) => {
        const own = courses.filter((c) => c.authorityId === a.id);
        return Array.from({ length: sessionCount }, (_, k) => ({ authorityId: a.id, courseId: own[k % own.length].id, startDate: addMonths("2020-09-01", k % 24), mode: k % 2 ? "virtual" : "in-person" }));
      }),
    )
    .returning({ id: trainingSession.id, authorityId: trainingSession.authorityId });
  const bookings = authorities.flatMap((a) => {
    const own = staff.filter((s) => s.authorityId === a.id);
    const ses = sessions.filter((s) => s.authorityId === a.id);
    const rows: { authorityId: string; sessionId: string; staffMemberId: string; status: string }[] = [];
    for (let k = 0; k < v.attendance; k++) {
      const s = own[k % own.length];
      const session = ses[Math.floor(k / own.length) % ses.length];
      rows.push({ authorityId: a.id, sessionId: session.id, staffMemberId: s.id, status: k % 11 === 0 ? "did-not-attend" : "attended" });
    }
    return rows;
  });
  await insertChunks(bookings, (c) => db.insert(booking).values(c));

  // Outcomes: national indicators, then the authority's own up to `indicators`, each by month.
  const national = await db.select({ id: outcomeIndicator.id, periodType: outcomeIndicator.periodType }).from(outcomeIndicator).where(isNull(outcomeIndicator.authorityId));
  const picked = national.slice(0, v.indicators);
  const ownCount = Math.max(0, v.indicators - picked.length);
  const own = ownCount
    ? await db
        .insert(outcomeIndicator)
        .values(authorities.flatMap((a) => Array.from({ length: ownCount }, (_, k) => ({ authorityId: a.id, name: `Local measure ${k + 1}`, unit: "count", periodType: "snapshot", direction: k % 2 ? "higher" : "lower", sortOrder: 1000 + k }))))
        .returning({ id: outcomeIndicator.id, authorityId: outcomeIndicator.authorityId, periodType: outcomeIndicator.periodType })
    : [];
  const observations = authorities.flatMap((a, i) => {
    const indicators = [...picked.map((x) => ({ ...x, authorityId: a.id })), ...own.filter((x) => x.authorityId === a.id)];
    return indicators.flatMap((ind, j) =>
      Array.from({ length: v.months }, (_, m) => {
        const monthStart = addMonths("2018-04-01", m);
        const monthEnd = addMonths(monthStart, 1);
        const end = new Date(Date.parse(`${monthEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        return { authorityId: a.id, indicatorId: ind.id, periodStart: ind.periodType === "flow" ? monthStart : end, periodEnd: end, value: 50 + ((i * 7 + j * 3 + m) % 40) };
      }),
    );
  });
  await insertChunks(observations, (c) => db.insert(outcomeObservation).values(c));

  // The charter: `signatures` more partners, each with a board member who signed the published version.
  const versions = await db.select({ id: charterVersion.id, authorityId: charterVersion.authorityId, textHash: charterVersion.textHash }).from(charterVersion).where(inArray(charterVersion.authorityId, ids));
  const orgs = await db
    .insert(organisation)
    .values(authorities.flatMap((a) => Array.from({ length: v.signatures }, (_, k) => ({ authorityId: a.id, name: `Partner ${k + 1}`, sector: ["health", "police", "education", "voluntary"][k % 4] }))))
    .returning({ id: organisation.id, authorityId: organisation.authorityId, name: organisation.name });
  const members = await db
    .insert(boardMember)
    .values(orgs.map((o, k) => ({ authorityId: o.authorityId, organisationId: o.id, name: `Board member ${k}`, jobTitle: "Director", email: `bench-${o.id}@example.test`, activeFrom: "2020-01-01" })))
    .returning({ id: boardMember.id, authorityId: boardMember.authorityId, organisationId: boardMember.organisationId });
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  await insertChunks(
    members.map((m) => {
      const version = versions.find((x) => x.authorityId === m.authorityId)!;
      const org = orgById.get(m.organisationId)!;
      return { authorityId: m.authorityId, charterVersionId: version.id, boardMemberId: m.id, organisationId: org.id, organisationName: org.name, signerName: "Director", signerRole: "Director", signerEmail: "director@example.test", signedAt: new Date("2021-02-01T10:00:00Z"), textHash: version.textHash!, consentStatement: consentStatement(org.name), method: "app" };
    }),
    (c) => db.insert(charterSignature).values(c),
  );

  // The plan: a workstream with milestones, and a risk register.
  const streams = await db
    .insert(workstream)
    .values(authorities.map((a) => ({ authorityId: a.id, name: "Bench workstream", sortOrder: 99 })))
    .returning({ id: workstream.id, authorityId: workstream.authorityId });
  await insertChunks(
    streams.flatMap((w) => Array.from({ length: v.milestones }, (_, k) => ({ authorityId: w.authorityId, workstreamId: w.id, title: `Milestone ${k + 1}`, dueDate: addMonths("2020-06-01", k), baselineDueDate: addMonths("2020-06-01", k), doneOn: k % 3 === 0 ? addMonths("2020-06-01", k) : null }))),
    (c) => db.insert(milestone).values(c),
  );
  await insertChunks(
    authorities.flatMap((a) => Array.from({ length: v.risks }, (_, k) => ({ authorityId: a.id, kind: "risk", number: 1000 + k, title: `Risk ${k + 1}`, likelihood: 1 + (k % 5), impact: 1 + ((k * 3) % 5), raisedOn: "2020-09-01", status: "open" }))),
    (c) => db.insert(raidItem).values(c),
  );
}

/** Rows in the bench's biggest tables, for the report. */
export async function tableSizes(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries({ authority: (await import("../db/schema")).authority, post, appointment, staffMember, booking, outcomeObservation, charterSignature, milestone, raidItem })) {
    const rows = await db.$count(table);
    out[name] = rows;
  }
  return out;
}

