import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAsOf } from "~/as-of";
import { requireApiAuthority } from "~/auth/api.server";
import { apiLoader, apiReply, methodNotAllowed } from "~/services/api/http.server";
import { getApiReadiness } from "~/services/api/readiness.server";

export const loader = apiLoader(async (args: LoaderFunctionArgs) => {
  const access = await requireApiAuthority(args, "authority:read");
  const { asOf, today } = readAsOf(args.request, args.context.now());
  return apiReply(args.request, await getApiReadiness(access.tenant, access.authority, { asOf, today }));
});

export const action = methodNotAllowed;
