import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireNational } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm } from "~/forms.server";
import { loadProgrammeThresholds } from "~/services/readiness/load-facts.server";
import { updateProgrammeThresholds } from "~/services/settings/update-programme-thresholds.server";
import { schema } from "~/schemas/routes/national.settings.server";

export const meta: MetaFunction = () => [{ title: `Programme settings – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  await requireNational(args, "national:admin");
  const t = await loadProgrammeThresholds(args.context.db);
  return { values: { adultWorkers: String(t.adultWorkers), mi: String(t.mi), workshops: String(t.workshops) } };
}

export async function action(args: ActionFunctionArgs) {
  const { scope } = await requireNational(args, "national:admin");
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  await updateProgrammeThresholds(scope, submission.value);
  return redirectWithNotice("/national/settings", "The programme thresholds have been saved.");
}

export default function ProgrammeSettings() {
  const { values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "thresholds", lastResult, defaultValue: values });
  return (
    <Main>
      <BackLink to="/national">National</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Go-live thresholds</h1>
            <p className="govuk-body">The DfE go-live criteria use 70% for each. Every authority uses these unless it sets its own.</p>
            <TextInput field={fields.adultWorkers} label="Adult specialist workers in post (%)" width={4} inputMode="decimal" />
            <TextInput field={fields.mi} label="Staff trained in Motivational Interviewing (%)" width={4} inputMode="decimal" />
            <TextInput field={fields.workshops} label="Staff who attended the Practice and Change workshops (%)" width={4} inputMode="decimal" />
            <SubmitButton>Save</SubmitButton>
          </AppForm>
        </div>
      </div>
    </Main>
  );
}
