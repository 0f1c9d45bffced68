import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { MilestoneFields } from "~/components/plan/milestone-fields";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { milestoneSchema, toMilestoneInput } from "~/schemas/plan.server";
import { createMilestone } from "~/services/plan/milestones.server";
import { listWorkstreams } from "~/services/plan/workstreams.server";
import { inTenant } from "~/services/scope.server";

export const meta: MetaFunction = () => [{ title: `Add a milestone – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const workstreams = await inTenant(access.tenant, (tx) => listWorkstreams(tx, access.authority.id));
  const chosen = new URL(args.request.url).searchParams.get("workstream");
  return {
    slug: access.authority.slug,
    workstreams: workstreams.map((w) => ({ id: w.id, name: w.name })),
    workstreamId: workstreams.some((w) => w.id === chosen) ? chosen : "",
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), milestoneSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await createMilestone(access.tenant, toMilestoneInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/plan`, `Milestone added: ${submission.value.title}.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function NewMilestone() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "milestone", lastResult, defaultValue: { workstreamId: d.workstreamId } });
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan`}>Plan</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Add a milestone</h1>
            <MilestoneFields fields={fields as never} workstreams={d.workstreams} isNew />
            <SubmitButton>Add milestone</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
