import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { BackLink, Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table, type Column } from "~/components/govuk/table";
import { HubStatusTag, MilestoneStatusTag } from "~/components/plan/tags";
import { formatDate, formatMonth } from "~/domain/dates";
import { describeSlippage, type HubStatus, type MilestoneStatus, type TimelineEntry } from "~/domain/plan";
import { getTimeline } from "~/services/plan/plan-views.server";

export const meta: MetaFunction = () => [{ title: `Timeline – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf, isToday } = readAsOf(args.request, args.context.now());
  const a = access.authority;
  const timeline = await getTimeline(access.tenant, asOf, { plannedGoLive: a.plannedGoLive, dfeConfirmedOn: a.dfeConfirmedOn, actualGoLive: a.actualGoLive });
  return { slug: a.slug, name: a.name, asOf, isToday, ...timeline };
}

const KIND_LABELS: Record<TimelineEntry["kind"], string> = {
  milestone: "Milestone",
  hub: "Hub opening",
  "go-live-planned": "Go-live",
  "go-live-confirmed": "Go-live",
  "go-live": "Go-live",
};

export default function Timeline() {
  const d = useLoaderData<typeof loader>();
  const link = (e: TimelineEntry) =>
    e.kind === "milestone" ? (
      <Link className="govuk-link" to={`/a/${d.slug}/plan/milestones/${e.id}`}>
        {e.label}
      </Link>
    ) : e.kind === "hub" ? (
      <Link className="govuk-link" to={`/a/${d.slug}/hubs/${e.id}`}>
        {e.label}
      </Link>
    ) : (
      e.label
    );
  const status = (e: TimelineEntry) =>
    e.kind === "milestone" ? (
      <MilestoneStatusTag status={e.status as MilestoneStatus} />
    ) : e.kind === "hub" ? (
      <HubStatusTag status={e.status as HubStatus} />
    ) : (
      <Tag colour={e.status === "done" ? "green" : e.status === "overdue" ? "red" : "blue"}>{e.status === "done" ? "Done" : e.status === "overdue" ? "Overdue" : "Planned"}</Tag>
    );
  const columns: Column<TimelineEntry>[] = [
    { key: "date", header: "Date", cell: (e) => formatDate(e.date, "Not scheduled") },
    { key: "kind", header: "What", cell: (e) => KIND_LABELS[e.kind] },
    { key: "label", header: "Item", cell: link },
    { key: "group", header: "Workstream or locality", cell: (e) => e.group ?? "" },
    { key: "status", header: "Status", cell: status },
    { key: "slip", header: "Slippage", cell: (e) => describeSlippage(e.slippageDays) },
  ];
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan`}>Plan</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Timeline
      </h1>
      <p className="govuk-body">
        Milestones (at the date done, else the date due), locality hub openings (actual, else forecast, else planned) and the go-live dates, in date order by financial-year quarter
        (Q1 is April to June).
      </p>
      <AsOfForm asOf={d.asOf} isToday={d.isToday} />
      {d.quarters.length === 0 ? <p className="govuk-body">Nothing is dated yet.</p> : null}
      {d.quarters.map((q) => (
        <Table
          key={q.quarter.label}
          caption={`${q.quarter.label}: ${formatMonth(q.quarter.start).split(" ")[0]} to ${formatMonth(q.quarter.end)}`}
          rows={q.entries}
          rowKey={(e) => `${e.kind}-${e.id}`}
          columns={columns}
        />
      ))}
      {d.unscheduled.length ? <Table caption="Not scheduled" rows={d.unscheduled} rowKey={(e) => `${e.kind}-${e.id}`} columns={columns} /> : null}
    </>
  );
}
