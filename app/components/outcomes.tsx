import { Link } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import { SERIES_COLOURS, THRESHOLD_COLOUR } from "~/components/chart-colours";
import type { ReactNode } from "react";
import { Tag } from "~/components/govuk/content";
import { ASSESSMENT_LABELS, type Assessment } from "~/domain/outcomes";

/** Improving / worsening in words, with a colour as well (never the colour alone). */
export function AssessmentTag({ assessment }: { assessment: Assessment | null }) {
  if (!assessment) return <Tag colour="grey">Not compared yet</Tag>;
  const colour = assessment === "improving" ? "green" : assessment === "worsening" ? "red" : "grey";
  const arrow = assessment === "improving" ? "▲ " : assessment === "worsening" ? "▼ " : "";
  return (
    <Tag colour={colour}>
      <span aria-hidden="true">{arrow}</span>
      {ASSESSMENT_LABELS[assessment]}
    </Tag>
  );
}

export function OutcomesHeading({ authorityName, caption, children }: { authorityName: string; caption?: string; children: ReactNode }) {
  return (
    <h1 className="govuk-heading-l">
      <span className="govuk-caption-l">
        {authorityName}
        {caption ? ` – ${caption}` : ""}
      </span>
      {children}
    </h1>
  );
}

/** Links between the outcomes pages. */
export function OutcomesLinks({ slug, asOf, canEdit }: { slug: string; asOf?: string; canEdit: boolean }) {
  const base = `/a/${slug}/outcomes`;
  return (
    <p className="govuk-body app-no-print">
      <Link className="govuk-link" to={asOf ? `${base}?asOf=${asOf}` : base}>
        Scorecard
      </Link>
      {" · "}
      <Link className="govuk-link" to={`${base}/population`}>
        Child population
      </Link>
      {" · "}
      <Link className="govuk-link" to={`${base}/import`}>
        Import figures (CSV)
      </Link>
      {" · "}
      <a className="govuk-link" href={`${base}/export`} download>
        Download all figures (CSV)
      </a>
      {canEdit ? (
        <>
          {" · "}
          <Link className="govuk-link" to={`${base}/indicators/new`}>
            Add an indicator of your own
          </Link>
        </>
      ) : null}
    </p>
  );
}

export interface ChartPoint {
  id: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  isBaseline: boolean;
}

/**
 * A trend chart: the figures in date order, the baseline as a dashed level and go-live as a bar
 * placed between the figures before and after it. `tableId` is the table with the same figures.
 */
export function outcomeChartConfig({ name, points, labelOf, goLive, goLiveLabel, baselineValue }: { name: string; points: ChartPoint[]; labelOf: (p: ChartPoint) => string; goLive: string | null; goLiveLabel: string; baselineValue: number | null }): ChartConfiguration {
  const labels: string[] = [];
  const values: Array<number | null> = [];
  const marker: Array<number | null> = [];
  const top = Math.max(1, ...points.map((p) => p.value), baselineValue ?? 0);
  let placed = !goLive;
  for (const p of points) {
    if (!placed && goLive && p.periodEnd >= goLive) {
      labels.push(goLiveLabel);
      values.push(null);
      marker.push(top);
      placed = true;
    }
    labels.push(labelOf(p));
    values.push(p.value);
    marker.push(null);
  }
  if (!placed) {
    labels.push(goLiveLabel);
    values.push(null);
    marker.push(top);
  }
  const datasets: ChartConfiguration["data"]["datasets"] = [
    { type: "line", label: name, data: values, borderColor: SERIES_COLOURS[0], backgroundColor: SERIES_COLOURS[0], spanGaps: true, pointRadius: 4 },
  ];
  if (baselineValue !== null) datasets.push({ type: "line", label: "Baseline", data: labels.map(() => baselineValue), borderColor: SERIES_COLOURS[5], borderDash: [6, 4], pointRadius: 0, backgroundColor: SERIES_COLOURS[5] });
  if (goLive) datasets.push({ type: "bar", label: goLiveLabel, data: marker, backgroundColor: THRESHOLD_COLOUR, barThickness: 3 });
  return { type: "line", data: { labels, datasets }, options: { scales: { y: { beginAtZero: true } } } };
}
