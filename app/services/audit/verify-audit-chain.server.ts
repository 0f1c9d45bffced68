import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";

export interface ChainReport {
  /** The authority id, or "service" for events outside any authority. */
  chain: string;
  /** The authority's slug, for people. */
  label: string;
  events: number;
  /** The latest hash: record it somewhere else to detect a wholesale rewrite later. */
  head: string | null;
  problems: Array<{ id: number; chainSeq: number | null; problem: string }>;
}

/**
 * Recomputes every audit chain in the database (the same SQL function the trigger uses) and
 * reports each broken link: a row whose content no longer matches its hash (edited), a row whose
 * predecessor is not the one it recorded (deleted or inserted), or a gap in the sequence.
 */
export async function verifyAuditChains(db: Executor): Promise<ChainReport[]> {
  const result = await db.execute(sql`
    SELECT e.id, coalesce(e.authority_id::text, 'service') AS chain, a.slug, e.chain_seq, e.hash, e.prev_hash,
           lag(hash) OVER w AS expected_prev,
           lag(chain_seq) OVER w AS previous_seq,
           audit_event_digest(e.prev_hash, e) AS recomputed
      FROM audit_event e
      LEFT JOIN authority a ON a.id = e.authority_id
    WINDOW w AS (PARTITION BY e.authority_id ORDER BY e.chain_seq)
     ORDER BY chain, chain_seq`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
    id: number | string;
    chain: string;
    slug: string | null;
    chain_seq: number | string | null;
    hash: string | null;
    prev_hash: string | null;
    expected_prev: string | null;
    previous_seq: number | string | null;
    recomputed: string;
  }>;
  const reports = new Map<string, ChainReport>();
  for (const r of rows) {
    const report = reports.get(r.chain) ?? { chain: r.chain, label: r.slug ?? (r.chain === "service" ? "service-wide" : `deleted authority ${r.chain}`), events: 0, head: null, problems: [] };
    const seq = r.chain_seq === null ? null : Number(r.chain_seq);
    const previousSeq = r.previous_seq === null ? 0 : Number(r.previous_seq);
    const problem =
      r.hash === null
        ? "not chained"
        : r.recomputed !== r.hash
          ? "content does not match its hash (edited)"
          : (r.prev_hash ?? null) !== (r.expected_prev ?? null)
            ? "previous hash does not match (a row before it was removed or changed)"
            : seq !== previousSeq + 1
              ? `sequence gap after ${previousSeq} (rows removed)`
              : null;
    if (problem) report.problems.push({ id: Number(r.id), chainSeq: seq, problem });
    report.events += 1;
    report.head = r.hash;
    reports.set(r.chain, report);
  }
  return [...reports.values()];
}
