import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";
import { organisation } from "./organisation";

/** A team or locality of the authority's Family Safeguarding service (e.g. Walsall's four localities). */
export const team = pgTable(
  "team",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("team_authority_name_unique").on(t.authorityId, t.name)],
);

/**
 * An establishment post: a funded position with a role and FTE, whether or not anyone holds it.
 * A post exists from `establishedOn` (null: from the start) until `disestablishedOn` (exclusive).
 */
export const post = pgTable(
  "post",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    /** The council's own post number, unique in the authority (key for imports). */
    reference: text("reference"),
    /** A key of the role catalogue (app/domain/workforce.ts) or a custom role name. */
    role: text("role").notNull(),
    title: text("title"),
    fte: numeric("fte", { precision: 5, scale: 2, mode: "number" }).notNull(),
    teamId: uuid("team_id").references(() => team.id, { onDelete: "set null" }),
    /** The partner that hosts or employs the post (probation, an NHS trust, a charity…). */
    hostOrganisationId: uuid("host_organisation_id").references(() => organisation.id, { onDelete: "set null" }),
    /** Counts towards the adult specialist workers criterion. */
    adultSpecialist: boolean("adult_specialist").notNull(),
    fundedBy: text("funded_by"),
    establishedOn: date("established_on", { mode: "string" }),
    disestablishedOn: date("disestablished_on", { mode: "string" }),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("post_authority_idx").on(t.authorityId), uniqueIndex("post_authority_reference_unique").on(t.authorityId, t.reference)],
);

/**
 * Someone holding a post, for a stretch of time. A post keeps every holder it has had.
 * In post from `startDate` to `lastDay` inclusive (no last day: still in post). A start date in
 * the future with startConfirmed = false is an agreed start: pipeline, and part of the forecast.
 */
export const appointment = pgTable(
  "appointment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    postId: uuid("post_id")
      .notNull()
      .references(() => post.id, { onDelete: "cascade" }),
    /** Name or HR reference; the service holds no more about staff than this. */
    holder: text("holder").notNull(),
    fte: numeric("fte", { precision: 5, scale: 2, mode: "number" }).notNull(),
    /** permanent | fixed-term | secondment */
    contractType: text("contract_type").notNull(),
    /** When a fixed-term contract or secondment ends (the retention risk). */
    contractEnd: date("contract_end", { mode: "string" }),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** true once the person has actually started; false while the date is only agreed. */
    startConfirmed: boolean("start_confirmed").notNull().default(false),
    /** Last day in post, inclusive. */
    lastDay: date("last_day", { mode: "string" }),
    leavingReason: text("leaving_reason"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appointment_authority_idx").on(t.authorityId), index("appointment_post_idx").on(t.postId)],
);

/**
 * A step of recruitment to a vacant post, dated: advertised on 3 May, interviews on 20 May…
 * The latest step since the post fell vacant is its current stage.
 */
export const recruitmentStep = pgTable(
  "recruitment_step",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    postId: uuid("post_id")
      .notNull()
      .references(() => post.id, { onDelete: "cascade" }),
    /** not-started | advertised | shortlisting | interview | offer-made | start-date-agreed */
    stage: text("stage").notNull(),
    onDate: date("on_date", { mode: "string" }).notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recruitment_step_authority_idx").on(t.authorityId), index("recruitment_step_post_idx").on(t.postId, t.onDate)],
);

export type Team = typeof team.$inferSelect;
export type Post = typeof post.$inferSelect;
export type Appointment = typeof appointment.$inferSelect;
export type RecruitmentStep = typeof recruitmentStep.$inferSelect;
