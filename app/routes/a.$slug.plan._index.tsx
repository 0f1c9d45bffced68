import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { MilestoneStatusTag, ScoreTag } from "~/components/plan/tags";
import { Stat } from "~/components/stat";
import { formatDate } from "~/domain/dates";
import { describeSlippage, DUE_SOON_DAYS, RAID_KINDS } from "~/domain/plan";
import { getPlanOverview } from "~/services/plan/plan-views.server";

export const meta: MetaFunction = () => [{ title: `Plan – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf, isToday } = readAsOf(args.request, args.context.now());
  const overview = await getPlanOverview(access.tenant, asOf);
  return { slug: access.authority.slug, name: access.authority.name, asOf, isToday, canEdit: access.can("programme:edit"), dueSoonDays: DUE_SOON_DAYS, ...overview };
}

export default function Plan() {
  const d = useLoaderData<typeof loader>();
  const base = `/a/${d.slug}/plan`;
  return (
    <>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Implementation plan
      </h1>
      <p className="govuk-body">
        Workstreams and their milestones, with risks and issues. A milestone&apos;s status is worked out from its dates: done, done late, overdue, due soon (within {d.dueSoonDays}{" "}
        days), on track or not scheduled; slippage is measured against the baseline due date.
      </p>
      <AsOfForm asOf={d.asOf} isToday={d.isToday} />
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" to={`${base}/timeline?asOf=${d.asOf}`}>
          Timeline
        </Link>
        {" · "}
        <Link className="govuk-link" to={`${base}/raid?asOf=${d.asOf}`}>
          Risks and issues
        </Link>
        {" · "}
        <Link className="govuk-link" to={`/a/${d.slug}/hubs?asOf=${d.asOf}`}>
          Locality hubs
        </Link>
        {" · "}
        <Link className="govuk-link" to={`${base}/workstreams`}>
          {d.canEdit ? "Manage workstreams" : "Workstreams"}
        </Link>
        {" · "}
        <a className="govuk-link" href={`${base}/export?table=milestones&asOf=${d.asOf}`} download>
          Download milestones (CSV)
        </a>
      </p>
      <div className="app-stats">
        <Stat label="Milestones overdue" value={d.counts.overdue} detail={`of ${d.counts.total} on ${formatDate(d.asOf)}`} />
        <Stat label="Due soon" value={d.counts["due-soon"]} detail={`within ${d.dueSoonDays} days`} />
        <Stat label="Done" value={d.counts.done + d.counts["done-late"]} detail={d.counts["done-late"] ? `${d.counts["done-late"]} of them late` : "none late"} />
        <Stat label="Open risks and issues" value={d.openRisks + d.openIssues} detail={`${d.openRisks} risks, ${d.openIssues} issues; ${d.highRated} rated high`} />
        <Stat label="Hubs open" value={`${d.hubs.open} of ${d.hubs.total}`} detail={d.hubs.late ? `${d.hubs.late} slipping or overdue` : "none slipping"} />
      </div>
      {d.canEdit ? (
        <Link className="govuk-button app-no-print" to={`${base}/milestones/new`}>
          Add a milestone
        </Link>
      ) : null}

      <h2 className="govuk-heading-m">Top risks and issues</h2>
      <Table
        caption={`The ${d.topRaid.length} highest-scoring open risks and issues`}
        captionSize="s"
        rows={d.topRaid}
        rowKey={(i) => i.id}
        empty="No open risks or issues."
        columns={[
          {
            key: "title",
            header: "Risk or issue",
            cell: (i) => (
              <Link className="govuk-link" to={`${base}/raid/${i.id}`}>
                {i.reference}: {i.title}
              </Link>
            ),
          },
          { key: "kind", header: "Kind", cell: (i) => RAID_KINDS[i.kind] },
          { key: "owner", header: "Owner", cell: (i) => i.owner ?? "" },
          { key: "score", header: "Score", cell: (i) => <ScoreTag score={i.score} rating={i.rating} /> },
          { key: "review", header: "Review", cell: (i) => `${formatDate(i.reviewDate, "Not set")}${i.reviewOverdue ? " (overdue)" : ""}` },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={`${base}/raid?asOf=${d.asOf}`}>
          The whole register of risks and issues
        </Link>
      </p>

      <h2 className="govuk-heading-m">Workstreams</h2>
      {d.workstreams.map((w) => (
        <section key={w.id} className="app-workstream" aria-labelledby={`ws-${w.id}`}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`ws-${w.id}`}>
            {w.name}
          </h3>
          <p className="govuk-body-s">
            {w.lead ? `Lead: ${w.lead}. ` : ""}
            {w.counts.total} {w.counts.total === 1 ? "milestone" : "milestones"}
            {w.counts.overdue ? `, ${w.counts.overdue} overdue` : ""}
            {w.counts["due-soon"] ? `, ${w.counts["due-soon"]} due soon` : ""}.
          </p>
          {w.milestones.length ? (
            <Table
              caption={<span className="govuk-visually-hidden">Milestones of {w.name}</span>}
              rows={w.milestones}
              rowKey={(m) => m.id}
              columns={[
                {
                  key: "title",
                  header: "Milestone",
                  cell: (m) => (
                    <Link className="govuk-link" to={`${base}/milestones/${m.id}`}>
                      {m.title}
                    </Link>
                  ),
                },
                { key: "owner", header: "Owner", cell: (m) => m.owner ?? "" },
                { key: "due", header: "Due", cell: (m) => formatDate(m.dueDate, "Not scheduled") },
                { key: "baseline", header: "Baseline", cell: (m) => formatDate(m.baselineDueDate, "–") },
                { key: "done", header: "Done", cell: (m) => formatDate(m.doneBy, "") },
                { key: "status", header: "Status", cell: (m) => <MilestoneStatusTag status={m.status} /> },
                { key: "slip", header: "Slippage", cell: (m) => describeSlippage(m.slippageDays) },
              ]}
            />
          ) : null}
          {d.canEdit ? (
            <p className="govuk-body app-no-print">
              <Link className="govuk-link" to={`${base}/milestones/new?workstream=${w.id}`}>
                Add a milestone<span className="govuk-visually-hidden"> to {w.name}</span>
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
