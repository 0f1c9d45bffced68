import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "~/auth/rate-limit.server";
import { createUser } from "../../factories";
import { serverDatabaseEnv, useTestDatabase } from "../../helpers/db";

/**
 * Two production servers (separate processes) on one PostgreSQL database, as behind a load
 * balancer: a session made on one works on the other, and the sign-in rate limit counts attempts
 * on both — nothing lives only in a process's memory. PostgreSQL only (this folder runs in the
 * integration-postgres project alone): the embedded database refuses a second process by design
 * (tests/integration/embedded).
 */
const APP_URL = "http://localhost:3999";
const t = useTestDatabase();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

interface Instance {
  url: string;
  child: ChildProcess;
}

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ["build/server.js"], {
    env: { ...process.env, NODE_ENV: "production", ...serverDatabaseEnv(), PORT: String(port), HOST: "127.0.0.1", APP_URL, DEMO_DATA: "false", TWO_FACTOR: "optional" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the server did not answer: ${output}`);
}

/** POST /sign-in as a browser behind the balancer would: Host and Origin are the public address. */
function signIn(instance: Instance, email: string, password: string): Promise<{ status: number; cookie: string }> {
  const body = new URLSearchParams({ email, password, redirectTo: "/account" }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      `${instance.url}/sign-in`,
      { method: "POST", headers: { Host: new URL(APP_URL).host, Origin: APP_URL, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, cookie: String(res.headers["set-cookie"]?.[0] ?? "").split(";")[0] }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("two app instances on one PostgreSQL", () => {
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    if (!existsSync("build/server.js")) throw new Error("Build the app first (npm run build; npm test does it)");
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  });

  afterAll(() => {
    a?.child.kill("SIGTERM");
    b?.child.kill("SIGTERM");
  });

  it("a session made on one instance works on the other", async () => {
    const user = await createUser(t.db, { password: "a long enough password 1" });
    const response = await signIn(a, user.email, "a long enough password 1");
    expect(response.status).toBe(302);
    const cookie = response.cookie;
    expect(cookie).toMatch(/fs_session=/);
    const page = await fetch(`${b.url}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(user.email);
  });

  it("failed sign-ins on both instances count towards one limit", async () => {
    const user = await createUser(t.db, { password: "a long enough password 2" });
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.signInPerEmail.max; i++) statuses.push((await signIn(i % 2 ? a : b, user.email, "wrong password")).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    // The next attempt is refused on either instance, even with the right password.
    expect((await signIn(a, user.email, "a long enough password 2")).status).toBe(429);
    expect((await signIn(b, user.email, "a long enough password 2")).status).toBe(429);
  });
});
