import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireFolderLock, type FolderLock } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Where the data lives, for start-up messages (never includes a password). */
  description: string;
  /** The PGlite instance, when embedded (for dumps in tests and backups). */
  pglite?: PGlite;
  /** The server URL, when on PostgreSQL (migrations take a dedicated connection). */
  url?: string;
  close(): Promise<void>;
}

export type OpenOptions =
  | {
      kind: "postgres";
      url: string;
      maxConnections?: number;
      /** Settings every connection starts with, e.g. tests' `app.scope` (ADR 0008). */
      settings?: Record<string, string>;
    }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; loadDataDir?: Blob };

/**
 * Counts queries per unit of work (a request, a test) so that tests and benchmarks can prove
 * that a page's query count does not grow with the data.
 */
const queryCounter = new AsyncLocalStorage<{ count: number }>();

const countingLogger: Logger = {
  logQuery() {
    const store = queryCounter.getStore();
    if (store) store.count += 1;
  },
};

export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const store = { count: 0 };
  const result = await queryCounter.run(store, fn);
  return { result, queries: store.count };
}

/**
 * The embedded database runs inside the server's process, so its buffer cache is the server's
 * memory. PostgreSQL's default 128 MB of shared buffers made a third of the server's RSS (bench:
 * 300 MB budget); its files sit in the operating system's page cache anyway.
 */
const PGLITE_CONF = ["shared_buffers = 32MB"];

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  switch (options.kind) {
    case "postgres": {
      const client = postgres(options.url, {
        max: options.maxConnections ?? 10,
        onnotice: () => {},
        connection: { application_name: "fs-tracker", ...options.settings },
      });
      const db = drizzlePostgres({ client, schema, logger: countingLogger }) as unknown as Database;
      return {
        db,
        kind: "postgres",
        url: options.url,
        description: redactUrl(options.url),
        close: () => client.end({ timeout: 5 }),
      };
    }
    case "pglite": {
      const dataDir = path.resolve(options.dataDir);
      // PGlite does not create missing parent folders.
      mkdirSync(dataDir, { recursive: true });
      const lock: FolderLock = acquireFolderLock(path.join(dataDir, "pglite.lock"));
      let client: PGlite;
      try {
        client = await PGlite.create({ dataDir: path.join(dataDir, "pgdata"), postgresqlconf: PGLITE_CONF });
      } catch (error) {
        lock.release();
        throw error;
      }
      return pgliteHandle(client, `embedded PGlite in ${dataDir}`, lock);
    }
    case "pglite-memory": {
      const client = await PGlite.create({ ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}), postgresqlconf: PGLITE_CONF });
      return pgliteHandle(client, "in-memory PGlite");
    }
  }
}

function pgliteHandle(client: PGlite, description: string, lock?: FolderLock): DatabaseHandle {
  const db = drizzlePglite({ client, schema, logger: countingLogger }) as unknown as Database;
  let closed = false;
  return {
    db,
    kind: "pglite",
    description,
    pglite: client,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return `PostgreSQL at ${u.host}${u.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

/** Chooses the database from the validated environment: a server when DATABASE_URL is set, else PGlite. */
export function openOptionsFromEnv(env: { DATABASE_URL?: string; DATA_DIR: string }): OpenOptions {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.DATA_DIR };
}
