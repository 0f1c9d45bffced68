import type { ChartConfiguration } from "chart.js";
import { useEffect, useRef } from "react";

/**
 * A chart.js chart, drawn only in the browser and only where used: chart.js is fetched on demand,
 * with just the parts registered in chart-setup.client.ts. Every chart has its numbers in an
 * HTML table too (`tableId`), which is what people without JavaScript, screen readers and print see.
 */
export function Chart({ config, label, tableId, height = 260 }: { config: ChartConfiguration; label: string; tableId: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const serialised = JSON.stringify(config);
  useEffect(() => {
    let disposed = false;
    let chart: { destroy(): void } | undefined;
    import("./chart-setup.client").then(({ drawChart }) => {
      if (!disposed && canvas.current) chart = drawChart(canvas.current, JSON.parse(serialised));
    });
    return () => {
      disposed = true;
      chart?.destroy();
    };
  }, [serialised]);
  return (
    <figure className="app-figure-chart">
      <div className="app-chart" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={`${label}. The figures are in the table that follows.`} aria-details={tableId}>
          {label}: see the table of figures.
        </canvas>
      </div>
      <figcaption className="govuk-body-s">
        {label}.{" "}
        <a className="govuk-link" href={`#${tableId}`}>
          The same figures as a table
        </a>
      </figcaption>
    </figure>
  );
}
