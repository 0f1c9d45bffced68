import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";
import { team } from "./workforce";

/**
 * The implementation plan (issue 7). Statuses are never stored: milestone and hub status,
 * slippage and risk scores are derived from the dates here (app/domain/plan.ts).
 */

/** A workstream of the programme (partnership, redesign, training…), in the authority's order. */
export const workstream = pgTable(
  "workstream",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Who leads it: a job title or name. */
    lead: text("lead"),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workstream_authority_idx").on(t.authorityId, t.sortOrder), uniqueIndex("workstream_authority_name_unique").on(t.authorityId, t.name)],
);

/**
 * A milestone of a workstream. `dueDate` is the date in force; `baselineDueDate` the one first
 * agreed (slippage is measured against it); `doneOn` when it was achieved.
 */
export const milestone = pgTable(
  "milestone",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    workstreamId: uuid("workstream_id")
      .notNull()
      .references(() => workstream.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    owner: text("owner"),
    dueDate: date("due_date", { mode: "string" }),
    baselineDueDate: date("baseline_due_date", { mode: "string" }),
    doneOn: date("done_on", { mode: "string" }),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("milestone_authority_idx").on(t.authorityId, t.dueDate), index("milestone_workstream_idx").on(t.workstreamId)],
);

/** A locality hub where the FS teams sit with partner services; its openings planned, forecast and actual. */
export const hub = pgTable(
  "hub",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The locality: one of the authority's teams (optional). */
    teamId: uuid("team_id").references(() => team.id, { onDelete: "set null" }),
    plannedOpening: date("planned_opening", { mode: "string" }),
    forecastOpening: date("forecast_opening", { mode: "string" }),
    actualOpening: date("actual_opening", { mode: "string" }),
    /** Partner services in the same building (Early Help, a domestic abuse charity, DWP…). */
    coLocatedServices: text("co_located_services")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hub_authority_idx").on(t.authorityId), uniqueIndex("hub_authority_name_unique").on(t.authorityId, t.name)],
);

/**
 * A risk or an issue (the RAID register). Numbered per authority and kind (R1, R2…; I1…).
 * A risk scores likelihood × impact (1–5 each); an issue has happened, so it has no likelihood.
 * Open from `raisedOn` until `closedOn` (a risk is closed, an issue resolved); status mirrors it.
 */
export const raidItem = pgTable(
  "raid_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    /** risk | issue */
    kind: text("kind").notNull(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    owner: text("owner"),
    likelihood: integer("likelihood"),
    impact: integer("impact").notNull(),
    mitigation: text("mitigation"),
    /** open | closed (an issue's "closed" reads "resolved") */
    status: text("status").notNull().default("open"),
    raisedOn: date("raised_on", { mode: "string" }).notNull(),
    reviewDate: date("review_date", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("raid_item_authority_idx").on(t.authorityId, t.kind),
    uniqueIndex("raid_item_authority_number_unique").on(t.authorityId, t.kind, t.number),
    check("raid_item_kind_check", sql`${t.kind} in ('risk', 'issue')`),
    check("raid_item_status_check", sql`(${t.status} = 'open' and ${t.closedOn} is null) or (${t.status} = 'closed' and ${t.closedOn} is not null)`),
    check(
      "raid_item_scale_check",
      sql`${t.impact} between 1 and 5 and (${t.kind} = 'issue' and ${t.likelihood} is null or ${t.kind} = 'risk' and ${t.likelihood} between 1 and 5)`,
    ),
  ],
);

export type Workstream = typeof workstream.$inferSelect;
export type Milestone = typeof milestone.$inferSelect;
export type Hub = typeof hub.$inferSelect;
export type RaidItem = typeof raidItem.$inferSelect;
