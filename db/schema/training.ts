import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";
import { team } from "./workforce";

/**
 * The FS staff roster, the population of the training criteria. Name or reference only.
 * In post from startDate to leaveDate inclusive (no leave date: still in post).
 */
export const staffMember = pgTable(
  "staff_member",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    /** The HR or learning system's reference: the key that makes re-imports change nothing. */
    externalRef: text("external_ref").notNull(),
    name: text("name").notNull(),
    /** social-worker | team-manager | adult-specialist | business-support | other */
    discipline: text("discipline").notNull(),
    teamId: uuid("team_id").references(() => team.id, { onDelete: "set null" }),
    startDate: date("start_date", { mode: "string" }),
    leaveDate: date("leave_date", { mode: "string" }),
    /** Counted in the MI and workshop criteria. */
    inScope: boolean("in_scope").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_member_authority_ref_unique").on(t.authorityId, t.externalRef), index("staff_member_authority_idx").on(t.authorityId)],
);

/**
 * A course: Motivational Interviewing, the eight Practice and Change workshops (seeded for every
 * authority) or the authority's own. `code` is stable: "mi", "ws1" … "ws8", or custom.
 */
export const course = pgTable(
  "course",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** mi | workshop | custom */
    kind: text("kind").notNull(),
    audience: text("audience"),
    durationDays: numeric("duration_days", { precision: 4, scale: 1, mode: "number" }).notNull().default(1),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("course_authority_code_unique").on(t.authorityId, t.code)],
);

/** Which workshops each discipline must attend (editable per authority). */
export const workshopRequirement = pgTable(
  "workshop_requirement",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    discipline: text("discipline").notNull(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("workshop_requirement_unique").on(t.authorityId, t.discipline, t.courseId)],
);

/** A delivery of a course. Completion counts from the last day (a two-day MI course: day two). */
export const trainingSession = pgTable(
  "training_session",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => course.id, { onDelete: "cascade" }),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    /** in-person | virtual */
    mode: text("mode").notNull(),
    facilitator: text("facilitator"),
    capacity: integer("capacity"),
    location: text("location"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_session_authority_idx").on(t.authorityId, t.startDate)],
);

/** A person booked on a session, and whether they attended. */
export const booking = pgTable(
  "booking",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSession.id, { onDelete: "cascade" }),
    staffMemberId: uuid("staff_member_id")
      .notNull()
      .references(() => staffMember.id, { onDelete: "cascade" }),
    /** booked | attended | did-not-attend | cancelled */
    status: text("status").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("booking_session_staff_unique").on(t.sessionId, t.staffMemberId), index("booking_authority_idx").on(t.authorityId)],
);

export type StaffMember = typeof staffMember.$inferSelect;
export type Course = typeof course.$inferSelect;
export type TrainingSession = typeof trainingSession.$inferSelect;
export type Booking = typeof booking.$inferSelect;
