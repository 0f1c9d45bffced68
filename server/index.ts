import { watch } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { EnvError, parseEnv } from "../app/env.server";
import { enterAppRole, UnsafeDatabaseRoleError } from "../db/access";
import { openDatabase, openOptionsFromEnv } from "../db/client";
import { DatabaseLockedError } from "../db/lock";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";
import { createApp } from "./app";

const BUILD_PATH = path.resolve("build/index.js");

async function importBuild(): Promise<ServerBuild> {
  // The query string defeats the module cache so a rebuilt app is picked up in development.
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
}

async function main() {
  const started = Date.now();
  const env = parseEnv();
  // React chooses its production or development build from process.env.NODE_ENV when the app build
  // is first imported (below); without this, `node build/server.js` ran React's development build.
  process.env.NODE_ENV = env.NODE_ENV;
  const handle = await openDatabase(openOptionsFromEnv(env));
  let server: Server | undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal} received: closing the database cleanly…`);
    server?.close();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await migrateDatabase(handle, { ownerUrl: env.MIGRATION_DATABASE_URL });
  const demo = env.DEMO_DATA ? await seedDemo(handle.db) : null;
  await enterAppRole(handle);

  let build = await importBuild();
  const app = createApp({ db: handle.db, env, build: process.env.REMIX_DEV_ORIGIN ? () => Promise.resolve(build) : build });
  server = app.listen(env.PORT, env.HOST, () => {
    const address = server?.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    console.log(`Family Safeguarding tracker is running at http://localhost:${port} (${env.NODE_ENV}; database: ${handle.description}; ready in ${Date.now() - started} ms)`);
    if (demo) {
      console.log(demo.loaded.length ? `Demo data loaded: ${demo.loaded.join(", ")}.` : "Demo data already loaded.");
      for (const line of demo.signInHelp) console.log(line);
    }
    if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
  });

  if (process.env.REMIX_DEV_ORIGIN) {
    watch(path.dirname(BUILD_PATH), { persistent: false }, async (_event, file) => {
      if (file !== "index.js") return;
      build = await importBuild();
      await broadcastDevReady(build);
    });
  }
}

main().catch(async (error) => {
  if (error instanceof EnvError || error instanceof DatabaseLockedError || error instanceof UnsafeDatabaseRoleError) {
    console.error(error.message);
  } else {
    console.error("Could not start:", error);
  }
  process.exit(1);
});
