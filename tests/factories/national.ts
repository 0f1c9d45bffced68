import { randomBytes } from "node:crypto";
import type { Executor } from "../../db/client";
import {
  appointment,
  authority,
  boardMember,
  booking,
  charter,
  charterSignature,
  charterVersion,
  course,
  fundingStream,
  hub,
  organisation,
  partnerContribution,
  post,
  roleCostRate,
  staffMember,
  trainingSession,
  workshopRequirement,
  type Authority,
} from "../../db/schema";
import { COHORTS, REGIONS } from "../../app/domain/authority";
import { consentStatement } from "../../app/domain/charter";
import { addMonths } from "../../app/domain/dates";
import { DEFAULT_REQUIREMENTS, STANDARD_COURSES } from "../../app/domain/training";
import { fingerprint } from "../../app/services/partnership/charter-hash.server";
import { SAMPLE_CHARTER } from "./partnership";

export interface SyntheticOptions {
  /** Every authority in this region (tests pick a region of their own to find theirs); else they cycle through England's. */
  region?: string;
  /** Name prefix; slugs get a random suffix so tests can share a database. */
  prefix?: string;
}

const ADULT_ROLES = ["substance-misuse", "mental-health", "domestic-abuse-victim", "domestic-abuse-perpetrator"];

/**
 * N authorities with a little of everything the national comparison reads: adult posts and
 * holders, staff with MI training, hubs, a tapered grant with costs and a contribution, and a
 * published charter with a signature. The figures differ from one authority to the next
 * (deterministic in the index). A fixed number of INSERT statements whatever N.
 */
export async function createSyntheticAuthorities(db: Executor, n: number, options: SyntheticOptions = {}): Promise<Authority[]> {
  const tag = randomBytes(3).toString("hex");
  const prefix = options.prefix ?? "Synthetic";
  const cohorts = Object.keys(COHORTS);
  const authorities = await db
    .insert(authority)
    .values(
      Array.from({ length: n }, (_, i) => {
        // Go-live dates spread over three years from September 2020 (some still to come in tests dated 2022).
        const planned = addMonths("2020-09-01", (i * 7) % 36);
        return {
          slug: `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${tag}-${i + 1}`,
          name: `${prefix} ${tag} ${String(i + 1).padStart(3, "0")}`,
          region: options.region ?? REGIONS[i % REGIONS.length],
          cohort: cohorts[i % cohorts.length],
          plannedGoLive: planned,
          actualGoLive: i % 2 === 0 ? planned : null,
        };
      }),
    )
    .returning();

  // Courses and the requirement matrix, as setUpStandardCourses makes them.
  const courses = await db
    .insert(course)
    .values(authorities.flatMap((a) => STANDARD_COURSES.map((c, i) => ({ authorityId: a.id, code: c.code, name: c.name, kind: c.kind, audience: c.audience, durationDays: c.durationDays, sortOrder: i }))))
    .returning({ id: course.id, authorityId: course.authorityId, code: course.code });
  const courseId = new Map(courses.map((c) => [`${c.authorityId}:${c.code}`, c.id]));
  await db
    .insert(workshopRequirement)
    .values(authorities.flatMap((a) => Object.entries(DEFAULT_REQUIREMENTS).flatMap(([discipline, codes]) => codes.map((code) => ({ authorityId: a.id, discipline, courseId: courseId.get(`${a.id}:${code}`)! })))));

  // Four adult specialist posts and one other each; i % 5 of the adult posts filled.
  const posts = await db
    .insert(post)
    .values(
      authorities.flatMap((a) => [
        ...ADULT_ROLES.map((role, k) => ({ authorityId: a.id, role, fte: 1, adultSpecialist: true, reference: `AS-${k + 1}`, establishedOn: "2020-06-01" })),
        { authorityId: a.id, role: "social-worker", fte: 1, adultSpecialist: false, reference: "SW-1", establishedOn: "2020-06-01" },
      ]),
    )
    .returning({ id: post.id, authorityId: post.authorityId, adultSpecialist: post.adultSpecialist });
  const adultPosts = (id: string) => posts.filter((p) => p.authorityId === id && p.adultSpecialist);
  const holders = authorities.flatMap((a, i) =>
    adultPosts(a.id)
      .slice(0, i % 5)
      .map((p, k) => ({ authorityId: a.id, postId: p.id, holder: `Holder ${k + 1}`, fte: 1, contractType: k % 2 ? "fixed-term" : "permanent", contractEnd: k % 2 ? "2023-08-31" : null, startDate: "2020-07-01", startConfirmed: true })),
  );
  if (holders.length) await db.insert(appointment).values(holders);

  // Five in-scope staff; i % 6 of them attended MI, and the first attended the workshops.
  const staff = await db
    .insert(staffMember)
    .values(authorities.flatMap((a, i) => Array.from({ length: 5 }, (_, k) => ({ authorityId: a.id, externalRef: `SY-${tag}-${i}-${k}`, name: `Person ${k + 1}`, discipline: "social-worker", startDate: "2020-01-01" }))))
    .returning({ id: staffMember.id, authorityId: staffMember.authorityId });
  const sessions = await db
    .insert(trainingSession)
    .values(authorities.flatMap((a) => ["mi", "ws1", "ws2", "ws5", "ws6"].map((code) => ({ authorityId: a.id, courseId: courseId.get(`${a.id}:${code}`)!, startDate: "2020-08-01", endDate: code === "mi" ? "2020-08-02" : null, mode: "virtual" }))))
    .returning({ id: trainingSession.id, authorityId: trainingSession.authorityId, courseId: trainingSession.courseId });
  const bookings = authorities.flatMap((a, i) => {
    const own = staff.filter((s) => s.authorityId === a.id);
    const miSession = sessions.find((s) => s.authorityId === a.id && s.courseId === courseId.get(`${a.id}:mi`))!;
    const workshops = sessions.filter((s) => s.authorityId === a.id && s.id !== miSession.id);
    return [
      ...own.slice(0, i % 6).map((s) => ({ authorityId: a.id, sessionId: miSession.id, staffMemberId: s.id, status: "attended" })),
      ...workshops.map((w) => ({ authorityId: a.id, sessionId: w.id, staffMemberId: own[0].id, status: "attended" })),
    ];
  });
  await db.insert(booking).values(bookings);

  // Two hubs; the first open in every third authority.
  await db.insert(hub).values(
    authorities.flatMap((a, i) => [
      { authorityId: a.id, name: "North hub", plannedOpening: "2021-09-01", actualOpening: i % 3 === 0 ? "2021-09-01" : null },
      { authorityId: a.id, name: "South hub", plannedOpening: "2022-03-01", forecastOpening: "2022-06-01" },
    ]),
  );

  // Funding: a cost for each adult role, the DfE taper from go-live, and a contribution.
  await db.insert(roleCostRate).values(authorities.flatMap((a, i) => ADULT_ROLES.map((role) => ({ authorityId: a.id, role, annualPence: 4_000_000 + 100_000 * (i % 7), priceBase: "2020-04-01" }))));
  await db.insert(fundingStream).values(
    authorities.map((a) => ({ authorityId: a.id, name: "DfE SFPC grant", funder: "Department for Education", kind: "tapered", totalPence: 40_000_000, startDate: a.plannedGoLive!, sharesBp: [10_000, 7_000, 5_000] })),
  );
  const orgs = await db
    .insert(organisation)
    .values(authorities.flatMap((a) => [{ authorityId: a.id, name: "NHS trust", sector: "health" }, { authorityId: a.id, name: "Police", sector: "police" }]))
    .returning({ id: organisation.id, authorityId: organisation.authorityId, name: organisation.name });
  const orgsOf = (id: string) => orgs.filter((o) => o.authorityId === id);
  await db.insert(partnerContribution).values(authorities.map((a, i) => ({ authorityId: a.id, organisationId: orgsOf(a.id)[0].id, financialYear: 2021 + (i % 6), amountPence: 2_000_000 * (1 + (i % 4)), status: "agreed" })));

  // A published charter; the NHS trust signed it in every other authority.
  const charters = await db
    .insert(charter)
    .values(authorities.map((a) => ({ authorityId: a.id })))
    .returning({ id: charter.id, authorityId: charter.authorityId });
  const fixed = fingerprint(SAMPLE_CHARTER);
  const versions = await db
    .insert(charterVersion)
    .values(charters.map((c) => ({ authorityId: c.authorityId, charterId: c.id, number: 1, ...SAMPLE_CHARTER, ...fixed, publishedAt: new Date("2021-01-04T10:00:00Z"), publishedByLabel: "synthetic", createdByLabel: "synthetic" })))
    .returning({ id: charterVersion.id, authorityId: charterVersion.authorityId });
  const members = await db
    .insert(boardMember)
    .values(orgs.map((o, k) => ({ authorityId: o.authorityId, organisationId: o.id, name: `Member ${k}`, jobTitle: "Director", email: `member-${tag}-${k}@example.test`, activeFrom: "2020-01-01" })))
    .returning({ id: boardMember.id, authorityId: boardMember.authorityId, organisationId: boardMember.organisationId });
  const signatures = authorities
    .filter((_, i) => i % 2 === 0)
    .map((a) => {
      const org = orgsOf(a.id)[0];
      const member = members.find((m) => m.organisationId === org.id)!;
      return {
        authorityId: a.id,
        charterVersionId: versions.find((v) => v.authorityId === a.id)!.id,
        boardMemberId: member.id,
        organisationId: org.id,
        organisationName: org.name,
        signerName: "Director",
        signerRole: "Director",
        signerEmail: "director@example.test",
        signedAt: new Date("2021-02-01T10:00:00Z"),
        textHash: fixed.textHash!,
        consentStatement: consentStatement(org.name),
        method: "app",
      };
    });
  if (signatures.length) await db.insert(charterSignature).values(signatures);
  return authorities;
}
