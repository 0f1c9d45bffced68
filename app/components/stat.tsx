import type { ReactNode } from "react";

/** A headline figure with its label and a line of context. */
export function Stat({ label, value, detail, tag }: { label: string; value: ReactNode; detail?: ReactNode; tag?: ReactNode }) {
  return (
    <div className="app-stat">
      <p className="govuk-body-s app-stat__label">{label}</p>
      <p className="app-stat__value">{value}</p>
      {tag}
      {detail ? <p className="govuk-body-s app-stat__detail">{detail}</p> : null}
    </div>
  );
}
