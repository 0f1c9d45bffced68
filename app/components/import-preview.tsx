import type { ReactNode } from "react";
import { Table } from "./govuk/table";

export interface PreviewIssue {
  line: number;
  column?: string;
  message: string;
}

/** The problems an import found, by line, so the user can fix the file and try again. */
export function ImportIssues({ issues }: { issues: PreviewIssue[] }) {
  return (
    <Table
      id="import-issues"
      caption={`${issues.length} ${issues.length === 1 ? "problem" : "problems"} found: nothing has been imported`}
      rows={issues.slice(0, 500)}
      rowKey={(r, i) => `${r.line}-${i}`}
      columns={[
        { key: "line", header: "Line", cell: (r) => r.line, numeric: true },
        { key: "column", header: "Column", cell: (r) => r.column ?? "" },
        { key: "message", header: "Problem", cell: (r) => r.message },
      ]}
    />
  );
}

/** What an import will do, before it does it. */
export function ImportSummary({ counts, children }: { counts: Array<{ label: string; value: number }>; children?: ReactNode }) {
  return (
    <div className="app-card">
      <h2 className="govuk-heading-m">What this import will do</h2>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        {counts.map((c) => (
          <div className="govuk-summary-list__row" key={c.label}>
            <dt className="govuk-summary-list__key">{c.label}</dt>
            <dd className="govuk-summary-list__value">{c.value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </div>
  );
}
