import type { Authority } from "../../db/schema";
import type { RequestContext } from "../context";
import { bearerToken } from "../domain/api-tokens";
import type { NationalRole, Permission, TenantRole } from "../domain/permissions";
import { apiError } from "../services/api/http.server";
import { authenticateApiToken, type ApiTokenHolder } from "../services/api/tokens.server";
import type { Actor } from "../services/audit.server";
import type { TenantScope } from "../services/scope.server";
import { authorityAccess } from "./guards.server";
import { count } from "./rate-limit.server";

interface Args {
  request: Request;
  context: RequestContext;
  params?: Record<string, string | undefined>;
}

export interface ApiCaller extends ApiTokenHolder {
  nationalRole: NationalRole | null;
  actor: Actor;
}

/** Requests per token per minute (`API_RATE_LIMIT`). */
const WINDOW_MS = 60_000;

/**
 * The person behind the request's `Authorization: Bearer fsk_…` token. Only a personal API token
 * counts: a session cookie does not open the API (and a token does not open pages). 401 when the
 * token is missing, unknown, expired or revoked; 429 with Retry-After over the token's limit.
 */
export async function requireApiCaller({ request, context }: Args): Promise<ApiCaller> {
  const token = bearerToken(request.headers.get("Authorization"));
  const now = context.now();
  const holder = token ? await authenticateApiToken(context.db, token, now) : null;
  if (!holder) {
    throw apiError(401, token ? "The API token is not valid: it may have expired or been revoked." : "Send a personal API token: Authorization: Bearer fsk_…", {
      "WWW-Authenticate": `Bearer realm="api"${token ? ', error="invalid_token"' : ""}`,
    });
  }
  const limit = await count(context.db, `api-token:${holder.tokenId}`, { max: context.env.API_RATE_LIMIT, windowMs: WINDOW_MS }, now);
  if (!limit.allowed) throw apiError(429, `Too many requests: at most ${context.env.API_RATE_LIMIT} a minute per token.`, { "Retry-After": String(limit.retryAfterSeconds) });
  return {
    ...holder,
    nationalRole: holder.user.nationalRole,
    actor: { userId: holder.user.id, label: holder.user.email, name: holder.user.name, ip: context.ip },
  };
}

export interface ApiAccess extends ApiCaller {
  authority: Authority;
  role: TenantRole | null;
  tenant: TenantScope;
}

/**
 * The read API's check for one authority, the same rule as the pages': 404 (JSON) when the
 * caller is not a member and not national, 403 when a member lacks the permission.
 */
export async function requireApiAuthority(args: Args, permission: Permission): Promise<ApiAccess> {
  const caller = await requireApiCaller(args);
  const found = await authorityAccess(args.context.db, args.params?.slug ?? "", { id: caller.user.id, nationalRole: caller.nationalRole });
  if (!found) throw apiError(404, "Not found");
  if (!found.permissions.has(permission)) throw apiError(403, "Forbidden");
  return { ...caller, authority: found.authority, role: found.role, tenant: { db: args.context.db, authorityId: found.authority.id, actor: caller.actor, now: args.context.now() } };
}
