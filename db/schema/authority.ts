import { date, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** An adopting authority: the tenant. Every tenant table refers to it by authority_id. */
export const authority = pgTable("authority", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  onsCode: text("ons_code"),
  region: text("region").notNull(),
  cohort: text("cohort").notNull(),
  /** Children aged 0-17, the denominator for rates per 10,000 children. */
  childPopulation: integer("child_population"),
  fundingSummary: text("funding_summary"),
  programmeStart: date("programme_start", { mode: "string" }),
  plannedGoLive: date("planned_go_live", { mode: "string" }),
  actualGoLive: date("actual_go_live", { mode: "string" }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Authority = typeof authority.$inferSelect;
export type NewAuthority = typeof authority.$inferInsert;
