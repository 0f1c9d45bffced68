import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appUser } from "./auth";
import { authority } from "./authority";

/**
 * The text people write into a report (issue 7, reports): one row per report, period and
 * section. The figures beside it are never stored: they are assembled from the dated records
 * each time (app/domain/reports.ts), so only the words need keeping.
 *  - report "quarterly": the DfE quarterly return; period "2024-Q3" (financial year 2024-25, Q3).
 *  - report "committee": a committee update; period its as-of date, "2024-12-31".
 */
export const reportNarrative = pgTable(
  "report_narrative",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    report: text("report").notNull(),
    period: text("period").notNull(),
    section: text("section").notNull(),
    body: text("body").notNull(),
    updatedBy: uuid("updated_by").references(() => appUser.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("report_narrative_authority_unique").on(t.authorityId, t.report, t.period, t.section),
    check("report_narrative_report_check", sql`${t.report} in ('quarterly', 'committee')`),
  ],
);

export type ReportNarrative = typeof reportNarrative.$inferSelect;
