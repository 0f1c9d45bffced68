import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * The Node.js flags `npm run serve` (and `npm start`) give the server, read from package.json so
 * that the bench measures the server as it is run, heap limit included (ADR 0011).
 */
export function serveNodeFlags(): string[] {
  const script: string = JSON.parse(readFileSync("package.json", "utf8")).scripts.serve;
  const [node, ...args] = script.trim().split(/\s+/);
  if (node !== "node" || args.at(-1) !== "build/server.js") throw new Error(`package.json's serve script is not "node [flags] build/server.js": ${script}`);
  return args.slice(0, -1);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The server's resident memory now and at its peak (kB), from /proc; zeros once it has gone. */
export function readVm(pid: number): { rssKb: number; hwmKb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssKb: kb("VmRSS"), hwmKb: kb("VmHWM") };
  } catch {
    return { rssKb: 0, hwmKb: 0 };
  }
}

/**
 * Starts build/server.js as `npm run serve` would (plus `extraFlags`, e.g. --cpu-prof) on a free
 * loopback port, without demo data, with optional two-factor and the API unthrottled, and waits
 * for its first /healthz answer.
 */
export async function startServer(
  serverEnv: Record<string, string>,
  extraFlags: string[] = [],
): Promise<{ child: ChildProcess; base: string; firstResponseMs: number; output: () => string }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...serveNodeFlags(), ...extraFlags, "build/server.js"], {
    env: { ...process.env, ...serverEnv, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: `http://localhost:${port}`, DEMO_DATA: "false", TWO_FACTOR: "optional", API_RATE_LIMIT: "100000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped:\n${output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 120_000) throw new Error(`The server did not answer within 2 minutes:\n${output}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, base, firstResponseMs: Math.round(performance.now() - t0), output: () => output };
}
