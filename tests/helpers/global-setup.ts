import { mkdirSync, writeFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { becomePgliteAppRole } from "../../db/access";

export const TEMPLATE_PATH = path.resolve("tests/.tmp/pglite-template.tar");

/**
 * Runs once per integration project. PGlite: migrate one in-memory database and dump it, so each
 * test file boots a ready copy instead of migrating again. PostgreSQL: migrate the test server once.
 */
export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_DB_KIND === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is not set");
    // Migrated by the owner, who then grants the app role (TEST_APP_DATABASE_URL) when there is one.
    const appUrl = process.env.TEST_APP_DATABASE_URL;
    const handle = await openDatabase({ kind: "postgres", url: appUrl ?? url, maxConnections: 1 });
    await migrateDatabase(handle, { ownerUrl: url });
    await handle.close();
    return;
  }
  const handle = await openDatabase({ kind: "pglite-memory" });
  await migrateDatabase(handle);
  // The app's non-superuser role and its grants travel in the template (tests SET ROLE to it).
  await becomePgliteAppRole(handle.db);
  const dump = await handle.pglite!.dumpDataDir("none");
  mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
}
