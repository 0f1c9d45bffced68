import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Which parts of the demo data have been loaded, so seeding twice changes nothing. */
export const seedRun = pgTable("seed_run", {
  name: text("name").primaryKey(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A counter per authority (and one, `programme`, for programme-wide settings and the national
 * outcome catalogue), raised by statement triggers (migration 0016) whenever any row of that
 * authority changes, whoever writes it. Computed read models (the readiness dashboard, the
 * national comparison rows) are memoised against it: see app/services/read-models.server.ts.
 */
export const dataRevision = pgTable("data_revision", {
  key: text("key").primaryKey(),
  revision: bigint("revision", { mode: "number" }).notNull(),
});
