import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authority } from "./authority";
import { organisation } from "./organisation";
import { post } from "./workforce";

/**
 * Funding of the adult specialist workers (app/domain/funding.ts has the rules). Money is integer
 * pence (bigint), percentages are basis points (100% = 10,000).
 */

const tenant = () =>
  uuid("authority_id")
    .notNull()
    .references(() => authority.id, { onDelete: "cascade" });
const pence = (name: string) => bigint(name, { mode: "number" }).notNull();
const timestamps = {
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** One row per authority: how costs are counted. No row: the defaults (establishment basis, no uplift). */
export const fundingSetting = pgTable(
  "funding_setting",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: tenant(),
    /** establishment | in-post */
    costBasis: text("cost_basis").notNull().default("establishment"),
    /** Yearly uplift of costs on each 1 April, in basis points. */
    upliftBp: integer("uplift_bp").notNull().default(0),
    /** Count costs from this date; null: from the start of the earliest stream paying towards them. */
    costsFrom: date("costs_from", { mode: "string" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("funding_setting_authority_unique").on(t.authorityId),
    check("funding_setting_cost_basis", sql`${t.costBasis} in ('establishment', 'in-post')`),
    check("funding_setting_uplift", sql`${t.upliftBp} between 0 and 10000`),
  ],
);

/**
 * A source of money: a tapered grant paying a share of adult worker costs by 12-month periods
 * from its start (the DfE SFPC grant), a fixed allocation spent against a budget (start-up money),
 * or reserves or other money paying adult worker costs for a term (Dudley's Public Health reserves).
 */
export const fundingStream = pgTable(
  "funding_stream",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: tenant(),
    name: text("name").notNull(),
    funder: text("funder").notNull(),
    /** tapered | fixed | reserves */
    kind: text("kind").notNull(),
    /** The cap (tapered, reserves) or budget (fixed). */
    totalPence: pence("total_pence"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** fixed: spend by; reserves: the last day of the term; tapered: unused (the schedule ends it). */
    endDate: date("end_date", { mode: "string" }),
    /** tapered: the share of each 12-month period from the start date, in basis points. */
    sharesBp: integer("shares_bp").array().notNull().default(sql`'{}'::integer[]`),
    note: text("note"),
    ...timestamps,
  },
  (t) => [
    index("funding_stream_authority_idx").on(t.authorityId, t.startDate),
    uniqueIndex("funding_stream_authority_name_unique").on(t.authorityId, t.name),
    check("funding_stream_kind", sql`${t.kind} in ('tapered', 'fixed', 'reserves')`),
    check("funding_stream_total", sql`${t.totalPence} >= 0`),
  ],
);

/** Money spent from a fixed allocation (or recorded against any stream). */
export const fundingSpend = pgTable(
  "funding_spend",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: tenant(),
    streamId: uuid("stream_id")
      .notNull()
      .references(() => fundingStream.id, { onDelete: "cascade" }),
    spentOn: date("spent_on", { mode: "string" }).notNull(),
    amountPence: pence("amount_pence"),
    description: text("description").notNull(),
    ...timestamps,
  },
  (t) => [index("funding_spend_authority_idx").on(t.authorityId, t.streamId, t.spentOn), check("funding_spend_amount", sql`${t.amountPence} >= 0`)],
);

/**
 * The default annual cost of 1 FTE of a role (salary plus on-costs), at the prices of the
 * financial year of `priceBase`. A post with no cost of its own costs this × its FTE.
 */
export const roleCostRate = pgTable(
  "role_cost_rate",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: tenant(),
    role: text("role").notNull(),
    annualPence: pence("annual_pence"),
    priceBase: date("price_base", { mode: "string" }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("role_cost_rate_authority_role_unique").on(t.authorityId, t.role), check("role_cost_rate_amount", sql`${t.annualPence} >= 0`)],
);

/**
 * A post's own annual cost of 1 FTE from a date (its price base too). A post keeps every cost it
 * has had; the latest from on or before a day applies that day.
 */
export const postCost = pgTable(
  "post_cost",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: tenant(),
    postId: uuid("post_id")
      .notNull()
      .references(() => post.id, { onDelete: "cascade" }),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    annualPence: pence("annual_pence"),
    note: text("note"),
    ...timestamps,
  },
  (t) => [
    index("post_cost_authority_idx").on(t.authorityId, t.postId),
    uniqueIndex("post_cost_post_from_unique").on(t.postId, t.effectiveFrom),
    check("post_cost_amount", sql`${t.annualPence} >= 0`),
  ],
);

/**
 * What a partner puts towards the shortfall in a financial year. A recurrent contribution also
 * counts, at the same amount, in every later year. Partners are the authority's organisations;
 * an organisation with contributions cannot be deleted (the money would lose its source).
 */
export const partnerContribution = pgTable(
  "partner_contribution",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: tenant(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id, { onDelete: "restrict" }),
    /** Start year of the financial year: 2021 is 2021-22. */
    financialYear: integer("financial_year").notNull(),
    amountPence: pence("amount_pence"),
    /** proposed | agreed | received */
    status: text("status").notNull(),
    recurrent: boolean("recurrent").notNull().default(false),
    note: text("note"),
    ...timestamps,
  },
  (t) => [
    index("partner_contribution_authority_idx").on(t.authorityId, t.financialYear),
    index("partner_contribution_organisation_idx").on(t.organisationId),
    check("partner_contribution_status", sql`${t.status} in ('proposed', 'agreed', 'received')`),
    check("partner_contribution_amount", sql`${t.amountPence} >= 0`),
  ],
);

/**
 * A figure the authority reported itself (e.g. the shortfall by financial year in a committee
 * report), kept beside the computed one for reference: the model does not pretend to match it.
 */
export const reportedFigure = pgTable(
  "reported_figure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: tenant(),
    financialYear: integer("financial_year").notNull(),
    /** shortfall | cost | grant */
    measure: text("measure").notNull().default("shortfall"),
    amountPence: pence("amount_pence"),
    source: text("source"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("reported_figure_authority_year_unique").on(t.authorityId, t.measure, t.financialYear),
    check("reported_figure_measure", sql`${t.measure} in ('shortfall', 'cost', 'grant')`),
    check("reported_figure_amount", sql`${t.amountPence} >= 0`),
  ],
);

export type FundingSetting = typeof fundingSetting.$inferSelect;
export type FundingStream = typeof fundingStream.$inferSelect;
export type FundingSpend = typeof fundingSpend.$inferSelect;
export type RoleCostRate = typeof roleCostRate.$inferSelect;
export type PostCost = typeof postCost.$inferSelect;
export type PartnerContribution = typeof partnerContribution.$inferSelect;
export type ReportedFigure = typeof reportedFigure.$inferSelect;
