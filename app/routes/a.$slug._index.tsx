import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { Chart } from "~/components/chart";
import { FiguresDetails } from "~/components/figures-details";
import { SERIES_COLOURS, THRESHOLD_COLOUR } from "~/components/chart-colours";
import { SummaryList, Tag } from "~/components/govuk/content";
import { Table } from "~/components/govuk/table";
import { BreakdownTables } from "~/components/readiness/breakdown-tables";
import { amount, CriterionCard } from "~/components/readiness/criterion-card";
import { formatDate, formatDateShort, formatMonth } from "~/domain/dates";
import { formatFte, formatPercent } from "~/domain/format";
import { CRITERION_LABELS } from "~/domain/readiness";
import { RECRUITMENT_STAGES } from "~/domain/workforce";
import { getReadinessDashboard } from "~/services/readiness/dashboard.server";
import { getCharterStatus } from "~/services/partnership/views.server";
import { CharterStatusPanel } from "~/components/charter-status-panel";

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:visit");
  // Board members see the partnership only: that is their home in the authority.
  if (!access.can("authority:read")) throw redirect(`/a/${access.authority.slug}/partnership`);
  const { asOf, today, isToday } = readAsOf(args.request, args.context.now());
  const [dashboard, charter] = await Promise.all([getReadinessDashboard(access.tenant, access.authority, { asOf, today }), getCharterStatus(access.tenant, asOf)]);
  return {
    charter, slug: access.authority.slug, name: access.authority.name, region: access.authority.region, isToday, canSettings: access.can("settings:edit"), ...dashboard };
}

export default function ReadinessDashboard() {
  const d = useLoaderData<typeof loader>();
  const base = `/a/${d.slug}`;
  const threshold = d.thresholds.adultWorkers === d.thresholds.mi && d.thresholds.mi === d.thresholds.workshops ? d.thresholds.mi : null;
  return (
    <>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Go-live readiness
      </h1>
      <AsOfForm asOf={d.asOf} isToday={d.isToday} />
      <div className="app-ready">
        {d.ready ? (
          <Tag colour="green">Ready on {formatDate(d.asOf)}: all three criteria met</Tag>
        ) : (
          <Tag colour="red">
            Not ready on {formatDate(d.asOf)}: {d.criteria.filter((c) => !c.met).length} of 3 criteria not met
          </Tag>
        )}
      </div>
      <div className="app-criteria">
        {d.criteria.map((c) => (
          <CriterionCard key={c.key} c={c} forecast={d.forecast[c.key]} />
        ))}
      </div>
      <p className="govuk-body-s">Forecasts run from today ({formatDate(d.today)}) using agreed start dates, known leave dates and contract ends, and booked training.</p>

      <CharterStatusPanel slug={d.slug} status={d.charter} />

      <h2 className="govuk-heading-m">Go-live</h2>
      <SummaryList
        rows={[
          { key: "Planned go-live", value: formatDate(d.record.plannedGoLive, "Not planned") },
          { key: "DfE confirmed", value: formatDate(d.record.dfeConfirmedOn, "Not recorded") },
          { key: "Actual go-live", value: formatDate(d.record.actualGoLive, "Not live yet") },
          ...(d.goLive
            ? [
                {
                  key: d.goLive.actual ? "Readiness on go-live day" : d.goLive.onPlans ? "Readiness on the planned day, on current plans" : "Readiness on the planned day",
                  value: (
                    <>
                      {d.goLive.ready ? <Tag colour="green">Ready</Tag> : <Tag colour="red">Not ready</Tag>}
                      <ul className="govuk-list govuk-body-s">
                        {d.goLive.criteria.map((c) => (
                          <li key={c.key}>
                            {CRITERION_LABELS[c.key]}: {c.denominator ? `${formatPercent(c.percent)} (${c.met ? "met" : "not met"})` : "nothing recorded"}
                          </li>
                        ))}
                      </ul>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {d.canSettings ? (
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" to={`${base}/settings/go-live`}>
            Change the go-live record or the thresholds
          </Link>
        </p>
      ) : null}

      <h2 className="govuk-heading-m">Progress month by month</h2>
      <Chart
        label="The three go-live criteria at the end of each month, in per cent"
        tableId="progress-table"
        config={{
          type: "line",
          data: {
            labels: d.trend.map((p) => formatDateShort(p.date)),
            datasets: [
              {
                label: "Adult specialist workers in post (%)",
                data: d.trend.map((p) => p.adultWorkers.percent),
                borderColor: SERIES_COLOURS[0],
                backgroundColor: SERIES_COLOURS[0],
                pointRadius: 1,
              },
              { label: "Trained in MI (%)", data: d.trend.map((p) => p.mi.percent), borderColor: SERIES_COLOURS[1], backgroundColor: SERIES_COLOURS[1], pointRadius: 1 },
              {
                label: "Attended the workshops (%)",
                data: d.trend.map((p) => p.workshops.percent),
                borderColor: SERIES_COLOURS[2],
                backgroundColor: SERIES_COLOURS[2],
                pointRadius: 1,
              },
              ...(threshold !== null
                ? [{ label: `Threshold (${threshold}%)`, data: d.trend.map(() => threshold), borderColor: THRESHOLD_COLOUR, borderDash: [6, 4], pointRadius: 0 }]
                : []),
            ],
          },
          options: { scales: { y: { min: 0, max: 100, title: { display: true, text: "%" } } } },
        }}
      />
      <FiguresDetails>
        <Table
          id="progress-table"
          caption="The criteria at the end of each month"
          captionSize="s"
          rows={d.trend}
          rowKey={(p) => p.date}
          columns={[
            { key: "month", header: "Month", cell: (p) => formatMonth(p.date) },
            {
              key: "adult",
              header: "Adult workers",
              cell: (p) =>
                p.adultWorkers.denominator
                  ? `${formatFte(p.adultWorkers.numerator)} / ${formatFte(p.adultWorkers.denominator)} FTE (${formatPercent(p.adultWorkers.percent)})`
                  : "–",
            },
            { key: "mi", header: "MI", cell: (p) => (p.mi.denominator ? `${p.mi.numerator} / ${p.mi.denominator} (${formatPercent(p.mi.percent)})` : "–") },
            {
              key: "ws",
              header: "Workshops",
              cell: (p) => (p.workshops.denominator ? `${p.workshops.numerator} / ${p.workshops.denominator} (${formatPercent(p.workshops.percent)})` : "–"),
            },
          ]}
        />
      </FiguresDetails>

      <h2 className="govuk-heading-m">Why not, and what would close the gap</h2>
      {d.criteria.map((c) => (
        <BreakdownTables key={c.key} c={c} />
      ))}

      <Table
        caption={
          d.gaps.adultWorkers.shortfall > 0
            ? `Vacant adult specialist posts: ${amount("FTE", d.gaps.adultWorkers.shortfall)} more needed`
            : `Vacant adult specialist posts (${d.gaps.adultWorkers.total})`
        }
        rows={d.gaps.adultWorkers.rows}
        rowKey={(v) => v.postId}
        empty="Every adult specialist post is filled."
        columns={[
          {
            key: "post",
            header: "Post",
            cell: (v) => (
              <Link className="govuk-link" to={`${base}/workforce/posts/${v.postId}`}>
                {v.reference ?? v.roleLabel}
              </Link>
            ),
          },
          { key: "role", header: "Role", cell: (v) => v.roleLabel },
          { key: "team", header: "Team", cell: (v) => v.team },
          { key: "fte", header: "Vacant FTE", cell: (v) => formatFte(v.vacantFte), numeric: true },
          { key: "stage", header: "Recruitment", cell: (v) => (v.agreedStart ? `Starts ${formatDate(v.agreedStart.startDate)}` : RECRUITMENT_STAGES[v.stage]) },
          { key: "closes", header: "Closes the gap", cell: (v) => (v.closesGap ? <Tag colour="blue">Needed</Tag> : "") },
        ]}
      />
      {d.gaps.adultWorkers.total > d.gaps.adultWorkers.rows.length ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/workforce`}>
            All {d.gaps.adultWorkers.total} vacancies
          </Link>
        </p>
      ) : null}

      <Table
        caption={
          d.gaps.mi.shortfall > 0
            ? `Not yet trained in MI: ${amount("people", d.gaps.mi.shortfall)} more needed (${d.gaps.mi.total} in all)`
            : `Not yet trained in MI (${d.gaps.mi.total})`
        }
        rows={d.gaps.mi.rows}
        rowKey={(g) => g.staffMemberId}
        empty="Everyone in scope has completed Motivational Interviewing."
        columns={[
          { key: "name", header: "Name or reference", cell: (g) => g.name },
          { key: "discipline", header: "Discipline", cell: (g) => g.disciplineLabel },
          { key: "team", header: "Team", cell: (g) => g.team },
          { key: "booked", header: "Booked", cell: (g) => (g.bookedOn ? `Yes, completes ${formatDate(g.bookedOn)}` : "Not booked") },
        ]}
      />
      <Table
        caption={
          d.gaps.workshops.shortfall > 0
            ? `Missing required workshops: ${amount("people", d.gaps.workshops.shortfall)} more needed (${d.gaps.workshops.total} in all)`
            : `Missing required workshops (${d.gaps.workshops.total})`
        }
        rows={d.gaps.workshops.rows}
        rowKey={(g) => g.staffMemberId}
        empty="Everyone in scope has attended every workshop their discipline requires."
        columns={[
          { key: "name", header: "Name or reference", cell: (g) => g.name },
          { key: "discipline", header: "Discipline", cell: (g) => g.disciplineLabel },
          { key: "team", header: "Team", cell: (g) => g.team },
          { key: "missing", header: "Still to attend", cell: (g) => g.missingNames.join("; ") },
        ]}
      />
      {d.gaps.mi.total > d.gaps.mi.rows.length || d.gaps.workshops.total > d.gaps.workshops.rows.length ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/training`}>
            Everyone's training gaps
          </Link>
        </p>
      ) : null}
    </>
  );
}
