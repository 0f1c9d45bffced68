import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * zod (91 kB gzipped) must never reach the browser: forms are validated on the server. Remix's
 * browser build keeps whatever a route module imports outside `.server` modules (top-level schema
 * calls are side effects), so schemas live only in `.server` modules (app/schemas/**\/*.server.ts).
 * This follows every route module's non-server imports and fails on a path to zod.
 */
const SERVER_ONLY_PACKAGES = /^(zod|@conform-to\/zod)(\/|$)/;
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?([^"';]*?)\s*from\s*"([^"]+)"/gm;

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("~/") ? path.join("app", specifier.slice(2)) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** The chain of imports from `file` to a server-only package, if any. */
function pathToServerOnly(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const [, typeOnly, bindings, specifier] of readFileSync(file, "utf8").matchAll(IMPORT)) {
    const onlyTypes = typeOnly || /^\{(\s*type\s+[\w$]+\s*,?)+\}$/.test(bindings.trim());
    if (onlyTypes || /\.server$/.test(specifier)) continue;
    if (SERVER_ONLY_PACKAGES.test(specifier)) return [file, specifier];
    const next = resolve(file, specifier);
    const chain = next && pathToServerOnly(next, seen);
    if (chain) return [file, ...chain];
  }
  return null;
}

const browserModules = ["app/root.tsx", "app/entry.client.tsx", ...readdirSync("app/routes").map((f) => path.join("app/routes", f))];

describe("browser bundle", () => {
  it.each(browserModules)("%s reaches zod only through .server modules", (file) => {
    expect(pathToServerOnly(file)?.join(" → ") ?? null).toBeNull();
  });
});
