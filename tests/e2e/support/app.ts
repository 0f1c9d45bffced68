import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv } from "../../../app/env.server";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { seedDemo } from "../../../db/seed/demo";
import { createApp } from "../../../server/app";

export interface RunningApp {
  url: string;
  handle: DatabaseHandle;
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
  const build = (await import(/* @vite-ignore */ pathToFileURL(buildPath).href)) as ServerBuild;
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = createApp({ db: handle.db, env: parseEnv({ NODE_ENV: "production", DATA_DIR: dataDir, ...options.env }), build }).listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    handle,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
