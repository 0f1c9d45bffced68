import { redirect } from "@remix-run/node";
import { serializeSessionCookie } from "./auth/session.server";
import type { Env } from "./env.server";

/**
 * A one-time notice ("Invitation sent to …") carried across the redirect that follows a
 * successful form, in a short-lived cookie the next page reads and clears.
 */
const NAME = "fs_notice";

export function redirectWithNotice(to: string, notice: string, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.append("Set-Cookie", `${NAME}=${encodeURIComponent(notice.slice(0, 300))}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`);
  return redirect(to, { headers: h });
}

export function readNotice(request: Request): { notice: string | null; clear: string | null } {
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.split(";").map((p) => p.trim()).find((p) => p.startsWith(`${NAME}=`));
  if (!match) return { notice: null, clear: null };
  const notice = decodeURIComponent(match.slice(NAME.length + 1)) || null;
  return { notice, clear: `${NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` };
}

/** After signing someone in (reset, invitation, password change): the new session cookie and a notice. */
export function redirectSignedIn(to: string, notice: string, env: Pick<Env, "APP_URL">, session: { token: string; createdAt: Date }, now: Date): Response {
  return redirectWithNotice(to, notice, { "Set-Cookie": serializeSessionCookie(env, session.token, session.createdAt, now) });
}
