/// <reference types="vite/client" />
import { NATIONAL_ROLES, TENANT_ROLES, type NationalPermission, type NationalRole, type Permission, type TenantRole } from "~/domain/permissions";
import type { Database } from "../../../db/client";
import { emailMessage, importBatch, type Authority } from "../../../db/schema";
import {
  courseByCode,
  createAppointment,
  createAuthority,
  createBoardMeeting,
  createBoardMember,
  createCharterVersion,
  createFundingStream,
  createPartner,
  createCustomIndicator,
  createObservation,
  createPlanRecords,
  createPost,
  createSignedInUser,
  createStaffMember,
  createTrainingSession,
  createApiTokenFor,
} from "../../factories";
import { routePath } from "../../helpers/route-path";
import type { call } from "../../helpers/requests";

/**
 * Who may reach every page and action. Generated from the route files: a route that is not in
 * this table fails the test, and so does one whose loader or action lets the wrong people in.
 *  - public: no sign-in needed
 *  - signed-in: any signed-in person
 *  - { tenant }: a permission within the authority in the URL (foreign users get 404)
 *  - { national }: a national permission (tenant users get 404)
 *  - { api }: the read API, with a personal API token (Authorization: Bearer) and never a session
 *    cookie (401): "token" for any valid token, else a permission within the authority in the URL
 *    (foreign tokens 404, as on the pages)
 *  - "read-only": the API's other methods, 405 for everyone
 *  - "no-such-endpoint": any other path under /api, a JSON 404 for everyone
 */
export type Access = "public" | "signed-in" | { tenant: Permission } | { national: NationalPermission } | { api: Permission | "token" } | "read-only" | "no-such-endpoint";
export interface RouteAccess {
  loader?: Access;
  action?: Access;
  /** Extra URL parameters the route needs, beyond the authority slug. */
  params?: (f: Fixture) => Record<string, string>;
  /** A query string the route needs, e.g. "?table=posts". */
  query?: string;
}


export const MATRIX: Record<string, RouteAccess> = {
  _index: { loader: "signed-in" },
  "sign-in": { loader: "public", action: "public" },
  "sign-out": { loader: "public", action: "public" },
  "forgot-password": { action: "public" },
  "reset-password.$token": { loader: "public", action: "public", params: () => ({ token: "no-such-token" }) },
  "invitations.$token": { loader: "public", action: "public", params: () => ({ token: "no-such-token" }) },
  healthz: { loader: "public" },
  account: { loader: "signed-in", action: "signed-in" },
  "two-factor._index": { loader: "signed-in", action: "signed-in" },
  "two-factor.set-up": { loader: "signed-in", action: "signed-in" },
  "dev.outbox._index": { loader: "signed-in" },
  "dev.outbox.$id": { loader: "signed-in", params: (f) => ({ id: f.emailId }) },
  "national._index": { loader: { national: "national:read" } },
  "national.audit": { loader: { national: "national:admin" } },
  "national.authorities.new": { loader: { national: "national:admin" }, action: { national: "national:admin" } },
  "a.$slug": { loader: { tenant: "authority:visit" } },
  "a.$slug._index": { loader: { tenant: "authority:visit" } },
  "a.$slug.settings._index": { loader: { tenant: "authority:read" } },
  "a.$slug.settings.people": { loader: { tenant: "people:invite-programme-manager" }, action: { tenant: "people:invite-programme-manager" } },
  "a.$slug.settings.audit": { loader: { tenant: "audit:read" } },
  "a.$slug.settings.go-live": { loader: { tenant: "settings:edit" }, action: { tenant: "settings:edit" } },
  "national.settings": { loader: { national: "national:admin" }, action: { national: "national:admin" } },
  "national.comparison": { loader: { national: "national:read" } },
  "national.compare": { loader: { national: "national:read" }, query: "?authorities=walsall" },
  "national.export": { loader: { national: "national:read" } },
  "national.indicators": { loader: { national: "national:read" }, action: { national: "national:admin" } },
  "a.$slug.workforce._index": { loader: { tenant: "authority:read" } },
  "a.$slug.workforce.export": { loader: { tenant: "authority:read" }, query: "?table=posts" },
  "a.$slug.workforce.teams": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" } },
  "a.$slug.workforce.posts._index": { loader: { tenant: "authority:read" } },
  "a.$slug.workforce.posts.new": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" } },
  "a.$slug.workforce.posts.$postId._index": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: (f) => ({ postId: f.postId }) },
  "a.$slug.workforce.posts.$postId.edit": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" }, params: (f) => ({ postId: f.postId }) },
  "a.$slug.workforce.posts.$postId.holders.$appointmentId": {
    loader: { tenant: "programme:edit" },
    action: { tenant: "programme:edit" },
    params: (f) => ({ postId: f.postId, appointmentId: f.appointmentId }),
  },
  "a.$slug.partnership._index": { loader: { tenant: "charter:read" }, action: { tenant: "charter:manage" } },
  "a.$slug.partnership.board._index": { loader: { tenant: "charter:read" }, action: { tenant: "charter:manage" } },
  "a.$slug.partnership.board.export": { loader: { tenant: "charter:read" } },
  "a.$slug.partnership.board.members.$memberId": { loader: { tenant: "charter:manage" }, action: { tenant: "charter:manage" }, params: (f) => ({ memberId: f.boardMemberId }) },
  "a.$slug.partnership.board.organisations.$organisationId": { loader: { tenant: "charter:manage" }, action: { tenant: "charter:manage" }, params: (f) => ({ organisationId: f.organisationId }) },
  "a.$slug.partnership.meetings._index": { loader: { tenant: "charter:read" } },
  "a.$slug.partnership.meetings.$meetingId": { loader: { tenant: "charter:manage" }, action: { tenant: "charter:manage" }, params: (f) => ({ meetingId: f.meetingId }) },
  "a.$slug.partnership.charter.new": { loader: { tenant: "charter:manage" }, action: { tenant: "charter:manage" } },
  "a.$slug.partnership.charter.$versionId._index": { loader: { tenant: "charter:read" }, action: { tenant: "charter:manage" }, params: (f) => ({ versionId: f.charterVersionId }) },
  "a.$slug.partnership.charter.$versionId.edit": { loader: { tenant: "charter:manage" }, action: { tenant: "charter:manage" }, params: (f) => ({ versionId: f.charterVersionId }) },
  "a.$slug.partnership.charter.$versionId.sign": { loader: { tenant: "charter:sign" }, action: { tenant: "charter:sign" }, params: (f) => ({ versionId: f.charterVersionId }) },
  "a.$slug.partnership.charter.$versionId.certificate": { loader: { tenant: "charter:read" }, params: (f) => ({ versionId: f.charterVersionId }) },
  "a.$slug.partnership.charter.$versionId.export": { loader: { tenant: "charter:read" }, params: (f) => ({ versionId: f.charterVersionId }), query: "?format=csv" },
  "sign.$token": { loader: "public", action: "public", params: () => ({ token: "no-such-token" }) },
  "a.$slug.training._index": { loader: { tenant: "authority:read" } },
  "a.$slug.training.staff._index": { loader: { tenant: "authority:read" } },
  "a.$slug.training.staff.new": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" } },
  "a.$slug.training.staff.$staffId": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: (f) => ({ staffId: f.training.staffId }) },
  "a.$slug.training.courses._index": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" } },
  "a.$slug.training.courses.$courseId": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: (f) => ({ courseId: f.training.courseId }) },
  "a.$slug.training.sessions.$sessionId": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: (f) => ({ sessionId: f.training.sessionId }) },
  "a.$slug.training.requirements": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" } },
  "a.$slug.training.import._index": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" } },
  "a.$slug.training.import.$batchId": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: (f) => ({ batchId: f.training.batchId }) },
  "a.$slug.training.export.$list": { loader: { tenant: "authority:read" }, params: () => ({ list: "staff" }) },
  "a.$slug.funding._index": { loader: { tenant: "authority:read" } },
  "a.$slug.funding.export": { loader: { tenant: "authority:read" } },
  "a.$slug.funding.streams._index": { loader: { tenant: "authority:read" }, action: { tenant: "funding:edit" } },
  "a.$slug.funding.streams.$streamId": { loader: { tenant: "authority:read" }, action: { tenant: "funding:edit" }, params: (f) => ({ streamId: f.streamId }) },
  "a.$slug.funding.costs._index": { loader: { tenant: "authority:read" }, action: { tenant: "funding:edit" } },
  "a.$slug.funding.costs.$postId": { loader: { tenant: "authority:read" }, action: { tenant: "funding:edit" }, params: (f) => ({ postId: f.postId }) },
  "a.$slug.funding.contributions": { loader: { tenant: "authority:read" }, action: { tenant: "funding:edit" } },
  "a.$slug.funding.reported": { loader: { tenant: "authority:read" }, action: { tenant: "funding:edit" } },
  "a.$slug.plan._index": { loader: { tenant: "authority:read" } },
  "a.$slug.plan.workstreams": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" } },
  "a.$slug.plan.milestones.new": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" } },
  "a.$slug.plan.milestones.$milestoneId._index": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: (f) => ({ milestoneId: f.milestoneId }) },
  "a.$slug.plan.milestones.$milestoneId.edit": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" }, params: (f) => ({ milestoneId: f.milestoneId }) },
  "a.$slug.plan.raid._index": { loader: { tenant: "authority:read" } },
  "a.$slug.plan.raid.new": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" }, query: "?kind=issue" },
  "a.$slug.plan.raid.$itemId._index": { loader: { tenant: "authority:read" }, params: (f) => ({ itemId: f.raidItemId }) },
  "a.$slug.plan.raid.$itemId.edit": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" }, params: (f) => ({ itemId: f.raidItemId }) },
  "a.$slug.plan.timeline": { loader: { tenant: "authority:read" } },
  "a.$slug.plan.export": { loader: { tenant: "authority:read" }, query: "?table=raid" },
  "a.$slug.outcomes._index": { loader: { tenant: "authority:read" } },
  "a.$slug.outcomes.indicators.new": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" } },
  "a.$slug.outcomes.indicators.$indicatorId": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: (f) => ({ indicatorId: f.outcomes.indicatorId }) },
  "a.$slug.outcomes.figures.$observationId": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" }, params: (f) => ({ observationId: f.outcomes.observationId }) },
  "a.$slug.outcomes.population": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" } },
  "a.$slug.outcomes.export": { loader: { tenant: "authority:read" } },
  "a.$slug.outcomes.import._index": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" } },
  "a.$slug.outcomes.import.$batchId": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: (f) => ({ batchId: f.outcomes.batchId }) },
  "a.$slug.hubs._index": { loader: { tenant: "authority:read" } },
  "a.$slug.hubs.new": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" } },
  "a.$slug.hubs.$hubId._index": { loader: { tenant: "authority:read" }, params: (f) => ({ hubId: f.hubId }) },
  "a.$slug.hubs.$hubId.edit": { loader: { tenant: "programme:edit" }, action: { tenant: "programme:edit" }, params: (f) => ({ hubId: f.hubId }) },
  "a.$slug.reports._index": { loader: { tenant: "authority:read" } },
  "a.$slug.reports.quarterly.$quarter._index": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" }, params: () => ({ quarter: "2024-Q3" }) },
  "a.$slug.reports.quarterly.$quarter.download": { loader: { tenant: "authority:read" }, params: () => ({ quarter: "2024-Q3" }), query: "?format=csv" },
  "a.$slug.reports.committee._index": { loader: { tenant: "authority:read" }, action: { tenant: "programme:edit" } },
  "a.$slug.reports.committee.download": { loader: { tenant: "authority:read" }, query: "?format=docx" },
  "account_.api-tokens": { loader: "signed-in", action: "signed-in" },
  "api.v1.openapi[.json]": { loader: "public", action: "read-only" },
  "api.$": { loader: "no-such-endpoint", action: "no-such-endpoint", params: () => ({ "*": "v1/authorities/walsall/no-such-resource" }) },
  "api.v1.authorities._index": { loader: { api: "token" }, action: "read-only" },
  "api.v1.authorities.$slug._index": { loader: { api: "authority:read" }, action: "read-only" },
  "api.v1.authorities.$slug.readiness": { loader: { api: "authority:read" }, action: "read-only" },
  "api.v1.authorities.$slug.workforce": { loader: { api: "authority:read" }, action: "read-only" },
  "api.v1.authorities.$slug.funding": { loader: { api: "authority:read" }, action: "read-only" },
  "api.v1.authorities.$slug.outcomes": { loader: { api: "authority:read" }, action: "read-only" },
};

export interface Fixture {
  a: Authority;
  b: Authority;
  tenant: Record<TenantRole, string>;
  foreign: Record<TenantRole, string>;
  national: Record<NationalRole, string>;
  /** Personal API tokens of the same people. */
  api: { tenant: Record<TenantRole, string>; foreign: Record<TenantRole, string>; national: Record<NationalRole, string> };
  emailId: string;
  postId: string;
  appointmentId: string;
  /** Partnership records of authority A. */
  organisationId: string;
  boardMemberId: string;
  meetingId: string;
  charterVersionId: string;
  training: { staffId: string; courseId: string; sessionId: string; batchId: string };
  streamId: string;
  milestoneId: string;
  workstreamId: string;
  raidItemId: string;
  hubId: string;
  outcomes: { indicatorId: string; observationId: string; batchId: string };
}

export type Handler = Parameters<typeof call>[0];
export interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

export const modules = import.meta.glob<RouteModule>("/app/routes/*.{ts,tsx}");
export const routes = Object.keys(modules)
  .map((path) => ({ id: path.replace(/^\/app\/routes\//, "").replace(/\.tsx?$/, ""), load: modules[path] }))
  .sort((x, y) => x.id.localeCompare(y.id));

/** Users of every role in authority A (and B, foreign) and one record of each kind in A. */
export async function buildRouteFixture(db: Database): Promise<Fixture> {
  const a = await createAuthority(db);
  const b = await createAuthority(db);
  const tenant = {} as Record<TenantRole, string>;
  const foreign = {} as Record<TenantRole, string>;
  const national = {} as Record<NationalRole, string>;
  const api = { tenant: {} as Record<TenantRole, string>, foreign: {} as Record<TenantRole, string>, national: {} as Record<NationalRole, string> };
  for (const role of TENANT_ROLES) {
    const mine = await createSignedInUser(db, { authorityId: a.id, role });
    const theirs = await createSignedInUser(db, { authorityId: b.id, role });
    [tenant[role], foreign[role]] = [mine.token, theirs.token];
    [api.tenant[role], api.foreign[role]] = [await createApiTokenFor(db, mine.user), await createApiTokenFor(db, theirs.user)];
  }
  for (const role of NATIONAL_ROLES) {
    const person = await createSignedInUser(db, { nationalRole: role });
    national[role] = person.token;
    api.national[role] = await createApiTokenFor(db, person.user);
  }
  const [email] = await db
    .insert(emailMessage)
    .values({ toAddress: "someone@example.test", subject: "Test", html: "<p>Test</p>", text: "Test", tag: "test", transport: "outbox", status: "stored" })
    .returning();
  const p = await createPost(db, a.id);
  const holder = await createAppointment(db, p);
  const partner = await createPartner(db, a.id, "Matrix partner");
  const member = await createBoardMember(db, a.id, partner.id);
  const meeting = await createBoardMeeting(db, a.id, "2023-01-10", "Agreed the charter");
  const version = await createCharterVersion(db, a.id);
  const stream = await createFundingStream(db, a.id);
  const plan = await createPlanRecords(db, a.id);
  const staff = await createStaffMember(db, a.id);
  const mi = await courseByCode(db, a.id, "mi");
  const session = await createTrainingSession(db, a.id, mi.id);
  const ownIndicator = await createCustomIndicator(db, a.id);
  const figure = await createObservation(db, a.id, ownIndicator.id, { periodEnd: "2021-03-31", value: 10 });
  const [outcomesBatch] = await db.insert(importBatch).values({ authorityId: a.id, kind: "outcomes", filename: "figures.csv", content: "indicator,date,value\ncp-plans,2021-03-31,5", rowCount: 1, status: "previewed" }).returning();
  const [batch] = await db.insert(importBatch).values({ authorityId: a.id, kind: "training-staff", filename: "staff.csv", content: "external_ref,discipline\nR1,other", rowCount: 1, status: "previewed" }).returning();
  return {
    a,
    b,
    tenant,
    foreign,
    national,
    api,
    emailId: email.id,
    postId: p.id,
    appointmentId: holder.id,
    organisationId: partner.id,
    boardMemberId: member.id,
    meetingId: meeting.id,
    charterVersionId: version.id,
    training: { staffId: staff.id, courseId: mi.id, sessionId: session.id, batchId: batch.id },
    streamId: stream.id,
    milestoneId: plan.milestone.id,
    workstreamId: plan.milestone.workstreamId,
    raidItemId: plan.risk.id,
    hubId: plan.hub.id,
    outcomes: { indicatorId: ownIndicator.id, observationId: figure.id, batchId: outcomesBatch.id },
  };
}

export function urlFor(id: string, params: Record<string, string>) {
  return routePath(id, (name) => params[name]);
}
