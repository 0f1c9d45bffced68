import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";

/** A person who can sign in. E-mail is stored lower-cased. National roles span every authority. */
export const appUser = pgTable(
  "app_user",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** "national-admin" | "national-viewer" | null */
    nationalRole: text("national_role"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("app_user_email_unique").on(t.email)],
);

/**
 * Sessions as in the Lucia guide: the cookie holds `id.secret`; only SHA-256(secret) is stored.
 * Expiry is enforced from created_at (absolute lifetime) and last_verified_at (inactivity).
 */
export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    secretHash: text("secret_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastVerifiedAt: timestamp("last_verified_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** When this session last proved the second factor (null: not yet). Step-up checks its age. */
    twoFactorAt: timestamp("two_factor_at", { withTimezone: true }),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

/**
 * A person's authenticator (TOTP, RFC 6238): the shared secret, confirmed once they have entered a
 * code from their app. The last time step used is kept so a code cannot be replayed.
 */
export const twoFactor = pgTable("two_factor", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => appUser.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes for when the authenticator is lost; only their hashes are stored. */
export const recoveryCode = pgTable(
  "recovery_code",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recovery_code_user_idx").on(t.userId)],
);

/** A person's role in one authority: programme-manager, contributor, viewer or board-member. */
export const membership = pgTable(
  "membership",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("membership_user_authority_unique").on(t.userId, t.authorityId), index("membership_authority_idx").on(t.authorityId)],
);

/**
 * One table for every e-mailed link: invitations, password resets, charter signing requests.
 * Keyed by (purpose, target): a new link for the same target replaces the old one. Only the
 * SHA-256 of the token is stored; using a link deletes its row in the same transaction as the
 * change it makes, so a second use finds nothing.
 */
export const verification = pgTable(
  "verification",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: text("purpose").notNull(),
    target: text("target").notNull(),
    tokenHash: text("token_hash").notNull(),
    authorityId: uuid("authority_id").references(() => authority.id, { onDelete: "cascade" }),
    /** Purpose-specific detail, e.g. the invited e-mail and role. */
    data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("verification_purpose_target_unique").on(t.purpose, t.target),
    uniqueIndex("verification_token_hash_unique").on(t.tokenHash),
    index("verification_authority_idx").on(t.authorityId, t.purpose),
  ],
);

/** Fixed-window counters for rate limits, in the database so every app instance shares them. */
export const rateLimit = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

export type User = typeof appUser.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Membership = typeof membership.$inferSelect;
export type Verification = typeof verification.$inferSelect;
