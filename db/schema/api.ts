import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appUser } from "./auth";

/**
 * Personal API tokens for the read API (`/api/v1`). A token acts as its user, read-only. Only
 * SHA-256 of the token is stored; `display` keeps its first characters so the owner can tell
 * tokens apart. Usable through the end of `expires_on` (a date in England) until revoked.
 */
export const apiToken = pgTable(
  "api_token",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The start of the token, e.g. "fsk_AbC1…", shown in the list. */
    display: text("display").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresOn: date("expires_on", { mode: "string" }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_token_hash_unique").on(t.tokenHash), index("api_token_user_idx").on(t.userId)],
);

export type ApiToken = typeof apiToken.$inferSelect;
