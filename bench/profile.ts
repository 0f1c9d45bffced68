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
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";
import { benchVolume, createBenchAuthorities, signInDemoAccounts, wholeNumber } from "./dataset";
import { readVm, startServer } from "./serve";

async function prepare(dir: string) {
  const handle = await openDatabase({ kind: "pglite", dataDir: dir });
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  await createBenchAuthorities(handle.db, wholeNumber("BENCH_AUTHORITIES", 150), benchVolume(), "Bench");
  await handle.db.execute(sql`analyze`);
  // Sessions far from expiry: a prepared folder is reused for days.
  const tokens = await signInDemoAccounts(handle.db, new Date(), "Profile");
  writeFileSync(path.join(dir, "tokens.json"), JSON.stringify(tokens));
  await handle.close();
  console.log(`Prepared ${dir}`);
}

async function load(dir: string, url: string) {
  const tokens = JSON.parse(readFileSync(path.join(dir, "tokens.json"), "utf8"));
  // ANONYMOUS=1: no session, for public pages such as /sign-in.
  const headers: Record<string, string> = process.env.ANONYMOUS
    ? {}
    : url.startsWith("/api/")
      ? { authorization: `Bearer ${tokens.api}` }
      : { cookie: `fs_session=${url.startsWith("/national") ? tokens.admin : tokens.pm}` };
  const profiles = path.join(dir, "profiles");
  mkdirSync(profiles, { recursive: true });
  const flags = [...(process.env.PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profiles}`] : []), ...(process.env.NODE_FLAGS?.split(" ").filter(Boolean) ?? [])];
  const { child, base } = await startServer({ DATA_DIR: dir }, flags);
  try {
    const peakMb = () => (readVm(child.pid!).hwmKb / 1024).toFixed(0);
    const first = await fetch(base + url, { headers, redirect: "manual" });
    if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
    console.log(`at start: ${peakMb()} MB peak RSS after one request`);
    await autocannon({ url: base + url, connections: 20, duration: 2, headers });
    const r = await autocannon({ url: base + url, connections: 20, duration: wholeNumber("BENCH_DURATION", 8), headers, timeout: 60 });
    console.log(`${url}: ${(r.requests.total / r.duration).toFixed(1)} req/s, p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}, peak RSS ${peakMb()} MB`);
  } finally {
    // SIGINT lets --cpu-prof write its profile; the server must not outlive this tool.
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await exited;
  }
}

const [command, dir, url] = process.argv.slice(2);
if (command === "prepare" && dir) await prepare(path.resolve(dir));
else if (command === "load" && dir && url) await load(path.resolve(dir), url);
else {
  console.error("Usage: tsx bench/profile.ts prepare <dir> | load <dir> <url>");
  process.exit(2);
}
