import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, WarningText } from "~/components/govuk/content";
import { TextInput, Textarea } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { OutcomesHeading } from "~/components/outcomes";
import { ChangeHistory } from "~/components/plan/change-history";
import { revalidateOnConflict } from "~/components/plan/revalidate";
import { periodLabel } from "~/domain/outcomes";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { toObservationInput } from "~/schemas/outcomes.server";
import { toAuditRows } from "~/services/audit/audit-rows";
import { deleteObservation, getObservation, updateObservation } from "~/services/outcomes/observations.server";
import { saveSchema, deleteSchema } from "~/schemas/routes/a.$slug.outcomes.figures.$observationId.server";

export const meta: MetaFunction = () => [{ title: `Change a figure – Outcomes – ${SERVICE_NAME}` }];

export const shouldRevalidate = revalidateOnConflict;

const FIGURE_LABELS: Record<string, string> = { periodStart: "From", periodEnd: "To", value: "Figure", source: "Source", notes: "Notes" };

function observationId(params: Record<string, string | undefined>) {
  const id = uuid.safeParse(params.observationId);
  if (!id.success) throw notFound();
  return id.data;
}

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = observationId(args.params);
  try {
    const { observation: o, indicator, isBaseline, history } = await getObservation(access.tenant, id);
    return {
      slug: access.authority.slug,
      name: access.authority.name,
      indicator: { id: indicator.id, name: indicator.name, periodType: indicator.periodType, unit: indicator.unit },
      id: o.id,
      version: o.version,
      isBaseline,
      period: periodLabel(indicator.periodType, o.periodStart, o.periodEnd),
      values: { date: o.periodEnd, periodStart: o.periodStart, periodEnd: o.periodEnd, value: String(o.value), source: o.source ?? "", notes: o.notes ?? "" },
      history: toAuditRows(history),
    };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = observationId(args.params);
  const form = await args.request.formData();
  const base = `/a/${access.authority.slug}/outcomes`;
  if (form.get("intent") === "delete") {
    const submission = parseForm(form, deleteSchema);
    if (submission.status !== "success") return invalid(submission);
    try {
      const { indicatorId } = await deleteObservation(access.tenant, id, submission.value.version);
      return redirectWithNotice(`${base}/indicators/${indicatorId}`, "The figure has been deleted.");
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  const submission = parseForm(form, saveSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateObservation(access.tenant, id, submission.value.version, toObservationInput(submission.value));
    const { observation } = await getObservation(access.tenant, id);
    return redirectWithNotice(`${base}/indicators/${observation.indicatorId}`, "The figure has been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function ChangeFigure() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "figure", lastResult, defaultValue: d.values });
  const back = `/a/${d.slug}/outcomes/indicators/${d.indicator.id}`;
  return (
    <>
      <BackLink to={back}>{d.indicator.name}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <OutcomesHeading authorityName={d.name} caption={d.indicator.name}>
              Change the figure for {d.period}
            </OutcomesHeading>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={d.version} />
            {d.indicator.periodType === "snapshot" ? (
              <TextInput field={fields.date} label="Date" hint="Not in the future" type="date" width={10} />
            ) : (
              <>
                <TextInput field={fields.periodStart} label="First day of the period" type="date" width={10} />
                <TextInput field={fields.periodEnd} label="Last day of the period" hint="Not in the future" type="date" width={10} />
              </>
            )}
            <TextInput field={fields.value} label={d.indicator.unit === "percent" ? "Figure (%)" : "Figure"} width={10} inputMode="decimal" />
            <TextInput field={fields.source} label="Source (optional)" />
            <Textarea field={fields.notes} label="Notes (optional)" rows={3} />
            <SubmitButton>Save</SubmitButton>
          </AppForm>
          <Form method="post" className="app-no-print">
            <h2 className="govuk-heading-m">Delete the figure</h2>
            {d.isBaseline ? <WarningText>This figure is the baseline: after deleting it, choose another baseline.</WarningText> : null}
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="version" value={d.version} />
            <SubmitButton warning>Delete the figure</SubmitButton>
          </Form>
        </div>
      </div>
      <ChangeHistory rows={d.history} labels={FIGURE_LABELS} />
    </>
  );
}
