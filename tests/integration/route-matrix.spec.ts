/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from "vitest";
import { NATIONAL_ROLES, permissionsFor, nationalCan, TENANT_ROLES } from "~/domain/permissions";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, type Outcome } from "../helpers/requests";
import { buildRouteFixture, MATRIX, routes, urlFor, type Fixture, type Handler } from "./support/route-table";

const t = useTestDatabase();
let f: Fixture;

beforeAll(async () => {
  f = await buildRouteFixture(t.db);
});

async function hit(handler: Handler, kind: "loader" | "action", url: string, params: Record<string, string>, token: string | null): Promise<Outcome> {
  const request = kind === "loader" ? getRequest(url, { token }) : postRequest(url, {}, { token });
  return call(handler, request, params, testContext(t.db, { env: { ...testContext(t.db).env, DEMO_DATA: true } }));
}

const toSignIn = (o: Outcome) => o.status === 302 && (o.location ?? "").startsWith("/sign-in");
const allowed = (o: Outcome) => o.status !== 403 && o.status !== 404 && !toSignIn(o);
const describeOutcome = (o: Outcome) => `${o.status}${o.location ? ` → ${o.location}` : ""}`;

describe("route-by-role matrix", () => {
  it("has an entry for every route, and a rule for every loader and action", async () => {
    const missing: string[] = [];
    for (const route of routes) {
      const mod = await route.load();
      const entry = MATRIX[route.id];
      if (!entry) missing.push(`${route.id}: not in the matrix`);
      else {
        if (mod.loader && !entry.loader) missing.push(`${route.id}: loader has no rule`);
        if (mod.action && !entry.action) missing.push(`${route.id}: action has no rule`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(MATRIX).filter((id) => !routes.some((r) => r.id === id))).toEqual([]);
  });

  for (const route of routes) {
    const entry = MATRIX[route.id];
    if (!entry) continue;
    for (const kind of ["loader", "action"] as const) {
      const access = entry[kind];
      if (!access) continue;
      it(`${kind} of ${route.id}: ${typeof access === "string" ? access : JSON.stringify(access)}`, async () => {
        const handler = (await route.load())[kind]!;
        const params = { slug: f.a.slug, ...(entry.params?.(f) ?? {}) };
        const url = urlFor(route.id, params) + (entry.query ?? "");
        const results: string[] = [];
        const expectOutcome = (who: string, o: Outcome, ok: boolean, expectedDenial?: number) => {
          const good = ok ? allowed(o) : expectedDenial === 302 ? toSignIn(o) : o.status === expectedDenial;
          if (!good) results.push(`${who}: got ${describeOutcome(o)}, expected ${ok ? "access" : expectedDenial}`);
        };

        if (access === "public") {
          const o = await hit(handler, kind, url, params, null);
          if (o.status === 403 || o.status === 404) results.push(`anonymous: got ${describeOutcome(o)}`);
        } else if (access === "signed-in") {
          expectOutcome("anonymous", await hit(handler, kind, url, params, null), false, 302);
          expectOutcome("viewer", await hit(handler, kind, url, params, f.tenant.viewer), true);
        } else if ("national" in access) {
          expectOutcome("anonymous", await hit(handler, kind, url, params, null), false, 302);
          for (const role of TENANT_ROLES) expectOutcome(`tenant ${role}`, await hit(handler, kind, url, params, f.tenant[role]), false, 404);
          for (const role of NATIONAL_ROLES) expectOutcome(role, await hit(handler, kind, url, params, f.national[role]), nationalCan(role, access.national), 403);
        } else {
          expectOutcome("anonymous", await hit(handler, kind, url, params, null), false, 302);
          for (const role of TENANT_ROLES) {
            expectOutcome(`${role} of A`, await hit(handler, kind, url, params, f.tenant[role]), permissionsFor(role, null).has(access.tenant), 403);
            expectOutcome(`${role} of B`, await hit(handler, kind, url, params, f.foreign[role]), false, 404);
          }
          for (const role of NATIONAL_ROLES) expectOutcome(role, await hit(handler, kind, url, params, f.national[role]), permissionsFor(null, role).has(access.tenant), 403);
        }
        expect(results).toEqual([]);
      });
    }
  }
});
