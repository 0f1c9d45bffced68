import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import type { z } from "zod";
import { requireNational } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { Radios, Select, TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { COHORTS, REGIONS } from "~/domain/authority";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { createAuthority } from "~/services/authorities/create-authority.server";
import { schema } from "~/schemas/routes/national.authorities.new.server";

export const meta: MetaFunction = () => [{ title: `Add an authority – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  await requireNational(args, "national:admin");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { scope } = await requireNational(args, "national:admin");
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const v = submission.value;
    const created = await createAuthority(scope, {
      ...v,
      onsCode: v.onsCode ?? null,
      childPopulation: v.childPopulation ?? null,
      fundingSummary: v.fundingSummary ?? null,
      programmeStart: v.programmeStart ?? null,
      plannedGoLive: v.plannedGoLive ?? null,
      actualGoLive: null,
    });
    return redirectWithNotice(`/a/${created.slug}/settings/people`, `${created.name} has been added. Now invite its programme manager.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function NewAuthority() {
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<z.input<typeof schema>>({ id: "new-authority", lastResult });
  return (
    <Main>
      <BackLink to="/national">National</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Add an authority</h1>
            <TextInput field={fields.name} label="Name" hint="As the council is usually known, for example Telford and Wrekin" />
            <TextInput field={fields.slug} label="Web address" hint="Used in links: /a/telford-and-wrekin. Lower-case letters, numbers and hyphens." width={20} spellCheck={false} />
            <Select field={fields.region} label="Region" options={REGIONS.map((r) => ({ value: r, label: r }))} placeholder="Select the region" />
            <Radios field={fields.cohort} legend="Cohort" legendSize="s" options={Object.entries(COHORTS).map(([value, label]) => ({ value, label }))} />
            <TextInput field={fields.onsCode} label="ONS code (optional)" hint="For example E08000030" width={10} spellCheck={false} />
            <TextInput field={fields.childPopulation} label="Children aged 0 to 17 (optional)" hint="For rates per 10,000 children" width={10} inputMode="numeric" />
            <TextInput field={fields.fundingSummary} label="Funding (optional)" hint="For example: DfE SFPC grant, £2.4m over three years" />
            <TextInput field={fields.programmeStart} label="Programme start (optional)" type="date" width={10} />
            <TextInput field={fields.plannedGoLive} label="Planned go-live (optional)" type="date" width={10} />
            <SubmitButton>Add authority</SubmitButton>
          </AppForm>
        </div>
      </div>
    </Main>
  );
}
