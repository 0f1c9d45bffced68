import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only record of every change: who, when (UTC), which authority, what, before and after.
 * No foreign keys on purpose: the trail must outlive the rows it describes.
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    /** The actor as shown at the time (e-mail or "system"), kept even if the user is later removed. */
    actorLabel: text("actor_label").notNull(),
    authorityId: uuid("authority_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    /**
     * Hash chain, set by a trigger (migration 0005): each authority's events (and the
     * service-wide ones) form a chain; `hash` covers this row and the previous row's hash, so an
     * edited or deleted row breaks the chain. `npm run audit:verify` checks it.
     */
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_event_authority_time_idx").on(t.authorityId, t.occurredAt),
    index("audit_event_entity_idx").on(t.entityType, t.entityId),
    index("audit_event_chain_idx").on(t.authorityId, t.chainSeq),
  ],
);

export type AuditEvent = typeof auditEvent.$inferSelect;
