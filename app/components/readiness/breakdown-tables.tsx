import { Table } from "~/components/govuk/table";
import { formatFte, formatPercent } from "~/domain/format";
import { CRITERION_LABELS } from "~/domain/readiness";
import type { CriterionView } from "./criterion-card";

interface Row {
  key: string;
  label: string;
  numerator: number;
  denominator: number;
  percent: number | null;
}

/** A criterion by team and by role (or discipline), for the "why not" question. */
export function BreakdownTables({ c }: { c: CriterionView & { byTeam: Row[]; byGroup: Row[] } }) {
  const n = (v: number) => (c.unit === "FTE" ? formatFte(v) : String(v));
  const columns = (first: string) => [
    { key: "label", header: first, cell: (r: Row) => r.label },
    { key: "num", header: c.unit === "FTE" ? "In post (FTE)" : "Done", cell: (r: Row) => n(r.numerator), numeric: true },
    { key: "den", header: c.unit === "FTE" ? "Establishment (FTE)" : "In scope", cell: (r: Row) => n(r.denominator), numeric: true },
    { key: "pct", header: "%", cell: (r: Row) => formatPercent(r.percent), numeric: true },
  ];
  const sorted = (rows: Row[]) => [...rows].sort((a, b) => a.label.localeCompare(b.label));
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{CRITERION_LABELS[c.key]}: by team and by {c.key === "adult-workers" ? "role" : "discipline"}</span>
      </summary>
      <div className="govuk-details__text">
        <Table caption="By team" captionSize="s" rows={sorted(c.byTeam)} rowKey={(r) => r.key} columns={columns("Team")} empty="Nothing recorded." />
        <Table caption={c.key === "adult-workers" ? "By role" : "By discipline"} captionSize="s" rows={sorted(c.byGroup)} rowKey={(r) => r.key} columns={columns(c.key === "adult-workers" ? "Role" : "Discipline")} empty="Nothing recorded." />
      </div>
    </details>
  );
}
