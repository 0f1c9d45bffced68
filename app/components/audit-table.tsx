import { Pagination } from "./govuk/pagination";
import { Table } from "./govuk/table";

export interface AuditRow {
  id: number;
  occurredAt: string;
  actorLabel: string;
  action: string;
  entityType: string;
  authorityName: string | null;
  before: unknown;
  after: unknown;
}

function describe(value: unknown): string {
  if (value == null) return "";
  if (typeof value !== "object") return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}

/** The audit trail as a table: who, when (UK time), what, before and after. */
export function AuditTable({ rows, showAuthority, page, pages, total, baseUrl }: { rows: AuditRow[]; showAuthority: boolean; page: number; pages: number; total: number; baseUrl: string }) {
  return (
    <>
      <Table
        caption={`${total} ${total === 1 ? "event" : "events"}, newest first (page ${page} of ${pages})`}
        captionSize="s"
        rows={rows}
        rowKey={(r) => String(r.id)}
        empty="Nothing has been recorded yet."
        columns={[
          { key: "when", header: "When", cell: (r) => r.occurredAt },
          { key: "who", header: "Who", cell: (r) => r.actorLabel },
          ...(showAuthority ? [{ key: "authority", header: "Authority", cell: (r: AuditRow) => r.authorityName ?? "–" }] : []),
          { key: "what", header: "What", cell: (r) => <code className="app-code">{r.action}</code> },
          { key: "before", header: "Before", cell: (r) => describe(r.before) },
          { key: "after", header: "After", cell: (r) => describe(r.after) },
        ]}
      />
      <Pagination page={page} pages={pages} href={(n) => `${baseUrl}?page=${n}`} label="Pages of the audit log" labels={{ previous: "Newer", next: "Older" }} numbered={false} />
    </>
  );
}
