import { Tag } from "~/components/govuk/content";
import { formatDate } from "~/domain/dates";
import { formatFte, formatPercent } from "~/domain/format";
import { CRITERION_LABELS, type CriterionKey, type CriterionResult, type Forecast } from "~/domain/readiness";

export type CriterionView = Omit<CriterionResult, "byTeam" | "byGroup">;

const EMPTY: Record<CriterionKey, string> = {
  "adult-workers": "No adult specialist establishment recorded",
  mi: "No staff in scope recorded",
  workshops: "No staff in scope recorded",
};

export function amount(unit: "FTE" | "people", n: number) {
  return unit === "FTE" ? `${formatFte(n)} FTE` : `${n} ${n === 1 ? "person" : "people"}`;
}

/** What the forecast says, in words. */
export function forecastText(f: Forecast): string {
  switch (f.kind) {
    case "met":
      return f.fallsBelowOn ? `Met now, but on current plans it falls below the threshold on ${formatDate(f.fallsBelowOn)}.` : "Met now, and stays met on current plans.";
    case "will-meet":
      return `On current plans, met on ${formatDate(f.on)}.`;
    case "not-on-current-plans":
      return "Not met on current plans: nothing agreed or booked gets it there.";
    case "nothing-to-count":
      return "Nothing to forecast yet.";
  }
}

/** One go-live criterion: the figure, how it is made up, met or not, and the forecast. */
export function CriterionCard({ c, forecast }: { c: CriterionView; forecast: Forecast }) {
  const empty = c.denominator === 0;
  return (
    <section className="app-criterion" aria-labelledby={`criterion-${c.key}`}>
      <h2 className="govuk-heading-s" id={`criterion-${c.key}`}>
        {CRITERION_LABELS[c.key]}
      </h2>
      <p className="app-criterion__figure">{empty ? "–" : formatPercent(c.percent)}</p>
      <p className="govuk-body-s" id={`${c.key}-figure`}>
        {empty ? EMPTY[c.key] : `${c.unit === "FTE" ? formatFte(c.numerator) : c.numerator} of ${amount(c.unit, c.denominator)}${c.unit === "people" ? " in scope and in post" : ""}`}
      </p>
      <p>
        {empty ? <Tag colour="grey">Not measurable</Tag> : c.met ? <Tag colour="green">Met ({c.threshold}%)</Tag> : <Tag colour="red">Not met ({c.threshold}%)</Tag>}
      </p>
      {!empty && !c.met ? <p className="govuk-body-s" id={`${c.key}-shortfall`}>{`${amount(c.unit, c.shortfall)} more to reach ${c.threshold}%.`}</p> : null}
      <p className="govuk-body-s app-criterion__forecast">
        <strong>Forecast:</strong> {forecastText(forecast)}
      </p>
    </section>
  );
}
