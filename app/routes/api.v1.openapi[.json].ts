import { methodNotAllowed } from "~/services/api/http.server";
import { OPENAPI } from "~/services/api/openapi";

/** The read API's OpenAPI 3.1 description: public, it holds no data. */
export async function loader() {
  return Response.json(OPENAPI, { headers: { "Cache-Control": "public, max-age=300" } });
}

export const action = methodNotAllowed;
