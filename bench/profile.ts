/**
 * Profiling one page under load, outside the bench's full run.
 *
 *   npx tsx bench/profile.ts prepare <dir>        a PGlite folder with the bench's national dataset
 *                                                 (BENCH_* volumes as in run.ts) and <dir>/tokens.json
 *   npx tsx bench/profile.ts load <dir> <url>     starts build/server.js on it, warms up, drives <url>
 *                                                 with 20 connections for BENCH_DURATION (8) seconds,
 *                                                 prints req/s, p95 and peak RSS; PROFILE=1 also
 *                                                 writes a V8 CPU profile to <dir>/profiles/
 *
 * `npm run build` first. The signed-in user follows the URL: /national and /api are the national
 * admin (the API by bearer token), everything else Walsall's programme manager.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { appUser } from "../db/schema";
import { seedDemo } from "../db/seed/demo";
import { createSession } from "../app/auth/session.server";
import { createApiTokenFor } from "../tests/factories/api";
import { createBenchAuthorities, type Volume } from "./dataset";
import { serveNodeFlags } from "./serve";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function prepare(dir: string) {
  const handle = await openDatabase({ kind: "pglite", dataDir: dir });
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  const volume: Volume = {
    posts: num("BENCH_POSTS", 40),
    staff: num("BENCH_STAFF", 300),
    attendance: num("BENCH_ATTENDANCE", 5000),
    indicators: num("BENCH_INDICATORS", 60),
    months: num("BENCH_MONTHS", 60),
    signatures: 16,
    milestones: 30,
    risks: 20,
  };
  await createBenchAuthorities(handle.db, num("BENCH_AUTHORITIES", 150), volume, "Bench");
  await handle.db.execute(sql`analyze`);
  const user = async (email: string) => (await handle.db.select({ id: appUser.id, email: appUser.email }).from(appUser).where(eq(appUser.email, email)))[0]!;
  const pm = await user("pm.walsall@example.com");
  const admin = await user("national.admin@example.com");
  const now = new Date();
  // Sessions far from expiry: a prepared folder is reused for days.
  const tokens = {
    pm: (await createSession(handle.db, pm.id, now)).token,
    admin: (await createSession(handle.db, admin.id, now)).token,
    api: await createApiTokenFor(handle.db, admin, { name: "Profile" }),
  };
  writeFileSync(path.join(dir, "tokens.json"), JSON.stringify(tokens));
  await handle.close();
  console.log(`Prepared ${dir}`);
}

function rssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function load(dir: string, url: string) {
  const tokens = JSON.parse(readFileSync(path.join(dir, "tokens.json"), "utf8"));
  const headers: Record<string, string> = url.startsWith("/api/")
    ? { authorization: `Bearer ${tokens.api}` }
    : { cookie: `fs_session=${url.startsWith("/national") ? tokens.admin : tokens.pm}` };
  const profiles = path.join(dir, "profiles");
  mkdirSync(profiles, { recursive: true });
  const port = 3900 + Math.floor(Math.random() * 90);
  const flags = [...serveNodeFlags(), ...(process.env.PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profiles}`] : []), ...(process.env.NODE_FLAGS?.split(" ").filter(Boolean) ?? [])];
  const child = spawn(process.execPath, [...flags, "build/server.js"], {
    env: { ...process.env, DATA_DIR: dir, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: `http://localhost:${port}`, DEMO_DATA: "false", TWO_FACTOR: "optional", API_RATE_LIMIT: "100000" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const first = await fetch(base + url, { headers, redirect: "manual" });
  if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
  console.log(`at start: ${(rssKb(child.pid!) / 1024).toFixed(0)} MB peak RSS after one request`);
  await autocannon({ url: base + url, connections: 20, duration: 2, headers });
  const r = await autocannon({ url: base + url, connections: 20, duration: num("BENCH_DURATION", 8), headers, timeout: 60 });
  console.log(`${url}: ${(r.requests.total / r.duration).toFixed(1)} req/s, p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}, peak RSS ${(rssKb(child.pid!) / 1024).toFixed(0)} MB`);
  // SIGINT lets --cpu-prof write its profile.
  child.kill("SIGINT");
  await new Promise((r) => child.once("exit", r));
}

const [command, dir, url] = process.argv.slice(2);
if (command === "prepare" && dir) await prepare(path.resolve(dir));
else if (command === "load" && dir && url) await load(path.resolve(dir), url);
else {
  console.error("Usage: tsx bench/profile.ts prepare <dir> | load <dir> <url>");
  process.exit(2);
}
