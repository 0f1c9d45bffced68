import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { grantAppRole, rowsOf } from "./access";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.resolve(process.env.MIGRATIONS_DIR ?? "db/migrations");

// Any fixed number: serialises migrations when several app instances start at once.
const MIGRATION_LOCK_KEY = 7_214_031;

/**
 * Applies the committed SQL migrations that the database has not seen yet. On PostgreSQL with an
 * owner URL (MIGRATION_DATABASE_URL), the owner migrates and then grants the handle's own role,
 * the app's, what it needs: the app never owns the tables whose policies hold it.
 */
export async function migrateDatabase(handle: DatabaseHandle, options: { ownerUrl?: string } = {}): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  // An advisory lock belongs to one session, so take it on one dedicated connection.
  const client = postgres(options.ownerUrl ?? handle.url!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    const owner = drizzle({ client });
    await migratePostgres(owner, { migrationsFolder });
    if (options.ownerUrl) {
      const [app] = rowsOf<{ role: string }>(await handle.db.execute(sql`select current_user as role`));
      await grantAppRole(owner as never, app.role);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
