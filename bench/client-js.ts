/**
 * Client JavaScript per route, gzipped, from the last `npm run build` (public/build). Used by
 * bench/run.ts; run on its own to see every route against the budgets:
 *
 *   npm run build && npx tsx bench/client-js.ts
 *
 * Exits 1 when a route is over budget.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/** Budgets from issue 9. */
export const BUDGET_NO_CHARTS = 120 * 1024;
export const BUDGET_WITH_CHARTS = 200 * 1024;

export interface RouteJs {
  /** Remix route id, e.g. routes/a.$slug.partnership._index. */
  route: string;
  /** The route draws charts (chart.js is loaded when a chart appears). */
  charts: boolean;
  files: number;
  /** What the page loads up front. */
  gzipBytes: number;
  /** Up front plus the chart code it loads on demand. */
  withChartsGzipBytes: number;
  /** Its up-front files, largest first. */
  largest: ChunkJs[];
}

export interface ChunkJs {
  file: string;
  gzipBytes: number;
  /** The libraries recognised in the chunk, to tell at a glance what it is. */
  contains: string[];
}

interface Manifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[]; parentId?: string }>;
}

const STATIC_IMPORT = /(?:from|import)\s*"(\/build\/[^"]+\.js)"/g;
const DYNAMIC_IMPORT = /import\(\s*"(\/build\/[^"]+\.js)"\s*\)/g;

/** Code that only these libraries contain (minified names survive in error messages and keys). */
const LIBRARIES: [string, RegExp][] = [
  ["zod", /ZodError|invalid_type_error/],
  ["chart.js", /Chart\.js|chartjs/],
  ["react-dom", /__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED|react-dom/],
  ["react-router", /useNavigate\(\) may be used only|You cannot render a <Router>/],
  ["@conform-to", /__intent__|conform/],
  ["drizzle", /drizzle/],
];

/**
 * Client JS per route from Remix's manifest: the entry, root, parent layouts and the route with
 * all their static imports, each file once, gzipped; and with the chunks they import on demand
 * (the chart code) added. `routeIds` defaults to every route in the manifest.
 */
export function clientJs(routeIds?: string[], dir = "public/build"): { routes: RouteJs[]; largest: ChunkJs[] } {
  const manifestFile = readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error(`No Remix manifest in ${dir} (run npm run build)`);
  const text = readFileSync(path.join(dir, manifestFile), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
  const publicDir = path.dirname(dir);
  const source = (url: string) => readFileSync(path.join(publicDir, url.replace(/^\//, "")), "utf8");
  const chunks = new Map<string, ChunkJs>();
  const chunk = (url: string) => {
    if (!chunks.has(url)) {
      const code = source(url);
      const contains = LIBRARIES.filter(([, re]) => re.test(code)).map(([name]) => name);
      chunks.set(url, { file: url, gzipBytes: gzipSync(code).length, contains });
    }
    return chunks.get(url)!;
  };
  /** The files and everything they import statically. */
  const closure = (start: Iterable<string>) => {
    const seen = new Set<string>();
    const todo = [...start];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      for (const m of source(f).matchAll(STATIC_IMPORT)) todo.push(m[1]);
    }
    return seen;
  };
  const ids = routeIds ?? Object.keys(manifest.routes).filter((id) => id !== "root");
  const routes = ids.map((route): RouteJs => {
    const roots = [manifest.entry.module, ...(manifest.entry.imports ?? [])];
    let id: string | undefined = route;
    while (id) {
      const r: Manifest["routes"][string] | undefined = manifest.routes[id];
      if (!r) throw new Error(`No route ${id} in the manifest`);
      roots.push(r.module, ...(r.imports ?? []));
      id = r.parentId;
    }
    const upFront = closure(roots);
    const lazy = [...upFront].flatMap((f) => [...source(f).matchAll(DYNAMIC_IMPORT)].map((m) => m[1]));
    const all = closure([...upFront, ...lazy]);
    const sum = (files: Set<string>) => [...files].reduce((s, f) => s + chunk(f).gzipBytes, 0);
    return {
      route,
      charts: lazy.some((f) => f.includes("chart")),
      files: upFront.size,
      gzipBytes: sum(upFront),
      withChartsGzipBytes: sum(all),
      largest: [...upFront].map(chunk).sort((a, b) => b.gzipBytes - a.gzipBytes),
    };
  });
  const every: ChunkJs[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith(".js")) every.push(chunk(`/${path.relative(publicDir, p).split(path.sep).join("/")}`));
    }
  };
  walk(dir);
  every.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { routes, largest: every.slice(0, 8) };
}

export const kB = (b: number) => `${(b / 1024).toFixed(1)} kB`;

export const overBudget = (r: RouteJs) => r.gzipBytes > BUDGET_NO_CHARTS || (r.charts && r.withChartsGzipBytes > BUDGET_WITH_CHARTS);

export const describeChunk = (c: ChunkJs) => `${path.basename(c.file)} ${kB(c.gzipBytes)}${c.contains.length ? ` (${c.contains.join(", ")})` : ""}`;

function main() {
  const { routes, largest } = clientJs();
  routes.sort((a, b) => b.withChartsGzipBytes - a.withChartsGzipBytes);
  const rows = routes.map((r) => [
    overBudget(r) ? "OVER" : "ok",
    r.route,
    kB(r.gzipBytes),
    r.charts ? kB(r.withChartsGzipBytes) : "no charts",
    r.largest.slice(0, 3).map(describeChunk).join(", "),
  ]);
  const headers = ["budget", "route", "up front", "with charts", "largest chunks"];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [headers, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
  console.log(`\nLargest chunks overall: ${largest.map(describeChunk).join(", ")}`);
  const over = routes.filter(overBudget);
  console.log(
    over.length
      ? `\n${over.length} of ${routes.length} routes over budget (${kB(BUDGET_NO_CHARTS)} without charts, ${kB(BUDGET_WITH_CHARTS)} with charts).`
      : `\nAll ${routes.length} routes within budget (${kB(BUDGET_NO_CHARTS)} without charts, ${kB(BUDGET_WITH_CHARTS)} with charts).`,
  );
  process.exitCode = over.length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
