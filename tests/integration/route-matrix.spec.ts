/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from "vitest";
import { NATIONAL_ROLES, permissionsFor, nationalCan, TENANT_ROLES, type NationalRole, type TenantRole } from "~/domain/permissions";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, type Outcome } from "../helpers/requests";
import { buildRouteFixture, MATRIX, routes, urlFor, type Fixture, type Handler } from "./support/route-table";

const t = useTestDatabase();
let f: Fixture;

beforeAll(async () => {
  f = await buildRouteFixture(t.db);
});

async function hit(handler: Handler, kind: "loader" | "action", url: string, params: Record<string, string>, token: string | null, bearer?: string): Promise<Outcome> {
  const request = kind === "loader" ? getRequest(url, { token, bearer }) : postRequest(url, {}, { token, bearer });
  return call(handler, request, params, testContext(t.db, { env: { ...testContext(t.db).env, DEMO_DATA: true } }));
}

const toSignIn = (o: Outcome) => o.status === 302 && (o.location ?? "").startsWith("/sign-in");
const allowed = (o: Outcome) => ![401, 403, 404, 405].includes(o.status) && !toSignIn(o);
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

        const api = (role: TenantRole | NationalRole, of: "tenant" | "foreign" | "national") => hit(handler, kind, url, params, null, (f.api[of] as Record<string, string>)[role]);
        if (access === "no-such-endpoint") {
          for (const [who, o] of [
            ["anonymous", await hit(handler, kind, url, params, null)],
            ["national-admin's token", await api("national-admin", "national")],
            ["national-admin's session cookie", await hit(handler, kind, url, params, f.national["national-admin"])],
          ] as const) {
            expectOutcome(who, o, false, 404);
            if (o.headers.get("Content-Type") !== "application/json") results.push(`${who}: answered ${o.headers.get("Content-Type")}, not JSON`);
          }
        } else if (access === "read-only") {
          expectOutcome("anonymous", await hit(handler, kind, url, params, null), false, 405);
          expectOutcome("national-admin's token", await api("national-admin", "national"), false, 405);
          expectOutcome("programme-manager of A's token", await api("programme-manager", "tenant"), false, 405);
        } else if (access === "public") {
          const o = await hit(handler, kind, url, params, null);
          if (o.status === 403 || o.status === 404) results.push(`anonymous: got ${describeOutcome(o)}`);
        } else if (access === "signed-in") {
          expectOutcome("anonymous", await hit(handler, kind, url, params, null), false, 302);
          expectOutcome("viewer", await hit(handler, kind, url, params, f.tenant.viewer), true);
        } else if ("api" in access) {
          expectOutcome("anonymous", await hit(handler, kind, url, params, null), false, 401);
          expectOutcome("national-admin's session cookie", await hit(handler, kind, url, params, f.national["national-admin"]), false, 401);
          for (const role of TENANT_ROLES) {
            const may = access.api === "token" || permissionsFor(role, null).has(access.api);
            expectOutcome(`${role} of A's token`, await api(role, "tenant"), may, 403);
            expectOutcome(`${role} of B's token`, await api(role, "foreign"), access.api === "token", 404);
          }
          for (const role of NATIONAL_ROLES) expectOutcome(`${role}'s token`, await api(role, "national"), access.api === "token" || permissionsFor(null, role).has(access.api), 403);
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
