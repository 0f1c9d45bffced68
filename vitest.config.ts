import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

/**
 * unit: pure functions (*.test.ts). integration: loaders, actions and services on a real database
 * (*.spec.ts), on PGlite and, when TEST_DATABASE_URL is set, again on that PostgreSQL server.
 * e2e: the built app in Chromium (tests/e2e/*.e2e.ts).
 */
const integration = (name: string, kind: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["tests/integration/**/*.spec.ts"],
    // Behaviour of the embedded database itself (folder lock, fresh demo seed) needs PGlite;
    // several servers on one database (tests/integration/postgres) need a PostgreSQL server.
    exclude: kind === "postgres" ? ["tests/integration/embedded/**"] : ["tests/integration/postgres/**"],
    env: { TEST_DB_KIND: kind },
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Seeding a fresh demo database takes 10–35 s on a loaded two-core machine.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globals: true,
    environment: "node",
    setupFiles: ["tests/helpers/fail-on-console.ts"],
    reporters: ["default"],
    projects: [
      { extends: true, test: { name: "unit", include: ["app/**/*.test.ts", "tests/unit/**/*.test.ts"] } },
      integration("integration-pglite", "pglite"),
      ...(process.env.TEST_DATABASE_URL ? [integration("integration-postgres", "postgres")] : []),
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.ts"],
          env: { TEST_DB_KIND: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
