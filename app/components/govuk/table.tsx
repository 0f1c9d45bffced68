import type { ReactNode } from "react";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-align figures so digits line up. */
  numeric?: boolean;
}

/** A GOV.UK table. Every chart on the service has one of these with the same numbers. */
export function Table<Row>({
  caption,
  captionSize = "m",
  columns,
  rows,
  rowKey,
  empty = "Nothing recorded yet.",
  id,
  footer,
}: {
  caption: ReactNode;
  captionSize?: "s" | "m" | "l";
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  empty?: ReactNode;
  id?: string;
  footer?: ReactNode;
}) {
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table" id={id}>
        <caption className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr className="govuk-table__row" key={rowKey(row, i)}>
                {columns.map((c, ci) =>
                  ci === 0 ? (
                    <th key={c.key} scope="row" className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={`govuk-table__cell${c.numeric ? " govuk-table__cell--numeric" : ""}`}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
        {footer}
      </table>
    </div>
  );
}
