import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ABSOLUTE_LIFETIME_MS, INACTIVITY_TIMEOUT_MS } from "~/auth/session-policy";
import { action as accountAction } from "~/routes/account";
import { loader as homeLoader } from "~/routes/_index";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { action as signInAction } from "~/routes/sign-in";
import { action as signOutAction } from "~/routes/sign-out";
import { auditEvent, emailMessage, session } from "../../db/schema";
import { createSignedInUser, createUser, TEST_PASSWORD } from "../factories";
import { createSession } from "~/auth/session.server";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, sessionTokenFrom } from "../helpers/requests";

const t = useTestDatabase();
const T0 = new Date("2026-11-23T09:00:00Z");
const at = (ms: number) => () => new Date(T0.getTime() + ms);

async function signInWith(email: string, password: string, ctx = testContext(t.db)) {
  return call(signInAction, postRequest("/sign-in", { email, password, redirectTo: "/a/somewhere" }), {}, ctx);
}

async function homeStatus(token: string, now: () => Date) {
  return (await call(homeLoader, getRequest("/", { token }), {}, testContext(t.db, { now }))).status;
}

describe("signing in", () => {
  it("signs in with the right password: an HttpOnly, SameSite=Lax cookie and a hashed session", async () => {
    const user = await createUser(t.db);
    const res = await signInWith(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/a/somewhere");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^fs_session=[^;]+\.[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const token = sessionTokenFrom(res.headers)!;
    const [id, secret] = token.split(".");
    const [row] = await t.db.select().from(session).where(eq(session.id, id));
    expect(row.userId).toBe(user.id);
    expect(row.secretHash).not.toContain(secret);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await homeStatus(token, () => new Date())).toBe(200);
  });

  it("marks the cookie Secure and __Host- when the service runs on https", async () => {
    const user = await createUser(t.db);
    const ctx = testContext(t.db);
    const res = await signInWith(user.email, TEST_PASSWORD, { ...ctx, env: { ...ctx.env, APP_URL: "https://fs.example.org" } });
    expect(res.headers.get("Set-Cookie")).toMatch(/^__Host-fs_session=.*; Secure$/);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const user = await createUser(t.db);
    const wrong = await signInWith(user.email, "not the password at all");
    const unknown = await signInWith("nobody-here@example.test", "not the password at all");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const errorsOf = (o: typeof wrong) => (o.data as { error: unknown }).error;
    expect(errorsOf(wrong)).toEqual({ email: ["Enter a correct email address and password"] });
    expect(errorsOf(unknown)).toEqual(errorsOf(wrong));
    const failures = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, "user.sign-in-failed"), eq(auditEvent.actorLabel, user.email)));
    expect(failures).toHaveLength(1);
  });

  it("validates the form beside its fields", async () => {
    const res = await call(signInAction, postRequest("/sign-in", { email: "not-an-email", password: "" }), {}, testContext(t.db));
    expect(res.status).toBe(400);
    expect((res.data as { error: Record<string, string[]> }).error).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
      password: ["Enter your password"],
    });
  });

  it("rate-limits per email, with the same 429 whether or not the account exists", async () => {
    const user = await createUser(t.db);
    for (const email of [user.email, "ghost-account@example.test"]) {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await signInWith(email, "wrong password here")).status);
      expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
      expect(statuses[10]).toBe(429);
    }
    // Even the right password is refused while the limit holds.
    expect((await signInWith(user.email, TEST_PASSWORD)).status).toBe(429);
  });

  it("rate-limits per IP across many emails", async () => {
    const ctx = testContext(t.db);
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) statuses.push((await signInWith(`spray-${i}@example.test`, "wrong password here", ctx)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses[50]).toBe(429);
  });

  it("refuses a safe-looking redirect to another site", async () => {
    const user = await createUser(t.db);
    const res = await call(signInAction, postRequest("/sign-in", { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/steal" }), {}, testContext(t.db));
    expect(res.location).toBe("/");
  });
});

describe("sessions", () => {
  it("end after two hours without activity", async () => {
    const { user } = await createSignedInUser(t.db);
    const { token } = await createSession(t.db, user.id, T0);
    expect(await homeStatus(token, at(INACTIVITY_TIMEOUT_MS - 1000))).toBe(200);
    // That request counted as activity: another two hours from it.
    expect(await homeStatus(token, at(2 * INACTIVITY_TIMEOUT_MS - 2000))).toBe(200);
    expect(await homeStatus(token, at(3 * INACTIVITY_TIMEOUT_MS))).toBe(302);
    const rows = await t.db.select().from(session).where(eq(session.id, token.split(".")[0]));
    expect(rows).toEqual([]);
  });

  it("end twelve hours after sign-in however active", async () => {
    const { user } = await createSignedInUser(t.db);
    const { token } = await createSession(t.db, user.id, T0);
    for (let h = 1; h < 12; h++) expect(await homeStatus(token, at(h * 60 * 60 * 1000))).toBe(200);
    expect(await homeStatus(token, at(ABSOLUTE_LIFETIME_MS))).toBe(302);
  });

  it("reject a tampered or malformed token", async () => {
    const { token } = await createSignedInUser(t.db);
    const [id, secret] = token.split(".");
    const flipped = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    for (const bad of [`${id}.${flipped}`, `${id}.`, id, `.${secret}`, `${id}x.${secret}`, "", "a".repeat(500)]) {
      expect(await homeStatus(bad, () => new Date())).toBe(302);
    }
    expect(await homeStatus(token, () => new Date())).toBe(200);
  });

  it("end on sign-out", async () => {
    const { token } = await createSignedInUser(t.db);
    const res = await call(signOutAction, postRequest("/sign-out", {}, { token }), {}, testContext(t.db));
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await homeStatus(token, () => new Date())).toBe(302);
  });

  it("all end when the password is changed, except the new one", async () => {
    const { user, token: elsewhere } = await createSignedInUser(t.db);
    const { token } = await createSession(t.db, user.id, new Date());
    const ctx = testContext(t.db);
    const res = await call(
      accountAction,
      postRequest("/account", { intent: "password", currentPassword: TEST_PASSWORD, password: "a much better password", confirmPassword: "a much better password" }, { token }),
      {},
      ctx,
    );
    expect(res.status).toBe(302);
    const fresh = sessionTokenFrom(res.headers)!;
    expect(await homeStatus(elsewhere, () => new Date())).toBe(302);
    expect(await homeStatus(token, () => new Date())).toBe(302);
    expect(await homeStatus(fresh, () => new Date())).toBe(200);
  });

  it("keep the password when the current one is wrong", async () => {
    const { token } = await createSignedInUser(t.db);
    const res = await call(
      accountAction,
      postRequest("/account", { intent: "password", currentPassword: "wrong wrong wrong", password: "a much better password", confirmPassword: "a much better password" }, { token }),
      {},
      testContext(t.db),
    );
    expect(res.status).toBe(422);
    expect((res.data as { error: Record<string, string[]> }).error.currentPassword).toEqual(["Enter your current password"]);
    expect(await homeStatus(token, () => new Date())).toBe(200);
  });
});

describe("forgotten password", () => {
  async function latestEmailTo(email: string) {
    const [row] = await t.db.select().from(emailMessage).where(eq(emailMessage.toAddress, email)).orderBy(desc(emailMessage.createdAt)).limit(1);
    return row;
  }
  const linkIn = (html: string) => /href="http:\/\/localhost:3000\/reset-password\/([^"]+)"/.exec(html)![1];

  it("emails a one-time link, ends every other session and signs the person in", async () => {
    const { user, token: oldSession } = await createSignedInUser(t.db);
    const res = await call(forgotAction, postRequest("/forgot-password", { email: user.email }), {}, testContext(t.db));
    expect(res.data).toEqual({ sent: true, email: user.email });
    const email = await latestEmailTo(user.email);
    expect(email).toMatchObject({ subject: "Reset your Family Safeguarding tracker password", tag: "password-reset", transport: "outbox", status: "stored" });
    const token = linkIn(email.html);

    // Looking at the page does not use the link.
    for (let i = 0; i < 2; i++) expect((await call(resetLoader, getRequest(`/reset-password/${token}`), { token }, testContext(t.db))).data).toEqual({ valid: true });

    const mismatch = await call(resetAction, postRequest(`/reset-password/${token}`, { password: "brand new password", confirmPassword: "brand new passw0rd" }), { token }, testContext(t.db));
    expect(mismatch.status).toBe(400);
    expect((mismatch.data as { error: Record<string, string[]> }).error).toEqual({ confirmPassword: ["The passwords do not match"] });

    const common = await call(resetAction, postRequest(`/reset-password/${token}`, { password: "QwertyUiop", confirmPassword: "QwertyUiop" }), { token }, testContext(t.db));
    expect(common.status).toBe(422);
    expect((common.data as { error: Record<string, string[]> }).error.password[0]).toContain("too common");

    const done = await call(resetAction, postRequest(`/reset-password/${token}`, { password: "brand new password", confirmPassword: "brand new password" }), { token }, testContext(t.db));
    expect(done.status).toBe(302);
    expect(await homeStatus(sessionTokenFrom(done.headers)!, () => new Date())).toBe(200);
    expect(await homeStatus(oldSession, () => new Date())).toBe(302);
    expect((await signInWith(user.email, "brand new password")).status).toBe(302);

    const again = await call(resetAction, postRequest(`/reset-password/${token}`, { password: "another new password", confirmPassword: "another new password" }), { token }, testContext(t.db));
    expect(again.status).toBe(422);
    expect((again.data as { error: Record<string, string[]> }).error[""]).toEqual(["This link has already been used or has expired."]);
  });

  it("says the same for an unknown address and sends nothing", async () => {
    const res = await call(forgotAction, postRequest("/forgot-password", { email: "no-account-here@example.test" }), {}, testContext(t.db));
    expect(res.data).toEqual({ sent: true, email: "no-account-here@example.test" });
    expect(await latestEmailTo("no-account-here@example.test")).toBeUndefined();
  });

  it("stops working after an hour", async () => {
    const user = await createUser(t.db);
    await call(forgotAction, postRequest("/forgot-password", { email: user.email }), {}, testContext(t.db, { now: () => T0 }));
    const token = linkIn((await latestEmailTo(user.email)).html);
    const later = testContext(t.db, { now: at(60 * 60 * 1000 + 1) });
    expect((await call(resetLoader, getRequest(`/reset-password/${token}`), { token }, later)).data).toEqual({ valid: false });
    const res = await call(resetAction, postRequest(`/reset-password/${token}`, { password: "brand new password", confirmPassword: "brand new password" }), { token }, later);
    expect(res.status).toBe(422);
  });
});
