import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSessionUser } from "~/auth/guards.server";
import { clearSessionCookie } from "~/auth/session.server";
import { signOut } from "~/services/auth/sign-out.server";

export async function loader() {
  return redirect("/");
}

export async function action(args: ActionFunctionArgs) {
  const found = await getSessionUser(args);
  if (found) await signOut(args.context.db, { userId: found.user.id, label: found.user.email, ip: args.context.ip }, found.sessionId);
  return redirect("/sign-in", { headers: { "Set-Cookie": clearSessionCookie(args.context.env) } });
}
