import type { RequestContext } from "../../app/context";
import { parseEnv } from "../../app/env.server";
import type { Database } from "../../db/client";

export const TEST_ORIGIN = "http://localhost:3000";

/** The load context a loader or action gets from the server, for calling them directly. */
export function testContext(db: Database, overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    db,
    env: parseEnv({ NODE_ENV: "test", APP_URL: TEST_ORIGIN, DATA_DIR: ".data-test" }),
    ip: "127.0.0.1",
    now: () => new Date(),
    ...overrides,
  };
}
