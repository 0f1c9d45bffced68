import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Which parts of the demo data have been loaded, so seeding twice changes nothing. */
export const seedRun = pgTable("seed_run", {
  name: text("name").primaryKey(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});
