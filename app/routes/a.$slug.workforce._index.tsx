import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { Chart } from "~/components/chart";
import { FiguresDetails } from "~/components/figures-details";
import { SERIES_COLOURS } from "~/components/chart-colours";
import { Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table, type Column } from "~/components/govuk/table";
import { Stat } from "~/components/stat";
import { formatDate, formatDateShort, formatMonth } from "~/domain/dates";
import { formatFte, formatPercent } from "~/domain/format";
import { CONTRACT_TYPES, CONTRACT_WINDOW_MONTHS, RECRUITMENT_STAGES } from "~/domain/workforce";
import { authorityThresholds } from "~/services/readiness/thresholds.server";
import { getWorkforceSummary } from "~/services/workforce/workforce-summary.server";

export const meta: MetaFunction = () => [{ title: `Workforce – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf, isToday } = readAsOf(args.request, args.context.now());
  const thresholds = await authorityThresholds(args.context.db, access.authority);
  const summary = await getWorkforceSummary(access.tenant, { asOf, threshold: thresholds.adultWorkers, trendFrom: access.authority.programmeStart });
  return { slug: access.authority.slug, name: access.authority.name, asOf, isToday, canEdit: access.can("programme:edit"), ...summary };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = Data["byRole"][number];

const countColumns: Column<Row>[] = [
  { key: "label", header: "", cell: (r) => r.label },
  { key: "est", header: "Establishment (FTE)", cell: (r) => formatFte(r.establishmentFte), numeric: true },
  { key: "in", header: "In post (FTE)", cell: (r) => formatFte(r.inPostFte), numeric: true },
  { key: "pct", header: "In post (%)", cell: (r) => formatPercent(r.establishmentFte ? (r.inPostFte / r.establishmentFte) * 100 : null), numeric: true },
  { key: "pipe", header: "Pipeline (FTE)", cell: (r) => formatFte(r.pipelineFte), numeric: true },
  { key: "vac", header: "Vacant (FTE)", cell: (r) => formatFte(r.vacantFte), numeric: true },
  { key: "posts", header: "Posts", cell: (r) => r.establishmentPosts, numeric: true },
  { key: "head", header: "People in post", cell: (r) => r.inPostHeadcount, numeric: true },
  { key: "pipeHead", header: "People starting", cell: (r) => r.pipelineHeadcount, numeric: true },
];

function named(columns: Column<Row>[], first: string): Column<Row>[] {
  return [{ ...columns[0], header: first }, ...columns.slice(1)];
}

export default function Workforce() {
  const d = useLoaderData<typeof loader>();
  const c = d.criterion;
  const exportUrl = (table: string) => `/a/${d.slug}/workforce/export?table=${table}&asOf=${d.asOf}`;
  return (
    <>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Workforce
      </h1>
      <p className="govuk-body">Recruitment of the adult specialist workers against the establishment. History comes from the dated records of posts and holders.</p>
      <AsOfForm asOf={d.asOf} isToday={d.isToday} />
      {d.overdueContracts.length ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {d.overdueContracts.length} {d.overdueContracts.length === 1 ? "holder is" : "holders are"} still recorded in post after their contract or secondment ended. Record
            their last day or the extension, or the figures overstate who is in post.{" "}
            <a className="govuk-link" href="#overdue">
              Which holders
            </a>
          </strong>
        </div>
      ) : null}
      <div className="app-stats">
        <Stat
          label="Adult specialist workers in post"
          value={c.denominator ? formatPercent(c.percent) : "–"}
          tag={c.denominator ? <Tag colour={c.met ? "green" : "red"}>{c.met ? `Meets the ${c.threshold}% criterion` : `Below ${c.threshold}%`}</Tag> : null}
          detail={c.denominator ? `${formatFte(c.numerator)} of ${formatFte(c.denominator)} FTE on ${formatDate(d.asOf)}` : "No establishment recorded yet"}
        />
        <Stat label="Adult specialist vacancies" value={d.vacancies.length} detail={`${formatFte(d.vacancies.reduce((s, v) => s + v.vacantFte, 0))} FTE vacant`} />
        <Stat
          label={`Contracts ending within ${CONTRACT_WINDOW_MONTHS} months`}
          value={d.contractsEnding.length}
          detail="Fixed-term contracts and secondments: the retention risk"
        />
      </div>
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" to={`/a/${d.slug}/workforce/posts`}>
          All posts and holders ({d.counts.posts})
        </Link>
        {" · "}
        <Link className="govuk-link" to={`/a/${d.slug}/workforce/teams`}>
          Teams and localities ({d.counts.teams})
        </Link>
        {d.canEdit ? (
          <>
            {" · "}
            <Link className="govuk-link" to={`/a/${d.slug}/workforce/posts/new`}>
              Add a post
            </Link>
          </>
        ) : null}
      </p>

      <h2 className="govuk-heading-m">Adult specialist FTE in post over time</h2>
      <Chart
        label="Adult specialist FTE in post and establishment, month by month"
        tableId="trend-table"
        config={{
          type: "line",
          data: {
            labels: d.trend.map((p) => formatDateShort(p.date)),
            datasets: [
              { label: "Establishment (FTE)", data: d.trend.map((p) => p.establishment), borderColor: SERIES_COLOURS[5], borderDash: [6, 4], pointRadius: 0 },
              { label: "In post (FTE)", data: d.trend.map((p) => p.inPost), borderColor: SERIES_COLOURS[0], backgroundColor: SERIES_COLOURS[0], pointRadius: 2 },
            ],
          },
          options: { scales: { y: { beginAtZero: true, title: { display: true, text: "FTE" } } } },
        }}
      />
      <FiguresDetails>
        <Table
          id="trend-table"
          caption="Adult specialist FTE at the end of each month"
          captionSize="s"
          rows={d.trend}
          rowKey={(p) => p.date}
          columns={[
            { key: "month", header: "Month", cell: (p) => formatMonth(p.date) },
            { key: "est", header: "Establishment (FTE)", cell: (p) => formatFte(p.establishment), numeric: true },
            { key: "in", header: "In post (FTE)", cell: (p) => formatFte(p.inPost), numeric: true },
            { key: "pct", header: "In post (%)", cell: (p) => formatPercent(p.percent), numeric: true },
          ]}
        />
        <a className="govuk-link" href={exportUrl("trend")} download>
          Download the trend (CSV)
        </a>
      </FiguresDetails>

      <Table caption="Adult specialist posts by role" rows={d.byRole} rowKey={(r) => r.key} columns={named(countColumns, "Role")} empty="No adult specialist posts recorded." />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={exportUrl("roles")} download>
          Download by role (CSV)
        </a>
      </p>
      <Table caption="Adult specialist posts by team" rows={d.byTeam} rowKey={(r) => r.key} columns={named(countColumns, "Team")} empty="No adult specialist posts recorded." />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={exportUrl("teams")} download>
          Download by team (CSV)
        </a>
      </p>

      <Table
        caption={`Vacancies (${d.vacancies.length})`}
        rows={d.vacancies}
        rowKey={(v) => v.postId}
        empty="Every adult specialist post is filled."
        columns={[
          {
            key: "post",
            header: "Post",
            cell: (v) => (
              <Link className="govuk-link" to={`/a/${d.slug}/workforce/posts/${v.postId}`}>
                {v.reference ?? v.roleLabel}
              </Link>
            ),
          },
          { key: "role", header: "Role", cell: (v) => v.roleLabel },
          { key: "team", header: "Team", cell: (v) => v.team },
          { key: "fte", header: "Vacant FTE", cell: (v) => formatFte(v.vacantFte), numeric: true },
          { key: "stage", header: "Recruitment stage", cell: (v) => RECRUITMENT_STAGES[v.stage] + (v.stageSince ? ` (${formatDateShort(v.stageSince)})` : "") },
          { key: "start", header: "Agreed start", cell: (v) => (v.agreedStart ? `${formatDate(v.agreedStart.startDate)}: ${v.agreedStart.holder}` : "") },
          { key: "since", header: "Vacant since", cell: (v) => formatDate(v.vacantSince, "Never filled") },
          { key: "age", header: "Days vacant", cell: (v) => v.ageDays ?? "", numeric: true },
        ]}
      />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={exportUrl("vacancies")} download>
          Download vacancies (CSV)
        </a>
      </p>

      <Table
        caption={`Contracts ending in the next ${CONTRACT_WINDOW_MONTHS} months (${d.contractsEnding.length})`}
        rows={d.contractsEnding}
        rowKey={(c) => c.appointmentId}
        empty={`No fixed-term contract or secondment ends in the next ${CONTRACT_WINDOW_MONTHS} months.`}
        columns={[
          {
            key: "post",
            header: "Post",
            cell: (c) => (
              <Link className="govuk-link" to={`/a/${d.slug}/workforce/posts/${c.postId}`}>
                {c.reference ?? c.roleLabel}
              </Link>
            ),
          },
          { key: "holder", header: "Holder", cell: (c) => c.holder },
          { key: "role", header: "Role", cell: (c) => c.roleLabel },
          { key: "team", header: "Team", cell: (c) => c.team },
          { key: "type", header: "Contract", cell: (c) => CONTRACT_TYPES[c.contractType as keyof typeof CONTRACT_TYPES] ?? c.contractType },
          { key: "end", header: "Ends", cell: (c) => formatDate(c.contractEnd) },
          { key: "days", header: "Days left", cell: (c) => c.daysLeft, numeric: true },
        ]}
      />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={exportUrl("contracts")} download>
          Download contracts ending (CSV)
        </a>
      </p>

      {d.overdueContracts.length ? (
        <Table
          id="overdue"
          caption={`Contracts past their end date with no last day recorded (${d.overdueContracts.length})`}
          rows={d.overdueContracts}
          rowKey={(c) => c.appointmentId}
          columns={[
            {
              key: "post",
              header: "Post",
              cell: (c) => (
                // Editors go straight to the holder to record the last day; others to the post.
                <Link className="govuk-link" to={`/a/${d.slug}/workforce/posts/${c.postId}${d.canEdit ? `/holders/${c.appointmentId}` : ""}`}>
                  {c.reference ?? c.roleLabel}
                </Link>
              ),
            },
            { key: "holder", header: "Holder", cell: (c) => c.holder },
            { key: "role", header: "Role", cell: (c) => c.roleLabel },
            { key: "end", header: "Contract ended", cell: (c) => formatDate(c.contractEnd) },
          ]}
        />
      ) : null}

      <Table caption="Other Family Safeguarding posts" rows={d.otherPosts} rowKey={(r) => r.key} columns={named(countColumns, "Role")} empty="No other posts recorded." />
    </>
  );
}
