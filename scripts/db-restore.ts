/** npm run db:restore -- file — restores a backup into the embedded database folder (stop the app first). */
import { parseEnv } from "../app/env.server";
import { restorePglite } from "../db/backup";

const env = parseEnv();
if (env.DATABASE_URL) {
  console.error("DATABASE_URL is set: restore a PostgreSQL server with its own tools, e.g. pg_restore --clean --dbname \"$DATABASE_URL\" fs.dump");
  process.exit(2);
}
const file = process.argv[2];
if (!file) {
  console.error("Name the backup file: npm run db:restore -- backups/fs-tracker-….tar.gz");
  process.exit(2);
}
const { movedAside } = await restorePglite(env.DATA_DIR, file);
console.log(`Restored ${file} into ${env.DATA_DIR}.${movedAside ? ` The database that was there is kept in ${movedAside}.` : ""}`);
