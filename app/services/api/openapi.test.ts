import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routePath } from "../../../tests/helpers/route-path";
import { OPENAPI } from "./openapi";
import { AUTHORITY_RESOURCES } from "./resources";

const apiRoutes = readdirSync(path.resolve("app/routes"))
  .filter((f) => f.startsWith("api.v1."))
  .map((f) => f.replace(/\.tsx?$/, ""));

describe("the OpenAPI description", () => {
  it("is OpenAPI 3.1 with a bearer scheme", () => {
    expect(OPENAPI.openapi).toBe("3.1.0");
    expect(OPENAPI.components?.securitySchemes?.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("describes every /api/v1 route file, and nothing else", () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(6);
    const documented = Object.keys(OPENAPI.paths ?? {}).sort();
    expect(apiRoutes.map((id) => routePath(id, (n) => `{${n}}`)).sort()).toEqual(documented);
  });

  it("has a route and a link for every authority resource", () => {
    for (const r of AUTHORITY_RESOURCES) expect(OPENAPI.paths).toHaveProperty([`/api/v1/authorities/{slug}/${r}`]);
    const links = OPENAPI.components!.schemas!.Authority as { properties: { links: { required: string[] } } };
    expect(links.properties.links.required).toEqual(["self", ...AUTHORITY_RESOURCES]);
  });

  it("declares only GET, the error answers, and only schemas that exist", () => {
    const json = JSON.stringify(OPENAPI);
    for (const [, item] of Object.entries(OPENAPI.paths ?? {})) {
      expect(Object.keys(item!)).toEqual(["get"]);
    }
    for (const [, name] of json.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(OPENAPI.components?.schemas).toHaveProperty([name]);
    const readiness = OPENAPI.paths!["/api/v1/authorities/{slug}/readiness"]!.get!;
    expect(Object.keys(readiness.responses ?? {})).toEqual(["200", "400", "401", "403", "404", "429"]);
  });
});

describe("routePath", () => {
  it("turns flat-route ids into paths", () => {
    expect(routePath("api.v1.openapi[.json]")).toBe("/api/v1/openapi.json");
    expect(routePath("account_.api-tokens")).toBe("/account/api-tokens");
    expect(routePath("a.$slug.plan._index", () => "x")).toBe("/a/x/plan");
    expect(routePath("_index")).toBe("/");
  });
});
