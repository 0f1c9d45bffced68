import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { Details, InsetText, Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { AssessmentTag, OutcomesHeading, OutcomesLinks } from "~/components/outcomes";
import { formatDate } from "~/domain/dates";
import { formatChangePercent, formatOutcomeValue, formatSignedNumber, periodLabel } from "~/domain/outcomes";
import { getOutcomeScorecard } from "~/services/outcomes/scorecard.server";

export const meta: MetaFunction = () => [{ title: `Outcomes – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf, isToday } = readAsOf(args.request, args.context.now());
  const card = await getOutcomeScorecard(access.tenant, asOf);
  return { slug: access.authority.slug, name: access.authority.name, isToday, canEdit: access.can("programme:edit"), ...card };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

const figureAt = (r: Row, which: "baseline" | "latest") => {
  const o = r.comparison[which];
  if (!o) return "–";
  return (
    <>
      {formatOutcomeValue(o.value, r.indicator.unit)}
      <br />
      <span className="govuk-body-s">{periodLabel(r.indicator.periodType, o.periodStart, o.periodEnd)}</span>
    </>
  );
};

const rate = (v: number | null, signed = false) => (v === null ? "–" : signed ? formatSignedNumber(v, 1) : v.toFixed(1));

export default function OutcomesScorecard() {
  const d = useLoaderData<typeof loader>();
  const base = `/a/${d.slug}/outcomes`;
  const national = d.rows.filter((r) => r.indicator.authorityId === null);
  const own = d.rows.filter((r) => r.indicator.authorityId !== null);
  const columns = [
    {
      key: "indicator",
      header: "Indicator",
      cell: (r: Row) => (
        <>
          <Link className="govuk-link" to={`${base}/indicators/${r.indicator.id}?asOf=${d.asOf}`}>
            {r.indicator.name}
          </Link>
          <br />
          <span className="govuk-body-s">
            {r.indicator.periodType === "snapshot" ? "At a date" : "Over a period"}; {r.indicator.direction === "lower" ? "lower is better" : "higher is better"}
          </span>
        </>
      ),
    },
    { key: "baseline", header: "Baseline", cell: (r: Row) => figureAt(r, "baseline"), numeric: true },
    { key: "latest", header: "Latest comparable", cell: (r: Row) => figureAt(r, "latest"), numeric: true },
    { key: "change", header: "Change", cell: (r: Row) => formatSignedNumber(r.comparison.change, r.indicator.unit === "count" ? 0 : 1), numeric: true },
    { key: "percent", header: "Change (%)", cell: (r: Row) => formatChangePercent(r.comparison.changePercent), numeric: true },
    { key: "rate", header: "Per 10,000 children: baseline → latest", cell: (r: Row) => (r.comparison.baselinePer10k === null ? "–" : `${rate(r.comparison.baselinePer10k)} → ${rate(r.comparison.latestPer10k)}`), numeric: true },
    { key: "rateChange", header: "Change per 10,000", cell: (r: Row) => rate(r.comparison.changePer10k, true), numeric: true },
    { key: "assessment", header: "Direction", cell: (r: Row) => <AssessmentTag assessment={r.comparison.assessment} /> },
  ];
  return (
    <>
      <OutcomesHeading authorityName={d.name}>Outcomes scorecard</OutcomesHeading>
      <p className="govuk-body">
        Aggregate figures only, never a child&apos;s record. Each indicator is compared with the baseline figure the authority chose: a count at a date with any later date; a count over a period only with a later period of the same length
        (a year against the baseline year). Rates are per 10,000 children aged 0 to 17.
      </p>
      <OutcomesLinks slug={d.slug} asOf={d.asOf} canEdit={d.canEdit} />
      <AsOfForm asOf={d.asOf} isToday={d.isToday} />
      <p className="govuk-body" id="population">
        {d.population ? (
          <>
            Child population used for rates: <strong>{d.population.population.toLocaleString("en-GB")}</strong>
            {d.population.year ? ` (${d.population.year})` : ""}. Source: {d.population.source}. {d.population.illustrative ? <Tag colour="yellow">Illustrative</Tag> : null}
          </>
        ) : (
          <>
            No child population is recorded, so there are no rates per 10,000 children. <Link className="govuk-link" to={`${base}/population`}>Record the child population</Link>.
          </>
        )}
        {d.goLive ? ` Went live on ${formatDate(d.goLive)}.` : " Not live yet."}
      </p>
      <Table id="scorecard" caption={`National indicators, as of ${formatDate(d.asOf)}`} rows={national} rowKey={(r) => r.indicator.id} columns={columns} />
      <Table
        id="own-indicators"
        caption="The authority's own indicators"
        rows={own}
        rowKey={(r) => r.indicator.id}
        columns={columns}
        empty={d.canEdit ? <Link className="govuk-link" to={`${base}/indicators/new`}>Add an indicator of your own</Link> : "None added."}
      />
      <InsetText>Open an indicator to see its trend against go-live, record a figure or choose its baseline.</InsetText>
      <Details summary="How the changes are worked out">
        <ul className="govuk-list govuk-list--bullet">
          <li>Change = the latest comparable figure on or before the &quot;as of&quot; date minus the baseline; the percentage is of the baseline.</li>
          <li>
            A snapshot (children on a plan at a date) compares with any later date. A flow (children entering care over a period) compares only with a later period of the same length that starts after the baseline period ends: 12
            calendar months with 12 calendar months, a quarter with a quarter; periods that do not run from a 1st to a month&apos;s end are compared by their number of days.
          </li>
          <li>Rate per 10,000 = figure × 10,000 ÷ the child population of the figure&apos;s year (the latest year recorded on or before it). Only counts have a rate.</li>
          <li>Improving or worsening follows each indicator&apos;s direction: for most, lower is better.</li>
        </ul>
      </Details>
    </>
  );
}
