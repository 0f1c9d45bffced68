/**
 * The URL path of a Remix flat-route file id: `a.$slug.plan._index` → `/a/:slug/plan`,
 * `account_.api-tokens` → `/account/api-tokens`, `api.v1.openapi[.json]` → `/api/v1/openapi.json`.
 * `param` renders a `$name` segment (default `:name`).
 */
export function routePath(id: string, param: (name: string) => string = (n) => `:${n}`): string {
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const ch of id) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    else if (ch === "." && !escaped) {
      segments.push(current);
      current = "";
    } else current += ch;
  }
  segments.push(current);
  const path = segments
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? param(s.slice(1)) : s))
    .join("/");
  return `/${path}`;
}
