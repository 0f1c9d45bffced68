import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv, type Env } from "../../../app/env.server";
import { enterAppRole } from "../../../db/access";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { seedDemo } from "../../../db/seed/demo";
import { createApp } from "../../../server/app";
import { eq, sql } from "drizzle-orm";
import { appUser } from "../../../db/schema";
import { createSession, sessionCookieName } from "../../../app/auth/session.server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { browserMissing, launchBrowser } from "./browser";

export interface RunningApp {
  url: string;
  handle: DatabaseHandle;
  /** The settings the app runs with (tests that call a service directly pass them on). */
  env: Env;
  /** A session for a demo account, as a cookie for the browser (tests of other journeys skip the sign-in form). */
  sessionCookie(email: string): Promise<{ name: string; value: string; url: string }>;
  /**
   * Runs a test's own set-up on the app's database in the maintenance scope (row-level security
   * holds the app's role otherwise). Only while no request is being served: the setting is the
   * embedded connection's, shared with the app.
   */
  maintenance<T>(fn: (db: DatabaseHandle["db"]) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The built app (npm run build) on a free port, with a fresh data folder and the demo data, in
 * this process: the test can then write to the same embedded database (e.g. a session row).
 */
export async function startApp(options: { env?: Record<string, string> } = {}): Promise<RunningApp> {
  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("No build found: run `npm run build` first (npm test does).");
  const dataDir = mkdtempSync(path.join(tmpdir(), "fs-e2e-"));
  const handle = await openDatabase({ kind: "pglite", dataDir });
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  // As the production server does: the app runs as the non-superuser role RLS holds.
  await enterAppRole(handle);
  const build = (await import(/* @vite-ignore */ pathToFileURL(buildPath).href)) as ServerBuild;
  // Listen first, so the app knows its own address for the links it e-mails.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = parseEnv({ NODE_ENV: "production", DATA_DIR: dataDir, APP_URL: url, ...options.env });
  server.on("request", createApp({ db: handle.db, env, build }));
  return {
    url,
    handle,
    env,
    async sessionCookie(email: string) {
      const [user] = await handle.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
      if (!user) throw new Error(`no user ${email}`);
      const { token } = await createSession(handle.db, user.id, new Date());
      return { name: sessionCookieName(env), value: token, url };
    },
    async maintenance(fn) {
      await handle.db.execute(sql`select set_config('app.scope', 'maintenance', false)`);
      try {
        return await fn(handle.db);
      } finally {
        await handle.db.execute(sql`select set_config('app.scope', '', false)`);
      }
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One running app and one browser for a test file: started before its tests, stopped after.
 * The browser is absent when Chromium is (the tests are then skipped, see browser.ts).
 */
export function useRunningApp(options: { env?: Record<string, string> } = {}): { readonly app: RunningApp; readonly browser: Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(options);
    if (!browserMissing) browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return {
    get app() {
      return app!;
    },
    get browser() {
      return browser!;
    },
  };
}
