import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { HubFields } from "~/components/plan/hub-fields";
import { revalidateOnConflict } from "~/components/plan/revalidate";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { toHubInput } from "~/schemas/plan.server";
import { getHubDetail, updateHub } from "~/services/plan/hubs.server";
import { schema } from "~/schemas/routes/a.$slug.hubs.$hubId.edit.server";

export const meta: MetaFunction = () => [{ title: `Change a hub – ${SERVICE_NAME}` }];

export const shouldRevalidate = revalidateOnConflict;

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = uuid.safeParse(args.params.hubId);
  if (!id.success) throw notFound();
  try {
    const { hub: h, teams } = await getHubDetail(access.tenant, id.data);
    return {
      slug: access.authority.slug,
      id: h.id,
      version: h.version,
      teams,
      values: {
        name: h.name,
        teamId: h.teamId ?? "",
        plannedOpening: h.plannedOpening ?? "",
        forecastOpening: h.forecastOpening ?? "",
        actualOpening: h.actualOpening ?? "",
        coLocatedServices: h.coLocatedServices.join("\n"),
        notes: h.notes ?? "",
      },
    };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = uuid.safeParse(args.params.hubId);
  if (!id.success) throw notFound();
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateHub(access.tenant, id.data, submission.value.version, toHubInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/hubs/${id.data}`, "The hub has been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function EditHub() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "hub", lastResult, defaultValue: d.values });
  return (
    <>
      <BackLink to={`/a/${d.slug}/hubs/${d.id}`}>The hub</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Change the hub</h1>
            <input type="hidden" name="version" value={d.version} />
            <HubFields fields={fields as never} teams={d.teams} />
            <SubmitButton>Save</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
