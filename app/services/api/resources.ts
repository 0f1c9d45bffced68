/**
 * The read API's per-authority resources, in the order the authority's `links` list them. A new
 * resource (e.g. outcomes) is: a name here, a route file `api.v1.authorities.$slug.<name>.ts`
 * calling one service function, and its path in openapi.ts (a test checks the last two agree).
 */
export const AUTHORITY_RESOURCES = ["readiness", "workforce", "funding"] as const;
export type AuthorityResource = (typeof AUTHORITY_RESOURCES)[number];

export const API_BASE = "/api/v1";

export function authorityPath(slug: string, resource?: AuthorityResource): string {
  return `${API_BASE}/authorities/${encodeURIComponent(slug)}${resource ? `/${resource}` : ""}`;
}
