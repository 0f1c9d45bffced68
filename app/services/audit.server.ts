import { auditEvent } from "../../db/schema";
import type { Executor } from "../../db/client";

export interface Actor {
  userId: string | null;
  /** What the trail shows: the user's e-mail, or "system" / "demo seed". */
  label: string;
  /** The person's name, for messages such as "Jo Bloggs invited you". */
  name?: string;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "system" };

export interface AuditEntry {
  authorityId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit_event row. Call it inside the transaction that makes the change. */
export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvent).values({
    actorUserId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip ?? null,
    authorityId: entry.authorityId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
