import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { Tag } from "~/components/govuk/content";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { cohortLabel, goLiveStatus } from "~/domain/authority";
import { formatDate, londonDate } from "~/domain/dates";
import { isTenantRole, ROLE_LABELS } from "~/domain/permissions";
import { listAuthoritiesFor } from "~/services/authorities/list-authorities.server";

export const meta: MetaFunction = () => [{ title: `Authorities – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, nationalRole } = await requireUser(args);
  const today = londonDate(args.context.now());
  const authorities = await listAuthoritiesFor(args.context.db, { id: user.id, national: nationalRole !== null });
  return {
    national: nationalRole,
    authorities: authorities.map((a) => ({
      slug: a.slug,
      name: a.name,
      region: a.region,
      cohort: cohortLabel(a.cohort),
      fundingSummary: a.fundingSummary,
      plannedGoLive: a.plannedGoLive,
      role: isTenantRole(a.role) ? ROLE_LABELS[a.role] : null,
      status: goLiveStatus(a, today),
    })),
  };
}

export default function Home() {
  const { authorities, national } = useLoaderData<typeof loader>();
  return (
    <Main wide>
      <h1 className="govuk-heading-xl">Family Safeguarding authorities</h1>
      <p className="govuk-body-l">Readiness, recruitment, training, funding and outcomes for each authority adopting the Family Safeguarding model.</p>
      {national === "national-admin" ? (
        <p className="govuk-body">
          <Link className="govuk-button govuk-button--secondary" to="/national/authorities/new">
            Add an authority
          </Link>{" "}
          <Link className="govuk-link" to="/national/audit">
            Audit log of every authority
          </Link>
        </p>
      ) : null}
      {authorities.length === 0 ? (
        <p className="govuk-body">You do not belong to any authority yet. Ask your programme manager to invite you.</p>
      ) : (
        <Table
          caption={national ? `All ${authorities.length} authorities` : "Your authorities"}
          rows={authorities}
          rowKey={(a) => a.slug}
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
            ...(national ? [] : [{ key: "role", header: "Your role", cell: (a: (typeof authorities)[number]) => a.role ?? "" }]),
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
      )}
    </Main>
  );
}
