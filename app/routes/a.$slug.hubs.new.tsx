import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { HubFields } from "~/components/plan/hub-fields";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { hubSchema, toHubInput } from "~/schemas/plan.server";
import { createHub, listTeams } from "~/services/plan/hubs.server";
import { inTenant } from "~/services/scope.server";

export const meta: MetaFunction = () => [{ title: `Add a hub – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const teams = await inTenant(access.tenant, (tx) => listTeams(tx, access.authority.id));
  return { slug: access.authority.slug, teams };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), hubSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const created = await createHub(access.tenant, toHubInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/hubs/${created.id}`, `Hub added: ${submission.value.name}.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function NewHub() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "hub", lastResult });
  return (
    <>
      <BackLink to={`/a/${d.slug}/hubs`}>Locality hubs</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Add a hub</h1>
            <HubFields fields={fields as never} teams={d.teams} />
            <SubmitButton>Add hub</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
