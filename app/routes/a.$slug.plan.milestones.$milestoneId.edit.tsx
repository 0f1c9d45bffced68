import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { revalidateOnConflict } from "~/components/plan/revalidate";
import { MilestoneFields } from "~/components/plan/milestone-fields";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { toMilestoneInput } from "~/schemas/plan.server";
import { getMilestoneDetail, updateMilestone } from "~/services/plan/milestones.server";
import { schema } from "~/schemas/routes/a.$slug.plan.milestones.$milestoneId.edit.server";

export const meta: MetaFunction = () => [{ title: `Change a milestone – ${SERVICE_NAME}` }];

export const shouldRevalidate = revalidateOnConflict;

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = uuid.safeParse(args.params.milestoneId);
  if (!id.success) throw notFound();
  try {
    const { milestone: m, workstreams } = await getMilestoneDetail(access.tenant, id.data);
    return {
      slug: access.authority.slug,
      id: m.id,
      version: m.version,
      workstreams: workstreams.map((w) => ({ id: w.id, name: w.name })),
      values: {
        workstreamId: m.workstreamId,
        title: m.title,
        owner: m.owner ?? "",
        dueDate: m.dueDate ?? "",
        baselineDueDate: m.baselineDueDate ?? "",
        doneOn: m.doneOn ?? "",
        notes: m.notes ?? "",
      },
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
    await updateMilestone(access.tenant, id.data, submission.value.version, toMilestoneInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/plan/milestones/${id.data}`, "The milestone has been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function EditMilestone() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "milestone", lastResult, defaultValue: d.values });
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan/milestones/${d.id}`}>The milestone</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Change the milestone</h1>
            <input type="hidden" name="version" value={d.version} />
            <MilestoneFields fields={fields as never} workstreams={d.workstreams} isNew={false} />
            <SubmitButton>Save</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
