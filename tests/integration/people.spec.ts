import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as homeLoader } from "~/routes/_index";
import { action as peopleAction, loader as peopleLoader } from "~/routes/a.$slug.settings.people";
import { action as acceptAction, loader as acceptLoader } from "~/routes/invitations.$token";
import { appUser, auditEvent, membership, verification } from "../../db/schema";
import { addMembership, createAuthority, createSignedInUser, createUser, TEST_PASSWORD } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { latestEmailTo, linkToken } from "../helpers/email";
import { call, getRequest, postRequest, sessionTokenFrom } from "../helpers/requests";
import { createSession } from "~/auth/session.server";

const t = useTestDatabase();
const ctx = () => testContext(t.db);

async function setup() {
  const a = await createAuthority(t.db);
  const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
  return { a, pm };
}

function peoplePost(slug: string, token: string, form: Record<string, string>) {
  return call(peopleAction, postRequest(`/a/${slug}/settings/people`, form, { token }), { slug }, ctx());
}

async function invite(slug: string, token: string, email: string, role: string) {
  return peoplePost(slug, token, { intent: "invite", email, role });
}

describe("inviting people", () => {
  it("emails an invitation; the link shows it without using it; accepting creates the account, joins and signs in; a second use fails", async () => {
    const { a, pm } = await setup();
    const res = await invite(a.slug, pm.token, "New.Person@Example.test", "contributor");
    expect(res.status).toBe(302);
    const email = await latestEmailTo(t.db, "new.person@example.test");
    expect(email.subject).toBe(`You have been invited to ${a.name} on the Family Safeguarding tracker`);
    expect(email.authorityId).toBe(a.id);
    expect(email.text).toContain("as contributor");
    const token = linkToken(email.html, "invitations");
    const [stored] = await t.db.select().from(verification).where(eq(verification.authorityId, a.id));
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    for (let i = 0; i < 2; i++) {
      const view = await call(acceptLoader, getRequest(`/invitations/${token}`), { token }, ctx());
      expect(view.data).toMatchObject({ invitation: { email: "new.person@example.test", authorityName: a.name, roleLabel: "Contributor", hasAccount: false } });
    }

    const short = await call(acceptAction, postRequest(`/invitations/${token}`, { hasAccount: "no", name: "New Person", password: "short", confirmPassword: "short" }), { token }, ctx());
    expect(short.status).toBe(400);
    expect((short.data as { error: Record<string, string[]> }).error.password).toEqual(["Password must be 10 characters or more"]);

    const accepted = await call(acceptAction, postRequest(`/invitations/${token}`, { hasAccount: "no", name: "New Person", password: "a long enough password", confirmPassword: "a long enough password" }), { token }, ctx());
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/a/${a.slug}`);
    const session = sessionTokenFrom(accepted.headers)!;
    const home = await call(homeLoader, getRequest("/", { token: session }), {}, ctx());
    expect((home.data as { authorities: Array<{ slug: string; role: string }> }).authorities).toEqual([expect.objectContaining({ slug: a.slug, role: "Contributor" })]);

    const again = await call(acceptAction, postRequest(`/invitations/${token}`, { hasAccount: "no", name: "Someone Else", password: "another long password", confirmPassword: "another long password" }), { token }, ctx());
    expect(again.status).toBe(422);
    const users = await t.db.select().from(appUser).where(eq(appUser.email, "new.person@example.test"));
    expect(users).toHaveLength(1);
    expect(users[0].name).toBe("New Person");
    const view = await call(acceptLoader, getRequest(`/invitations/${token}`), { token }, ctx());
    expect(view.data).toEqual({ invitation: null });

    const actions = (await t.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.authorityId, a.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["invitation.sent", "user.created", "invitation.accepted"]));
  });

  it("lets an existing account join with its own password, and keeps the link when the password is wrong", async () => {
    const { a, pm } = await setup();
    const existing = await createUser(t.db);
    await invite(a.slug, pm.token, existing.email, "viewer");
    const token = linkToken((await latestEmailTo(t.db, existing.email)).html, "invitations");
    const view = await call(acceptLoader, getRequest(`/invitations/${token}`), { token }, ctx());
    expect(view.data).toMatchObject({ invitation: { hasAccount: true } });
    const wrong = await call(acceptAction, postRequest(`/invitations/${token}`, { hasAccount: "yes", password: "not my password" }), { token }, ctx());
    expect(wrong.status).toBe(422);
    expect((wrong.data as { error: Record<string, string[]> }).error.password).toEqual(["Enter the password of your existing account"]);
    const right = await call(acceptAction, postRequest(`/invitations/${token}`, { hasAccount: "yes", password: TEST_PASSWORD }), { token }, ctx());
    expect(right.status).toBe(302);
    const [m] = await t.db.select().from(membership).where(and(eq(membership.userId, existing.id), eq(membership.authorityId, a.id)));
    expect(m.role).toBe("viewer");
  });

  it("re-sending makes the old link stop working; withdrawing stops the new one", async () => {
    const { a, pm } = await setup();
    await invite(a.slug, pm.token, "resend-me@example.test", "viewer");
    const first = linkToken((await latestEmailTo(t.db, "resend-me@example.test")).html, "invitations");
    const [inv] = await t.db.select().from(verification).where(eq(verification.authorityId, a.id));
    expect((await peoplePost(a.slug, pm.token, { intent: "resend", invitationId: inv.id })).status).toBe(302);
    const second = linkToken((await latestEmailTo(t.db, "resend-me@example.test")).html, "invitations");
    expect(second).not.toBe(first);
    expect((await call(acceptLoader, getRequest(`/invitations/${first}`), { token: first }, ctx())).data).toEqual({ invitation: null });
    expect((await call(acceptLoader, getRequest(`/invitations/${second}`), { token: second }, ctx())).data).toMatchObject({ invitation: { email: "resend-me@example.test" } });
    expect((await peoplePost(a.slug, pm.token, { intent: "revoke", invitationId: inv.id })).status).toBe(302);
    expect((await call(acceptLoader, getRequest(`/invitations/${second}`), { token: second }, ctx())).data).toEqual({ invitation: null });
  });

  it("expires invitations after seven days", async () => {
    const { a, pm } = await setup();
    await invite(a.slug, pm.token, "slow-reader@example.test", "viewer");
    const token = linkToken((await latestEmailTo(t.db, "slow-reader@example.test")).html, "invitations");
    const later = testContext(t.db, { now: () => new Date(Date.now() + 7 * 24 * 3600 * 1000 + 60_000) });
    expect((await call(acceptLoader, getRequest(`/invitations/${token}`), { token }, later)).data).toEqual({ invitation: null });
  });

  it("validates the invitation form and refuses an existing member", async () => {
    const { a, pm } = await setup();
    const bad = await invite(a.slug, pm.token, "nope", "emperor");
    expect(bad.status).toBe(400);
    expect((bad.data as { error: Record<string, string[]> }).error).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
      role: ["Select a role"],
    });
    const member = await createUser(t.db);
    await addMembership(t.db, member.id, a.id, "viewer");
    const dup = await invite(a.slug, pm.token, member.email, "viewer");
    expect(dup.status).toBe(422);
    expect((dup.data as { error: Record<string, string[]> }).error.email[0]).toContain("is already a member");
  });

  it("lets a national admin invite programme managers only; other roles cannot invite", async () => {
    const { a } = await setup();
    const admin = await createSignedInUser(t.db, { nationalRole: "national-admin" });
    expect((await invite(a.slug, admin.token, "new-pm@example.test", "programme-manager")).status).toBe(302);
    expect((await invite(a.slug, admin.token, "new-viewer@example.test", "viewer")).status).toBe(403);
    const page = await call(peopleLoader, getRequest(`/a/${a.slug}/settings/people`, { token: admin.token }), { slug: a.slug }, ctx());
    expect((page.data as { members: unknown[]; invitableRoles: Array<{ value: string }> }).members).toEqual([]);
    expect((page.data as { invitableRoles: Array<{ value: string }> }).invitableRoles.map((r) => r.value)).toEqual(["programme-manager"]);
    for (const role of ["contributor", "viewer", "board-member"] as const) {
      const u = await createSignedInUser(t.db, { authorityId: a.id, role });
      expect((await invite(a.slug, u.token, `x-${role}@example.test`, "viewer")).status).toBe(403);
    }
    const viewer = await createSignedInUser(t.db, { nationalRole: "national-viewer" });
    expect((await invite(a.slug, viewer.token, "y@example.test", "programme-manager")).status).toBe(403);
  });
});

describe("managing members", () => {
  it("changes a role, and refuses a change made on a stale page", async () => {
    const { a, pm } = await setup();
    const u = await createUser(t.db);
    const m = await addMembership(t.db, u.id, a.id, "viewer");
    const first = await peoplePost(a.slug, pm.token, { intent: "change-role", membershipId: m.id, role: "contributor", version: String(m.version) });
    expect(first.status).toBe(302);
    const stale = await peoplePost(a.slug, pm.token, { intent: "change-role", membershipId: m.id, role: "board-member", version: String(m.version) });
    expect(stale.status).toBe(409);
    expect((stale.data as { error: Record<string, string[]> }).error[""][0]).toContain("changed by someone else");
    const [now] = await t.db.select().from(membership).where(eq(membership.id, m.id));
    expect(now).toMatchObject({ role: "contributor", version: 2 });
    const [audit] = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, "membership.role-changed"), eq(auditEvent.entityId, m.id)));
    expect(audit).toMatchObject({ before: { email: u.email, role: "viewer" }, after: { email: u.email, role: "contributor" }, actorUserId: pm.user.id });
  });

  it("removes a member and ends their sessions at once", async () => {
    const { a, pm } = await setup();
    const u = await createSignedInUser(t.db, { authorityId: a.id, role: "contributor" });
    const [m] = await t.db.select().from(membership).where(eq(membership.userId, u.user.id));
    expect((await call(homeLoader, getRequest("/", { token: u.token }), {}, ctx())).status).toBe(200);
    expect((await peoplePost(a.slug, pm.token, { intent: "remove", membershipId: m.id })).status).toBe(302);
    expect((await call(homeLoader, getRequest("/", { token: u.token }), {}, ctx())).status).toBe(302);
    expect(await t.db.select().from(membership).where(eq(membership.id, m.id))).toEqual([]);
  });

  it("keeps at least one programme manager", async () => {
    const { a, pm } = await setup();
    const [mine] = await t.db.select().from(membership).where(eq(membership.userId, pm.user.id));
    const demote = await peoplePost(a.slug, pm.token, { intent: "change-role", membershipId: mine.id, role: "viewer", version: String(mine.version) });
    expect(demote.status).toBe(422);
    const remove = await peoplePost(a.slug, pm.token, { intent: "remove", membershipId: mine.id });
    expect(remove.status).toBe(422);
  });

  it("cannot touch another authority's members or invitations (404)", async () => {
    const { a, pm } = await setup();
    const other = await setup();
    const u = await createUser(t.db);
    const theirs = await addMembership(t.db, u.id, other.a.id, "viewer");
    await invite(other.a.slug, other.pm.token, "theirs@example.test", "viewer");
    const [inv] = await t.db.select().from(verification).where(eq(verification.authorityId, other.a.id));
    // Posting to my own authority with their ids: not found in mine.
    expect((await peoplePost(a.slug, pm.token, { intent: "remove", membershipId: theirs.id })).status).toBe(404);
    expect((await peoplePost(a.slug, pm.token, { intent: "change-role", membershipId: theirs.id, role: "contributor", version: "1" })).status).toBe(404);
    expect((await peoplePost(a.slug, pm.token, { intent: "revoke", invitationId: inv.id })).status).toBe(404);
    expect((await peoplePost(a.slug, pm.token, { intent: "resend", invitationId: inv.id })).status).toBe(404);
    // Posting to their authority: not a member there.
    expect((await peoplePost(other.a.slug, pm.token, { intent: "remove", membershipId: theirs.id })).status).toBe(404);
    expect(await t.db.select().from(membership).where(eq(membership.id, theirs.id))).toHaveLength(1);
  });

  it("a board member of one authority is a stranger in another", async () => {
    const { a } = await setup();
    const other = await setup();
    const board = await createSignedInUser(t.db, { authorityId: a.id, role: "board-member" });
    const res = await call(peopleLoader, getRequest(`/a/${other.a.slug}/settings/people`, { token: board.token }), { slug: other.a.slug }, ctx());
    expect(res.status).toBe(404);
    const { token } = await createSession(t.db, board.user.id, new Date());
    expect((await call(peopleLoader, getRequest(`/a/${a.slug}/settings/people`, { token }), { slug: a.slug }, ctx())).status).toBe(403);
  });
});
