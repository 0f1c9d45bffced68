import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server";
import { action as accountAction } from "~/routes/account";
import { loader as homeLoader } from "~/routes/_index";
import { action as peopleAction } from "~/routes/a.$slug.settings.people";
import { action as verifyAction } from "~/routes/two-factor._index";
import { action as setUpAction, loader as setUpLoader } from "~/routes/two-factor.set-up";
import { currentCode } from "~/services/auth/two-factor.server";
import { twoFactor } from "../../db/schema";
import { createAuthority, createSignedInUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest } from "../helpers/requests";

const t = useTestDatabase();
const T0 = new Date("2026-11-23T09:00:00Z");
const at = (ms = 0) => new Date(T0.getTime() + ms);
function ctx(now: Date, policy: "required" | "optional" = "required") {
  const c = testContext(t.db, { now: () => now });
  return { ...c, env: { ...c.env, TWO_FACTOR: policy } };
}
const home = (token: string, now: Date, policy?: "required" | "optional") => call(homeLoader, getRequest("/", { token }), {}, ctx(now, policy));

async function enrol(token: string, userId: string, now: Date) {
  await call(setUpLoader, getRequest("/two-factor/set-up", { token }), {}, ctx(now));
  const [row] = await t.db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
  const res = await call(setUpAction, postRequest("/two-factor/set-up", { code: currentCode(row.secret, now), redirectTo: "/" }, { token }), {}, ctx(now));
  return { secret: row.secret, recoveryCodes: (res.data as { recoveryCodes: string[] }).recoveryCodes };
}

describe("two-factor sign-in", () => {
  it("makes a programme manager set it up before going on; a contributor may choose", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager", now: at() });
    const contributor = await createSignedInUser(t.db, { authorityId: a.id, role: "contributor", now: at() });
    expect(await home(pm.token, at())).toMatchObject({ status: 302, location: "/two-factor/set-up?redirectTo=%2F" });
    expect((await home(contributor.token, at())).status).toBe(200);
    expect((await home(pm.token, at(), "optional")).status).toBe(200);
    const national = await createSignedInUser(t.db, { nationalRole: "national-viewer", now: at() });
    expect((await home(national.token, at())).location).toBe("/two-factor/set-up?redirectTo=%2F");
  });

  it("enrols with a code from the app, gives ten recovery codes, then asks every new session for a code, each code once", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager", now: at() });
    await call(setUpLoader, getRequest("/two-factor/set-up", { token: pm.token }), {}, ctx(at()));
    const wrong = await call(setUpAction, postRequest("/two-factor/set-up", { code: "000000" }, { token: pm.token }), {}, ctx(at()));
    expect(wrong.status).toBe(422);
    expect((wrong.data as { error: Record<string, string[]> }).error.code).toEqual(["Enter the 6-digit code your authenticator app shows now"]);

    const { secret, recoveryCodes } = await enrol(pm.token, pm.user.id, at());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await home(pm.token, at(1000))).status).toBe(200);

    const { token: second } = await createSession(t.db, pm.user.id, at(60_000));
    expect((await home(second, at(60_000))).location).toBe("/two-factor?redirectTo=%2F");
    // The code already used at enrolment does not work again (replay).
    const replay = await call(verifyAction, postRequest("/two-factor", { code: currentCode(secret, at()), redirectTo: "/" }, { token: second }), {}, ctx(at(20_000)));
    expect(replay.status).toBe(422);
    const ok = await call(verifyAction, postRequest("/two-factor", { code: currentCode(secret, at(60_000)), redirectTo: "/a/x" }, { token: second }), {}, ctx(at(60_000)));
    expect(ok).toMatchObject({ status: 302, location: "/a/x" });
    expect((await home(second, at(61_000))).status).toBe(200);
  });

  it("accepts each recovery code once", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager", now: at() });
    const { recoveryCodes } = await enrol(pm.token, pm.user.id, at());
    const { token: s1 } = await createSession(t.db, pm.user.id, at());
    const { token: s2 } = await createSession(t.db, pm.user.id, at());
    const first = await call(verifyAction, postRequest("/two-factor", { code: recoveryCodes[3].toUpperCase(), redirectTo: "/" }, { token: s1 }), {}, ctx(at()));
    expect(first.status).toBe(302);
    expect(decodeURIComponent(first.headers.get("Set-Cookie") ?? "")).toContain("9 left");
    const again = await call(verifyAction, postRequest("/two-factor", { code: recoveryCodes[3], redirectTo: "/" }, { token: s2 }), {}, ctx(at()));
    expect(again.status).toBe(422);
  });

  it("asks for a fresh code before inviting when the last proof is over fifteen minutes old", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager", now: at() });
    const { secret } = await enrol(pm.token, pm.user.id, at());
    const invite = (now: Date) =>
      call(peopleAction, postRequest(`/a/${a.slug}/settings/people`, { intent: "invite", email: `new-${now.getTime()}@example.test`, role: "viewer" }, { token: pm.token }), { slug: a.slug }, ctx(now));
    expect((await invite(at(60_000))).status).toBe(302);
    const stale = await invite(at(16 * 60_000));
    expect(stale.status).toBe(302);
    expect(stale.location).toMatch(/^\/two-factor\?step-up=1&redirectTo=/);
    await call(verifyAction, postRequest("/two-factor", { code: currentCode(secret, at(17 * 60_000)), redirectTo: "/" }, { token: pm.token }), {}, ctx(at(17 * 60_000)));
    const fresh = await invite(at(17 * 60_000 + 5000));
    expect(fresh.headers.get("Location")).toBe(`/a/${a.slug}/settings/people`);
  });

  it("makes new recovery codes on the account page; a programme manager cannot turn it off while required", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager", now: at() });
    const { recoveryCodes } = await enrol(pm.token, pm.user.id, at());
    const res = await call(accountAction, postRequest("/account", { intent: "new-recovery-codes" }, { token: pm.token }), {}, ctx(at(1000)));
    const fresh = (res.data as { recoveryCodes: string[] }).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    const { token: other } = await createSession(t.db, pm.user.id, at());
    expect((await call(verifyAction, postRequest("/two-factor", { code: recoveryCodes[0], redirectTo: "/" }, { token: other }), {}, ctx(at(2000)))).status).toBe(422);
    expect((await call(accountAction, postRequest("/account", { intent: "turn-off-two-factor" }, { token: pm.token }), {}, ctx(at(3000)))).status).toBe(403);
    // Where it is optional, the person may turn it off.
    expect((await call(accountAction, postRequest("/account", { intent: "turn-off-two-factor" }, { token: pm.token }), {}, ctx(at(3000), "optional"))).status).toBe(302);
    expect(await t.db.select().from(twoFactor).where(eq(twoFactor.userId, pm.user.id))).toEqual([]);
  });
});
