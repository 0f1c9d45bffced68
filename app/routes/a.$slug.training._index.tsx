import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import { requireMembership } from "~/auth/guards.server";
import { Chart } from "~/components/chart";
import { SERIES_COLOURS } from "~/components/chart-colours";
import { Details } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { AsOfForm } from "~/components/as-of-form";
import { CriterionCard } from "~/components/readiness/criterion-card";
import { CsvLink, TrainingHeading, TrainingNav } from "~/components/training";
import { formatDate, formatDateShort, londonDate } from "~/domain/dates";
import { formatPercent } from "~/domain/format";
import type { Breakdown } from "~/domain/readiness";
import { asOfDate } from "~/domain/training";
import type { BreakdownRow } from "~/domain/training-progress";
import { loadTrainingOverview } from "~/services/training/overview.server";

export const meta: MetaFunction = () => [{ title: `Training – ${SERVICE_NAME}` }];

/** How many people each gaps table lists on the page; the CSV has everyone. */
const SHOWN = 200;

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const today = londonDate(args.context.now());
  const asOf = asOfDate(new URL(args.request.url).searchParams.get("asOf"), today);
  const overview = await loadTrainingOverview(access.tenant, access.authority, asOf);
  const needMi = overview.gaps.filter((g) => g.needsMi);
  const needWorkshops = overview.gaps.filter((g) => g.missingWorkshops.length > 0);
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    today,
    canEdit: access.can("programme:edit"),
    ...overview,
    needMi: { count: needMi.length, rows: needMi.slice(0, SHOWN) },
    needWorkshops: { count: needWorkshops.length, rows: needWorkshops.slice(0, SHOWN) },
  };
}

function fraction(b: Breakdown | null) {
  return b ? `${b.numerator} of ${b.denominator} (${formatPercent(b.percent)})` : "–";
}

function BreakdownTable({ id, caption, first, rows }: { id: string; caption: string; first: string; rows: BreakdownRow[] }) {
  return (
    <Table
      id={id}
      caption={caption}
      captionSize="s"
      rows={rows}
      rowKey={(r) => r.key || "none"}
      empty="Nobody in scope and in post on this date."
      columns={[
        { key: "label", header: first, cell: (r) => r.label },
        { key: "mi", header: "Completed MI", cell: (r) => fraction(r.mi), numeric: true },
        { key: "workshops", header: "Attended the workshops", cell: (r) => fraction(r.workshops), numeric: true },
      ]}
    />
  );
}

function breakdownChart(rows: BreakdownRow[], threshold: number): ChartConfiguration {
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        { label: "Completed MI (%)", data: rows.map((r) => r.mi?.percent ?? 0), backgroundColor: SERIES_COLOURS[0] },
        { label: "Attended the workshops (%)", data: rows.map((r) => r.workshops?.percent ?? 0), backgroundColor: SERIES_COLOURS[1] },
      ],
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: `% of in-scope staff in post (threshold ${threshold}%)` } } } },
  };
}

export default function TrainingOverview() {
  const d = useLoaderData<typeof loader>();
  const base = `/a/${d.slug}/training`;
  const booked = (places: Array<{ sessionId: string; course: string; startDate: string; status: string }>) =>
    places.length ? (
      <ul className="govuk-list govuk-!-margin-bottom-0">
        {places.map((p) => (
          <li key={p.sessionId}>
            <Link className="govuk-link" to={`${base}/sessions/${p.sessionId}`}>
              {p.course}, {formatDateShort(p.startDate)}
            </Link>
            {p.status === "attended" ? " (attended later)" : ""}
          </li>
        ))}
      </ul>
    ) : (
      "Not booked"
    );
  return (
    <>
      <TrainingNav slug={d.slug} />
      <TrainingHeading authorityName={d.authorityName} caption="Training">
        Training on {formatDate(d.asOf)}
      </TrainingHeading>
      <AsOfForm asOf={d.asOf} isToday={d.asOf === d.today} />
      <p className="govuk-body">
        Counted: Family Safeguarding staff in scope for the criteria and in post on the date (a leaver still counts on their last day). A course counts as done on the last day of the session attended.
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <CriterionCard c={d.mi} forecast={d.forecast.mi} />
        </div>
        <div className="govuk-grid-column-one-half">
          <CriterionCard c={d.workshops} forecast={d.forecast.workshops} />
        </div>
      </div>
      <p className="govuk-body-s">Forecasts assume booked places are attended and people leave on their recorded last day. See who the figures count on the <Link className="govuk-link" to={`${base}/staff?asOf=${d.asOf}`}>staff roster</Link>; the workshops each discipline needs are in the <Link className="govuk-link" to={`${base}/requirements`}>requirements</Link>.</p>

      <h2 className="govuk-heading-m">By team and by discipline</h2>
      {d.byTeam.length > 0 ? <Chart config={breakdownChart(d.byTeam, d.thresholds.mi)} label="Percentage of in-scope staff who completed MI and attended the workshops, by team" tableId="by-team" /> : null}
      <BreakdownTable id="by-team" caption="By team" first="Team" rows={d.byTeam} />
      <BreakdownTable id="by-discipline" caption="By discipline" first="Discipline" rows={d.byDiscipline} />

      <h2 className="govuk-heading-m">Who still needs training</h2>
      <p className="govuk-body">
        <CsvLink href={`${base}/export/gaps?asOf=${d.asOf}`}>Download everyone's gaps (CSV)</CsvLink>
      </p>
      <Table
        id="needs-mi"
        caption={`Still need Motivational Interviewing (${d.needMi.count})`}
        captionSize="s"
        rows={d.needMi.rows}
        rowKey={(g) => g.staffId}
        empty="Everyone counted has completed MI."
        columns={[
          { key: "name", header: "Name", cell: (g) => <Link className="govuk-link" to={`${base}/staff/${g.staffId}`}>{g.name}</Link> },
          { key: "ref", header: "Reference", cell: (g) => g.externalRef },
          { key: "team", header: "Team", cell: (g) => g.team ?? "No team" },
          { key: "discipline", header: "Discipline", cell: (g) => g.discipline },
          { key: "booked", header: "Booked on", cell: (g) => booked(g.planned.filter((p) => p.mi)) },
        ]}
      />
      {d.needMi.count > d.needMi.rows.length ? <p className="govuk-body-s">The first {d.needMi.rows.length} are shown: the CSV has everyone.</p> : null}
      <Table
        id="needs-workshops"
        caption={`Miss one or more required workshops (${d.needWorkshops.count})`}
        captionSize="s"
        rows={d.needWorkshops.rows}
        rowKey={(g) => g.staffId}
        empty="Everyone counted has attended the workshops their discipline requires."
        columns={[
          { key: "name", header: "Name", cell: (g) => <Link className="govuk-link" to={`${base}/staff/${g.staffId}`}>{g.name}</Link> },
          { key: "team", header: "Team", cell: (g) => g.team ?? "No team" },
          { key: "discipline", header: "Discipline", cell: (g) => g.discipline },
          {
            key: "missing",
            header: "Still to attend",
            cell: (g) => (
              <ul className="govuk-list govuk-!-margin-bottom-0">
                {g.missingWorkshops.map((w) => (
                  <li key={w.id}>{w.name}</li>
                ))}
              </ul>
            ),
          },
          { key: "booked", header: "Booked on", cell: (g) => booked(g.planned.filter((p) => !p.mi)) },
        ]}
      />
      {d.needWorkshops.count > d.needWorkshops.rows.length ? <p className="govuk-body-s">The first {d.needWorkshops.rows.length} are shown: the CSV has everyone.</p> : null}

      <Details summary="How the figures are worked out">
        <p className="govuk-body">
          MI: in-scope staff in post on the date who have attended a Motivational Interviewing session that ended by then, out of all in-scope staff in post. Workshops: likewise, counting those who have attended every workshop their discipline requires. Each is met at {formatPercent(d.thresholds.mi, 0)} (MI) and {formatPercent(d.thresholds.workshops, 0)} (workshops), compared exactly rather than on the rounded percentage.
        </p>
      </Details>
    </>
  );
}
