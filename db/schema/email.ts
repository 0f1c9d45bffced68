import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every e-mail the service sends. Without RESEND_API_KEY this is the outbox a developer reads;
 * with it, the record of what went to Resend and the id it returned.
 */
export const emailMessage = pgTable(
  "email_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /** What the message is for, e.g. "invitation", "password-reset". */
    tag: text("tag").notNull(),
    /** "outbox" (not sent anywhere) | "resend" */
    transport: text("transport").notNull(),
    /** "stored" | "sent" | "failed" */
    status: text("status").notNull(),
    providerId: text("provider_id"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_message_to_idx").on(t.toAddress, t.createdAt), index("email_message_authority_idx").on(t.authorityId, t.createdAt)],
);

export type EmailMessage = typeof emailMessage.$inferSelect;
