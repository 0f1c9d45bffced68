import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { auditEvent, authority, type AuditEvent } from "../../../db/schema";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  events: Array<AuditEvent & { authorityName: string | null }>;
  total: number;
  page: number;
  pages: number;
}

/**
 * One page of the audit trail, newest first: one authority's (programme managers) or every
 * authority's (national admins, authorityId undefined). Two queries whatever the page.
 */
export async function listAuditEvents(db: Executor, filter: { authorityId?: string; action?: string; page: number }): Promise<AuditPage> {
  const conditions: SQL[] = [];
  if (filter.authorityId) conditions.push(eq(auditEvent.authorityId, filter.authorityId));
  if (filter.action) conditions.push(sql`${auditEvent.action} like ${`${filter.action}%`}`);
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditEvent).where(where);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const rows = await db
    .select({ event: auditEvent, authorityName: authority.name })
    .from(auditEvent)
    .leftJoin(authority, eq(authority.id, auditEvent.authorityId))
    .where(where)
    .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { events: rows.map((r) => ({ ...r.event, authorityName: r.authorityName })), total, page, pages };
}
