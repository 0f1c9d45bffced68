import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { Radios, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { SECTOR_LABELS, SECTORS } from "~/domain/partnership";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { idOrNew, orHttpError } from "~/services/partnership/route-data.server";
import { getOrganisation, saveOrganisation } from "~/services/partnership/board.server";
import { organisationSchema } from "~/services/partnership/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation ? "Change a partner organisation" : "Add a partner organisation"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const id = idOrNew(args.params, "organisationId");
  const organisation = id ? await orHttpError(getOrganisation(access.tenant, id)) : null;
  return { slug: access.authority.slug, organisation: organisation ? { name: organisation.name, sector: organisation.sector, version: organisation.version } : null };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const id = idOrNew(args.params, "organisationId");
  const submission = parseForm(await args.request.formData(), organisationSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await saveOrganisation(access.tenant, id, submission.value);
    return redirectWithNotice(`/a/${access.authority.slug}/partnership/board`, id ? `${submission.value.name} has been saved.` : `${submission.value.name} has been added as a partner organisation.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function OrganisationForm() {
  const { slug, organisation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<{ name: string; sector: string }>({ id: "organisation", lastResult, defaultValue: organisation ?? undefined });
  return (
    <>
      <BackLink to={`/a/${slug}/partnership/board`}>Board members</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">{organisation ? `Change ${organisation.name}` : "Add a partner organisation"}</h1>
            {organisation ? <input type="hidden" name="version" value={organisation.version} /> : null}
            <TextInput field={fields.name} label="Name" hint="As the organisation signs, for example West Midlands Police" />
            <Radios field={fields.sector} legend="Sector" legendSize="s" options={SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }))} />
            <SubmitButton>{organisation ? "Save changes" : "Add the organisation"}</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
