import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "~/auth/tokens.server";
import { loader as homeLoader } from "~/routes/_index";
import { action as tokensAction, loader as tokensLoader } from "~/routes/account_.api-tokens";
import { action as listAction, loader as listLoader } from "~/routes/api.v1.authorities._index";
import { loader as authorityLoader } from "~/routes/api.v1.authorities.$slug._index";
import { action as fundingAction, loader as fundingLoader } from "~/routes/api.v1.authorities.$slug.funding";
import { action as readinessAction, loader as readinessLoader } from "~/routes/api.v1.authorities.$slug.readiness";
import { loader as outcomesLoader } from "~/routes/api.v1.authorities.$slug.outcomes";
import { loader as workforceLoader } from "~/routes/api.v1.authorities.$slug.workforce";
import { loader as openapiLoader } from "~/routes/api.v1.openapi[.json]";
import { action as verifyAction } from "~/routes/two-factor._index";
import { action as setUpAction, loader as setUpLoader } from "~/routes/two-factor.set-up";
import { currentCode } from "~/services/auth/two-factor.server";
import { getFundingOverview } from "~/services/funding/funding-overview.server";
import { getOutcomeScorecard } from "~/services/outcomes/scorecard.server";
import { getReadinessDashboard } from "~/services/readiness/dashboard.server";
import { authorityThresholds } from "~/services/readiness/thresholds.server";
import { getWorkforceSummary } from "~/services/workforce/workforce-summary.server";
import type { OpenAPIV3_1 } from "openapi-types";
import { countQueries } from "../../db/client";
import { apiToken, auditEvent, twoFactor } from "../../db/schema";
import { createApiTokenFor, createAppointment, createAuthority, createFundingStream, createObservation, createPopulation, createPost, createPostCost, createSignedInUser, nationalIndicator, setBaselineRow } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, type Outcome } from "../helpers/requests";

const t = useTestDatabase();
type Handler = Parameters<typeof call>[0];

const T0 = new Date("2026-11-23T09:00:00Z");
const at = (ms = 0) => new Date(T0.getTime() + ms);
const ctx = (now = new Date(), env: Record<string, unknown> = {}) => {
  const c = testContext(t.db, { now: () => now });
  return { ...c, env: { ...c.env, ...env } };
};
const api = (handler: Handler, path: string, bearer: string | undefined, params: Record<string, string> = {}, opts: { now?: Date; headers?: Record<string, string>; env?: Record<string, unknown> } = {}) =>
  call(handler, getRequest(path, { bearer, headers: opts.headers }), params, ctx(opts.now, opts.env));
const data = <T>(o: Outcome) => (o.data as { data: T }).data;

/** An authority with one adult post half filled and the DfE taper on a £600,000 post. */
async function authorityWithFigures() {
  const a = await createAuthority(t.db, { plannedGoLive: "2027-04-01" });
  const p = await createPost(t.db, a.id, { reference: "P1", role: "mental-health", fte: 1, establishedOn: "2020-09-01" });
  await createAppointment(t.db, p, { startDate: "2021-01-01", fte: 1 });
  const p2 = await createPost(t.db, a.id, { reference: "P2", role: "substance-misuse", fte: 1, establishedOn: "2020-09-01" });
  await createPostCost(t.db, p, 60_000_000, "2020-09-01");
  await createPostCost(t.db, p2, 50_000_000, "2020-09-01");
  await createFundingStream(t.db, a.id, { totalPence: 1_000_000_000 });
  return a;
}

async function enrol(token: string, userId: string, now: Date) {
  await call(setUpLoader, getRequest("/two-factor/set-up", { token }), {}, ctx(now));
  const [row] = await t.db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
  await call(setUpAction, postRequest("/two-factor/set-up", { code: currentCode(row.secret, now), redirectTo: "/" }, { token }), {}, ctx(now));
  return row.secret;
}

const createToken = (session: string, form: Record<string, string>, now = new Date()) => call(tokensAction, postRequest("/account/api-tokens", { intent: "create", ...form }, { token: session }), {}, ctx(now));
const createdToken = (o: Outcome) => (o.data as { created: { token: string } }).created.token;

describe("personal API tokens", () => {
  it("are created with a name and expiry, shown once, listed and revoked, each change audited", async () => {
    const a = await createAuthority(t.db);
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const made = await createToken(viewer.token, { name: "Power BI", expiresOn: "31/3/2027" }, T0);
    expect(made.status).toBe(200);
    const token = createdToken(made);
    expect(token).toMatch(/^fsk_[A-Za-z0-9_-]{43}$/);

    const list = await call(tokensLoader, getRequest("/account/api-tokens", { token: viewer.token }), {}, ctx(T0));
    const tokens = (list.data as { tokens: Array<{ id: string; name: string; display: string; status: string; expires: string; lastUsed: string }> }).tokens;
    expect(tokens).toMatchObject([{ name: "Power BI", display: `${token.slice(0, 8)}…`, status: "active", expires: "31 March 2027", lastUsed: "Never" }]);
    // The list never holds the token again.
    expect(JSON.stringify(list.data)).not.toContain(token);

    expect((await api(listLoader, "/api/v1/authorities", token, {}, { now: T0 })).status).toBe(200);
    const used = await call(tokensLoader, getRequest("/account/api-tokens", { token: viewer.token }), {}, ctx(T0));
    expect((used.data as { tokens: Array<{ lastUsed: string }> }).tokens[0].lastUsed).not.toBe("Never");

    const revoked = await call(tokensAction, postRequest("/account/api-tokens", { intent: "revoke", tokenId: tokens[0].id }, { token: viewer.token }), {}, ctx(T0));
    expect(revoked).toMatchObject({ status: 302, location: "/account/api-tokens" });
    const after = await call(tokensLoader, getRequest("/account/api-tokens", { token: viewer.token }), {}, ctx(T0));
    expect((after.data as { tokens: Array<{ status: string }> }).tokens[0].status).toBe("revoked");

    const audit = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, tokens[0].id));
    expect(audit.map((e) => e.action).sort()).toEqual(["api-token.created", "api-token.revoked"]);
    expect(audit.find((e) => e.action === "api-token.created")!.after).toMatchObject({ name: "Power BI", expiresOn: "2027-03-31" });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("defaults to 90 days and refuses a past date, one more than a year ahead and a missing name", async () => {
    const a = await createAuthority(t.db);
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const made = await createToken(viewer.token, { name: "Default" }, T0);
    const [row] = await t.db.select().from(apiToken).where(eq(apiToken.tokenHash, sha256Hex(createdToken(made))));
    expect(row.expiresOn).toBe("2027-02-21");
    const errorsOf = (o: Outcome) => (o.data as { error: Record<string, string[]> }).error;
    const past = await createToken(viewer.token, { name: "Past", expiresOn: "1/1/2026" }, T0);
    expect(past.status).toBe(422);
    expect(errorsOf(past).expiresOn).toEqual(["The expiry date must be in the future"]);
    expect(errorsOf(await createToken(viewer.token, { name: "Far", expiresOn: "24/11/2027" }, T0)).expiresOn).toEqual(["The expiry date must be at most a year from today"]);
    expect(errorsOf(await createToken(viewer.token, { name: "Bad", expiresOn: "31/2/2027" }, T0)).expiresOn).toEqual(["The expiry date must be a real date, like 1/9/2020"]);
    const nameless = await createToken(viewer.token, { name: " " }, T0);
    expect(nameless.status).toBe(400);
    expect(errorsOf(nameless).name).toEqual(["Enter a name for the token"]);
  });

  it("needs a fresh second factor to create when the person has two-factor set up", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager", now: at() });
    const secret = await enrol(pm.token, pm.user.id, at());
    expect((await createToken(pm.token, { name: "Fresh" }, at(60_000))).status).toBe(200);
    const stale = await createToken(pm.token, { name: "Stale" }, at(16 * 60_000));
    expect(stale.status).toBe(302);
    expect(stale.location).toMatch(/^\/two-factor\?step-up=1&redirectTo=/);
    await call(verifyAction, postRequest("/two-factor", { code: currentCode(secret, at(17 * 60_000)), redirectTo: "/account/api-tokens" }, { token: pm.token }), {}, ctx(at(17 * 60_000)));
    expect((await createToken(pm.token, { name: "Stepped up" }, at(17 * 60_000 + 5000))).status).toBe(200);
    const names = (await t.db.select({ name: apiToken.name }).from(apiToken).where(eq(apiToken.userId, pm.user.id))).map((r) => r.name).sort();
    expect(names).toEqual(["Fresh", "Stepped up"]);
  });

  it("cannot revoke someone else's token", async () => {
    const a = await createAuthority(t.db);
    const owner = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const other = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
    await createApiTokenFor(t.db, owner.user);
    const [row] = await t.db.select().from(apiToken).where(eq(apiToken.userId, owner.user.id));
    const o = await call(tokensAction, postRequest("/account/api-tokens", { intent: "revoke", tokenId: row.id }, { token: other.token }), {}, ctx());
    expect(o.status).toBe(404);
    const [still] = await t.db.select().from(apiToken).where(eq(apiToken.id, row.id));
    expect(still.revokedAt).toBeNull();
  });

  it("are stored only as SHA-256 hashes", async () => {
    const a = await createAuthority(t.db);
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const token = createdToken(await createToken(viewer.token, { name: "Hashed" }));
    const rows = await t.db.select().from(apiToken).where(eq(apiToken.userId, viewer.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token.slice(8));
    const raw = await t.db.execute(`select * from api_token where user_id = '${viewer.user.id}'`);
    expect(JSON.stringify(raw)).not.toContain(token.slice(8));
  });

  it("do not work as a session cookie", async () => {
    const a = await createAuthority(t.db);
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const token = await createApiTokenFor(t.db, viewer.user);
    const o = await call(homeLoader, getRequest("/", { token }), {}, ctx());
    expect(o.status).toBe(302);
    expect(o.location).toMatch(/^\/sign-in/);
  });
});

describe("the read API: who gets in", () => {
  it("answers 401 without a token, with a wrong, malformed, expired or revoked one, and with only a session cookie", async () => {
    const a = await createAuthority(t.db);
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const expect401 = async (o: Outcome) => {
      expect(o.status).toBe(401);
      expect(o.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect(o.data).toMatchObject({ error: { status: 401 } });
    };
    await expect401(await api(listLoader, "/api/v1/authorities", undefined));
    await expect401(await call(listLoader, getRequest("/api/v1/authorities", { token: viewer.token }), {}, ctx()));
    await expect401(await api(listLoader, "/api/v1/authorities", `fsk_${"x".repeat(43)}`));
    await expect401(await api(listLoader, "/api/v1/authorities", "not-a-token"));
    await expect401(await call(listLoader, new Request("http://localhost:3000/api/v1/authorities", { headers: { Authorization: "Basic dXNlcjpwYXNz" } }), {}, ctx()));

    const expiring = await createApiTokenFor(t.db, viewer.user, { expiresOn: "2026-11-30", now: T0 });
    // Usable through the end of its expiry day in England (GMT in winter).
    expect((await api(readinessLoader, `/api/v1/authorities/${a.slug}/readiness`, expiring, { slug: a.slug }, { now: new Date("2026-11-30T23:59:00Z") })).status).toBe(200);
    await expect401(await api(readinessLoader, `/api/v1/authorities/${a.slug}/readiness`, expiring, { slug: a.slug }, { now: new Date("2026-12-01T00:00:01Z") }));

    const session = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const revocable = createdToken(await createToken(session.token, { name: "Soon revoked" }));
    expect((await api(listLoader, "/api/v1/authorities", revocable)).status).toBe(200);
    const [row] = await t.db.select().from(apiToken).where(eq(apiToken.tokenHash, sha256Hex(revocable)));
    await call(tokensAction, postRequest("/account/api-tokens", { intent: "revoke", tokenId: row.id }, { token: session.token }), {}, ctx());
    await expect401(await api(listLoader, "/api/v1/authorities", revocable));
  });

  it("answers 405 to POST, PUT and DELETE, with or without a token", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
    const token = await createApiTokenFor(t.db, pm.user);
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      for (const [handler, path] of [
        [listAction, "/api/v1/authorities"],
        [readinessAction, `/api/v1/authorities/${a.slug}/readiness`],
        [fundingAction, `/api/v1/authorities/${a.slug}/funding`],
      ] as const) {
        const o = await call(handler as Handler, postRequest(path, { name: "x" }, { bearer: token, method }), { slug: a.slug }, ctx());
        expect(o.status, `${method} ${path}`).toBe(405);
        expect(o.headers.get("Allow")).toBe("GET, HEAD");
      }
    }
  });

  it("answers 429 with Retry-After once a token is over its limit; other tokens go on", async () => {
    const a = await createAuthority(t.db);
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const token = await createApiTokenFor(t.db, viewer.user);
    const other = await createApiTokenFor(t.db, viewer.user, { name: "Other" });
    const env = { API_RATE_LIMIT: 3 };
    const now = new Date("2026-11-23T10:00:10Z");
    for (let i = 0; i < 3; i++) expect((await api(listLoader, "/api/v1/authorities", token, {}, { now, env })).status).toBe(200);
    const limited = await api(listLoader, "/api/v1/authorities", token, {}, { now, env });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("60");
    expect((await api(listLoader, "/api/v1/authorities", token, {}, { now: new Date(now.getTime() + 30_000), env })).headers.get("Retry-After")).toBe("30");
    expect((await api(listLoader, "/api/v1/authorities", other, {}, { now, env })).status).toBe(200);
    expect((await api(listLoader, "/api/v1/authorities", token, {}, { now: new Date(now.getTime() + 61_000), env })).status).toBe(200);
  });

  it("lets a tenant user's token see only their own authorities; others are 404; a national token sees all", async () => {
    const mine = await authorityWithFigures();
    const theirs = await authorityWithFigures();
    const viewer = await createSignedInUser(t.db, { authorityId: mine.id, role: "viewer" });
    const token = await createApiTokenFor(t.db, viewer.user);
    const list = await api(listLoader, "/api/v1/authorities", token);
    expect(data<Array<{ slug: string }>>(list).map((r) => r.slug)).toEqual([mine.slug]);
    for (const [handler, path] of [
      [authorityLoader, ""],
      [readinessLoader, "/readiness"],
      [workforceLoader, "/workforce"],
      [fundingLoader, "/funding"],
    ] as const) {
      expect((await api(handler, `/api/v1/authorities/${mine.slug}${path}`, token, { slug: mine.slug })).status).toBe(200);
      const o = await api(handler, `/api/v1/authorities/${theirs.slug}${path}`, token, { slug: theirs.slug });
      expect(o.status).toBe(404);
      expect(o.data).toEqual({ error: { status: 404, message: "Not found" } });
      expect((await api(handler, `/api/v1/authorities/no-such-place${path}`, token, { slug: "no-such-place" })).status).toBe(404);
    }
    const national = await createSignedInUser(t.db, { nationalRole: "national-viewer" });
    const nationalToken = await createApiTokenFor(t.db, national.user);
    const all = data<Array<{ slug: string }>>(await api(listLoader, "/api/v1/authorities", nationalToken)).map((r) => r.slug);
    expect(all).toEqual(expect.arrayContaining([mine.slug, theirs.slug]));
    expect((await api(fundingLoader, `/api/v1/authorities/${theirs.slug}/funding`, nationalToken, { slug: theirs.slug })).status).toBe(200);
  });

  it("keeps a board member's authority out of the list and answers 403 for its figures, as the pages do", async () => {
    const a = await createAuthority(t.db);
    const board = await createSignedInUser(t.db, { authorityId: a.id, role: "board-member" });
    const token = await createApiTokenFor(t.db, board.user);
    expect(data<unknown[]>(await api(listLoader, "/api/v1/authorities", token))).toEqual([]);
    expect((await api(readinessLoader, `/api/v1/authorities/${a.slug}/readiness`, token, { slug: a.slug })).status).toBe(403);
  });

  it("records a token's last use at most once a minute", async () => {
    const national = await createSignedInUser(t.db, { nationalRole: "national-admin" });
    const token = await createApiTokenFor(t.db, national.user);
    const lastUsed = async () => (await t.db.select({ at: apiToken.lastUsedAt }).from(apiToken).where(eq(apiToken.userId, national.user.id)))[0].at?.toISOString();
    const at = (iso: string) => api(listLoader, "/api/v1/authorities", token, {}, { now: new Date(iso) });
    await at("2026-11-23T10:00:00Z");
    expect(await lastUsed()).toBe("2026-11-23T10:00:00.000Z");
    await at("2026-11-23T10:00:59Z");
    expect(await lastUsed()).toBe("2026-11-23T10:00:00.000Z");
    await at("2026-11-23T10:01:00Z");
    expect(await lastUsed()).toBe("2026-11-23T10:01:00.000Z");
  });

  it("lists authorities in a fixed number of queries", async () => {
    const national = await createSignedInUser(t.db, { nationalRole: "national-admin" });
    const token = await createApiTokenFor(t.db, national.user);
    const measure = async () => (await countQueries(() => api(listLoader, "/api/v1/authorities", token))).queries;
    // The token's first use records it (one more query, then at most once a minute).
    await measure();
    const before = await measure();
    for (let i = 0; i < 5; i++) await createAuthority(t.db);
    expect(await measure()).toBe(before);
  });
});

describe("the read API: figures", () => {
  async function setup() {
    const a = await authorityWithFigures();
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    return { a, token: await createApiTokenFor(t.db, viewer.user), scope: { db: t.db, authorityId: a.id, actor: { userId: viewer.user.id, label: "test" }, now: new Date() } };
  }

  it("gives readiness as the dashboard's service computes it, at a date", async () => {
    const { a, token, scope } = await setup();
    const o = await api(readinessLoader, `/api/v1/authorities/${a.slug}/readiness?asOf=2021-06-30`, token, { slug: a.slug });
    expect(o.status).toBe(200);
    expect(o.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = data<{ asOf: string; today: string; ready: boolean; criteria: Array<Record<string, unknown>> }>(o);
    const d = await getReadinessDashboard(scope, a, { asOf: "2021-06-30", today: body.today });
    expect(body.asOf).toBe("2021-06-30");
    expect(body.ready).toBe(d.ready);
    expect(body.criteria.map((c) => [c.key, c.numerator, c.denominator, c.percentage, c.threshold, c.met])).toEqual(d.criteria.map((c) => [c.key, c.numerator, c.denominator, c.percent, c.threshold, c.met]));
    const adult = body.criteria[0];
    expect(adult).toMatchObject({ key: "adult-workers", unit: "FTE", numerator: 1, denominator: 2, percentage: 50, threshold: 70, met: false });
    expect((adult.forecast as { status: string }).status).toBe(d.forecast["adult-workers"].kind);
  });

  it("gives funding by financial year in pence, the funding page's own figures", async () => {
    const { a, token, scope } = await setup();
    const o = await api(fundingLoader, `/api/v1/authorities/${a.slug}/funding?asOf=2025-01-01`, token, { slug: a.slug });
    const body = data<{ currency: string; financialYears: Array<Record<string, number | string>> }>(o);
    const { overview } = await getFundingOverview(scope, "2025-01-01");
    expect(body.currency).toBe("GBP");
    expect(body.financialYears.length).toBeGreaterThan(2);
    expect(body.financialYears.map((y) => [y.financialYear, y.costPence, y.grantPence, y.shortfallPence, y.agreedContributionsPence, y.remainingGapPence, y.notCoveredPence])).toEqual(
      overview.financialYears.map((y) => [y.label, y.cost, y.grant, y.shortfall, y.agreed, y.remainingGap, y.notCovered]),
    );
    for (const y of body.financialYears) for (const [k, v] of Object.entries(y)) if (k.endsWith("Pence")) expect(Number.isInteger(v)).toBe(true);
  });

  it("gives workforce by role and team, the workforce page's own figures", async () => {
    const { a, token, scope } = await setup();
    const o = await api(workforceLoader, `/api/v1/authorities/${a.slug}/workforce?asOf=2021-06-30`, token, { slug: a.slug });
    const body = data<{ adultWorkers: { inPostFte: number; establishmentFte: number }; byRole: Array<{ role: string; establishmentFte: number; inPostFte: number }>; byTeam: unknown[] }>(o);
    const s = await getWorkforceSummary(scope, { asOf: "2021-06-30", threshold: (await authorityThresholds(t.db, a)).adultWorkers, trendFrom: a.programmeStart });
    expect(body.adultWorkers).toMatchObject({ inPostFte: 1, establishmentFte: 2 });
    expect(body.byRole.filter((r) => s.byRole.some((x) => x.key === r.role)).map((r) => [r.role, r.establishmentFte, r.inPostFte])).toEqual(s.byRole.map((r) => [r.key, r.establishmentFte, r.inPostFte]));
    expect(body.byTeam).toHaveLength(s.byTeam.length);
  });

  it("answers CSV for ?format=csv and for Accept: text/csv, and 400 for an unknown format", async () => {
    const { a, token } = await setup();
    const csv = await api(readinessLoader, `/api/v1/authorities/${a.slug}/readiness?asOf=2021-06-30&format=csv`, token, { slug: a.slug });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (csv.data as string).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("authority,as_of,criterion,label,unit,numerator,denominator,percentage,threshold,met,shortfall,forecast_status,met_since,falls_below_on,will_meet_on");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^${a.slug},2021-06-30,adult-workers,.*,FTE,1,2,50,70,false,`));

    const byAccept = await api(fundingLoader, `/api/v1/authorities/${a.slug}/funding?asOf=2025-01-01`, token, { slug: a.slug }, { headers: { Accept: "text/csv" } });
    expect(byAccept.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect((byAccept.data as string).split("\r\n")[0]).toContain("financial_year,start,end,cost_pence");
    const list = await api(listLoader, `/api/v1/authorities?format=csv`, token);
    expect((list.data as string).trim().split("\r\n")[1]).toContain(a.slug);
    const json = await api(listLoader, `/api/v1/authorities?format=json`, token, {}, { headers: { Accept: "text/csv" } });
    expect(json.headers.get("Content-Type")).toMatch(/json/);
    expect((await api(listLoader, `/api/v1/authorities?format=xml`, token)).status).toBe(400);
    for (const [handler, path] of [
      [authorityLoader, ""],
      [workforceLoader, "/workforce"],
    ] as const) {
      const o = await api(handler, `/api/v1/authorities/${a.slug}${path}?format=csv`, token, { slug: a.slug });
      expect(o.headers.get("Content-Type"), path).toBe("text/csv; charset=utf-8");
    }
  });

  it("answers with exactly the fields the OpenAPI description lists", async () => {
    const { a, token } = await setup();
    const spec = (await call(openapiLoader as Handler, getRequest("/api/v1/openapi.json"), {}, ctx())).data as OpenAPIV3_1.Document;
    const schemas = spec.components!.schemas! as Record<string, { required: string[]; properties: Record<string, unknown> }>;
    const keys = (o: object) => Object.keys(o).sort();
    const one = data<Record<string, unknown>>(await api(authorityLoader, `/api/v1/authorities/${a.slug}`, token, { slug: a.slug }));
    expect(keys(one)).toEqual([...schemas.Authority.required].sort());
    expect(one.links).toEqual({
      self: `/api/v1/authorities/${a.slug}`,
      readiness: `/api/v1/authorities/${a.slug}/readiness`,
      workforce: `/api/v1/authorities/${a.slug}/workforce`,
      funding: `/api/v1/authorities/${a.slug}/funding`,
      outcomes: `/api/v1/authorities/${a.slug}/outcomes`,
    });
    const [summary] = data<Array<Record<string, unknown>>>(await api(listLoader, "/api/v1/authorities", token));
    expect(keys(summary)).toEqual([...schemas.AuthoritySummary.required].sort());
    const readiness = data<{ criteria: Array<Record<string, unknown>> }>(await api(readinessLoader, `/api/v1/authorities/${a.slug}/readiness`, token, { slug: a.slug }));
    expect(keys(readiness)).toEqual([...schemas.Readiness.required].sort());
    expect(keys(readiness.criteria[0])).toEqual([...schemas.Criterion.required].sort());
    const workforce = data<{ byRole: object[]; byTeam: object[] }>(await api(workforceLoader, `/api/v1/authorities/${a.slug}/workforce`, token, { slug: a.slug }));
    expect(keys(workforce)).toEqual([...schemas.Workforce.required].sort());
    expect(keys(workforce.byRole[0])).toEqual([...schemas.WorkforceRole.required].sort());
    expect(keys(workforce.byTeam[0])).toEqual([...schemas.WorkforceTeam.required].sort());
    const funding = data<{ financialYears: object[] }>(await api(fundingLoader, `/api/v1/authorities/${a.slug}/funding`, token, { slug: a.slug }));
    expect(keys(funding)).toEqual([...schemas.Funding.required].sort());
    expect(keys(funding.financialYears[0])).toEqual([...schemas.FundingYear.required].sort());
    const outcomes = data<{ indicators: object[] }>(await api(outcomesLoader, `/api/v1/authorities/${a.slug}/outcomes`, token, { slug: a.slug }));
    expect(keys(outcomes)).toEqual([...schemas.Outcomes.required].sort());
    expect(keys(outcomes.indicators[0])).toEqual([...schemas.OutcomeIndicator.required].sort());
  });

  it("gives outcomes against their baseline as the scorecard computes them, as JSON and CSV", async () => {
    const { a, token, scope } = await setup();
    const cp = await nationalIndicator(t.db, "cp-plans");
    await createPopulation(t.db, a.id, { year: 2019, population: 60_000 });
    const baseline = await createObservation(t.db, a.id, cp.id, { periodEnd: "2019-03-31", value: 370 });
    await setBaselineRow(t.db, baseline);
    await createObservation(t.db, a.id, cp.id, { periodEnd: "2021-03-31", value: 227 });
    const body = data<{ indicators: Array<Record<string, unknown>>; childPopulation: number }>(await api(outcomesLoader, `/api/v1/authorities/${a.slug}/outcomes?asOf=2021-06-30`, token, { slug: a.slug }));
    const row = body.indicators.find((i) => i.key === "cp-plans")!;
    const card = await getOutcomeScorecard(scope, "2021-06-30");
    const expected = card.rows.find((r) => r.indicator.key === "cp-plans")!.comparison;
    expect(row).toMatchObject({ baselineValue: 370, latestValue: 227, change: expected.change, changePercent: -38.6, assessment: "improving" });
    expect(row.changePer10k).toBe(Number(expected.changePer10k!.toFixed(1)));
    expect(body.childPopulation).toBe(60_000);
    const csv = await api(outcomesLoader, `/api/v1/authorities/${a.slug}/outcomes?asOf=2021-06-30&format=csv`, token, { slug: a.slug });
    expect(String(csv.data)).toMatch(/cp-plans,.*,370,.*,227,-143,-38\.6,/);
  });
});
