import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, Tag } from "~/components/govuk/content";
import { Radios, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { OutcomesHeading } from "~/components/outcomes";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { populationSchema } from "~/schemas/outcomes.server";
import { listPopulations, savePopulation } from "~/services/outcomes/population.server";

export const meta: MetaFunction = () => [{ title: `Child population – Outcomes – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  return { slug: access.authority.slug, name: access.authority.name, canEdit: access.can("programme:edit"), populations: await listPopulations(access.tenant) };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), populationSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await savePopulation(access.tenant, submission.value);
    return redirectWithNotice(`/a/${access.authority.slug}/outcomes/population`, `The child population for ${submission.value.year} has been saved.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function Population() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "population", lastResult, defaultValue: { illustrative: "no" } });
  return (
    <>
      <BackLink to={`/a/${d.slug}/outcomes`}>Outcomes scorecard</BackLink>
      <OutcomesHeading authorityName={d.name} caption="Outcomes">
        Child population
      </OutcomesHeading>
      <p className="govuk-body">
        Rates per 10,000 children divide by the number of children aged 0 to 17 living in the authority, for the year of each figure (the latest year recorded on or before it). The Office for National Statistics publishes mid-year estimates
        by age for every local authority.
      </p>
      <Table
        caption="Recorded"
        rows={d.populations}
        rowKey={(p) => String(p.year)}
        empty="No child population recorded yet: the scorecard has no rates per 10,000."
        columns={[
          { key: "year", header: "Year", cell: (p) => p.year },
          { key: "population", header: "Children aged 0 to 17", cell: (p) => p.population.toLocaleString("en-GB"), numeric: true },
          { key: "source", header: "Source", cell: (p) => (
              <>
                {p.source} {p.illustrative ? <Tag colour="yellow">Illustrative</Tag> : null}
              </>
            ) },
        ]}
      />
      {d.canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <AppForm form={form} summary={summary}>
              <h2 className="govuk-heading-m">Record a year&apos;s figure</h2>
              <p className="govuk-body">A year already recorded is replaced.</p>
              <TextInput field={fields.year} label="Year" hint="The year of the estimate, like 2021" width={4} inputMode="numeric" />
              <TextInput field={fields.population} label="Children aged 0 to 17" width={10} inputMode="numeric" />
              <TextInput field={fields.source} label="Source" hint="For example: ONS mid-year population estimates, 2021" />
              <Radios
                field={fields.illustrative}
                legend="Is it an illustration rather than a published figure?"
                legendSize="s"
                inline
                options={[
                  { value: "no", label: "No" },
                  { value: "yes", label: "Yes" },
                ]}
              />
              <SubmitButton>Save</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
