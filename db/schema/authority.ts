import { date, integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
  /** When DfE confirmed the authority may go live. */
  dfeConfirmedOn: date("dfe_confirmed_on", { mode: "string" }),
  actualGoLive: date("actual_go_live", { mode: "string" }),
  /** Per-authority overrides of the national go-live thresholds (percent); null: the national default. */
  thresholdAdultWorkers: numeric("threshold_adult_workers", { precision: 5, scale: 2, mode: "number" }),
  thresholdMi: numeric("threshold_mi", { precision: 5, scale: 2, mode: "number" }),
  thresholdWorkshops: numeric("threshold_workshops", { precision: 5, scale: 2, mode: "number" }),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Authority = typeof authority.$inferSelect;
export type NewAuthority = typeof authority.$inferInsert;
