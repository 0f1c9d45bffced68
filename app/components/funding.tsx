import { Link } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import type { ReactNode } from "react";
import { formatDate } from "~/domain/dates";
import { formatMoney } from "~/domain/format";
import { basisPointsToText } from "~/domain/money";
import { Chart } from "./chart";
import { SERIES_COLOURS } from "./chart-colours";
import { Table, type Column } from "./govuk/table";

/** "70%", "62.25%" */
export function pct(bp: number): string {
  return `${basisPointsToText(bp)}%`;
}

/** Whole pounds, as the year tables show money ("£1,234"). */
export const pounds = (pence: number) => formatMoney(pence);
/** Pounds and pence, where the penny matters ("£1,234.56"). */
export const exact = (pence: number) => formatMoney(pence, { pence: true });

const PAGES = [
  { key: "overview", path: "", label: "Overview" },
  { key: "streams", path: "/streams", label: "Funding streams" },
  { key: "costs", path: "/costs", label: "Costs of adult posts" },
  { key: "contributions", path: "/contributions", label: "Partner contributions" },
  { key: "reported", path: "/reported", label: "Reported figures" },
] as const;
export type FundingPage = (typeof PAGES)[number]["key"];

/** The funding area's own pages, under the section heading. */
export function FundingNav({ slug, current }: { slug: string; current: FundingPage }) {
  return (
    <nav aria-label="Funding pages" className="app-subnav">
      <ul className="govuk-list app-subnav__list">
        {PAGES.map((p) => (
          <li key={p.key} className="app-subnav__item">
            {p.key === current ? (
              <Link className="govuk-link govuk-link--no-visited-state app-subnav__link--current" aria-current="page" to={`/a/${slug}/funding${p.path}`}>
                {p.label}
              </Link>
            ) : (
              <Link className="govuk-link govuk-link--no-visited-state" to={`/a/${slug}/funding${p.path}`}>
                {p.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function FundingHeading({ authorityName, children }: { authorityName: string; children: ReactNode }) {
  return (
    <h1 className="govuk-heading-l">
      <span className="govuk-caption-l">{authorityName}: funding</span>
      {children}
    </h1>
  );
}

/** A money column for Table: right-aligned, whole pounds unless `withPence`. */
export function moneyColumn<Row>(key: string, header: ReactNode, value: (row: Row) => number, withPence = false): Column<Row> {
  return { key, header, numeric: true, cell: (row) => (withPence ? exact(value(row)) : pounds(value(row))) };
}

/** A row of totals at the foot of a Table: a label, then one cell per column. */
export function TotalsRow({ label, cells }: { label: string; cells: Array<ReactNode | null> }) {
  return (
    <tfoot>
      <tr className="govuk-table__row app-totals-row">
        <th scope="row" className="govuk-table__header">
          {label}
        </th>
        {cells.map((c, i) => (
          <td key={i} className="govuk-table__cell govuk-table__cell--numeric">
            {c}
          </td>
        ))}
      </tr>
    </tfoot>
  );
}

export interface TaperRow {
  year: number;
  start: string;
  end: string;
  shareBp: number;
}

/** A tapered stream's shares by 12-month period: a chart and, with the same figures, a table. */
export function TaperChart({ id, name, years }: { id: string; name: string; years: TaperRow[] }) {
  const tableId = `taper-${id}`;
  const config: ChartConfiguration = {
    type: "bar",
    data: {
      labels: years.map((y) => `Year ${y.year}`),
      datasets: [{ label: "Share of adult worker costs paid (%)", data: years.map((y) => y.shareBp / 100), backgroundColor: SERIES_COLOURS[0] }],
    },
    options: { scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: "% of cost" } } }, plugins: { legend: { display: false } } },
  };
  return (
    <>
      <Chart config={config} label={`${name}: the share of adult worker costs it pays in each 12-month period`} tableId={tableId} height={220} />
      <Table
        id={tableId}
        caption={`${name}: the taper`}
        captionSize="s"
        rows={years}
        rowKey={(y) => String(y.year)}
        columns={[
          { key: "year", header: "Grant year", cell: (y) => `Year ${y.year}` },
          { key: "from", header: "From", cell: (y) => formatDate(y.start) },
          { key: "to", header: "To", cell: (y) => formatDate(y.end) },
          { key: "share", header: "Share paid", numeric: true, cell: (y) => pct(y.shareBp) },
        ]}
      />
    </>
  );
}
