/**
 * npm run jobs:reminders — reminds board members of partners that have not signed the current
 * charter, N days after their last e-mail (N set per charter). Safe to run as often as you like
 * (e.g. daily from cron): nobody is reminded twice within N days. Each reminder is logged.
 */
import { parseEnv } from "../app/env.server";
import { runReminderJob } from "../app/services/partnership/reminder-job.server";
import { openDatabase, openOptionsFromEnv } from "../db/client";
import { migrateDatabase } from "../db/migrate";

const env = parseEnv();
const handle = await openDatabase(openOptionsFromEnv(env));
try {
  await migrateDatabase(handle, { ownerUrl: env.MIGRATION_DATABASE_URL });
  const result = await runReminderJob(handle.db, env, new Date());
  const total = result.reminded.reduce((n, r) => n + r.sent, 0);
  for (const r of result.reminded) console.log(`${r.slug}: ${r.sent} reminder${r.sent === 1 ? "" : "s"} sent${r.failed ? ` (${r.failed} could not be e-mailed)` : ""}`);
  console.log(`Charter reminders: ${total} sent across ${result.authorities} authorit${result.authorities === 1 ? "y" : "ies"} with a published charter.`);
} finally {
  await handle.close();
}
