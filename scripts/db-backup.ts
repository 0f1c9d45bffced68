/** npm run db:backup [-- file] — a backup of the embedded database (stop the app first). */
import { parseEnv } from "../app/env.server";
import { backupPglite } from "../db/backup";

const env = parseEnv();
if (env.DATABASE_URL) {
  console.error("DATABASE_URL is set: back up a PostgreSQL server with its own tools, e.g. pg_dump --format=custom \"$DATABASE_URL\" > fs.dump");
  process.exit(2);
}
const file = process.argv[2] ?? `backups/fs-tracker-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}.tar.gz`;
const { bytes } = await backupPglite(env.DATA_DIR, file);
console.log(`Backed up ${env.DATA_DIR} to ${file} (${Math.round(bytes / 1024)} kB).`);
