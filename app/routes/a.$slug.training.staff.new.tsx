import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { StaffFields, TrainingHeading, type StaffFormValues, TrainingNav } from "~/components/training";
import { staffSchema } from "~/schemas/training.server";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { addStaffMember, listTeams, suggestStaffRef } from "~/services/training/staff.server";

export const meta: MetaFunction = () => [{ title: `Add a person – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const [teams, ref] = await Promise.all([listTeams(access.tenant), suggestStaffRef(access.tenant)]);
  return { slug: access.authority.slug, authorityName: access.authority.name, teams, ref };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), staffSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const { id } = await addStaffMember(access.tenant, submission.value);
    return redirectWithNotice(`/a/${access.authority.slug}/training/staff/${id}`, `${submission.value.name} has been added.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function AddStaff() {
  const { slug, authorityName, teams, ref } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<StaffFormValues>({ id: "staff", lastResult, defaultValue: { externalRef: ref, inScope: "yes" } });
  return (
    <>
      <TrainingNav slug={slug} />
      <BackLink to={`/a/${slug}/training/staff`}>Staff roster</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <TrainingHeading authorityName={authorityName}>Add a person</TrainingHeading>
          <AppForm form={form} summary={summary}>
            <StaffFields fields={fields} teams={teams} />
            <SubmitButton>Add the person</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
