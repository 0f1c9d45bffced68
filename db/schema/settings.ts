import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Programme-wide defaults set by national admins, e.g. the go-live thresholds. One row per key. */
export const programmeSetting = pgTable("programme_setting", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedByUserId: uuid("updated_by_user_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
