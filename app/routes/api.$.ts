import { apiError } from "~/services/api/http.server";

/**
 * Any other path under /api, whatever the method: a JSON 404, as the read API answers its other
 * errors (API clients would otherwise get the service's HTML "page not found").
 */
function noSuchEndpoint() {
  return apiError(404, "There is no such API endpoint: see /api/v1/openapi.json for the ones there are.");
}

export const loader = noSuchEndpoint;
export const action = noSuchEndpoint;
