import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Footer, Header, Main, SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { Tag } from "~/components/govuk/content";
import { cohortLabel, goLiveStatus } from "~/domain/authority";
import { formatDate, londonDate } from "~/domain/dates";
import { listAuthorities } from "~/services/authorities/list-authorities.server";

export const meta: MetaFunction = () => [{ title: `Authorities – ${SERVICE_NAME}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  const today = londonDate(context.now());
  const authorities = await listAuthorities(context.db);
  return {
    today,
    authorities: authorities.map((a) => ({
      slug: a.slug,
      name: a.name,
      region: a.region,
      cohort: cohortLabel(a.cohort),
      fundingSummary: a.fundingSummary,
      plannedGoLive: a.plannedGoLive,
      actualGoLive: a.actualGoLive,
      status: goLiveStatus(a, today),
    })),
  };
}

export default function Home() {
  const { authorities } = useLoaderData<typeof loader>();
  return (
    <>
      <Header />
      <Main wide>
        <h1 className="govuk-heading-xl">Family Safeguarding authorities</h1>
        <p className="govuk-body-l">
          Readiness, recruitment, training, funding and outcomes for each authority adopting the Family Safeguarding model.
        </p>
        <Table
          caption={`${authorities.length} ${authorities.length === 1 ? "authority" : "authorities"}`}
          rows={authorities}
          rowKey={(a) => a.slug}
          empty="No authorities have been added yet."
          columns={[
            {
              key: "name",
              header: "Authority",
              cell: (a) => (
                <Link className="govuk-link" to={`/a/${a.slug}`}>
                  {a.name}
                </Link>
              ),
            },
            { key: "region", header: "Region", cell: (a) => a.region },
            { key: "cohort", header: "Cohort", cell: (a) => a.cohort },
            { key: "funding", header: "Funding", cell: (a) => a.fundingSummary ?? "Not recorded" },
            { key: "planned", header: "Planned go-live", cell: (a) => formatDate(a.plannedGoLive, "Not planned") },
            {
              key: "status",
              header: "Status",
              cell: (a) =>
                a.status.kind === "live" ? (
                  <Tag colour="green">Live since {formatDate(a.status.since)}</Tag>
                ) : a.status.kind === "overdue" ? (
                  <Tag colour="orange">Not live: planned date passed</Tag>
                ) : a.status.kind === "planned" ? (
                  <Tag colour="blue">Preparing</Tag>
                ) : (
                  <Tag colour="grey">Not planned</Tag>
                ),
            },
          ]}
        />
      </Main>
      <Footer />
    </>
  );
}
