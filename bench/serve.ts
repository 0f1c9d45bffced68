import { readFileSync } from "node:fs";

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
