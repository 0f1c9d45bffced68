import { spawn } from "node:child_process";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRaidItem, type RaidInput } from "~/services/plan/raid.server";
import { verifyAuditChains } from "~/services/audit/verify-audit-chain.server";
import { londonDate } from "~/domain/dates";
import { openDatabase, type Database, type DatabaseHandle } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { auditEvent, raidItem } from "../../../db/schema";
import { createAuthority } from "../../factories";
import { createPgCluster, type PgCluster } from "../../helpers/pg-cluster";

/**
 * Crashes on PostgreSQL lose nothing that was acknowledged and leave nothing half-written:
 * the app process killed mid-transaction, a server backend killed, and the whole server (the
 * postmaster and every process it started) killed with SIGKILL under load, then restarted.
 * Runs on a throw-away cluster of its own (tests/helpers/pg-cluster.ts), never the shared server.
 */
const WRITERS = 20;
const ROWS_PER_BATCH = 10;
const ACTOR = { userId: null, label: "crash test" };

let cluster: PgCluster;

const open = (max: number) => openDatabase({ kind: "postgres", url: cluster.url, maxConnections: max });

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

async function expectChainsIntact(db: Database) {
  const reports = await verifyAuditChains(db);
  expect(reports.flatMap((r) => r.problems.map((p) => `${r.label}: ${p.problem}`))).toEqual([]);
}

beforeAll(async () => {
  cluster = await createPgCluster();
  const handle = await open(1);
  try {
    expect((await rows<{ fsync: string }>(handle.db, sql`show fsync`))[0].fsync).toBe("on");
    await migrateDatabase(handle);
    await handle.db.execute(sql`create table crash_batch_row (batch bigint not null, row integer not null, primary key (batch, row))`);
  } finally {
    await handle.close();
  }
});

afterAll(() => {
  cluster?.destroy();
});

describe("PostgreSQL crashes", () => {
  it("the app killed (kill -9) mid-transaction: every transaction is all or nothing, every acknowledged one is there", async () => {
    const handle = await open(2);
    try {
      const a = await createAuthority(handle.db);
      const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/pg-crash-writer.ts", cluster.url, a.id, String(ROWS_PER_BATCH)], { stdio: ["ignore", "pipe", "pipe"] });
      const begun = new Set<number>();
      const acknowledged = new Set<number>();
      let errors = "";
      let pending = "";
      child.stderr.on("data", (d) => (errors += d));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`the writer acknowledged only ${acknowledged.size} transactions in 30 s: ${errors}`)), 30_000);
          child.stdout.on("data", (chunk: Buffer) => {
            const lines = (pending + chunk.toString()).split("\n");
            pending = lines.pop()!;
            for (const line of lines) {
              const m = /^(begin|ack) (\d+)$/.exec(line);
              if (m) (m[1] === "ack" ? acknowledged : begun).add(Number(m[2]));
            }
            // Kill it while transactions are open.
            if (acknowledged.size >= 100 && begun.size > acknowledged.size) child.kill("SIGKILL");
          });
          child.on("exit", (code, signal) => {
            clearTimeout(timer);
            if (signal === "SIGKILL") resolve();
            else reject(new Error(`writer exited ${code}: ${errors}`));
          });
        });
      } finally {
        child.kill("SIGKILL");
      }
      const inFlight = [...begun].filter((b) => !acknowledged.has(b));
      expect(inFlight.length).toBeGreaterThan(0);

      // The server rolls back a transaction once it sees its client gone.
      for (let i = 0; i < 100; i++) {
        const [{ n }] = await rows<{ n: number }>(handle.db, sql`select count(*)::int as n from pg_stat_activity where application_name = 'fs-tracker' and state <> 'idle' and pid <> pg_backend_pid()`);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const batches = await rows<{ batch: string; n: number }>(handle.db, sql`select batch, count(*)::int as n from crash_batch_row group by batch`);
      const written = new Map(batches.map((b) => [Number(b.batch), b.n]));
      const audited = new Set(
        (await handle.db.select({ id: auditEvent.entityId }).from(auditEvent).where(and(eq(auditEvent.authorityId, a.id), eq(auditEvent.entityType, "crash-batch")))).map((e) => Number(e.id)),
      );
      expect([...acknowledged].filter((b) => !written.has(b))).toEqual([]);
      expect([...written].filter(([, n]) => n !== ROWS_PER_BATCH)).toEqual([]);
      expect([...written.keys()].filter((b) => !audited.has(b))).toEqual([]);
      expect([...audited].filter((b) => !written.has(b))).toEqual([]);
      await expectChainsIntact(handle.db);
      console.log(`app kill -9: ${acknowledged.size} transactions acknowledged, ${inFlight.length} in flight, ${written.size - acknowledged.size} of those committed, 0 lost, 0 half-written`);
    } finally {
      await handle.close();
    }
  });

  it(`the server killed (kill -9) under ${WRITERS} writers: every acknowledged write is there after restart, with its audit event`, async () => {
    let handle: DatabaseHandle = await open(WRITERS + 2);
    const authorities = await Promise.all(Array.from({ length: WRITERS }, () => createAuthority(handle.db)));
    const acknowledged: string[] = [];
    let failed = 0;
    let stop = false;
    const input = (n: number): RaidInput => ({
      title: `Crash risk ${n}`,
      description: null,
      owner: null,
      likelihood: 3,
      impact: 4,
      mitigation: null,
      status: "open",
      raisedOn: londonDate(new Date()),
      reviewDate: null,
      closedOn: null,
    });
    // One writer per authority, through the real service (the risk and its audit event in one transaction).
    const writers = authorities.map(async (a) => {
      for (let n = 1; !stop; n++) {
        try {
          const created = await createRaidItem({ db: handle.db, authorityId: a.id, actor: ACTOR, now: new Date() }, "risk", input(n));
          acknowledged.push(created.id); // only once the commit was acknowledged
        } catch {
          failed += 1; // the server went away: not acknowledged
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    });
    const until = async (count: number) => {
      const deadline = Date.now() + 30_000;
      while (acknowledged.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${acknowledged.length} of ${count} writes acknowledged after 30 s (${failed} failed)`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };

    try {
      // First one backend dies: the postmaster resets every session and recovers by itself.
      await until(100);
      const [{ pid }] = await rows<{ pid: number }>(handle.db, sql`select pid from pg_stat_activity where application_name = 'fs-tracker' and pid <> pg_backend_pid() limit 1`);
      process.kill(pid, "SIGKILL");
      await until(acknowledged.length + 100);
      // Then the whole server, with writes in flight.
      cluster.killHard();
    } finally {
      stop = true;
      // Closing the pool fails the writes still waiting to reconnect (else they back off for up to 20 s).
      await Promise.all([handle.close().catch(() => {}), ...writers]);
    }

    const restartMs = cluster.start();
    handle = await open(2);
    try {
      const ids = authorities.map((a) => a.id);
      const risks = await handle.db.select({ id: raidItem.id, authorityId: raidItem.authorityId, number: raidItem.number }).from(raidItem).where(inArray(raidItem.authorityId, ids));
      const present = new Set(risks.map((r) => r.id));
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
      // Each authority's risks are numbered 1..n with no gap: no committed write went missing.
      for (const id of ids) {
        const numbers = risks.filter((r) => r.authorityId === id).map((r) => r.number).sort((x, y) => x - y);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
      // No half-written change: every risk has its audit event and every audit event its risk.
      const events = await handle.db.select({ id: auditEvent.entityId }).from(auditEvent).where(and(inArray(auditEvent.authorityId, ids), eq(auditEvent.entityType, "raid-item")));
      const audited = new Set(events.map((e) => e.id));
      expect(risks.filter((r) => !audited.has(r.id))).toEqual([]);
      expect([...audited].filter((id) => !present.has(id!))).toEqual([]);
      await expectChainsIntact(handle.db);
      console.log(
        `server kill -9: ${acknowledged.length} writes acknowledged, ${failed} refused during the crashes, ${risks.length - acknowledged.length} committed but unacknowledged, 0 lost; restart took ${Math.round(restartMs)} ms`,
      );
    } finally {
      await handle.close();
    }
  });
});
