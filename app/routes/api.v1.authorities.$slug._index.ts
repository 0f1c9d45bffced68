import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiAuthority } from "~/auth/api.server";
import { getApiAuthority } from "~/services/api/authorities.server";
import { apiLoader, apiReply, methodNotAllowed } from "~/services/api/http.server";

export const loader = apiLoader(async (args: LoaderFunctionArgs) => {
  const access = await requireApiAuthority(args, "authority:read");
  return apiReply(args.request, getApiAuthority(access.authority));
});

export const action = methodNotAllowed;
