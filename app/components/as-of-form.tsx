import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate } from "~/domain/dates";

/**
 * Choose the date the page's figures are for. A plain GET form: works without JavaScript.
 * `children` adds filters (selects) shown before the date; `extra` keeps other query values.
 */
export function AsOfForm({ asOf, isToday, extra, children }: { asOf: string; isToday: boolean; extra?: Record<string, string>; children?: ReactNode }) {
  // Back to today keeps whatever else the page was showing (filters, sort), dropping the date only.
  const others = new URLSearchParams(useLocation().search);
  others.delete("asOf");
  return (
    <Form method="get" className="app-as-of app-no-print">
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children ? <div className="app-filter-form">{children}</div> : null}
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="asOf">
          Figures as of
        </label>
        <div className="app-as-of__row">
          <input className="govuk-input govuk-input--width-10" id="asOf" name="asOf" type="date" defaultValue={asOf} />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Show
          </button>
          {!isToday ? (
            <a className="govuk-link" href={`?${others}`}>
              Back to today
            </a>
          ) : null}
        </div>
      </div>
      <p className="govuk-body-s app-print-only">Figures as of {formatDate(asOf)}.</p>
    </Form>
  );
}
