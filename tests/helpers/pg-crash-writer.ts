/**
 * An app process that writes to PostgreSQL until it is killed: several connections at once, each
 * transaction many rows plus its audit event. Says "begin B" once batch B's transaction has written
 * its first row and "ack B" after the commit. Used by tests/integration/postgres/server-crash.spec.ts
 * to kill it with SIGKILL mid-transaction.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { recordAudit } from "../../app/services/audit.server";
import { inTenant } from "../../app/services/scope.server";

const WRITERS = 8;

const [url, authorityId, rowsPerBatch] = process.argv.slice(2);
const ROWS_PER_BATCH = Number(rowsPerBatch);
const handle = await openDatabase({ kind: "postgres", url, maxConnections: WRITERS });
process.stdout.write("ready\n");

async function writer(w: number) {
  for (let n = 1; ; n++) {
    const batch = w * 1_000_000 + n;
    await inTenant({ db: handle.db, authorityId }, async (tx) => {
      for (let row = 1; row <= ROWS_PER_BATCH; row++) {
        await tx.execute(sql`insert into crash_batch_row (batch, row) values (${batch}, ${row})`);
        if (row === 1) process.stdout.write(`begin ${batch}\n`);
      }
      await recordAudit(tx, { userId: null, label: "crash writer" }, { authorityId, action: "crash-batch.created", entityType: "crash-batch", entityId: String(batch) });
    });
    process.stdout.write(`ack ${batch}\n`);
  }
}

await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w + 1)));
