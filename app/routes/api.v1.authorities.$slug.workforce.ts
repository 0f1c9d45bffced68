import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAsOf } from "~/as-of";
import { requireApiAuthority } from "~/auth/api.server";
import { apiLoader, apiReply, methodNotAllowed } from "~/services/api/http.server";
import { getApiWorkforce } from "~/services/api/workforce.server";

export const loader = apiLoader(async (args: LoaderFunctionArgs) => {
  const access = await requireApiAuthority(args, "authority:read");
  const { asOf } = readAsOf(args.request, args.context.now());
  return apiReply(args.request, await getApiWorkforce(access.tenant, access.authority, asOf));
});

export const action = methodNotAllowed;
