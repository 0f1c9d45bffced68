import type { ReactNode } from "react";

/** The figures behind a chart, folded under the chart (and unfolded when printed or without CSS). */
export function FiguresDetails({ summary = "The figures, month by month", children }: { summary?: string; children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
