import { redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { authority, membership, type Authority } from "../../db/schema";
import type { Database, Tx } from "../../db/client";
import type { RequestContext } from "../context";
import { canSeeAuthority, isNationalRole, isTenantRole, nationalCan, permissionsFor, type NationalPermission, type NationalRole, type Permission, type TenantRole } from "../domain/permissions";
import type { Actor } from "../services/audit.server";
import { dataVersion } from "../services/read-models.server";
import { asSystem, type TenantScope, type UserScope } from "../services/scope.server";
import { isSafeMethod } from "./csrf.server";
import { stepUpFresh, twoFactorGate } from "./two-factor-policy";
import { readSessionToken, validateSessionToken, type SessionUser } from "./session.server";

interface Args {
  request: Request;
  context: RequestContext;
  params?: Record<string, string | undefined>;
}

export function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

const sharedByRequest = new WeakMap<Request, Map<string, Promise<unknown>>>();

/**
 * Parent and child loaders run in parallel on one request: work they all need is done once. An
 * action's look-ups are never shared: it may change what they read (a session, a membership, the
 * data) before the loaders that follow it in the same request run.
 */
function once<T>({ request, context }: Args, key: string, work: () => Promise<T>): Promise<T> {
  if (!isSafeMethod(request.method)) return work();
  let shared = context.shared ?? sharedByRequest.get(request);
  if (!shared) sharedByRequest.set(request, (shared = new Map()));
  let found = shared.get(key) as Promise<T> | undefined;
  if (!found) shared.set(key, (found = work()));
  return found;
}

export function getSessionUser(args: Args): Promise<SessionUser | null> {
  return once(args, "session", () => {
    const token = readSessionToken(args.request, args.context.env);
    if (!token) return Promise.resolve(null);
    // On an authority's pages every loader asks for the membership next: read it in the
    // session's transaction (requireMembership then finds it shared). Same query, same rules.
    const slug = args.params?.slug;
    const withAccess = slug ? (tx: Tx, user: SessionUser["user"]) => once(args, `access:${slug}`, () => accessIn(tx, slug, { id: user.id, nationalRole: nationalRoleOf(user) })) : undefined;
    return validateSessionToken(args.context.db, token, args.context.now(), withAccess);
  });
}

const nationalRoleOf = (user: { nationalRole: string | null }): NationalRole | null => (isNationalRole(user.nationalRole) ? user.nationalRole : null);

export interface SignedIn extends SessionUser {
  nationalRole: NationalRole | null;
  actor: Actor;
  scope: UserScope;
}

function backHere(request: Request): string {
  const url = new URL(request.url);
  if (request.method === "GET") return `${url.pathname}${url.search}`;
  // After a POST, come back to the page the form was on.
  const referer = request.headers.get("Referer");
  const from = referer ? new URL(referer, url) : null;
  return from && from.origin === url.origin ? `${from.pathname}${from.search}` : "/";
}

/**
 * The signed-in user, or a redirect to sign in that comes back here afterwards. A session that
 * still owes its second factor (or whose owner must first set one up) is sent to do that, except
 * on the two-factor pages themselves (`pendingTwoFactor: true`).
 */
export async function requireUser(args: Args, options: { pendingTwoFactor?: boolean } = {}): Promise<SignedIn> {
  const found = await getSessionUser(args);
  if (!found) throw redirect(`/sign-in?redirectTo=${encodeURIComponent(backHere(args.request))}`);
  if (!options.pendingTwoFactor) {
    const gate = twoFactorGate(args.context.env.TWO_FACTOR, { national: isNationalRole(found.user.nationalRole), ...found.twoFactor });
    if (gate !== "ok") throw redirect(`/two-factor${gate === "set-up" ? "/set-up" : ""}?redirectTo=${encodeURIComponent(backHere(args.request))}`);
  }
  const actor: Actor = { userId: found.user.id, label: found.user.email, name: found.user.name, ip: args.context.ip };
  return {
    ...found,
    nationalRole: nationalRoleOf(found.user),
    actor,
    scope: { db: args.context.db, actor, now: args.context.now() },
  };
}

export interface TenantAccess extends SignedIn {
  authority: Authority;
  role: TenantRole | null;
  permissions: Set<Permission>;
  can(permission: Permission): boolean;
  tenant: TenantScope;
}

/**
 * The permission check every authority page and action makes: the authority in the URL, the
 * caller's membership of it (or a national role), and one permission. Not a member: 404, so the
 * answer does not even confirm the authority exists. A member without the permission: 403.
 */
export async function requireMembership(args: Args, permission: Permission): Promise<TenantAccess> {
  const signedIn = await requireUser(args);
  const slug = args.params?.slug ?? "";
  const found = await once(args, `access:${slug}`, () => authorityAccess(args.context.db, slug, { id: signedIn.user.id, nationalRole: signedIn.nationalRole }));
  if (!found) throw notFound();
  if (!found.permissions.has(permission)) throw forbidden();
  return {
    ...signedIn,
    ...found,
    can: (p) => found.permissions.has(p),
    tenant: {
      db: args.context.db,
      authorityId: found.authority.id,
      actor: signedIn.actor,
      now: args.context.now(),
      // Loaders write nothing the version counts, so they share one reading of it.
      dataVersion: () => once(args, `version:${found.authority.id}`, () => dataVersion(args.context.db, found.authority.id)),
    },
  };
}

type AuthorityAccess = { authority: Authority; role: TenantRole | null; permissions: Set<Permission> };

/**
 * The authority with this slug and what the person may do there, in one query; null when it does
 * not exist or they cannot see it (not a member, not national). Shared by pages and the read API.
 */
export async function authorityAccess(
  db: Database,
  slug: string,
  user: { id: string; nationalRole: NationalRole | null },
): Promise<AuthorityAccess | null> {
  // Before the tenant is known: the membership is looked up in the system scope.
  return asSystem(db, "memberships of a user", (tx) => accessIn(tx, slug, user));
}

/** authorityAccess inside a transaction already in the system scope. */
async function accessIn(tx: Tx, slug: string, user: { id: string; nationalRole: NationalRole | null }): Promise<AuthorityAccess | null> {
  const [row] = await tx
    .select({ authority, role: membership.role })
    .from(authority)
    .leftJoin(membership, and(eq(membership.authorityId, authority.id), eq(membership.userId, user.id)))
    .where(eq(authority.slug, slug))
    .limit(1);
  const role = row && isTenantRole(row.role) ? row.role : null;
  if (!row || !canSeeAuthority(role, user.nationalRole)) return null;
  return { authority: row.authority, role, permissions: permissionsFor(role, user.nationalRole) };
}

/**
 * Sensitive actions (inviting, publishing a charter, creating API tokens) need a second-factor
 * proof from the last few minutes when the person has two-factor set up. Otherwise: prove it
 * again, then come back to the page.
 */
export function requireRecentTwoFactor(signedIn: SignedIn, args: Args): void {
  if (!signedIn.twoFactor.enrolled) return;
  if (stepUpFresh(signedIn.twoFactor.verifiedAt, args.context.now())) return;
  throw redirect(`/two-factor?step-up=1&redirectTo=${encodeURIComponent(backHere(args.request))}`);
}

/** National pages: a 404 for anyone without a national role (as for a foreign authority), 403 for a viewer on admin pages. */
export async function requireNational(args: Args, permission: NationalPermission): Promise<SignedIn> {
  const signedIn = await requireUser(args);
  if (!nationalCan(signedIn.nationalRole, permission)) throw signedIn.nationalRole ? forbidden() : notFound();
  return signedIn;
}
