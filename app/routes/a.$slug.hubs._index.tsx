import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { HubStatusTag } from "~/components/plan/tags";
import { formatDate } from "~/domain/dates";
import { describeSlippage } from "~/domain/plan";
import { getHubs } from "~/services/plan/plan-views.server";

export const meta: MetaFunction = () => [{ title: `Locality hubs – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf, isToday } = readAsOf(args.request, args.context.now());
  const { hubs } = await getHubs(access.tenant, asOf);
  return { slug: access.authority.slug, name: access.authority.name, asOf, isToday, canEdit: access.can("programme:edit"), hubs };
}

export default function Hubs() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Locality hubs
      </h1>
      <p className="govuk-body">
        Where the Family Safeguarding teams sit with partner services. A hub is open from its actual opening; before that it opens on schedule, is slipping (forecast later than
        planned) or is overdue (its forecast, or planned date, has passed with no opening recorded). Slippage is the actual opening, else the forecast, against the planned date.
      </p>
      <AsOfForm asOf={d.asOf} isToday={d.isToday} />
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" to={`/a/${d.slug}/plan/timeline?asOf=${d.asOf}`}>
          Timeline
        </Link>
        {" · "}
        <a className="govuk-link" href={`/a/${d.slug}/plan/export?table=hubs&asOf=${d.asOf}`} download>
          Download hubs (CSV)
        </a>
      </p>
      {d.canEdit ? (
        <Link className="govuk-button app-no-print" to={`/a/${d.slug}/hubs/new`}>
          Add a hub
        </Link>
      ) : null}
      <Table
        id="hubs"
        caption={`${d.hubs.length} ${d.hubs.length === 1 ? "hub" : "hubs"} on ${formatDate(d.asOf)}`}
        rows={d.hubs}
        rowKey={(h) => h.id}
        empty="No hubs recorded yet."
        columns={[
          {
            key: "name",
            header: "Hub",
            cell: (h) => (
              <Link className="govuk-link" to={`/a/${d.slug}/hubs/${h.id}`}>
                {h.name}
              </Link>
            ),
          },
          { key: "locality", header: "Locality", cell: (h) => h.locality ?? "" },
          { key: "planned", header: "Planned", cell: (h) => formatDate(h.plannedOpening, "–") },
          { key: "forecast", header: "Forecast", cell: (h) => formatDate(h.forecastOpening, "–") },
          { key: "actual", header: "Opened", cell: (h) => formatDate(h.status === "open" ? h.actualOpening : null, "–") },
          { key: "slip", header: "Slippage", cell: (h) => describeSlippage(h.slippageDays) },
          { key: "status", header: "Status", cell: (h) => <HubStatusTag status={h.status} /> },
          { key: "services", header: "Co-located services", cell: (h) => h.coLocatedServices.join("; ") },
        ]}
      />
    </>
  );
}
