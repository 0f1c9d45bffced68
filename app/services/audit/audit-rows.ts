import { formatDateTime } from "../../domain/dates";
import type { AuditPage } from "./list-audit-events.server";

/** What the audit table needs, with times in UK format. */
export function toAuditRows(page: AuditPage) {
  return page.events.map((e) => ({
    id: e.id,
    occurredAt: formatDateTime(e.occurredAt),
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    authorityName: e.authorityName,
    before: e.before,
    after: e.after,
  }));
}
