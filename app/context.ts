import type { Env } from "./env.server";
import type { Database } from "../db/client";

/**
 * What the server gives every loader and action. The database travels here rather than through
 * a module-level singleton, so tests can hand a loader their own database and server code
 * never runs twice against one embedded database folder.
 */
// A type alias (not an interface) so it satisfies Remix's indexable AppLoadContext.
export type RequestContext = {
  db: Database;
  env: Env;
  /** The client's address as seen through trusted proxies. */
  ip: string;
  /** Current time; tests replace it to move the clock. */
  now: () => Date;
  /** The Content-Security-Policy nonce of this response (set by the server). */
  nonce?: string;
  /**
   * Work the loaders of one request share (the session, the membership): Remix runs them in
   * parallel, each with its own Request object. Made fresh by the server for every request; a
   * context without it (a test calling one loader) shares by Request object instead.
   */
  shared?: Map<string, Promise<unknown>>;
};

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
  interface Future {
    v3_singleFetch: true;
  }
}
