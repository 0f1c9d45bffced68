import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../db/client";

/**
 * The embedded database survives its process being killed (kill -9) in the middle of writing:
 * the stale folder lock is taken over, the folder reopens and every write the process had
 * acknowledged is there.
 */
describe("embedded database after kill -9", () => {
  it("reopens with every acknowledged write", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fs-crash-"));
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/crash-writer.ts", dir], { stdio: ["ignore", "pipe", "pipe"] });
      let acknowledged = 0;
      let errors = "";
      child.stderr.on("data", (d) => (errors += d));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          for (const line of chunk.toString().split("\n")) {
            const m = /^ack (\d+)$/.exec(line);
            if (m) acknowledged = Number(m[1]);
          }
          // Kill it mid-stream, with writes in flight.
          if (acknowledged >= 200) {
            child.kill("SIGKILL");
            resolve();
          }
        });
        child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited ${code}: ${errors}`))));
      });
      await new Promise((r) => child.once("close", r));

      const reopened = await openDatabase({ kind: "pglite", dataDir: dir });
      try {
        const result = (await reopened.db.execute(sql`select count(*)::int as n, coalesce(max(n), 0)::int as last from crash_probe`)) as unknown as { rows: Array<{ n: number; last: number }> };
        const [row] = result.rows;
        expect(row.last).toBeGreaterThanOrEqual(acknowledged);
        expect(row.n).toBe(row.last); // no gaps: nothing half-written
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
