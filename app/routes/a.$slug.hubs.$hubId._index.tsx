import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { BackLink, SummaryList } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { ChangeHistory } from "~/components/plan/change-history";
import { HUB_LABELS } from "~/components/plan/hub-fields";
import { HubStatusTag } from "~/components/plan/tags";
import { formatDate } from "~/domain/dates";
import { describeSlippage } from "~/domain/plan";
import { isTypedError, toHttpError } from "~/errors";
import { uuid } from "~/schemas/fields.server";
import { toAuditRows } from "~/services/audit/audit-rows";
import { getHubDetail } from "~/services/plan/hubs.server";
import { hubView } from "~/services/plan/plan-views.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.hub.name ?? "Hub"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const id = uuid.safeParse(args.params.hubId);
  if (!id.success) throw notFound();
  const { asOf } = readAsOf(args.request, args.context.now());
  try {
    const d = await getHubDetail(access.tenant, id.data);
    return {
      slug: access.authority.slug,
      asOf,
      canEdit: access.can("programme:edit"),
      hub: hubView(d.hub, asOf, d.teams),
      teamNames: Object.fromEntries(d.teams.map((t) => [t.id, t.name])),
      history: toAuditRows(d.history),
    };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export default function HubPage() {
  const d = useLoaderData<typeof loader>();
  const h = d.hub;
  return (
    <>
      <BackLink to={`/a/${d.slug}/hubs`}>Locality hubs</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">Locality hub</span>
        {h.name}
      </h1>
      <p className="govuk-body">
        <HubStatusTag status={h.status} /> <span className="govuk-body-s">on {formatDate(d.asOf)}</span>
      </p>
      <SummaryList
        rows={[
          { key: "Locality", value: h.locality ?? "Not linked to a team" },
          { key: "Planned opening", value: formatDate(h.plannedOpening) },
          { key: "Forecast opening", value: formatDate(h.forecastOpening) },
          { key: "Actual opening", value: formatDate(h.status === "open" ? h.actualOpening : null, "Not open") },
          { key: "Slippage against the plan", value: describeSlippage(h.slippageDays) },
          { key: "Co-located services", value: h.coLocatedServices.length ? h.coLocatedServices.join("; ") : "None recorded" },
          { key: "Notes", value: h.notes ?? "" },
        ]}
      />
      {d.canEdit ? (
        <Link className="govuk-button govuk-button--secondary app-no-print" to={`/a/${d.slug}/hubs/${h.id}/edit`}>
          Change the hub
        </Link>
      ) : null}
      <ChangeHistory rows={d.history} labels={HUB_LABELS} names={{ teamId: d.teamNames }} />
    </>
  );
}
