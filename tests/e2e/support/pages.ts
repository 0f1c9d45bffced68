import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, desc, eq } from "drizzle-orm";
import { requestPasswordReset } from "../../../app/services/auth/request-password-reset.server";
import { beginEnrolment, confirmEnrolment, currentCode } from "../../../app/services/auth/two-factor.server";
import { issueSigningLink } from "../../../app/services/partnership/charter-emails.server";
import { INVITATION_TTL_MS, invitationTarget } from "../../../app/services/people/invite-person.server";
import { uploadOutcomesImport } from "../../../app/services/outcomes/imports.server";
import { uploadTrainingImport } from "../../../app/services/training/imports.server";
import { financialQuarterOf, londonDate } from "../../../app/domain/dates";
import { quarterSlug } from "../../../app/domain/reports";
import { issueVerification } from "../../../app/services/verification.server";
import {
  appUser,
  appointment,
  authority,
  boardMeeting,
  boardMember,
  charterVersion,
  course,
  emailMessage,
  fundingStream,
  hub,
  milestone,
  organisation,
  outcomeIndicator,
  outcomeObservation,
  post,
  raidItem,
  staffMember,
  trainingSession,
} from "../../../db/schema";
import type { RunningApp } from "./app";

/**
 * THE list of the app's pages, with real ids from the demo data, shared by every browser sweep
 * (pages.e2e.ts: each answers 200 and hydrates cleanly; accessibility.e2e.ts: each passes axe).
 * A new page goes here, once, and every sweep covers it; `routesNotSwept` fails the sweep when a
 * page route has no URL here.
 *
 * Each group is visited signed in as one demo account (null: signed out).
 */
export interface SweepGroup {
  label: string;
  account: string | null;
  urls: string[];
}

export interface SweepIds {
  postId: string;
  appointmentId: string;
  milestoneId: string;
  raidItemId: string;
  hubId: string;
  staffId: string;
  courseId: string;
  sessionId: string;
  importBatchId: string;
  streamId: string;
  walsallDraftId: string;
  dudleyVersionId: string;
  dudleyMemberId: string;
  dudleyOrganisationId: string;
  dudleyMeetingId: string;
  emailId: string;
  cpIndicatorId: string;
  observationId: string;
  outcomesBatchId: string;
  tokens: { reset: string; invitation: string; signing: string };
}

/** A staff roster with one good row and one bad one: the preview shows both. */
const IMPORT_CSV = "external_ref,name,discipline,team,start_date\nWAL-A11Y-1,Sam Sweep,social-worker,,01/09/2021\nWAL-A11Y-2,Pat Problem,plumber,,31/02/2021\n";

/** Figures with one good row and one bad one. */
const OUTCOMES_CSV = "indicator,date,value,source\ncp-plans,2023-03-31,240,Sweep\ncp-plans,2023-13-01,x,Sweep\n";

/** Enrolled in two-factor sign-in by the sweep: its sessions (from `sessionCookie`) owe a code. */
export const TWO_FACTOR_ACCOUNT = "pm.telford@example.com";

async function slugId(app: RunningApp, slug: string) {
  const [a] = await app.handle.db.select({ id: authority.id }).from(authority).where(eq(authority.slug, slug));
  return a.id;
}

/**
 * Ids of demo records, plus what the demo data lacks: a previewed import, an e-mail in the
 * outbox, and live links (password reset, invitation, charter signing) exactly as e-mailed.
 */
async function loadIds(app: RunningApp): Promise<SweepIds> {
  const db = app.handle.db;
  const now = new Date();
  const walsall = await slugId(app, "walsall");
  const dudley = await slugId(app, "dudley");
  const [p] = await db.select({ id: post.id }).from(post).where(eq(post.reference, "WAL-FS-01"));
  const [a] = await db.select({ id: appointment.id }).from(appointment).where(eq(appointment.postId, p.id));
  const [m] = await db.select({ id: milestone.id }).from(milestone).where(and(eq(milestone.authorityId, walsall), eq(milestone.title, "Ofsted visit")));
  const [r] = await db.select({ id: raidItem.id }).from(raidItem).where(eq(raidItem.authorityId, walsall)).limit(1);
  const [h] = await db.select({ id: hub.id }).from(hub).where(and(eq(hub.authorityId, walsall), eq(hub.name, "Darlaston")));
  const [staff] = await db.select({ id: staffMember.id }).from(staffMember).where(eq(staffMember.authorityId, walsall)).orderBy(asc(staffMember.externalRef)).limit(1);
  const [mi] = await db.select({ id: course.id }).from(course).where(and(eq(course.authorityId, walsall), eq(course.code, "mi")));
  const [session] = await db.select({ id: trainingSession.id }).from(trainingSession).where(eq(trainingSession.authorityId, walsall)).orderBy(asc(trainingSession.startDate)).limit(1);
  const [stream] = await db.select({ id: fundingStream.id }).from(fundingStream).where(eq(fundingStream.authorityId, walsall)).limit(1);
  const [draft] = await db.select({ id: charterVersion.id }).from(charterVersion).where(eq(charterVersion.authorityId, walsall));
  const [version] = await db.select({ id: charterVersion.id }).from(charterVersion).where(eq(charterVersion.authorityId, dudley));
  // The housing board member: their partner has not signed, so the signing page offers the form.
  const [member] = await db.select({ id: boardMember.id, organisationId: boardMember.organisationId }).from(boardMember).where(and(eq(boardMember.authorityId, dudley), eq(boardMember.email, "board.dudley@example.com")));
  const [org] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, member.organisationId));
  const [meeting] = await db.select({ id: boardMeeting.id }).from(boardMeeting).where(eq(boardMeeting.authorityId, dudley)).limit(1);

  const [cp] = await db.select({ id: outcomeIndicator.id }).from(outcomeIndicator).where(eq(outcomeIndicator.key, "cp-plans"));
  const [figure] = await db.select({ id: outcomeObservation.id }).from(outcomeObservation).where(and(eq(outcomeObservation.authorityId, walsall), eq(outcomeObservation.indicatorId, cp.id))).limit(1);

  const actor = { userId: null, label: "page sweep" };
  const batch = await uploadTrainingImport({ db, authorityId: walsall, actor, now }, "staff", "staff.csv", IMPORT_CSV);
  const outcomesBatch = await uploadOutcomesImport({ db, authorityId: walsall, actor, now }, "figures.csv", OUTCOMES_CSV);
  // A real e-mail, sent the way the app sends it; its link is a live reset token.
  const resetFor = "contributor.walsall@example.com";
  await requestPasswordReset(db, app.env, { email: resetFor, ip: "192.0.2.1", now });
  const [email] = await db.select().from(emailMessage).where(eq(emailMessage.toAddress, resetFor)).orderBy(desc(emailMessage.createdAt)).limit(1);
  const reset = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(email.text)?.[1];
  if (!reset) throw new Error("no reset link in the e-mail");
  const invitee = "new.colleague@example.test";
  const invitation = await issueVerification(db, {
    purpose: "invitation",
    target: invitationTarget(walsall, invitee),
    authorityId: walsall,
    data: { email: invitee, role: "contributor", invitedBy: "Pat Manager (Walsall)" },
    ttlMs: INVITATION_TTL_MS,
    createdByUserId: null,
    now,
  });
  const signing = await issueSigningLink(db, { authorityId: dudley, versionId: version.id, memberId: member.id, createdByUserId: null, now });
  // Telford's programme manager has an authenticator, so a new session of theirs owes a code.
  const [telfordPm] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, TWO_FACTOR_ACCOUNT));
  const { secret } = await beginEnrolment(db, { id: telfordPm.id, email: TWO_FACTOR_ACCOUNT });
  const enrolling = await app.sessionCookie(TWO_FACTOR_ACCOUNT);
  await confirmEnrolment(db, { userId: telfordPm.id, label: TWO_FACTOR_ACCOUNT }, { email: TWO_FACTOR_ACCOUNT, sessionId: enrolling.value.split(".")[0], code: currentCode(secret, now), now });

  return {
    postId: p.id,
    appointmentId: a.id,
    milestoneId: m.id,
    raidItemId: r.id,
    hubId: h.id,
    staffId: staff.id,
    courseId: mi.id,
    sessionId: session.id,
    importBatchId: batch.id,
    streamId: stream.id,
    walsallDraftId: draft.id,
    dudleyVersionId: version.id,
    dudleyMemberId: member.id,
    dudleyOrganisationId: org.id,
    dudleyMeetingId: meeting.id,
    emailId: email.id,
    cpIndicatorId: cp.id,
    observationId: figure.id,
    outcomesBatchId: outcomesBatch.id,
    tokens: { reset, invitation: invitation.token, signing: signing.token },
  };
}

function groups(ids: SweepIds): SweepGroup[] {
  const w = "/a/walsall";
  const dudleyCharter = `/a/dudley/partnership/charter/${ids.dudleyVersionId}`;
  return [
    {
      label: "signed out",
      account: null,
      urls: [
        "/sign-in",
        "/forgot-password",
        `/reset-password/${ids.tokens.reset}`,
        "/reset-password/no-such-token",
        `/invitations/${ids.tokens.invitation}`,
        "/invitations/no-such-token",
        `/sign/${ids.tokens.signing}`,
        "/sign/no-such-token",
      ],
    },
    {
      label: "Walsall's programme manager",
      account: "pm.walsall@example.com",
      urls: [
        "/",
        "/account",
        "/account/api-tokens",
        "/two-factor/set-up",
        w,
        `${w}?asOf=2020-09-01`,
        `${w}/workforce`,
        `${w}/workforce?asOf=2022-03-01`,
        `${w}/workforce/posts`,
        `${w}/workforce/posts?show=all`,
        `${w}/workforce/posts/new`,
        `${w}/workforce/posts/${ids.postId}`,
        `${w}/workforce/posts/${ids.postId}/edit`,
        `${w}/workforce/posts/${ids.postId}/holders/${ids.appointmentId}`,
        `${w}/workforce/teams`,
        `${w}/training`,
        `${w}/training/staff`,
        `${w}/training/staff/new`,
        `${w}/training/staff/${ids.staffId}`,
        `${w}/training/courses`,
        `${w}/training/courses/${ids.courseId}`,
        `${w}/training/sessions/${ids.sessionId}`,
        `${w}/training/requirements`,
        `${w}/training/import`,
        `${w}/training/import/${ids.importBatchId}`,
        `${w}/funding`,
        `${w}/funding/streams`,
        `${w}/funding/streams/${ids.streamId}`,
        `${w}/funding/costs`,
        `${w}/funding/costs/${ids.postId}`,
        `${w}/funding/contributions`,
        `${w}/funding/reported`,
        `${w}/partnership`,
        `${w}/partnership/charter/${ids.walsallDraftId}`,
        `${w}/partnership/charter/${ids.walsallDraftId}/edit`,
        `${w}/plan`,
        `${w}/plan?asOf=2021-09-15`,
        `${w}/plan/workstreams`,
        `${w}/plan/milestones/new`,
        `${w}/plan/milestones/${ids.milestoneId}`,
        `${w}/plan/milestones/${ids.milestoneId}/edit`,
        `${w}/plan/raid`,
        `${w}/plan/raid?sort=review&show=all`,
        `${w}/plan/raid/new?kind=issue`,
        `${w}/plan/raid/${ids.raidItemId}`,
        `${w}/plan/raid/${ids.raidItemId}/edit`,
        `${w}/plan/timeline`,
        `${w}/hubs`,
        `${w}/hubs/new`,
        `${w}/hubs/${ids.hubId}`,
        `${w}/hubs/${ids.hubId}/edit`,
        `${w}/outcomes`,
        `${w}/outcomes?asOf=2022-06-30`,
        `${w}/outcomes/indicators/${ids.cpIndicatorId}`,
        `${w}/outcomes/figures/${ids.observationId}`,
        `${w}/outcomes/indicators/new`,
        `${w}/outcomes/population`,
        `${w}/outcomes/import`,
        `${w}/outcomes/import/${ids.outcomesBatchId}`,
        `${w}/reports`,
        `${w}/reports/quarterly/${quarterSlug(financialQuarterOf(londonDate(new Date())))}`,
        `${w}/reports/quarterly/2021-Q2`,
        `${w}/reports/committee`,
        `${w}/reports/committee?asOf=2022-03-31`,
        `${w}/settings`,
        `${w}/settings/people`,
        `${w}/settings/audit`,
        `${w}/settings/go-live`,
        "/dev/outbox",
        `/dev/outbox/${ids.emailId}`,
      ],
    },
    {
      label: "Telford's programme manager, before the second factor",
      account: TWO_FACTOR_ACCOUNT,
      urls: ["/two-factor"],
    },
    {
      label: "Walsall's viewer (read-only pages)",
      account: "viewer.walsall@example.com",
      urls: [w, `${w}/workforce`, `${w}/workforce/posts/${ids.postId}`, `${w}/training/staff/${ids.staffId}`, `${w}/plan/raid/${ids.raidItemId}`, `${w}/partnership`, `${w}/settings`],
    },
    {
      label: "Dudley's programme manager: the partnership",
      account: "pm.dudley@example.com",
      urls: [
        "/a/dudley/partnership",
        "/a/dudley/partnership?asOf=2023-03-20",
        "/a/dudley/partnership/board",
        `/a/dudley/partnership/board/members/${ids.dudleyMemberId}`,
        `/a/dudley/partnership/board/organisations/${ids.dudleyOrganisationId}`,
        "/a/dudley/partnership/meetings",
        `/a/dudley/partnership/meetings/${ids.dudleyMeetingId}`,
        "/a/dudley/partnership/charter/new",
        dudleyCharter,
        `${dudleyCharter}/certificate`,
      ],
    },
    {
      label: "Dudley's board member: the charter to sign",
      account: "board.dudley@example.com",
      urls: ["/a/dudley/partnership", `${dudleyCharter}/sign`],
    },
    {
      label: "a national admin",
      account: "national.admin@example.com",
      urls: [
        "/",
        "/national",
        "/national/settings",
        "/national/audit",
        "/national/authorities/new",
        "/national/indicators",
        "/national/comparison",
        "/national/comparison?status=live&sort=gap-this&dir=desc",
        "/national/compare",
        "/national/compare?authorities=walsall,dudley,telford-and-wrekin&measure=shortfall&axis=golive",
        "/a/dudley",
        "/a/telford-and-wrekin/workforce",
        "/a/dudley/plan",
        "/a/dudley/plan/timeline",
        "/a/dudley/outcomes",
        "/a/dudley/reports/committee",
      ],
    },
    {
      label: "a national viewer",
      account: "national.viewer@example.com",
      urls: ["/", "/national", "/national/comparison", "/national/indicators"],
    },
  ];
}

const cache = new WeakMap<RunningApp, Promise<SweepGroup[]>>();

/** Every page of the app, by the account that sees it (built once per running app). */
export function sweepPages(app: RunningApp): Promise<SweepGroup[]> {
  let found = cache.get(app);
  if (!found) {
    found = app.maintenance(() => loadIds(app)).then(groups);
    cache.set(app, found);
  }
  return found;
}

/** A flat-route file name as a pattern for the paths it answers: `a.$slug.hubs.$hubId._index` → /a/x/hubs/y. */
function routePattern(id: string): RegExp {
  const segments = id
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    // `account_.api-tokens`: a trailing underscore opts out of the parent layout, not a URL character.
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? "[^/]+" : s.replace(/[-[\]{}()*+?.,\\^$|#]/g, "\\$&")));
  return new RegExp(`^/${segments.join("/")}/?$`);
}

/**
 * Page routes (route files with a component; CSV and other resource routes are left out) that no
 * URL of the sweep reaches: a new page must be added to the list above.
 */
export function routesNotSwept(sweep: SweepGroup[], routesDir = path.resolve("app/routes")): string[] {
  const paths = sweep.flatMap((g) => g.urls.map((u) => new URL(u, "http://x").pathname));
  return readdirSync(routesDir)
    .filter((f) => /\.tsx?$/.test(f) && /export default/.test(readFileSync(path.join(routesDir, f), "utf8")))
    .map((f) => f.replace(/\.tsx?$/, ""))
    .filter((id) => !paths.some((p) => routePattern(id).test(p)));
}
