import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireNational } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { IndicatorFields } from "~/components/outcome-indicator-fields";
import { DIRECTIONS, OUTCOME_UNITS } from "~/domain/outcomes";
import { nationalCan } from "~/domain/permissions";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { indicatorSchema, toIndicatorInput } from "~/schemas/outcomes.server";
import { createNationalIndicator, listNationalIndicators } from "~/services/outcomes/indicators.server";

export const meta: MetaFunction = () => [{ title: `Outcome indicators – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireNational(args, "national:read");
  return { admin: nationalCan(user.nationalRole, "national:admin"), indicators: await listNationalIndicators(args.context.db) };
}

export async function action(args: ActionFunctionArgs) {
  const { scope } = await requireNational(args, "national:admin");
  const submission = parseForm(await args.request.formData(), indicatorSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const created = await createNationalIndicator(scope, toIndicatorInput(submission.value));
    return redirectWithNotice("/national/indicators", `"${created.name}" has been added to every authority's scorecard.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function NationalIndicators() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "indicator", lastResult, defaultValue: { unit: "count", direction: "lower" } });
  return (
    <Main>
      <BackLink to="/national">National</BackLink>
      <h1 className="govuk-heading-l">Outcome indicators</h1>
      <p className="govuk-body">Every authority&apos;s scorecard has these national indicators; authorities add their own as well. Aggregate figures only, never a child&apos;s record.</p>
      <Table
        id="indicators"
        caption="National indicators"
        rows={d.indicators}
        rowKey={(i) => i.id}
        columns={[
          { key: "name", header: "Indicator", cell: (i) => i.name },
          { key: "key", header: "Key (for CSV files)", cell: (i) => i.key ?? "–" },
          { key: "counted", header: "Counted", cell: (i) => (i.periodType === "snapshot" ? "At a date" : "Over a period") },
          { key: "unit", header: "Unit", cell: (i) => OUTCOME_UNITS[i.unit] },
          { key: "direction", header: "Better", cell: (i) => DIRECTIONS[i.direction] },
        ]}
      />
      {d.admin ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <AppForm form={form} summary={summary}>
              <h2 className="govuk-heading-m">Add a national indicator</h2>
              <IndicatorFields fields={fields as never} />
              <SubmitButton>Add the indicator</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </Main>
  );
}
