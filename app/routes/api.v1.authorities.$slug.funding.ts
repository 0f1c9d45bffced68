import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAsOf } from "~/as-of";
import { requireApiAuthority } from "~/auth/api.server";
import { getApiFunding } from "~/services/api/funding.server";
import { apiLoader, apiReply, methodNotAllowed } from "~/services/api/http.server";

export const loader = apiLoader(async (args: LoaderFunctionArgs) => {
  const access = await requireApiAuthority(args, "authority:read");
  const { asOf } = readAsOf(args.request, args.context.now());
  return apiReply(args.request, await getApiFunding(access.tenant, access.authority, asOf));
});

export const action = methodNotAllowed;
