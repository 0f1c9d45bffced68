import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import type { ReactNode } from "react";
import { requireMembership } from "~/auth/guards.server";
import { Chart } from "~/components/chart";
import { SERIES_COLOURS } from "~/components/chart-colours";
import { exact, FundingHeading, FundingNav, moneyColumn, pct, pounds, TaperChart, TotalsRow } from "~/components/funding";
import { Details, InsetText, WarningText } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { addDays, formatDate, formatMonth } from "~/domain/dates";
import { formatFte } from "~/domain/format";
import { COST_BASES, establishmentAnnualCost, monthOf, REPORTED_MEASURES, STREAM_KINDS, taperYears, type FinancialYearRow, type YearRow } from "~/domain/funding";
import { roleLabel } from "~/domain/workforce";
import { getFundingOverview } from "~/services/funding/funding-overview.server";
import { readFundingQuery } from "~/services/funding/query.server";

export const meta: MetaFunction = () => [{ title: `Funding – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { view, asOf } = readFundingQuery(args.request, args.context.now());
  const { facts, overview } = await getFundingOverview(access.tenant, asOf);
  const postById = new Map(facts.posts.map((p) => [p.id, p]));
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canEdit: access.can("funding:edit"),
    view,
    asOf,
    settings: { costBasis: facts.settings.costBasis, upliftBp: facts.settings.upliftBp, costsFrom: overview.model.costsFrom, costsFromSource: overview.costsFromSource },
    establishment: establishmentAnnualCost(facts, asOf),
    postsWithoutCost: overview.model.postsWithoutCost.map((id) => {
      const p = postById.get(id);
      return { id, label: p ? `${p.reference ?? "Post"} (${roleLabel(p.role)})` : "A post" };
    }),
    financialYears: overview.financialYears,
    academicYears: overview.academicYears,
    months: overview.model.months.filter((m) => m.month >= monthOf(overview.model.costsFrom)).map(({ byStream: _b, ...m }) => m),
    sustainability: overview.sustainability,
    reported: overview.reported,
    streams: facts.streams.map((s) => ({
      id: s.id,
      name: s.name,
      funder: s.funder,
      kind: s.kind,
      totalPence: s.totalPence,
      startDate: s.startDate,
      endDate: s.endDate,
      outcome: overview.model.streams.find((o) => o.id === s.id) ?? null,
      allocation: overview.allocations[s.id] ?? null,
      taper: s.kind === "tapered" ? taperYears(s) : null,
    })),
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Month = Data["months"][number];
type Reported = Data["reported"][number];
type Stream = Data["streams"][number];

export default function FundingOverview() {
  const data = useLoaderData<typeof loader>();
  const { slug, authorityName, canEdit, view, asOf } = data;
  const base = `/a/${slug}/funding`;
  const query = (v: string) => `?view=${v}${asOf ? `&asOf=${asOf}` : ""}`;
  return (
    <>
      <FundingHeading authorityName={authorityName}>Funding and the grant taper</FundingHeading>
      <FundingNav slug={slug} current="overview" />
      <p className="govuk-body-l">What the adult specialist workers cost, what the grant and other funding pay, and the shortfall the authority and its partners must find.</p>

      <SummaryOfRules data={data} />

      {data.postsWithoutCost.length ? (
        <WarningText>
          {data.postsWithoutCost.length === 1 ? "1 adult post has" : `${data.postsWithoutCost.length} adult posts have`} no cost recorded for some months and count as £0 then:{" "}
          {data.postsWithoutCost.map((p) => p.label).join(", ")}. {canEdit ? <Link to={`${base}/costs`} className="govuk-link">Set a cost for their role or post</Link> : null}
        </WarningText>
      ) : null}

      <Sustainability data={data} />

      <h2 className="govuk-heading-m" id="years">
        Cost, grant and shortfall by {view === "financial" ? "financial" : "academic"} year
      </h2>
      <nav aria-label="Years to show" className="app-subnav">
        <ul className="govuk-list app-subnav__list">
          <li className="app-subnav__item">
            <Link className={`govuk-link${view === "financial" ? " app-subnav__link--current" : ""}`} aria-current={view === "financial" ? "page" : undefined} to={`${query("financial")}#years`}>
              Financial years (April to March)
            </Link>
          </li>
          <li className="app-subnav__item">
            <Link className={`govuk-link${view === "academic" ? " app-subnav__link--current" : ""}`} aria-current={view === "academic" ? "page" : undefined} to={`${query("academic")}#years`}>
              Academic years (September to August), as the grant runs
            </Link>
          </li>
        </ul>
      </nav>
      {view === "financial" ? <FinancialYears rows={data.financialYears} /> : <AcademicYears rows={data.academicYears} />}
      <p className="govuk-body">
        <a className="govuk-link" href={`${base}/export?table=years&view=${view}${asOf ? `&asOf=${asOf}` : ""}`} download>
          Download this table (CSV)
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={`${base}/export?table=months${asOf ? `&asOf=${asOf}` : ""}`} download>
          Download the month-by-month figures (CSV)
        </a>
      </p>

      <Reported data={data} />
      <Streams data={data} />

      <Details summary="Month by month">
        <Table
          id="months"
          caption="Cost, grant and shortfall each month, to the penny"
          captionSize="s"
          rows={data.months}
          rowKey={(m) => m.month}
          columns={[
            { key: "month", header: "Month", cell: (m) => formatMonth(m.month) },
            { key: "fy", header: "Financial year", cell: (m) => m.financialYear },
            { key: "ay", header: "Academic year", cell: (m) => m.academicYear },
            moneyColumn<Month>("cost", "Cost", (m) => m.cost, true),
            moneyColumn<Month>("grant", "Grant", (m) => m.grant, true),
            moneyColumn<Month>("shortfall", "Shortfall", (m) => m.shortfall, true),
          ]}
        />
      </Details>
      <HowItWorks />
      {canEdit ? null : <p className="govuk-body">Only programme managers can change funding. You can read everything here.</p>}
      <p className="govuk-body-s">Figures as of {formatDate(asOf)}.</p>
    </>
  );
}

const COSTS_FROM = {
  setting: " (as set)",
  stream: " (the start of the earliest funding stream that pays towards them)",
  post: " (when the first adult post was established: no stream pays towards them)",
  today: " (the start of this financial year: no stream or post gives an earlier date)",
};

function SummaryOfRules({ data }: { data: Data }) {
  const { settings, establishment, slug, canEdit } = data;
  return (
    <InsetText>
      <p className="govuk-body">
        <strong>Cost basis</strong> – {COST_BASES[settings.costBasis]}. Costs count from {formatDate(settings.costsFrom)}
        {COSTS_FROM[settings.costsFromSource]} and {settings.upliftBp ? `rise by ${pct(settings.upliftBp)} each 1 April` : "have no yearly uplift"}.
      </p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        The establishment today: {establishment.posts} adult specialist {establishment.posts === 1 ? "post" : "posts"}, {formatFte(establishment.fteHundredths / 100)} FTE, costing {pounds(establishment.pence)} a year at today's prices.{" "}
        {canEdit ? (
          <Link className="govuk-link" to={`/a/${slug}/funding/costs`}>
            Change costs or the cost basis
          </Link>
        ) : null}
      </p>
    </InsetText>
  );
}

function Sustainability({ data }: { data: Data }) {
  const s = data.sustainability;
  const uplift = data.settings.upliftBp ? `, rising by ${pct(data.settings.upliftBp)} each April` : "";
  const missing = (n: number) => (n ? ` ${n === 1 ? "One post has" : `${n} posts have`} no cost recorded and count${n === 1 ? "s" : ""} as £0 in this figure.` : "");
  let text: string;
  if (s.kind === "open-ended") text = `${s.streamName} has no end date, so the model cannot say when the authority must fund the adult specialist workers itself.`;
  else if (s.kind === "no-streams")
    text = `No funding stream pays towards the adult specialist workers: the authority and its partners fund them in full, ${pounds(s.annual.pence)} a year at ${s.priceYear} prices.${missing(s.annual.missing)}`;
  else {
    text = `From ${formatDate(s.from)} no funding stream pays towards the adult specialist workers: the authority and its partners must fund all ${s.annual.posts} posts (${formatFte(s.annual.fteHundredths / 100)} FTE), ${pounds(s.annual.pence)} a year at ${s.priceYear} prices${uplift}.${missing(s.annual.missing)}`;
    if (s.today) text += ` At today's prices (${s.today.priceYear}) that is ${pounds(s.today.pence)} a year.`;
    if (s.firstYearWithout) text += ` ${s.firstYearWithout.label} is the first financial year with no grant at all: its shortfall is ${pounds(s.firstYearWithout.shortfall)}.`;
  }
  return (
    <div className="app-card" id="sustainability">
      <h2 className="govuk-heading-m">Sustainability</h2>
      <p className="govuk-body govuk-!-margin-bottom-0">{text}</p>
    </div>
  );
}

interface Figure<Row> {
  key: keyof Row & string;
  header: string;
  /** Shown as whole pounds unless a cell is given. */
  cell?: (row: Row) => ReactNode;
}

/**
 * Years as a stacked bar chart (the `stacks`, with the cost as a line) and, with the same
 * figures and their totals, the table the chart links to.
 */
function YearFigures<Row extends YearRow>(props: { rows: Row[]; yearHeader: string; caption: string; chartLabel: string; figures: Figure<Row>[]; stacks: Array<{ key: keyof Row & string; label: string; colour: string }> }) {
  const { rows, figures } = props;
  const value = (r: Row, key: keyof Row) => r[key] as number;
  const config: ChartConfiguration = {
    type: "bar",
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        ...props.stacks.map((s) => ({ type: "bar" as const, label: s.label, data: rows.map((r) => value(r, s.key) / 100), backgroundColor: s.colour, stack: "money" })),
        { type: "line" as const, label: "Cost", data: rows.map((r) => r.cost / 100), borderColor: "#0b0c0c", backgroundColor: "#0b0c0c", stack: "cost" },
      ],
    },
    options: {
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: "£" } } },
      plugins: { legend: { position: "bottom" } },
    },
  };
  return (
    <>
      <Chart config={config} label={props.chartLabel} tableId="funding-years" height={320} />
      <Table
        id="funding-years"
        caption={props.caption}
        captionSize="s"
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { key: "label", header: props.yearHeader, cell: (r: Row) => r.label },
          ...figures.map((f) => (f.cell ? { key: f.key, header: f.header, numeric: true, cell: f.cell } : moneyColumn<Row>(f.key, f.header, (r) => value(r, f.key)))),
        ]}
        footer={<TotalsRow label="All years" cells={figures.map((f) => pounds(rows.reduce((sum, r) => sum + value(r, f.key), 0)))} />}
      />
    </>
  );
}

/** Every year view shows these; the grant is the first part of each bar. */
const COST_GRANT_SHORTFALL: Figure<YearRow>[] = [
  { key: "cost", header: "Cost" },
  { key: "grant", header: "Grant" },
  { key: "shortfall", header: "Shortfall" },
];
const GRANT_STACK = { key: "grant" as const, label: "Grant", colour: SERIES_COLOURS[0] };

function FinancialYears({ rows }: { rows: FinancialYearRow[] }) {
  return (
    <YearFigures
      rows={rows}
      yearHeader="Financial year"
      caption="By financial year (April to March), to the nearest pound"
      chartLabel="How each financial year's cost of the adult specialist workers is met: grant, agreed and proposed contributions, and what is not covered"
      figures={[
        ...COST_GRANT_SHORTFALL,
        { key: "agreed", header: "Agreed contributions" },
        { key: "proposed", header: "Proposed contributions" },
        { key: "remainingGap", header: "Remaining gap (shortfall − agreed)", cell: (r) => (r.remainingGap < 0 ? `${pounds(r.remainingGap)} (more than needed)` : pounds(r.remainingGap)) },
        { key: "notCovered", header: "Not covered even if proposed are agreed" },
      ]}
      stacks={[
        GRANT_STACK,
        { key: "agreed", label: "Agreed contributions", colour: SERIES_COLOURS[2] },
        { key: "proposed", label: "Proposed contributions", colour: SERIES_COLOURS[1] },
        { key: "notCovered", label: "Not covered even if proposed are agreed", colour: SERIES_COLOURS[4] },
      ]}
    />
  );
}

function AcademicYears({ rows }: { rows: YearRow[] }) {
  return (
    <>
      <YearFigures
        rows={rows}
        yearHeader="Academic year"
        caption="By academic year (September to August), to the nearest pound"
        chartLabel="Each academic year's cost of the adult specialist workers: grant and shortfall"
        figures={COST_GRANT_SHORTFALL}
        stacks={[
          GRANT_STACK,
          { key: "shortfall", label: "Shortfall", colour: SERIES_COLOURS[4] },
        ]}
      />
      <p className="govuk-body">Partner contributions are agreed by financial year, so they show in the financial-year view only.</p>
    </>
  );
}

function Reported({ data }: { data: Data }) {
  if (data.reported.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Reported figures beside the model's</h2>
      <p className="govuk-body">
        These figures come from the authority's own reports. The reports' assumptions (salaries, vacancies, when costs start, what the grant covers) are not known and differ from this model's, so the
        two are not expected to match: the difference is shown, not explained away.
      </p>
      <Table
        id="reported"
        caption="Reported and computed, by financial year"
        captionSize="s"
        rows={data.reported}
        rowKey={(r) => r.id}
        columns={[
          { key: "year", header: "Financial year", cell: (r) => r.label },
          { key: "measure", header: "Figure", cell: (r) => REPORTED_MEASURES[r.measure] },
          moneyColumn<Reported>("reported", "Reported", (r) => r.amountPence),
          { key: "computed", header: "Computed here", numeric: true, cell: (r) => (r.computed === null ? "Outside the model" : pounds(r.computed)) },
          { key: "difference", header: "Difference (computed − reported)", numeric: true, cell: (r) => (r.difference === null ? "–" : pounds(r.difference)) },
          { key: "source", header: "Source", cell: (r) => r.source ?? "Not recorded" },
        ]}
      />
    </>
  );
}

function Streams({ data }: { data: Data }) {
  const base = `/a/${data.slug}/funding`;
  const paying = data.streams.filter((s) => s.outcome);
  const fixed = data.streams.filter((s) => s.allocation);
  return (
    <>
      <h2 className="govuk-heading-m">Funding streams</h2>
      {data.streams.length === 0 ? (
        <p className="govuk-body">
          No funding streams are recorded yet.{" "}
          {data.canEdit ? (
            <Link className="govuk-link" to={`${base}/streams`}>
              Add a funding stream
            </Link>
          ) : null}
        </p>
      ) : null}
      {paying.length ? (
        <Table
          id="streams-paying"
          caption="Streams paying towards adult worker costs"
          captionSize="s"
          rows={paying}
          rowKey={(s) => s.id}
          columns={[
            { key: "name", header: "Stream", cell: (s) => <Link className="govuk-link" to={`${base}/streams/${s.id}`}>{s.name}</Link> },
            { key: "kind", header: "Type", cell: (s) => STREAM_KINDS[s.kind] },
            { key: "from", header: "From", cell: (s) => formatDate(s.startDate) },
            moneyColumn<Stream>("total", "Total (cap)", (s) => s.totalPence),
            moneyColumn<Stream>("wouldPay", "Its shares of the cost", (s) => s.outcome!.wouldPay),
            moneyColumn<Stream>("paid", "Paid", (s) => s.outcome!.paid),
            moneyColumn<Stream>("left", "Left unused", (s) => s.totalPence - s.outcome!.paid),
            {
              key: "until",
              header: "Pays until",
              cell: (s) =>
                s.outcome!.paysUntil ? (
                  <>
                    {formatDate(addDays(s.outcome!.paysUntil, -1))}
                    {s.outcome!.exhaustedIn ? ` (the cap ran out in ${formatMonth(s.outcome!.exhaustedIn)})` : ""}
                  </>
                ) : (
                  "No end"
                ),
            },
          ]}
        />
      ) : null}
      {paying.length ? (
        <p className="govuk-body">
          “Its shares of the cost” is what the stream would pay with no cap, over the years modelled. Where it is more than the total, the cap binds: the grant stops when the total is used up.
        </p>
      ) : null}
      {data.streams
        .filter((s) => s.taper)
        .map((s) => (
          <TaperChart key={s.id} id={s.id} name={s.name} years={s.taper!} />
        ))}
      {fixed.length ? (
        <Table
          id="allocations"
          caption="Fixed allocations: spend against budget"
          captionSize="s"
          rows={fixed}
          rowKey={(s) => s.id}
          columns={[
            { key: "name", header: "Allocation", cell: (s) => <Link className="govuk-link" to={`${base}/streams/${s.id}`}>{s.name}</Link> },
            { key: "by", header: "Spend by", cell: (s) => formatDate(s.endDate, "No date") },
            moneyColumn<Stream>("budget", "Budget", (s) => s.allocation!.budget),
            moneyColumn<Stream>("spent", "Spent", (s) => s.allocation!.spent),
            { key: "left", header: "Left", numeric: true, cell: (s) => (s.allocation!.remaining < 0 ? `${pounds(s.allocation!.remaining)} (overspent)` : pounds(s.allocation!.remaining)) },
            { key: "late", header: "Spent after the spend-by date", numeric: true, cell: (s) => exact(s.allocation!.spentLate) },
          ]}
        />
      ) : null}
    </>
  );
}

function HowItWorks() {
  return (
    <Details summary="How these figures are worked out">
      <ul className="govuk-list govuk-list--bullet">
        <li>Only adult specialist posts are costed. Each costs its own annual cost of 1 FTE (salary plus on-costs) from the date set, or else its role's default cost, × the post's FTE.</li>
        <li>
          Establishment basis: every established post costs, filled or vacant. In-post basis: a post costs in proportion to the FTE filled, from its appointments as recorded (people stay until
          their recorded last day).
        </li>
        <li>Costs are at the prices of the financial year of their date and rise by the uplift on every 1 April after, compounded; each year's figure is rounded to the penny.</li>
        <li>
          An annual cost is split into its financial year's 12 months exactly, the odd pence going to the earliest months. A month in which a post is established or filled for only some days costs
          that month's share pro rata by days.
        </li>
        <li>
          A tapered grant pays, in each 12-month period counted from its start date, that period's share of the cost (for example 100%, 70%, 50%, then nothing). A month in which a period starts or
          ends is cut at that day, each part paid at its own share. Reserves pay the whole cost from their start to their end date. No stream pays more than its total.
        </li>
        <li>Shortfall = cost − grant. Each year is the sum of its months. Remaining gap = shortfall − agreed (and received) contributions; a recurrent contribution counts in every later year too.</li>
      </ul>
    </Details>
  );
}
