/**
 * A process that writes to an embedded database and says "ack N" after each commit, until it is
 * killed. Used by tests/integration/embedded/crash.spec.ts to kill it with SIGKILL mid-stream.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../../db/client";

const dir = process.argv[2];
const handle = await openDatabase({ kind: "pglite", dataDir: dir });
await handle.db.execute(sql`create table if not exists crash_probe (n integer primary key, padding text not null)`);
process.stdout.write("ready\n");
for (let n = 1; ; n++) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`insert into crash_probe (n, padding) values (${n}, ${"x".repeat(2000)})`);
  });
  process.stdout.write(`ack ${n}\n`);
}
