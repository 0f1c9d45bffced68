import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiCaller } from "~/auth/api.server";
import { listApiAuthorities } from "~/services/api/authorities.server";
import { apiLoader, apiReply, methodNotAllowed } from "~/services/api/http.server";

export const loader = apiLoader(async (args: LoaderFunctionArgs) => {
  const caller = await requireApiCaller(args);
  return apiReply(args.request, await listApiAuthorities(args.context.db, caller));
});

export const action = methodNotAllowed;
