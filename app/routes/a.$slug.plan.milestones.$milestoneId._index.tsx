import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, SummaryList } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { revalidateOnConflict } from "~/components/plan/revalidate";
import { ChangeHistory } from "~/components/plan/change-history";
import { MILESTONE_LABELS } from "~/components/plan/milestone-fields";
import { MilestoneStatusTag } from "~/components/plan/tags";
import { formatDate } from "~/domain/dates";
import { describeSlippage } from "~/domain/plan";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { toAuditRows } from "~/services/audit/audit-rows";
import { getMilestoneDetail, markMilestoneDone } from "~/services/plan/milestones.server";
import { milestoneView } from "~/services/plan/plan-views.server";
import { schema } from "~/schemas/routes/a.$slug.plan.milestones.$milestoneId._index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.milestone.title ?? "Milestone"} – ${SERVICE_NAME}` }];

export const shouldRevalidate = revalidateOnConflict;

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const id = uuid.safeParse(args.params.milestoneId);
  if (!id.success) throw notFound();
  const { asOf, today } = readAsOf(args.request, args.context.now());
  try {
    const d = await getMilestoneDetail(access.tenant, id.data);
    return {
      slug: access.authority.slug,
      asOf,
      today,
      canEdit: access.can("programme:edit"),
      milestone: milestoneView(d.milestone, asOf, d.workstreamName),
      workstreamNames: Object.fromEntries(d.workstreams.map((w) => [w.id, w.name])),
      history: toAuditRows(d.history),
    };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = uuid.safeParse(args.params.milestoneId);
  if (!id.success) throw notFound();
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await markMilestoneDone(access.tenant, id.data, submission.value.version, submission.value.doneOn);
    return redirectWithNotice(`/a/${access.authority.slug}/plan/milestones/${id.data}`, "The milestone is marked done.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function MilestoneDetail() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const done = useServerForm<{ doneOn: string }>({ id: "done", lastResult, defaultValue: { doneOn: d.today } });
  const m = d.milestone;
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan`}>Plan</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{m.workstream}</span>
        {m.title}
      </h1>
      <p className="govuk-body">
        <MilestoneStatusTag status={m.status} /> <span className="govuk-body-s">on {formatDate(d.asOf)}</span>
      </p>
      <SummaryList
        rows={[
          { key: "Workstream", value: m.workstream },
          { key: "Owner", value: m.owner ?? "Not recorded" },
          { key: "Due date", value: formatDate(m.dueDate, "Not scheduled") },
          { key: "Baseline due date", value: formatDate(m.baselineDueDate, "No baseline") },
          { key: "Slippage against the baseline", value: describeSlippage(m.slippageDays) },
          { key: "Done on", value: formatDate(m.doneBy, "Not done") },
          ...(m.daysOverdue ? [{ key: "Overdue by", value: `${m.daysOverdue} ${m.daysOverdue === 1 ? "day" : "days"}` }] : []),
          { key: "Notes", value: m.notes ?? "" },
        ]}
      />
      {d.canEdit ? (
        <div className="app-no-print">
          <Link className="govuk-button govuk-button--secondary" to={`/a/${d.slug}/plan/milestones/${m.id}/edit`}>
            Change the milestone
          </Link>
          {m.doneOn ? null : (
            <AppForm form={done.form} summary={done.summary}>
              <h2 className="govuk-heading-m">Mark as done</h2>
              <input type="hidden" name="version" value={m.version} />
              <TextInput field={done.fields.doneOn} label="Done on" hint="Not a date in the future" type="date" width={10} />
              <SubmitButton>Mark as done</SubmitButton>
            </AppForm>
          )}
        </div>
      ) : null}
      <ChangeHistory rows={d.history} labels={MILESTONE_LABELS} names={{ workstreamId: d.workstreamNames }} />
    </>
  );
}
