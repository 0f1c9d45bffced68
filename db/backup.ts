import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireFolderLock } from "./lock";

/**
 * Backup and restore of the embedded database: a gzipped tarball of its data folder, taken with the
 * folder locked (the app must be stopped: a running app holds the lock and the backup is refused).
 */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  const dir = path.resolve(dataDir);
  if (!existsSync(path.join(dir, "pgdata"))) throw new Error(`No embedded database in ${dir}`);
  const lock = acquireFolderLock(path.join(dir, "pglite.lock"));
  try {
    const db = await PGlite.create({ dataDir: path.join(dir, "pgdata") });
    try {
      const dump = await db.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      writeFileSync(file, bytes);
      return { bytes: bytes.length };
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/** Restores a backup into the data folder. An existing database is moved aside, never overwritten. */
export async function restorePglite(dataDir: string, file: string): Promise<{ movedAside: string | null }> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lock = acquireFolderLock(path.join(dir, "pglite.lock"));
  try {
    const target = path.join(dir, "pgdata");
    let movedAside: string | null = null;
    if (existsSync(target) && readdirSync(target).length > 0) {
      movedAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(target, movedAside);
    }
    const blob = new Blob([readFileSync(file)]);
    const db = await PGlite.create({ dataDir: target, loadDataDir: blob });
    await db.query("select 1");
    await db.close();
    return { movedAside };
  } finally {
    lock.release();
  }
}
