import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { PGLITE_APP_ROLE } from "../../db/access";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";

const TEMPLATE_PATH = path.resolve("tests/.tmp/pglite-template.tar");

/**
 * Tests' connections carry the maintenance scope for the whole session, so factories can insert
 * any authority's rows directly. inTenant and nationalRead clear it for their own transactions,
 * so the app's code under test is held by row-level security all the same (ADR 0008).
 */
export const TEST_SESSION_SETTINGS = { "app.scope": "maintenance" };

/**
 * A migrated database for one test file: a fresh PGlite copy (as the app's non-superuser role,
 * like the running app), or the shared PostgreSQL test server (as the tables' owner, whom FORCE
 * ROW LEVEL SECURITY holds too).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.TEST_DB_KIND === "postgres") {
    return openDatabase({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, maxConnections: 4, settings: TEST_SESSION_SETTINGS });
  }
  const blob = new Blob([readFileSync(TEMPLATE_PATH)]);
  const handle = await openDatabase({ kind: "pglite-memory", loadDataDir: blob });
  await handle.db.execute(sql`set role ${sql.identifier(PGLITE_APP_ROLE)}`);
  await handle.db.execute(sql`select set_config('app.scope', ${TEST_SESSION_SETTINGS["app.scope"]}, false)`);
  return handle;
}

/**
 * The app role's connection to the PostgreSQL test server (TEST_APP_DATABASE_URL: a plain LOGIN
 * role, not the owner; CI makes it), as the production server connects.
 */
export function testAppDatabaseUrl(): string {
  const url = process.env.TEST_APP_DATABASE_URL;
  if (!url) throw new Error("TEST_APP_DATABASE_URL is not set: the app role's URL on the PostgreSQL test server (see .ci/run)");
  return url;
}

/** How a real server process is pointed at the PostgreSQL test server: as the app role, migrating as the owner. */
export function serverDatabaseEnv(): { DATABASE_URL: string; MIGRATION_DATABASE_URL: string } {
  return { DATABASE_URL: testAppDatabaseUrl(), MIGRATION_DATABASE_URL: process.env.TEST_DATABASE_URL! };
}

/**
 * Opens the test database before the file's tests and closes it after. Tests share it, so each
 * test creates its own authority (factories give unique slugs) rather than truncating tables.
 */
export function useTestDatabase(): { readonly db: Database; readonly handle: DatabaseHandle } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return {
    get db() {
      if (!handle) throw new Error("test database not open yet");
      return handle.db;
    },
    get handle() {
      if (!handle) throw new Error("test database not open yet");
      return handle;
    },
  };
}
