import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";
import { organisation } from "./organisation";

/**
 * The partnership board and its charter (issue 5). Partner organisations are the shared
 * `organisation` table. Signatures, withdrawals and reminders are evidence: a trigger (custom
 * migration "partnership_rules") refuses UPDATE, DELETE and TRUNCATE on them, and refuses any
 * change to a charter version once it is published.
 */

/** Every tenant table: its authority, deleted with it. */
const authorityRef = () =>
  uuid("authority_id")
    .notNull()
    .references(() => authority.id, { onDelete: "cascade" });
// Evidence rows point at what they are about without cascading: the rows they refer to stay.
const versionRef = () =>
  uuid("charter_version_id")
    .notNull()
    .references(() => charterVersion.id);
const memberRef = () =>
  uuid("board_member_id")
    .notNull()
    .references(() => boardMember.id);
const organisationRef = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisation.id);

/** The authority's strategic partnership board: one per authority. */
export const partnershipBoard = pgTable(
  "partnership_board",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("partnership_board_authority_unique").on(t.authorityId)],
);

/** A person on the board, for their organisation, from `activeFrom` to `activeTo` inclusive. E-mail stored lower-cased. */
export const boardMember = pgTable(
  "board_member",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    organisationId: organisationRef(),
    name: text("name").notNull(),
    jobTitle: text("job_title").notNull(),
    email: text("email").notNull(),
    activeFrom: date("active_from", { mode: "string" }).notNull(),
    /** Last day on the board, inclusive; null while still a member. */
    activeTo: date("active_to", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("board_member_authority_email_unique").on(t.authorityId, t.email), index("board_member_authority_org_idx").on(t.authorityId, t.organisationId)],
);

/** A meeting of the board: when, and what it decided (one decision a line). */
export const boardMeeting = pgTable(
  "board_meeting",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    decisions: text("decisions").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("board_meeting_authority_idx").on(t.authorityId, t.heldOn)],
);

/** Who attended a meeting. Replaced as a set when the meeting is edited. */
export const boardMeetingAttendance = pgTable(
  "board_meeting_attendance",
  {
    authorityId: authorityRef(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => boardMeeting.id, { onDelete: "cascade" }),
    boardMemberId: uuid("board_member_id")
      .notNull()
      .references(() => boardMember.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.boardMemberId] }), index("board_meeting_attendance_authority_idx").on(t.authorityId, t.boardMemberId)],
);

/** The authority's charter: settings that span its versions. */
export const charter = pgTable(
  "charter",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    /** Partners who have not signed are reminded after this many days (npm run jobs:reminders). */
    reminderAfterDays: integer("reminder_after_days").notNull().default(14),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("charter_authority_unique").on(t.authorityId), check("charter_reminder_days_range", sql`${t.reminderAfterDays} between 1 and 365`)],
);

/**
 * A version of the charter. A draft (published_at null) is editable; publishing fixes its
 * canonical text and SHA-256, and from then on the row cannot change (trigger). The stored hash
 * must be the SHA-256 of the stored canonical text (check constraint). At most one draft at a time.
 */
export const charterVersion = pgTable(
  "charter_version",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    charterId: uuid("charter_id")
      .notNull()
      .references(() => charter.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** Markdown. */
    body: text("body").notNull(),
    commitments: jsonb("commitments").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    minimumTermMonths: integer("minimum_term_months").notNull(),
    reviewIntervalMonths: integer("review_interval_months").notNull(),
    canonicalText: text("canonical_text"),
    textHash: text("text_hash"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedByUserId: uuid("published_by_user_id"),
    publishedByLabel: text("published_by_label"),
    createdByLabel: text("created_by_label").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("charter_version_authority_number_unique").on(t.authorityId, t.number),
    uniqueIndex("charter_version_one_draft").on(t.authorityId).where(sql`${t.publishedAt} is null`),
    index("charter_version_authority_idx").on(t.authorityId, t.publishedAt),
    check(
      "charter_version_published_hash",
      sql`${t.publishedAt} is null or (${t.canonicalText} is not null and ${t.textHash} = encode(sha256(convert_to(${t.canonicalText}, 'UTF8')), 'hex'))`,
    ),
  ],
);

/** A request to a board member to sign a published version: when it went, was reminded, was opened. */
export const signingRequest = pgTable(
  "signing_request",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    charterVersionId: versionRef(),
    boardMemberId: memberRef(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    /** The last e-mail with a link: the request or a reminder. Reminders are due N days after it. */
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull(),
    reminderCount: integer("reminder_count").notNull().default(0),
    firstViewedAt: timestamp("first_viewed_at", { withTimezone: true }),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("signing_request_version_member_unique").on(t.charterVersionId, t.boardMemberId), index("signing_request_authority_idx").on(t.authorityId, t.charterVersionId)],
);

/**
 * A signature: who signed which published version for which organisation, when, from where, and
 * the hash of the text they were shown. Append-only (trigger); the hash must equal the version's.
 */
export const charterSignature = pgTable(
  "charter_signature",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    charterVersionId: versionRef(),
    boardMemberId: memberRef(),
    organisationId: organisationRef(),
    /** The organisation's name as confirmed by the signer. */
    organisationName: text("organisation_name").notNull(),
    signerName: text("signer_name").notNull(),
    signerRole: text("signer_role").notNull(),
    signerEmail: text("signer_email").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    textHash: text("text_hash").notNull(),
    consentStatement: text("consent_statement").notNull(),
    /** "link" (the e-mailed link) | "app" (signed in) */
    method: text("method").notNull(),
    userId: uuid("user_id"),
  },
  (t) => [index("charter_signature_authority_idx").on(t.authorityId, t.charterVersionId), index("charter_signature_org_idx").on(t.organisationId)],
);

/** A partner withdrawing its signature: a new dated record; the signature itself stays. Append-only. */
export const charterWithdrawal = pgTable(
  "charter_withdrawal",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    signatureId: uuid("signature_id")
      .notNull()
      .references(() => charterSignature.id),
    charterVersionId: versionRef(),
    organisationId: organisationRef(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }).notNull(),
    reason: text("reason").notNull(),
    /** The board member who withdrew, or null when the programme team recorded it for the partner. */
    boardMemberId: uuid("board_member_id").references(() => boardMember.id),
    recordedByUserId: uuid("recorded_by_user_id"),
    recordedByLabel: text("recorded_by_label").notNull(),
    ip: text("ip"),
  },
  (t) => [uniqueIndex("charter_withdrawal_signature_unique").on(t.signatureId), index("charter_withdrawal_authority_idx").on(t.authorityId, t.charterVersionId)],
);

/** Every reminder sent, by hand or by the scheduled job. Append-only. */
export const charterReminder = pgTable(
  "charter_reminder",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: authorityRef(),
    charterVersionId: versionRef(),
    boardMemberId: memberRef(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    /** "manual" | "scheduled" */
    trigger: text("trigger").notNull(),
    sentByLabel: text("sent_by_label").notNull(),
  },
  (t) => [index("charter_reminder_authority_idx").on(t.authorityId, t.charterVersionId, t.boardMemberId)],
);

export type PartnershipBoard = typeof partnershipBoard.$inferSelect;
export type BoardMember = typeof boardMember.$inferSelect;
export type BoardMeeting = typeof boardMeeting.$inferSelect;
export type Charter = typeof charter.$inferSelect;
export type CharterVersion = typeof charterVersion.$inferSelect;
export type SigningRequest = typeof signingRequest.$inferSelect;
export type CharterSignature = typeof charterSignature.$inferSelect;
export type CharterWithdrawal = typeof charterWithdrawal.$inferSelect;
export type CharterReminder = typeof charterReminder.$inferSelect;
