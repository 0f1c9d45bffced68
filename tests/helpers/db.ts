import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";

const TEMPLATE_PATH = path.resolve("tests/.tmp/pglite-template.tar");

/** A migrated database for one test file: a fresh PGlite copy, or the shared PostgreSQL test server. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.TEST_DB_KIND === "postgres") {
    return openDatabase({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, maxConnections: 4 });
  }
  const blob = new Blob([readFileSync(TEMPLATE_PATH)]);
  return openDatabase({ kind: "pglite-memory", loadDataDir: blob });
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
