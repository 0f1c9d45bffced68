import { csvResponse, toCsv, type CsvColumn } from "../../csv.server";
import { isTypedError } from "../../errors";

/**
 * HTTP plumbing of the read API (`/api/v1`): JSON errors, content negotiation between JSON and
 * CSV, and the 405 every other method gets.
 */
const NO_STORE = { "Cache-Control": "no-store" };

export function apiError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { status, message } }, { status, headers: { ...NO_STORE, ...headers } });
}

/** What an endpoint's service gives back: the JSON body's `data`, and the same figures as CSV rows. */
export interface ApiResult<T, Row> {
  data: T;
  csv: { filename: string; rows: Row[]; columns: CsvColumn<Row>[] };
}

export type ApiFormat = "json" | "csv";

/** `?format=csv|json` wins; otherwise CSV when the Accept header asks for text/csv; JSON by default. Null: an unknown format. */
export function responseFormat(request: Request): ApiFormat | null {
  const format = new URL(request.url).searchParams.get("format");
  if (format !== null) return format === "csv" || format === "json" ? format : null;
  const accept = request.headers.get("Accept") ?? "";
  return /(^|,)\s*text\/csv\b/i.test(accept) ? "csv" : "json";
}

export function apiReply<T, Row>(request: Request, result: ApiResult<T, Row>): Response {
  const format = responseFormat(request);
  if (format === null) return apiError(400, "Unknown format: use format=json or format=csv.");
  if (format === "csv") return csvResponse(result.csv.filename, toCsv(result.csv.rows, result.csv.columns));
  return Response.json({ data: result.data }, { headers: NO_STORE });
}

/**
 * Wraps an API loader: typed errors from services become JSON errors (404 says no more than
 * "Not found"), thrown Responses pass through.
 */
export function apiLoader<Args>(fn: (args: Args) => Promise<Response>): (args: Args) => Promise<Response> {
  return async (args) => {
    try {
      return await fn(args);
    } catch (error) {
      if (isTypedError(error)) return apiError(error.status, error.status === 404 ? "Not found" : error.status === 403 ? "Forbidden" : error.message);
      throw error;
    }
  };
}

/** The API only reads: every method other than GET (and HEAD) is refused, whoever asks. */
export async function methodNotAllowed(): Promise<Response> {
  return apiError(405, "The API is read-only: use GET.", { Allow: "GET, HEAD" });
}
