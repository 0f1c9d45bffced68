import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { IndicatorFields } from "~/components/outcome-indicator-fields";
import { OutcomesHeading } from "~/components/outcomes";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { indicatorSchema, toIndicatorInput } from "~/schemas/outcomes.server";
import { createCustomIndicator } from "~/services/outcomes/indicators.server";

export const meta: MetaFunction = () => [{ title: `Add an indicator – Outcomes – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  return { slug: access.authority.slug, name: access.authority.name };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), indicatorSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const created = await createCustomIndicator(access.tenant, toIndicatorInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/outcomes/indicators/${created.id}`, "The indicator has been added.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function NewIndicator() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "indicator", lastResult, defaultValue: { unit: "count", direction: "lower" } });
  return (
    <>
      <BackLink to={`/a/${d.slug}/outcomes`}>Outcomes scorecard</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <OutcomesHeading authorityName={d.name}>Add an indicator of your own</OutcomesHeading>
            <p className="govuk-body">Only this authority sees it. The national indicators are on every scorecard already.</p>
            <IndicatorFields fields={fields as never} />
            <SubmitButton>Add the indicator</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
