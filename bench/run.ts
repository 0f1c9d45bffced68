/**
 * npm run bench — builds a national-scale database, runs the production server against it and
 * measures throughput and latency per page, queries per request, client JS per route, the 10,000
 * row attendance import and the server's peak memory. Prints a table with PASS/FAIL per budget and
 * writes bench/results/<date>.json. Exits 0 even when a budget fails: it is a report.
 *
 * Environment: BENCH_AUTHORITIES (150), BENCH_POSTS (40), BENCH_STAFF (300), BENCH_ATTENDANCE
 * (5000 per authority), BENCH_INDICATORS (60), BENCH_MONTHS (60), BENCH_DURATION (seconds per
 * target, 8), BENCH_WARMUP (seconds of the same load before each target, not measured, 2),
 * BENCH_CONNECTIONS (20); DATABASE_URL to use PostgreSQL (its schema is WIPED first; the
 * owner's URL) with BENCH_APP_DATABASE_URL (the app's role, for the server it starts)
 * instead of a PGlite folder in the temp directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { countQueries, openDatabase, type Database, type DatabaseHandle, type OpenOptions } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { staffMember, team } from "../db/schema";
import { seedDemo } from "../db/seed/demo";
import { loader as dashboardLoader } from "../app/routes/a.$slug._index";
import { loader as workforceLoader } from "../app/routes/a.$slug.workforce._index";
import { loader as trainingLoader } from "../app/routes/a.$slug.training._index";
import { loader as fundingLoader } from "../app/routes/a.$slug.funding._index";
import { loader as partnershipLoader } from "../app/routes/a.$slug.partnership._index";
import { loader as comparisonLoader } from "../app/routes/national.comparison";
import { loader as reportLoader } from "../app/routes/a.$slug.reports.quarterly.$quarter._index";
import { loader as apiLoader } from "../app/routes/api.v1.authorities._index";
import { action as uploadAction } from "../app/routes/a.$slug.training.import._index";
import { action as confirmAction } from "../app/routes/a.$slug.training.import.$batchId";
import { createAuthority, createSignedInUser } from "../tests/factories";
import { testContext } from "../tests/helpers/context";
import { call, getRequest, postRequest } from "../tests/helpers/requests";
import { uploadRequest } from "../tests/helpers/upload";
import { BUDGET_NO_CHARTS, BUDGET_WITH_CHARTS, clientJs, describeChunk, kB } from "./client-js";
import { benchVolume, createBenchAuthorities, signInDemoAccounts, tableSizes, wholeNumber } from "./dataset";
import { readVm, startServer } from "./serve";

const N = Math.max(10, wholeNumber("BENCH_AUTHORITIES", 150));
const volume = benchVolume();
const DURATION = wholeNumber("BENCH_DURATION", 8);
const CONNECTIONS = wholeNumber("BENCH_CONNECTIONS", 20);
const WARMUP = wholeNumber("BENCH_WARMUP", 2);
const started = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}`);
const ms = (t0: number) => Math.round(performance.now() - t0);

interface Target {
  name: string;
  url: string;
  as: "pm" | "admin" | "api" | "none";
  loader?: Parameters<typeof call>[0];
  params?: Record<string, string>;
  /** Remix route id, for the client JS. */
  route?: string;
}

const TARGETS: Target[] = [
  { name: "trivial /healthz", url: "/healthz", as: "none" },
  { name: "dashboard", url: "/a/walsall", as: "pm", loader: dashboardLoader, params: { slug: "walsall" }, route: "routes/a.$slug._index" },
  { name: "workforce", url: "/a/walsall/workforce", as: "pm", loader: workforceLoader, params: { slug: "walsall" }, route: "routes/a.$slug.workforce._index" },
  { name: "training", url: "/a/walsall/training", as: "pm", loader: trainingLoader, params: { slug: "walsall" }, route: "routes/a.$slug.training._index" },
  { name: "funding", url: "/a/walsall/funding", as: "pm", loader: fundingLoader, params: { slug: "walsall" }, route: "routes/a.$slug.funding._index" },
  { name: "partnership", url: "/a/walsall/partnership", as: "pm", loader: partnershipLoader, params: { slug: "walsall" }, route: "routes/a.$slug.partnership._index" },
  { name: "quarterly report", url: "/a/walsall/reports/quarterly/2021-Q2", as: "pm", loader: reportLoader, params: { slug: "walsall", quarter: "2021-Q2" }, route: "routes/a.$slug.reports.quarterly.$quarter._index" },
  { name: "API /api/v1/authorities", url: "/api/v1/authorities", as: "api", loader: apiLoader, params: {} },
  { name: "national comparison", url: "/national/comparison", as: "admin", loader: comparisonLoader, params: {}, route: "routes/national.comparison" },
];

async function openFresh(): Promise<{ options: OpenOptions; serverEnv: Record<string, string>; cleanup: () => void }> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const handle = await openDatabase({ kind: "postgres", url, maxConnections: 1 });
    // A fresh database: the bench owns this one (never point it at a database you want to keep).
    await handle.db.execute(sql`drop schema if exists drizzle cascade`);
    await handle.db.execute(sql`drop schema public cascade`);
    await handle.db.execute(sql`create schema public`);
    await handle.close();
    // The bench writes every authority's rows as the owner (maintenance scope, ADR 0008); the server
    // it starts connects as the app's role, BENCH_APP_DATABASE_URL, and migrates as the owner.
    const appUrl = process.env.BENCH_APP_DATABASE_URL ?? url;
    return {
      options: { kind: "postgres", url, maxConnections: 4, settings: { "app.scope": "maintenance" } },
      serverEnv: { DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: url },
      cleanup: () => {},
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "fs-bench-"));
  return { options: { kind: "pglite", dataDir: dir }, serverEnv: { DATA_DIR: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}


/** Each page's loader in-process: its queries, and how long one (warm) call took (ms; no load). */
async function queryCounts(db: Database, tokens: { pm: string; admin: string; api: string }): Promise<{ queries: Record<string, number>; ms: Record<string, number> }> {
  const out: Record<string, number> = {};
  const time: Record<string, number> = {};
  for (const t of TARGETS) {
    if (!t.loader) continue;
    const req = t.as === "api" ? getRequest(t.url, { bearer: tokens.api }) : getRequest(t.url, { token: t.as === "admin" ? tokens.admin : tokens.pm });
    // Once uncounted first: the session's occasional "last seen" update is not the page's.
    await call(t.loader!, req.clone(), t.params ?? {}, testContext(db));
    const t0 = performance.now();
    const { result, queries } = await countQueries(() => call(t.loader!, req, t.params ?? {}, testContext(db)));
    time[t.name] = ms(t0);
    if (result.status !== 200) throw new Error(`${t.url} answered ${result.status} in-process`);
    out[t.name] = queries;
  }
  return { queries: out, ms: time };
}

/** 10,000 attendance rows (500 people × 20 sessions) through the import service: upload and preview, then confirm. */
async function importBench(db: Database): Promise<{ rows: number; uploadMs: number; confirmMs: number; totalMs: number }> {
  const a = await createAuthority(db, { name: "Bench import authority" });
  await db.insert(team).values({ authorityId: a.id, name: "FS team 1", sortOrder: 0 });
  const { token } = await createSignedInUser(db, { authorityId: a.id, role: "contributor" });
  const people = 500;
  await db.insert(staffMember).values(Array.from({ length: people }, (_, i) => ({ authorityId: a.id, externalRef: `IMP-${i}`, name: `Person ${i}`, discipline: "social-worker", startDate: "2020-01-01" })));
  const courses = ["mi", "ws1", "ws2", "ws3", "ws4"];
  const lines = ["external_ref,course,session_date,end_date,status,mode"];
  for (let s = 0; s < 20; s++) {
    const date = `2021-${String((s % 12) + 1).padStart(2, "0")}-${String(1 + Math.floor(s / 12) * 14).padStart(2, "0")}`;
    for (let p = 0; p < people; p++) lines.push(`IMP-${p},${courses[s % courses.length]},${date},,${p % 13 === 0 ? "did not attend" : "attended"},virtual`);
  }
  const ctx = testContext(db);
  const t0 = performance.now();
  const up = await call(uploadAction, uploadRequest(`/a/${a.slug}/training/import`, { name: "attendance.csv", content: lines.join("\n") }, { kind: "attendance" }, { token }), { slug: a.slug }, ctx);
  if (up.status !== 302) throw new Error(`attendance upload answered ${up.status}: ${JSON.stringify(up.data).slice(0, 400)}`);
  const batchId = up.location!.split("/").pop()!;
  const uploadMs = ms(t0);
  const t1 = performance.now();
  const done = await call(confirmAction, postRequest(`/a/${a.slug}/training/import/${batchId}`, { intent: "confirm" }, { token }), { slug: a.slug, batchId }, ctx);
  if (done.status !== 302) throw new Error(`attendance confirm answered ${done.status}: ${JSON.stringify(done.data).slice(0, 400)}`);
  const confirmMs = ms(t1);
  return { rows: lines.length - 1, uploadMs, confirmMs, totalMs: uploadMs + confirmMs };
}

/** Waits until the server has worked off requests still queued from the last target (autocannon stops waiting; the server does not). */
async function settle(base: string): Promise<void> {
  const t0 = performance.now();
  while (performance.now() - t0 < 300_000) {
    const s = performance.now();
    try {
      await (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(300_000) })).arrayBuffer();
    } catch {
      return;
    }
    if (performance.now() - s < 50) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  log("warning: the server was still busy 5 minutes after the last target; the next figures are pessimistic");
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface LoadResult {
  name: string;
  url: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  ratio: number;
}

async function load(base: string, t: Target, headers: Record<string, string>): Promise<Omit<LoadResult, "ratio">> {
  // Two requests first so the page's code and query plans are warm.
  for (let i = 0; i < 2; i++) {
    const res = await fetch(base + t.url, { headers, redirect: "manual", signal: AbortSignal.timeout(180_000) });
    if (res.status !== 200) throw new Error(`${t.url} answered ${res.status} before the load (signed in as ${t.as})`);
    await res.arrayBuffer();
  }
  // Then a short burst of the same load, not measured: the first second of a run is spent
  // compiling the page's code (JIT) and would be counted against it otherwise.
  if (WARMUP > 0) await autocannon({ url: base + t.url, connections: CONNECTIONS, duration: WARMUP, timeout: 60, headers });
  const times: number[] = [];
  const result = await autocannon({
    url: base + t.url,
    connections: CONNECTIONS,
    duration: DURATION,
    // Long enough that a slow page's requests are measured, not abandoned and sent again.
    timeout: 60,
    headers,
    setupClient: (client) => {
      client.on("response", (_status: number, _bytes: number, responseTime: number) => times.push(responseTime));
    },
  });
  times.sort((a, b) => a - b);
  return {
    name: t.name,
    url: t.url,
    requests: result.requests.total,
    reqPerSec: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50: round1(percentile(times, 50)),
    p95: round1(percentile(times, 95)),
    p99: round1(percentile(times, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

async function main() {
  const fresh = await openFresh();
  let handle: DatabaseHandle | null = await openDatabase(fresh.options);
  const db = handle.db;
  log(`Database: ${handle.description}`);
  let t0 = performance.now();
  await migrateDatabase(handle);
  await seedDemo(db);
  const demoMs = ms(t0);
  log(`Migrated and loaded the demo data in ${demoMs} ms`);

  const now = new Date();
  const tokens = await signInDemoAccounts(db, now, "Bench");

  t0 = performance.now();
  await createBenchAuthorities(db, 10, volume, "Bench");
  const gen10Ms = ms(t0);
  log(`10 synthetic authorities in ${gen10Ms} ms`);
  const { queries: queriesAt10, ms: loaderMsAt10 } = await queryCounts(db, tokens);
  t0 = performance.now();
  await createBenchAuthorities(db, N - 10, volume, "Bench");
  const genRestMs = ms(t0);
  const generationMs = gen10Ms + genRestMs;
  log(`${N} synthetic authorities in ${generationMs} ms in all`);
  // As after any bulk load: fresh statistics. Without them the row-level-security conditions are
  // planned as if they matched a handful of rows and the national read becomes nested loops (108 s
  // instead of 1 s on PostgreSQL; this machine's server runs without autovacuum). PGlite, which
  // has no autovacuum, analyzes at every start as well.
  t0 = performance.now();
  await db.execute(sql`analyze`);
  log(`Analyzed in ${ms(t0)} ms`);
  const sizes = await tableSizes(db);
  log(`Rows: ${Object.entries(sizes).map(([k, v]) => `${k} ${v.toLocaleString("en-GB")}`).join(", ")}`);
  const { queries: queriesAtN, ms: loaderMsAtN } = await queryCounts(db, tokens);

  const importResult = await importBench(db);
  log(`10,000 attendance rows imported: upload and preview ${importResult.uploadMs} ms, confirm ${importResult.confirmMs} ms`);
  await handle.close();
  handle = null;

  const server = await startServer(fresh.serverEnv);
  log(`Server answered /healthz ${server.firstResponseMs} ms after start`);
  let peakRssKb = 0;
  const sampler = setInterval(() => (peakRssKb = Math.max(peakRssKb, readVm(server.child.pid!).rssKb)), 200);
  const loads: LoadResult[] = [];
  try {
    for (const t of TARGETS) {
      const headers: Record<string, string> =
        t.as === "none" ? {} : t.as === "api" ? { authorization: `Bearer ${tokens.api}` } : { cookie: `fs_session=${t.as === "admin" ? tokens.admin : tokens.pm}` };
      let r: Omit<LoadResult, "ratio">;
      try {
        if (server.child.exitCode !== null) throw new Error("the server had stopped");
        r = await load(server.base, t, headers);
      } catch (error) {
        console.error(`${t.name} failed: ${error}\n--- server output ---\n${server.output().slice(-4000)}`);
        r = { name: t.name, url: t.url, requests: 0, reqPerSec: 0, p50: NaN, p95: NaN, p99: NaN, errors: 1, non2xx: 0 };
      }
      const ratio = loads.length ? r.reqPerSec / loads[0].reqPerSec : 1;
      loads.push({ ...r, ratio: Math.round(ratio * 1000) / 1000 });
      log(`${t.name}: ${r.reqPerSec} req/s, p95 ${r.p95} ms`);
      if (t !== TARGETS[TARGETS.length - 1]) await settle(server.base);
    }
  } finally {
    clearInterval(sampler);
    const vm = readVm(server.child.pid!);
    peakRssKb = Math.max(peakRssKb, vm.hwmKb, vm.rssKb);
    // SIGKILL: a graceful stop would first work off requests still queued from the load.
    server.child.kill("SIGKILL");
    await new Promise((r) => server.child.once("exit", r));
    fresh.cleanup();
  }

  const pages = TARGETS.filter((t) => t.route);
  const js = clientJs(pages.map((t) => t.route!));
  const urlOf = (route: string) => pages.find((t) => t.route === route)!.url;
  const trivial = loads[0];
  type Budget = { budget: string; measured: string; pass: boolean };
  const budgets: Budget[] = [];
  for (const l of loads.slice(1)) {
    budgets.push({ budget: `${l.name}: throughput ≥ 25% of trivial`, measured: `${(l.ratio * 100).toFixed(1)}%`, pass: l.ratio >= 0.25 });
    budgets.push({ budget: `${l.name}: p95 ≤ 10× trivial p95 (${trivial.p95 * 10} ms)`, measured: `${l.p95} ms (${(l.p95 / Math.max(1, trivial.p95)).toFixed(1)}×)`, pass: l.p95 <= 10 * Math.max(1, trivial.p95) });
  }
  for (const l of loads) budgets.push({ budget: `${l.name}: no errors or non-2xx`, measured: `${l.errors} errors, ${l.non2xx} non-2xx`, pass: l.errors === 0 && l.non2xx === 0 });
  for (const name of Object.keys(queriesAt10)) budgets.push({ budget: `${name}: queries equal at 10 and ${N} authorities`, measured: `${queriesAt10[name]} / ${queriesAtN[name]}`, pass: queriesAt10[name] === queriesAtN[name] });
  for (const r of js.routes) {
    budgets.push({ budget: `${urlOf(r.route)}: client JS ≤ 120 kB gzipped without charts`, measured: kB(r.gzipBytes), pass: r.gzipBytes <= BUDGET_NO_CHARTS });
    if (r.charts) budgets.push({ budget: `${urlOf(r.route)}: client JS ≤ 200 kB gzipped with charts`, measured: kB(r.withChartsGzipBytes), pass: r.withChartsGzipBytes <= BUDGET_WITH_CHARTS });
  }
  budgets.push({ budget: "10,000-row attendance import ≤ 5 s", measured: `${(importResult.totalMs / 1000).toFixed(2)} s`, pass: importResult.totalMs <= 5000 });
  budgets.push({ budget: "server peak RSS ≤ 300 MB", measured: `${(peakRssKb / 1024).toFixed(0)} MB`, pass: peakRssKb <= 300 * 1024 });

  console.log(`\n== Load: ${CONNECTIONS} connections, ${DURATION} s per target after ${WARMUP} s of warm-up load, loopback, ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? "?"}) ==`);
  console.log(table(["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "non-2xx", "vs trivial"], loads.map((l) => [l.name, l.reqPerSec, l.p50, l.p95, l.p99, l.errors, l.non2xx, `${(l.ratio * 100).toFixed(1)}%`])));
  console.log(`\n== Queries per request (in-process loaders; one call's time, no load) ==`);
  console.log(table(["page", "queries at 10", `at ${N}`, "ms at 10", `ms at ${N}`], Object.keys(queriesAt10).map((k) => [k, queriesAt10[k], queriesAtN[k], loaderMsAt10[k], loaderMsAtN[k]])));
  console.log(`\n== Client JS per route (entry + root + layouts + route + their imports, gzipped; charts load on demand) ==`);
  console.log(table(["route", "files", "up front", "with charts"], js.routes.map((r) => [urlOf(r.route), r.files, kB(r.gzipBytes), r.charts ? kB(r.withChartsGzipBytes) : "no charts"])));
  console.log(`Largest chunks: ${js.largest.map(describeChunk).join(", ")} (every route: npx tsx bench/client-js.ts)`);
  console.log(`\n== Dataset and one-off timings ==`);
  console.log(`Authorities: ${N} synthetic + the demo's; per authority ${volume.posts} posts, ${volume.staff} staff, ${volume.attendance} attendance records, ${volume.indicators} indicators × ${volume.months} months, ${volume.signatures} extra charter signatures, ${volume.milestones} milestones, ${volume.risks} risks`);
  console.log(`Rows: ${Object.entries(sizes).map(([k, v]) => `${k} ${v.toLocaleString("en-GB")}`).join(", ")}`);
  console.log(`Demo data ${demoMs} ms; synthetic generation ${(generationMs / 1000).toFixed(1)} s; server first response ${server.firstResponseMs} ms; peak RSS ${(peakRssKb / 1024).toFixed(0)} MB`);
  console.log(`Attendance import (${importResult.rows.toLocaleString("en-GB")} rows): upload and preview ${importResult.uploadMs} ms, confirm ${importResult.confirmMs} ms`);
  console.log(`\n== Budgets ==`);
  console.log(table(["budget", "measured", "result"], budgets.map((b) => [b.budget, b.measured, b.pass ? "PASS" : "FAIL"])));
  const failed = budgets.filter((b) => !b.pass);
  console.log(failed.length ? `\n${failed.length} of ${budgets.length} budgets FAIL (reported, exit code 0).` : `\nAll ${budgets.length} budgets pass.`);

  const date = new Date().toISOString().replace(/:/g, "-").slice(0, 19);
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${date}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, database: fresh.options.kind },
        settings: { authorities: N, volume, durationSeconds: DURATION, warmupSeconds: WARMUP, connections: CONNECTIONS },
        dataset: { rows: sizes, demoMs, generationMs },
        server: { firstResponseMs: server.firstResponseMs, peakRssMb: Math.round(peakRssKb / 1024) },
        load: loads,
        queries: { at10: queriesAt10, atN: queriesAtN, loaderMsAt10, loaderMsAtN },
        clientJs: js,
        import: importResult,
        budgets,
        failed: failed.length,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`Results: ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
