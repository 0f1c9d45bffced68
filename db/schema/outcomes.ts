import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";

/**
 * The outcomes scorecard (issue 8). Aggregate counts only, never a child's record. Changes since
 * the baseline, rates per 10,000 children, trends and ranks are derived (app/domain/outcomes.ts).
 */

/**
 * An indicator. National ones (authority_id null, a `key` such as "cp-plans") are shared by every
 * authority; an authority's own (custom) ones carry its id. `parentId`: "of them" indicators
 * (children on a CP plan aged 12 and under) name the indicator they are a part of.
 */
export const outcomeIndicator = pgTable(
  "outcome_indicator",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null: a national indicator. */
    authorityId: uuid("authority_id").references(() => authority.id, { onDelete: "cascade" }),
    /** A stable key for national indicators ("cp-plans"); null for an authority's own. */
    key: text("key"),
    name: text("name").notNull(),
    description: text("description"),
    /** count | percent | rate | days */
    unit: text("unit").notNull(),
    /** snapshot (a count at a date) | flow (over a period) */
    periodType: text("period_type").notNull(),
    /** lower | higher: which way is better */
    direction: text("direction").notNull(),
    parentId: uuid("parent_id"),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outcome_indicator_authority_idx").on(t.authorityId, t.sortOrder),
    uniqueIndex("outcome_indicator_key_unique").on(t.key),
    check("outcome_indicator_unit_check", sql`${t.unit} in ('count', 'percent', 'rate', 'days')`),
    check("outcome_indicator_period_type_check", sql`${t.periodType} in ('snapshot', 'flow')`),
    check("outcome_indicator_direction_check", sql`${t.direction} in ('lower', 'higher')`),
  ],
);

/**
 * One figure of an indicator for an authority. A snapshot is at one date (period_start =
 * period_end = that date); a flow covers period_start to period_end inclusive.
 */
export const outcomeObservation = pgTable(
  "outcome_observation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => outcomeIndicator.id, { onDelete: "cascade" }),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    value: numeric("value", { precision: 14, scale: 2, mode: "number" }).notNull(),
    source: text("source"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outcome_observation_authority_idx").on(t.authorityId, t.indicatorId, t.periodEnd),
    uniqueIndex("outcome_observation_period_unique").on(t.authorityId, t.indicatorId, t.periodStart, t.periodEnd),
    check("outcome_observation_period_check", sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/** The authority's chosen baseline observation for an indicator (one per indicator). */
export const outcomeBaseline = pgTable(
  "outcome_baseline",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => outcomeIndicator.id, { onDelete: "cascade" }),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => outcomeObservation.id, { onDelete: "cascade" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("outcome_baseline_indicator_unique").on(t.authorityId, t.indicatorId)],
);

/** The authority's child population (aged 0 to 17) for a year, with its source: the denominator of rates per 10,000. */
export const childPopulation = pgTable(
  "child_population",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    /** The year the estimate is for (e.g. the ONS mid-year estimate of 2021). */
    year: integer("year").notNull(),
    population: integer("population").notNull(),
    source: text("source").notNull(),
    /** True when the figure is an illustration (demo data), not a published estimate. */
    illustrative: boolean("illustrative").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("child_population_year_unique").on(t.authorityId, t.year), check("child_population_positive_check", sql`${t.population} > 0`)],
);

export type OutcomeIndicator = typeof outcomeIndicator.$inferSelect;
export type OutcomeObservation = typeof outcomeObservation.$inferSelect;
export type OutcomeBaseline = typeof outcomeBaseline.$inferSelect;
export type ChildPopulation = typeof childPopulation.$inferSelect;
