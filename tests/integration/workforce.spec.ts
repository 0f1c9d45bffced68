import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countQueries } from "../../db/client";
import { appointment, auditEvent, post, staffMember } from "../../db/schema";
import { loader as dashboardLoader } from "~/routes/a.$slug._index";
import { action as goLiveAction } from "~/routes/a.$slug.settings.go-live";
import { loader as exportLoader } from "~/routes/a.$slug.workforce.export";
import { action as postAction, loader as postLoader } from "~/routes/a.$slug.workforce.posts.$postId._index";
import { action as editPostAction } from "~/routes/a.$slug.workforce.posts.$postId.edit";
import { action as editHolderAction } from "~/routes/a.$slug.workforce.posts.$postId.holders.$appointmentId";
import { action as newPostAction } from "~/routes/a.$slug.workforce.posts.new";
import { loader as workforceLoader } from "~/routes/a.$slug.workforce._index";
import { createAppointment, createAuthority, createPost, createSignedInUser, createTeam } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest } from "../helpers/requests";

const t = useTestDatabase();
const ctx = (today = "2023-07-31") => testContext(t.db, { now: () => new Date(`${today}T12:00:00Z`) });

async function setup(role: "programme-manager" | "contributor" | "viewer" = "contributor") {
  const a = await createAuthority(t.db);
  const u = await createSignedInUser(t.db, { authorityId: a.id, role });
  return { a, token: u.token, user: u.user };
}

type Dashboard = Awaited<ReturnType<typeof dashboardLoader>>;
async function dashboard(slug: string, token: string, asOf?: string, today?: string) {
  const res = await call(dashboardLoader, getRequest(`/a/${slug}${asOf ? `?asOf=${asOf}` : ""}`, { token }), { slug }, ctx(today));
  expect(res.status).toBe(200);
  return res.data as Dashboard;
}
const adult = (d: Dashboard) => d.criteria.find((c) => c.key === "adult-workers")!;

describe("posts and holders", () => {
  it("adds a post, records an agreed appointment and watches the criterion and forecast move", async () => {
    const { a, token } = await setup();
    const team = await createTeam(t.db, a.id, "Locality A");
    const res = await call(
      newPostAction,
      postRequest(`/a/${a.slug}/workforce/posts/new`, { role: "mental-health", fte: "1", adultSpecialist: "yes", teamId: team.id, reference: "MH-1", establishedOn: "2023-04-01" }, { token }),
      { slug: a.slug },
      ctx(),
    );
    expect(res.status).toBe(302);
    const [p] = await t.db.select().from(post).where(eq(post.authorityId, a.id));
    expect(p).toMatchObject({ reference: "MH-1", role: "mental-health", fte: 1, teamId: team.id, adultSpecialist: true });
    expect(adult(await dashboard(a.slug, token))).toMatchObject({ numerator: 0, denominator: 1, met: false });

    const add = await call(
      postAction,
      postRequest(`/a/${a.slug}/workforce/posts/${p.id}`, { intent: "add-holder", holder: "J. Smith", fte: "1", contractType: "secondment", contractEnd: "2025-07-31", startDate: "2023-09-04", startConfirmed: "no" }, { token }),
      { slug: a.slug, postId: p.id },
      ctx(),
    );
    expect(add.status).toBe(302);
    const d = await dashboard(a.slug, token);
    expect(adult(d).numerator).toBe(0);
    expect(d.forecast["adult-workers"]).toEqual({ kind: "will-meet", on: "2023-09-04" });
    expect(adult(await dashboard(a.slug, token, "2023-09-04"))).toMatchObject({ numerator: 1, percent: 100, met: true });
    const audits = await t.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.authorityId, a.id));
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(["post.created", "appointment.created"]));
  });

  it("validates posts beside the fields and writes nothing", async () => {
    const { a, token } = await setup();
    const other = await createAuthority(t.db);
    const foreignTeam = await createTeam(t.db, other.id, "Not yours");
    const bad = await call(
      newPostAction,
      postRequest(`/a/${a.slug}/workforce/posts/new`, { fte: "0.333", adultSpecialist: "maybe", establishedOn: "2023-05-01", disestablishedOn: "2023-04-01" }, { token }),
      { slug: a.slug },
      ctx(),
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { error: Record<string, string[]> }).error).toMatchObject({
      role: ["Enter the role"],
      fte: ["FTE can have at most two decimal places"],
      adultSpecialist: ["Select whether the post counts as an adult specialist post"],
    });
    const foreign = await call(newPostAction, postRequest(`/a/${a.slug}/workforce/posts/new`, { role: "mental-health", fte: "1", adultSpecialist: "yes", teamId: foreignTeam.id }, { token }), { slug: a.slug }, ctx());
    expect(foreign.status).toBe(422);
    expect((foreign.data as { error: Record<string, string[]> }).error.teamId).toEqual(["Choose one of the authority's teams"]);
    expect(await t.db.select().from(post).where(eq(post.authorityId, a.id))).toEqual([]);
  });

  it("refuses a duplicate post reference", async () => {
    const { a, token } = await setup();
    await createPost(t.db, a.id, { reference: "DUP-1" });
    const dup = await call(newPostAction, postRequest(`/a/${a.slug}/workforce/posts/new`, { role: "mental-health", fte: "1", adultSpecialist: "yes", reference: "DUP-1" }, { token }), { slug: a.slug }, ctx());
    expect(dup.status).toBe(422);
    expect((dup.data as { error: Record<string, string[]> }).error.reference).toEqual(["Another post already has this reference"]);
  });

  it("detects a conflicting edit and keeps both: theirs saved, mine in the form", async () => {
    const { a, token } = await setup();
    const p = await createPost(t.db, a.id, { reference: "P-1" });
    const form = (fte: string) => ({ version: String(p.version), role: "substance-misuse", fte, adultSpecialist: "yes", reference: "P-1" });
    const first = await call(editPostAction, postRequest(`/a/${a.slug}/workforce/posts/${p.id}/edit`, form("0.8"), { token }), { slug: a.slug, postId: p.id }, ctx());
    expect(first.status).toBe(302);
    const second = await call(editPostAction, postRequest(`/a/${a.slug}/workforce/posts/${p.id}/edit`, form("0.6"), { token }), { slug: a.slug, postId: p.id }, ctx());
    expect(second.status).toBe(409);
    expect((second.data as { initialValue: { fte: string } }).initialValue.fte).toBe("0.6");
    const [now] = await t.db.select().from(post).where(eq(post.id, p.id));
    expect(now).toMatchObject({ fte: 0.8, version: 2 });
  });

  it("records a leaver: counted on the last day, not the day after", async () => {
    const { a, token } = await setup();
    const p = await createPost(t.db, a.id);
    const h = await createAppointment(t.db, p, { startDate: "2022-01-04" });
    const res = await call(
      editHolderAction,
      postRequest(
        `/a/${a.slug}/workforce/posts/${p.id}/holders/${h.id}`,
        { version: "1", holder: "Holder", fte: "1", contractType: "permanent", startDate: "2022-01-04", startConfirmed: "yes", lastDay: "2023-06-30", leavingReason: "Moved away" },
        { token },
      ),
      { slug: a.slug, postId: p.id, appointmentId: h.id },
      ctx(),
    );
    expect(res.status).toBe(302);
    expect(adult(await dashboard(a.slug, token, "2023-06-30")).numerator).toBe(1);
    expect(adult(await dashboard(a.slug, token, "2023-07-01")).numerator).toBe(0);
    const [audit] = await t.db.select().from(auditEvent).where(and(eq(auditEvent.entityId, h.id), eq(auditEvent.action, "appointment.left")));
    expect(audit.before).toMatchObject({ lastDay: null });
    expect(audit.after).toMatchObject({ lastDay: "2023-06-30", leavingReason: "Moved away" });
  });

  it("will not show or change another authority's post through one's own authority", async () => {
    const { a, token } = await setup();
    const other = await createAuthority(t.db);
    const theirs = await createPost(t.db, other.id);
    expect((await call(postLoader, getRequest(`/a/${a.slug}/workforce/posts/${theirs.id}`, { token }), { slug: a.slug, postId: theirs.id }, ctx())).status).toBe(404);
    const res = await call(
      postAction,
      postRequest(`/a/${a.slug}/workforce/posts/${theirs.id}`, { intent: "add-holder", holder: "X", fte: "1", contractType: "permanent", startDate: "2023-01-01", startConfirmed: "yes" }, { token }),
      { slug: a.slug, postId: theirs.id },
      ctx(),
    );
    expect(res.status).toBe(404);
    expect(await t.db.select().from(appointment).where(eq(appointment.postId, theirs.id))).toEqual([]);
  });

  it("lets a viewer read but not change", async () => {
    const { a, token } = await setup("viewer");
    const p = await createPost(t.db, a.id);
    expect((await call(postLoader, getRequest(`/a/${a.slug}/workforce/posts/${p.id}`, { token }), { slug: a.slug, postId: p.id }, ctx())).status).toBe(200);
    const res = await call(postAction, postRequest(`/a/${a.slug}/workforce/posts/${p.id}`, { intent: "add-step", stage: "advertised", onDate: "2023-01-01" }, { token }), { slug: a.slug, postId: p.id }, ctx());
    expect(res.status).toBe(403);
  });
});

describe("workforce overview and exports", () => {
  it("summarises by role and team, lists vacancies and contracts ending, and exports CSV", async () => {
    const { a, token } = await setup();
    const team = await createTeam(t.db, a.id, "North");
    const p1 = await createPost(t.db, a.id, { reference: "A-1", teamId: team.id, role: "mental-health" });
    const p2 = await createPost(t.db, a.id, { reference: "A-2", teamId: team.id, role: "mental-health", fte: 0.5 });
    await createAppointment(t.db, p1, { contractType: "fixed-term", contractEnd: "2023-10-31", startDate: "2022-01-01", holder: "Alex" });
    const res = await call(workforceLoader, getRequest(`/a/${a.slug}/workforce`, { token }), { slug: a.slug }, ctx());
    const d = res.data as Awaited<ReturnType<typeof workforceLoader>>;
    expect(d.byRole).toEqual([expect.objectContaining({ label: "Mental health practitioner", establishmentFte: 1.5, inPostFte: 1, vacantFte: 0.5 })]);
    expect(d.byTeam).toEqual([expect.objectContaining({ label: "North", establishmentFte: 1.5 })]);
    expect(d.vacancies.map((v) => v.reference)).toEqual(["A-2"]);
    expect(d.contractsEnding).toEqual([expect.objectContaining({ holder: "Alex", contractEnd: "2023-10-31", daysLeft: 92 })]);
    const csv = await call(exportLoader, getRequest(`/a/${a.slug}/workforce/export?table=vacancies`, { token }), { slug: a.slug }, ctx());
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toContain(`${a.slug}-vacancies-2023-07-31.csv`);
    expect(csv.data).toContain("Post reference,Role,Team,Vacant FTE");
    expect(csv.data).toContain("A-2,Mental health practitioner,North,0.5");
    expect(p2.fte).toBe(0.5);
  });
});

describe("readiness dashboard", () => {
  it("uses the authority's own threshold when it sets one, with a conflict check", async () => {
    const { a, token } = await setup("programme-manager");
    const posts = await Promise.all(Array.from({ length: 4 }, () => createPost(t.db, a.id)));
    for (const p of posts.slice(0, 3)) await createAppointment(t.db, p);
    expect(adult(await dashboard(a.slug, token))).toMatchObject({ percent: 75, met: true, threshold: 70 });
    const save = (version: string, threshold: string) =>
      call(goLiveAction, postRequest(`/a/${a.slug}/settings/go-live`, { version, thresholdAdultWorkers: threshold, plannedGoLive: "2023-09-01" }, { token }), { slug: a.slug }, ctx());
    expect((await save("1", "80")).status).toBe(302);
    expect(adult(await dashboard(a.slug, token))).toMatchObject({ percent: 75, met: false, threshold: 80, shortfall: 0.2 });
    expect((await save("1", "60")).status).toBe(409);
    const bad = await save("2", "150");
    expect((bad.data as { error: Record<string, string[]> }).error.thresholdAdultWorkers).toEqual(["The adult workers threshold must be between 1 and 100"]);
  });

  it("shows readiness on go-live day from the dated records", async () => {
    const a = await createAuthority(t.db, { actualGoLive: "2020-09-01" });
    const { token } = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const posts = await Promise.all(Array.from({ length: 16 }, () => createPost(t.db, a.id)));
    for (const [i, p] of posts.entries()) if (i < 13) await createAppointment(t.db, p, { startDate: "2020-08-01", lastDay: i < 2 ? "2021-06-30" : null });
    const d = await dashboard(a.slug, token, undefined, "2022-01-01");
    expect(d.goLive).toMatchObject({ date: "2020-09-01", actual: true, criteria: [expect.objectContaining({ key: "adult-workers", numerator: 13, denominator: 16, percent: 81.3, met: true }), expect.anything(), expect.anything()] });
    expect(adult(d)).toMatchObject({ numerator: 11, percent: 68.8, met: false });
    expect(d.gaps.adultWorkers.rows.filter((r) => r.closesGap)).toHaveLength(1);
  });

  it("answers with the same number of queries for ten times the posts, holders and staff", async () => {
    const make = async (n: number) => {
      const a = await createAuthority(t.db);
      const { token } = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
      for (let i = 0; i < n; i++) {
        const p = await createPost(t.db, a.id);
        await createAppointment(t.db, p, { startDate: "2021-01-01" });
      }
      await t.db.insert(staffMember).values(Array.from({ length: n * 5 }, (_, i) => ({ authorityId: a.id, externalRef: `S${i}`, name: `Person ${i}`, discipline: "social-worker", startDate: "2020-01-01" })));
      return { a, token };
    };
    const small = await make(2);
    const large = await make(20);
    const run = async (x: { a: { slug: string }; token: string }) => (await countQueries(() => call(dashboardLoader, getRequest(`/a/${x.a.slug}`, { token: x.token }), { slug: x.a.slug }, ctx()))).queries;
    const q1 = await run(small);
    const q10 = await run(large);
    expect(q1).toBeGreaterThan(0);
    expect(q10).toBe(q1);
  });
});
