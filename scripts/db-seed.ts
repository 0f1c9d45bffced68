/** npm run db:seed — loads the demo data parts not loaded yet (running it twice changes nothing). */
import { parseEnv } from "../app/env.server";
import { openDatabase, openOptionsFromEnv } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";

const env = parseEnv();
const handle = await openDatabase(openOptionsFromEnv(env));
try {
  await migrateDatabase(handle, { ownerUrl: env.MIGRATION_DATABASE_URL });
  const result = await seedDemo(handle.db);
  console.log(result.loaded.length ? `Demo data loaded: ${result.loaded.join(", ")}.` : "Demo data was already loaded: nothing changed.");
  for (const line of result.signInHelp) console.log(line);
} finally {
  await handle.close();
}
