import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import { requireNational } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { Chart } from "~/components/chart";
import { SERIES_COLOURS, THRESHOLD_COLOUR } from "~/components/chart-colours";
import { Breadcrumbs, InsetText } from "~/components/govuk/content";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { AXIS_LABELS, isMeasure, MEASURE_KEYS, MEASURES, ordinal, QUARTILE_LABELS, readSlugs, type Axis } from "~/domain/comparison";
import { formatDate, formatMonth } from "~/domain/dates";
import { formatMoney, formatPercent } from "~/domain/format";
import { formatSignedNumber } from "~/domain/outcomes";
import { loadNationalCompare } from "~/services/national/comparison.server";
import { listAuthorityIds } from "~/services/authorities/list-authorities.server";

export const meta: MetaFunction = () => [{ title: `Compare authorities over time – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireNational(args, "national:read");
  const { asOf, today, isToday } = readAsOf(args.request, args.context.now());
  const params = new URL(args.request.url).searchParams;
  const measureParam = params.get("measure");
  const measure = isMeasure(measureParam) ? measureParam : "adult-workers";
  const axis: Axis = params.get("axis") === "golive" ? "golive" : "calendar";
  const ids = await listAuthorityIds(args.context.db);
  const data = await loadNationalCompare(args.context.db, ids, { slugs: readSlugs(params), measure, axis, asOf, today, reader: { actor, purpose: "national compare" } });
  return { ...data, isToday };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function formatValue(unit: "percent" | "pence" | "per10k", v: number | null): string {
  if (v === null) return "–";
  if (unit === "per10k") return `${formatSignedNumber(v, 1)} per 10,000`;
  return unit === "percent" ? formatPercent(v) : formatMoney(v);
}

function xLabel(axis: Axis, x: string | number): string {
  if (axis === "calendar") return formatMonth(String(x));
  const k = Number(x);
  return k === 0 ? "Go-live" : k > 0 ? `${k} ${k === 1 ? "month" : "months"} after` : `${-k} ${k === -1 ? "month" : "months"} before`;
}

export default function Compare() {
  const d = useLoaderData<typeof loader>();
  const chosen = new Set(d.chosen.map((c) => c.slug));
  const thresholds = [...new Set(d.chosen.map((c) => c.threshold).filter((t): t is number => t !== null))];
  const chartData = d.table;
  const config: ChartConfiguration = {
    type: "line",
    data: {
      labels: chartData.map((r) => xLabel(d.axis, r.x)),
      datasets: [
        ...d.series.map((s, i) => ({
          label: s.name,
          data: chartData.map((r) => (r.values[i] === null ? null : d.unit === "pence" ? r.values[i]! / 100 : r.values[i])),
          borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
          backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
          borderDash: i >= SERIES_COLOURS.length ? [4, 3] : undefined,
          pointRadius: 2,
          spanGaps: false,
        })),
        ...(thresholds.length === 1 ? [{ label: `Threshold (${thresholds[0]}%)`, data: chartData.map(() => thresholds[0]), borderColor: THRESHOLD_COLOUR, borderDash: [6, 4], pointRadius: 0 }] : []),
      ],
    },
    options: { scales: { y: d.unit === "percent" ? { min: 0, max: 100, title: { display: true, text: "%" } } : { title: { display: true, text: "£" } } } },
  };
  return (
    <Main wide>
      <Breadcrumbs
        items={[
          { label: "National", to: "/national" },
          { label: "Compare authorities", to: "/national/comparison" },
        ]}
      />
      <h1 className="govuk-heading-l">Compare authorities over time</h1>
      <CompareForm d={d} chosen={chosen} />
      {d.unknown.length ? <InsetText>Not found, or not yours to compare: {d.unknown.join(", ")}.</InsetText> : null}
      {d.chosen.length === 0 ? (
        <p className="govuk-body">Choose one or more authorities above to see them side by side.</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">{d.measureLabel}</h2>
          {d.withoutGoLive.length ? <InsetText>No go-live date, so not on this chart: {d.withoutGoLive.join(", ")}.</InsetText> : null}
          {d.series.length ? (
            <>
              <Chart label={`${d.measureLabel}, by ${d.axis === "calendar" ? "month" : "months since each authority's go-live"}`} tableId="compare-table" config={config} />
              <div className="app-table-wrapper">
                <table className="govuk-table" id="compare-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    {d.measureLabel}: {d.axis === "calendar" ? "at the end of each month" : "each month from go-live day (month 0)"}
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        {d.axis === "calendar" ? "Month" : "Months from go-live"}
                      </th>
                      {d.series.map((s) => (
                        <th key={s.slug} scope="col" className="govuk-table__header govuk-table__header--numeric">
                          {s.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {d.table.map((r) => (
                      <tr key={String(r.x)} className="govuk-table__row">
                        <th scope="row" className="govuk-table__header">
                          {xLabel(d.axis, r.x)}
                        </th>
                        {r.values.map((v, i) => (
                          <td key={d.series[i].slug} className="govuk-table__cell govuk-table__cell--numeric">
                            {formatValue(d.unit, v)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <Ranks d={d} />
        </>
      )}
      <p className="govuk-body-s">Figures as of {formatDate(d.asOf)}.</p>
    </Main>
  );
}

function CompareForm({ d, chosen }: { d: Data; chosen: Set<string> }) {
  return (
    <Form method="get" className="app-no-print">
      <input type="hidden" name="asOf" value={d.asOf} />
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Authorities</legend>
          <div className="govuk-checkboxes govuk-checkboxes--small app-compare-choices" data-module="govuk-checkboxes">
            {d.all.map((a) => (
              <div className="govuk-checkboxes__item" key={a.slug}>
                <input className="govuk-checkboxes__input" id={`authority-${a.slug}`} name="authorities" type="checkbox" value={a.slug} defaultChecked={chosen.has(a.slug)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`authority-${a.slug}`}>
                  {a.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="app-filter-form">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="measure">
            Measure
          </label>
          <select className="govuk-select" id="measure" name="measure" defaultValue={d.measure}>
            {MEASURE_KEYS.map((k) => (
              <option key={k} value={k}>
                {MEASURES[k].label}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Time along the bottom</legend>
            <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
              {(Object.keys(AXIS_LABELS) as Axis[]).map((a) => (
                <div className="govuk-radios__item" key={a}>
                  <input className="govuk-radios__input" id={`axis-${a}`} name="axis" type="radio" value={a} defaultChecked={d.axis === a} />
                  <label className="govuk-label govuk-radios__label" htmlFor={`axis-${a}`}>
                    {AXIS_LABELS[a]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Compare
        </button>
      </div>
    </Form>
  );
}

function Ranks({ d }: { d: Data }) {
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table" id="ranks">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Rank and quarter among all {d.all.length} authorities on {formatDate(d.asOf)}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Measure
            </th>
            {d.chosen.map((c) => (
              <th key={c.slug} scope="col" className="govuk-table__header">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {d.ranks.map((m) => (
            <tr key={m.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {m.label}
                <span className="govuk-body-s app-muted"> ({m.better === "higher" ? "higher is better" : "lower is better"})</span>
              </th>
              {m.cells.map((c) => (
                <td key={c.slug} className="govuk-table__cell" data-measure={m.key} data-slug={c.slug}>
                  {c.rank === null ? (
                    "No figure"
                  ) : (
                    <>
                      {formatValue(m.unit, c.value)}: {ordinal(c.rank)} of {c.of}
                      <br />
                      <span className="govuk-body-s">{QUARTILE_LABELS[c.quartile!]}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body-s">Equal figures share a rank (the next rank is skipped: 1st, 2nd, 2nd, 4th) and a quarter. Authorities with no figure are not ranked.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/national/comparison?asOf=${d.asOf}`}>
          Back to the table of all authorities
        </Link>
      </p>
    </div>
  );
}
