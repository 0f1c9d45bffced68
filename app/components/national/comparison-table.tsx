import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Tag } from "~/components/govuk/content";
import { cellState, CRITERIA, CRITERION_SHORT, sortLink, STATUS_LABELS, type ComparisonQuery, type ComparisonRow, type CriterionCell, type SortKey } from "~/domain/comparison";
import { formatDate } from "~/domain/dates";
import { formatFte, formatMoney, formatPercent } from "~/domain/format";
import { formatSignedNumber } from "~/domain/outcomes";

/** A criterion's figure; below the threshold it is bold, marked and says so in words. */
export function CriterionFigure({ c }: { c: CriterionCell | undefined }) {
  if (!c) return <>–</>;
  const state = cellState(c);
  if (state === "nothing") return <span className="app-muted">Nothing to count</span>;
  if (state === "met") return <>{formatPercent(c.percent)}</>;
  return (
    <strong className="app-below">
      {formatPercent(c.percent)} <span className="app-below__note">below {c.threshold}%</span>
    </strong>
  );
}

export function StatusTag({ status }: { status: ComparisonRow["status"] }) {
  return <Tag colour={status === "live" ? "green" : status === "ready" ? "blue" : "red"}>{STATUS_LABELS[status]}</Tag>;
}

export function gapText(pence: number | null): string {
  if (pence === null) return "Not modelled";
  return pence < 0 ? `${formatMoney(pence)} (more agreed than needed)` : formatMoney(pence);
}

interface Col {
  key: SortKey;
  header: ReactNode;
  numeric?: boolean;
  cell: (r: ComparisonRow) => ReactNode;
}

export interface OutcomeColumn {
  key: string;
  name: string;
  direction: "lower" | "higher";
}

const ASSESSMENT_WORDS: Record<string, string> = { improving: "improving", worsening: "worsening", "no change": "no change" };

function columns(years: { thisYear: string; nextYear: string }, indicators: OutcomeColumn[]): Col[] {
  return [
    {
      key: "name",
      header: "Authority",
      cell: (r) => (
        <Link className="govuk-link" to={`/a/${r.slug}`}>
          {r.name}
        </Link>
      ),
    },
    { key: "cohort", header: "Cohort", cell: (r) => r.cohortLabel },
    { key: "region", header: "Region", cell: (r) => r.region },
    { key: "planned", header: "Planned go-live", cell: (r) => formatDate(r.plannedGoLive, "Not planned") },
    { key: "actual", header: "Actual go-live", cell: (r) => formatDate(r.actualGoLive, "Not live") },
    { key: "status", header: "Status", cell: (r) => <StatusTag status={r.status} /> },
    ...CRITERIA.map<Col>((k) => ({ key: k, header: `${CRITERION_SHORT[k]} now`, numeric: true, cell: (r) => <CriterionFigure c={r.now.criteria[k]} /> })),
    ...CRITERIA.map<Col>((k) => ({
      key: `golive-${k}` as SortKey,
      header: `${CRITERION_SHORT[k]} at go-live`,
      numeric: true,
      cell: (r) => (r.goLive ? <CriterionFigure c={r.goLive.criteria[k]} /> : "No date"),
    })),
    {
      key: "in-post",
      header: "Adult workers in post (FTE)",
      numeric: true,
      cell: (r) => (r.adultWorkers.establishment ? `${formatFte(r.adultWorkers.inPost)} of ${formatFte(r.adultWorkers.establishment)}` : "No posts"),
    },
    { key: "charter", header: "Charter signed", numeric: true, cell: (r) => (r.charter.version === null ? "Not published" : `${r.charter.signed} of ${r.charter.partners}`) },
    { key: "hubs", header: "Hubs open", numeric: true, cell: (r) => (r.hubs.total ? `${r.hubs.open} of ${r.hubs.total}` : "No hubs") },
    { key: "gap-this", header: `Funding gap ${years.thisYear}`, numeric: true, cell: (r) => gapText(r.fundingGap.thisYear.pence) },
    { key: "gap-next", header: `Funding gap ${years.nextYear}`, numeric: true, cell: (r) => gapText(r.fundingGap.nextYear.pence) },
    ...indicators.map<Col>((i) => ({
      key: `outcome:${i.key}`,
      header: `${i.name}: change per 10,000 since baseline`,
      numeric: true,
      cell: (r) => {
        const o = r.outcomes[i.key];
        if (!o || o.changePer10k === null) return <span className="app-muted">No figures</span>;
        return (
          <>
            {formatSignedNumber(o.changePer10k, 1)}
            {o.assessment ? <span className="app-below__note">{ASSESSMENT_WORDS[o.assessment] ?? o.assessment}</span> : null}
          </>
        );
      },
    })),
  ];
}

/**
 * The comparison table. Each header is a link that sorts by its column (again: the other way),
 * so sorting works without JavaScript; aria-sort says how the table is sorted.
 */
export function ComparisonTable({
  rows,
  query,
  years,
  indicators,
  asOf,
  caption,
}: {
  rows: ComparisonRow[];
  query: ComparisonQuery;
  years: { thisYear: string; nextYear: string };
  indicators: OutcomeColumn[];
  asOf: string;
  caption: ReactNode;
}) {
  const cols = columns(years, indicators);
  const keep = (search: string) => {
    const params = new URLSearchParams(search);
    params.set("asOf", asOf);
    return `?${params.toString()}`;
  };
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table app-comparison" id="comparison">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {cols.map((c) => {
              const link = sortLink(query, c.key);
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}
                  aria-sort={link.current === "asc" ? "ascending" : link.current === "desc" ? "descending" : "none"}
                >
                  <Link className="govuk-link app-sort-link" to={keep(link.search)} data-sort={c.key}>
                    {c.header}
                    <span className="govuk-visually-hidden">
                      {link.current ? `, sorted ${link.current === "asc" ? "ascending" : "descending"}; sort ${link.current === "asc" ? "descending" : "ascending"}` : ", sort ascending"}
                    </span>
                    {link.current ? <span aria-hidden="true">{link.current === "asc" ? " ▲" : " ▼"}</span> : null}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={cols.length}>
                No authority matches these filters.
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr className="govuk-table__row" key={r.id} data-slug={r.slug}>
                {cols.map((c, i) =>
                  i === 0 ? (
                    <th key={c.key} scope="row" className="govuk-table__header">
                      {c.cell(r)}
                    </th>
                  ) : (
                    <td key={c.key} className={`govuk-table__cell${c.numeric ? " govuk-table__cell--numeric" : ""}`}>
                      {c.cell(r)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
