import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { BackLink, Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table, type Column } from "~/components/govuk/table";
import { ScoreTag } from "~/components/plan/tags";
import { formatDate } from "~/domain/dates";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RATING_BANDS } from "~/domain/plan";
import { getRaidRegister, type RaidView } from "~/services/plan/plan-views.server";
import { showSchema, sortSchema } from "~/schemas/routes/a.$slug.plan.raid._index.server";

export const meta: MetaFunction = () => [{ title: `Risks and issues – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf, isToday } = readAsOf(args.request, args.context.now());
  const params = new URL(args.request.url).searchParams;
  const sort = sortSchema.parse(params.get("sort"));
  const show = showSchema.parse(params.get("show"));
  const register = await getRaidRegister(access.tenant, { asOf, sort, show });
  return { slug: access.authority.slug, name: access.authority.name, asOf, isToday, sort, show, canEdit: access.can("programme:edit"), ...register };
}

type Item = RaidView;

export default function RaidRegister() {
  const d = useLoaderData<typeof loader>();
  const base = `/a/${d.slug}/plan/raid`;
  const title: Column<Item> = {
    key: "title",
    header: "Risk or issue",
    cell: (i) => (
      <Link className="govuk-link" to={`${base}/${i.id}`}>
        {i.reference}: {i.title}
      </Link>
    ),
  };
  const common: Column<Item>[] = [
    { key: "score", header: "Score", cell: (i) => <ScoreTag score={i.score} rating={i.rating} /> },
    { key: "owner", header: "Owner", cell: (i) => i.owner ?? "" },
    { key: "mitigation", header: "Mitigation or action", cell: (i) => i.mitigation ?? "" },
    {
      key: "review",
      header: "Review date",
      cell: (i) => (
        <>
          {formatDate(i.reviewDate, "Not set")} {i.reviewOverdue ? <Tag colour="red">Review overdue</Tag> : null}
        </>
      ),
    },
    { key: "status", header: "Status", cell: (i) => (i.open ? i.statusLabel : `${i.statusLabel} ${formatDate(i.closedOn)}`) },
  ];
  const shown = d.show === "open" ? " open" : d.show === "closed" ? " closed" : "";
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan`}>Plan</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Risks and issues
      </h1>
      <p className="govuk-body">
        A risk scores likelihood × impact, each from 1 to 5; an issue has already happened, so it scores 5 × impact. Ratings: low {RATING_BANDS.low.min}–{RATING_BANDS.low.max},
        medium {RATING_BANDS.medium.min}–{RATING_BANDS.medium.max}, high {RATING_BANDS.high.min}–{RATING_BANDS.high.max}.
      </p>
      <Form method="get" className="app-filter-form app-no-print">
        <input type="hidden" name="asOf" value={d.asOf} />
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="sort">
            Sort by
          </label>
          <select className="govuk-select" id="sort" name="sort" defaultValue={d.sort}>
            <option value="score">Score, highest first</option>
            <option value="review">Review date, soonest first</option>
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="show">
            Show
          </label>
          <select className="govuk-select" id="show" name="show" defaultValue={d.show}>
            <option value="open">Open only</option>
            <option value="closed">Closed or resolved only</option>
            <option value="all">All</option>
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply
        </button>
      </Form>
      <p className="govuk-body app-no-print">
        {d.isToday ? null : <>As it stood on {formatDate(d.asOf)}. </>}
        <a className="govuk-link" href={`/a/${d.slug}/plan/export?table=raid&asOf=${d.asOf}`} download>
          Download the register (CSV)
        </a>
      </p>
      {d.canEdit ? (
        <div className="govuk-button-group app-no-print">
          <Link className="govuk-button" to={`${base}/new?kind=risk`}>
            Add a risk
          </Link>
          <Link className="govuk-button govuk-button--secondary" to={`${base}/new?kind=issue`}>
            Add an issue
          </Link>
        </div>
      ) : null}
      <Table
        id="risks"
        caption={`Risks: ${d.risks.length}${shown}`}
        rows={d.risks}
        rowKey={(i) => i.id}
        empty="No risks to show."
        columns={[
          title,
          { key: "likelihood", header: "Likelihood", cell: (i) => `${i.likelihood} ${LIKELIHOOD_LABELS[i.likelihood ?? 0] ?? ""}` },
          { key: "impact", header: "Impact", cell: (i) => `${i.impact} ${IMPACT_LABELS[i.impact]}` },
          ...common,
        ]}
      />
      <Table
        id="issues"
        caption={`Issue log: ${d.issues.length}${d.show === "closed" ? " resolved" : shown}`}
        rows={d.issues}
        rowKey={(i) => i.id}
        empty="No issues to show."
        columns={[title, { key: "impact", header: "Impact", cell: (i) => `${i.impact} ${IMPACT_LABELS[i.impact]}` }, ...common]}
      />
    </>
  );
}
