import type { RequestContext } from "../../app/context";
import { parseEnv } from "../../app/env.server";
import type { Database } from "../../db/client";

export const TEST_ORIGIN = "http://localhost:3000";

const rand = () => Math.floor(Math.random() * 254) + 1;

/** The load context a loader or action gets from the server, for calling them directly. */
export function testContext(db: Database, overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    db,
    env: parseEnv({ NODE_ENV: "test", APP_URL: TEST_ORIGIN, DATA_DIR: ".data-test" }),
    // A different address per context: rate limits are per IP and tests share the database.
    ip: `10.${rand()}.${rand()}.${rand()}`,
    now: () => new Date(),
    ...overrides,
  };
}
