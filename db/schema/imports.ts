import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";

/**
 * An uploaded CSV between preview and confirmation. The preview writes only this row; confirming
 * applies every row in one transaction or none. Kept afterwards as the record of what was imported.
 */
export const importBatch = pgTable(
  "import_batch",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    /** What the file holds: "staff", "attendance", "outcomes", … */
    kind: text("kind").notNull(),
    filename: text("filename").notNull(),
    content: text("content").notNull(),
    rowCount: integer("row_count").notNull(),
    /** previewed | applied */
    status: text("status").notNull(),
    /** What applying it did: created / updated / unchanged counts. */
    summary: jsonb("summary"),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [index("import_batch_authority_idx").on(t.authorityId, t.createdAt)],
);

export type ImportBatch = typeof importBatch.$inferSelect;
