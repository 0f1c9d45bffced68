import type { AuditRow } from "~/components/audit-table";
import { Table } from "~/components/govuk/table";
import { formatDate, isIsoDate } from "~/domain/dates";

const VERBS: Record<string, string> = { created: "Added", updated: "Changed", done: "Marked done", moved: "Moved" };

/**
 * An item's history from the audit trail, newest first: when, who, what, and each field that
 * changed as "before → after". `names` turns ids (a workstream, a team) into their names.
 */
export function ChangeHistory({
  rows,
  labels,
  names = {},
  caption = "History",
}: {
  rows: AuditRow[];
  labels: Record<string, string>;
  names?: Record<string, Record<string, string>>;
  caption?: string;
}) {
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "none";
    if (Array.isArray(value)) return value.length ? value.join("; ") : "none";
    if (typeof value === "string" && names[field]?.[value]) return names[field][value];
    if (typeof value === "string" && isIsoDate(value)) return formatDate(value);
    return String(value);
  };
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(r) => String(r.id)}
      empty="No changes recorded."
      columns={[
        { key: "when", header: "When", cell: (r) => r.occurredAt },
        { key: "who", header: "Who", cell: (r) => r.actorLabel },
        { key: "what", header: "What", cell: (r) => VERBS[r.action.split(".").at(-1) ?? ""] ?? r.action },
        {
          key: "changes",
          header: "Changes",
          cell: (r) => {
            const after = (r.after ?? {}) as Record<string, unknown>;
            const before = r.before as Record<string, unknown> | null;
            // In the order of the form; on creation, only the fields given a value.
            const fields = Object.keys(labels).filter((k) => k in after && (before || show(k, after[k]) !== "none"));
            return (
              <ul className="govuk-list app-history-changes">
                {fields.map((k) => (
                  <li key={k}>
                    <span className="app-history-field">{labels[k]}:</span> {before ? `${show(k, before[k])} → ${show(k, after[k])}` : show(k, after[k])}
                  </li>
                ))}
              </ul>
            );
          },
        },
      ]}
    />
  );
}
