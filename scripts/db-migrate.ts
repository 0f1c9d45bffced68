/** npm run db:migrate — applies committed migrations to DATABASE_URL, or to the embedded database. */
import { parseEnv } from "../app/env.server";
import { openDatabase, openOptionsFromEnv } from "../db/client";
import { migrateDatabase } from "../db/migrate";

const env = parseEnv();
const handle = await openDatabase(openOptionsFromEnv(env));
try {
  await migrateDatabase(handle, { ownerUrl: env.MIGRATION_DATABASE_URL });
  console.log(`Migrations applied to ${handle.description}.`);
} finally {
  await handle.close();
}
