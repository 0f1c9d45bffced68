import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";

/**
 * A partner organisation of the authority's programme: an NHS trust, the police, probation, a
 * charity, the council itself. Hosts or employs adult specialist posts; sits on the board.
 */
export const organisation = pgTable(
  "organisation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** council | health | police | probation | voluntary | education | other */
    sector: text("sector").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisation_authority_name_unique").on(t.authorityId, t.name), index("organisation_authority_idx").on(t.authorityId)],
);

export type Organisation = typeof organisation.$inferSelect;
