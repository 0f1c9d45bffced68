import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { BackLink, SummaryList, Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { ChangeHistory } from "~/components/plan/change-history";
import { RAID_LABELS } from "~/components/plan/raid-fields";
import { ScoreTag } from "~/components/plan/tags";
import { formatDate } from "~/domain/dates";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RAID_KINDS } from "~/domain/plan";
import { isTypedError, toHttpError } from "~/errors";
import { uuid } from "~/schemas/fields.server";
import { toAuditRows } from "~/services/audit/audit-rows";
import { raidView } from "~/services/plan/plan-views.server";
import { getRaidItemDetail } from "~/services/plan/raid.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.item.reference}: ${data.item.title}` : "Risk or issue"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const id = uuid.safeParse(args.params.itemId);
  if (!id.success) throw notFound();
  const { asOf } = readAsOf(args.request, args.context.now());
  try {
    const d = await getRaidItemDetail(access.tenant, id.data);
    return { slug: access.authority.slug, asOf, canEdit: access.can("programme:edit"), item: raidView(d.item, asOf), history: toAuditRows(d.history) };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export default function RaidItemPage() {
  const d = useLoaderData<typeof loader>();
  const i = d.item;
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan/raid`}>Risks and issues</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">
          {RAID_KINDS[i.kind]} {i.reference}
        </span>
        {i.title}
      </h1>
      <p className="govuk-body">
        <ScoreTag score={i.score} rating={i.rating} /> <Tag colour={i.open ? "blue" : "grey"}>{i.statusLabel}</Tag>{" "}
        {i.reviewOverdue ? <Tag colour="red">Review overdue</Tag> : null}
      </p>
      <SummaryList
        rows={[
          { key: "Description", value: i.description ?? "" },
          { key: "Owner", value: i.owner ?? "Not recorded" },
          ...(i.kind === "risk" ? [{ key: "Likelihood", value: `${i.likelihood} – ${LIKELIHOOD_LABELS[i.likelihood ?? 0]}` }] : []),
          { key: "Impact", value: `${i.impact} – ${IMPACT_LABELS[i.impact]}` },
          { key: "Score", value: i.kind === "risk" ? `${i.score} (likelihood × impact)` : `${i.score} (an issue scores 5 × impact)` },
          { key: i.kind === "risk" ? "Mitigation" : "Action being taken", value: i.mitigation ?? "" },
          { key: "Raised on", value: formatDate(i.raisedOn) },
          { key: "Review date", value: formatDate(i.reviewDate) },
          { key: i.kind === "risk" ? "Closed on" : "Resolved on", value: formatDate(i.closedOn, "Open") },
        ]}
      />
      {d.canEdit ? (
        <Link className="govuk-button govuk-button--secondary app-no-print" to={`/a/${d.slug}/plan/raid/${i.id}/edit`}>
          Change the {i.kind}
        </Link>
      ) : null}
      <ChangeHistory rows={d.history} labels={RAID_LABELS} />
    </>
  );
}
