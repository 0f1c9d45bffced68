import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm start` runs `node build/server.js` with no NODE_ENV. The server must still run in production
 * mode, and put that mode in process.env before the app build is imported: React picks its
 * (several times slower) development build from process.env.NODE_ENV when first loaded.
 */
describe("the production server without NODE_ENV", () => {
  it("runs in production mode and says so when it starts", async () => {
    if (!existsSync("build/server.js")) throw new Error("Build the app first (npm run build; npm test does it)");
    const dir = mkdtempSync(path.join(tmpdir(), "fs-mode-"));
    // As `npm start` runs it from a shell with no NODE_ENV (and the embedded database).
    const child = spawn("env", ["-u", "NODE_ENV", "-u", "DATABASE_URL", process.execPath, "build/server.js"], {
      env: { ...process.env, DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", DEMO_DATA: "false" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const started = await new Promise<string>((resolve, reject) => {
        let output = "";
        const take = (d: Buffer) => {
          output += d;
          const line = output.split("\n").find((l) => l.includes("is running at"));
          if (line) resolve(line);
        };
        child.stdout.on("data", take);
        child.stderr.on("data", take);
        child.on("exit", (code) => reject(new Error(`the server stopped (${code}): ${output}`)));
      });
      expect(started).toMatch(/running at http:\/\/localhost:\d+ \(production; database: /);
    } finally {
      const closed = new Promise((r) => child.once("close", r));
      child.kill("SIGTERM");
      await closed;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
