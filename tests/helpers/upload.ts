import { TEST_ORIGIN } from "./context";

/** A multipart form POST with one file, as a browser sends an upload form. */
export function uploadRequest(path: string, file: { name: string; content: string }, fields: Record<string, string> = {}, opts: { token?: string | null } = {}): Request {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append("file", new File([file.content], file.name, { type: "text/csv" }));
  return new Request(`${TEST_ORIGIN}${path}`, { method: "POST", headers: { Cookie: opts.token ? `fs_session=${opts.token}` : "", Origin: TEST_ORIGIN }, body });
}
