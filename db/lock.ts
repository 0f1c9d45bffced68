import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

export interface FolderLock {
  release(): void;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database is already in use by another process (pid ${pid}). ` +
        `Stop that process, or point DATA_DIR at another folder. Lock file: ${lockPath}`,
    );
    this.name = "DatabaseLockedError";
  }
}

/**
 * An exclusive lock on the embedded database folder: PGlite is single-process and two writers
 * would corrupt it. The lock file holds the owner's pid; a lock left by a process that no longer
 * runs (killed with -9, say) is stale and taken over.
 */
export function acquireFolderLock(lockPath: string): FolderLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) throw new DatabaseLockedError(lockPath, owner);
      rmSync(lockPath, { force: true }); // stale
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
