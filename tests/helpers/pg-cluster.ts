import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A throw-away PostgreSQL cluster of a test's own, in a temp folder on a free port, so a test can
 * kill the server without touching the shared one. initdb refuses root, so when the tests run as
 * root (CI) every PostgreSQL program runs as the `postgres` user.
 */
export interface PgCluster {
  url: string;
  port: number;
  dataDir: string;
  /** pg_ctl start, waiting until it accepts connections; returns how long that took. */
  start(): number;
  /** The postmaster's pid, from postmaster.pid's first line. */
  postmasterPid(): number;
  /** SIGKILL the postmaster and every process it started (backends, WAL writer…): a hard crash. */
  killHard(): void;
  /** Stops it if running and deletes the folder. Never throws. */
  destroy(): void;
}

/** The directory holding initdb, pg_ctl and postgres; throws when there is none. */
export function findPostgresBinaries(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // No pg_config on PATH: look in Debian's versioned folders below.
  }
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const found = candidates.find((dir) => ["initdb", "pg_ctl", "postgres"].every((p) => existsSync(path.join(dir, p))));
  if (!found) throw new Error(`PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in: ${candidates.join(", ") || "pg_config --bindir, /usr/lib/postgresql/*/bin"}. Install postgresql.`);
  return found;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The pids whose parent is `pid`, read from /proc. */
function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

export async function createPgCluster(): Promise<PgCluster> {
  const bin = findPostgresBinaries();
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, program);
    const argv = asRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args;
    return execFileSync(command, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  };

  const root = mkdtempSync(path.join(tmpdir(), "fs-pgcrash-"));
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "server.log");
  const port = await freePort();
  const cluster: PgCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    start() {
      const started = performance.now();
      try {
        run("pg_ctl", ["start", "-w", "-t", "60", "-D", dataDir, "-l", logFile, "-o", options]);
      } catch (error) {
        throw new Error(`pg_ctl start failed: ${String(error)}\n${existsSync(logFile) ? readFileSync(logFile, "utf8") : ""}`);
      }
      return performance.now() - started;
    },
    postmasterPid() {
      return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    },
    killHard() {
      const pid = cluster.postmasterPid();
      const children = childPids(pid);
      process.kill(pid, "SIGKILL");
      for (const child of children) {
        try {
          process.kill(child, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    },
    destroy() {
      try {
        if (existsSync(path.join(dataDir, "postmaster.pid"))) run("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", dataDir]);
      } catch {
        // Not running (killed by the test): nothing to stop.
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  // fsync and synchronous commit stay on (the defaults, said explicitly): an acknowledged commit
  // must be on disk. Only 127.0.0.1 and a socket inside the temp folder; trust is for this test only.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=60`;
  try {
    if (asRoot) chownSync(root, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })));
    run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
    cluster.start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}
