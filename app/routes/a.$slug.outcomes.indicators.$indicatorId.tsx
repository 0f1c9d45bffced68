import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { Chart } from "~/components/chart";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, SummaryList, Tag } from "~/components/govuk/content";
import { Checkbox, Radios, TextInput, Textarea } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { AssessmentTag, OutcomesHeading, OutcomesLinks, outcomeChartConfig } from "~/components/outcomes";
import { formatDate, formatDateShort } from "~/domain/dates";
import { describeChange, DIRECTIONS, formatChangePercent, formatOutcomeValue, formatSignedNumber, OUTCOME_UNITS, periodLabel, periodLengthLabel } from "~/domain/outcomes";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { toObservationInput } from "~/schemas/outcomes.server";
import { createObservation, setBaseline } from "~/services/outcomes/observations.server";
import { getIndicatorDetail } from "~/services/outcomes/scorecard.server";
import { addSchema, baselineSchema } from "~/schemas/routes/a.$slug.outcomes.indicators.$indicatorId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.indicator.name ?? "Indicator"} – Outcomes – ${SERVICE_NAME}` }];

function indicatorId(params: Record<string, string | undefined>) {
  const id = uuid.safeParse(params.indicatorId);
  if (!id.success) throw notFound();
  return id.data;
}

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const id = indicatorId(args.params);
  const { asOf, isToday, today } = readAsOf(args.request, args.context.now());
  try {
    const d = await getIndicatorDetail(access.tenant, id, asOf);
    return { slug: access.authority.slug, name: access.authority.name, isToday, today, canEdit: access.can("programme:edit"), ...d };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = indicatorId(args.params);
  const form = await args.request.formData();
  const base = `/a/${access.authority.slug}/outcomes/indicators/${id}`;
  if (form.get("intent") === "baseline") {
    const submission = parseForm(form, baselineSchema);
    if (submission.status !== "success") return invalid(submission);
    try {
      await setBaseline(access.tenant, id, submission.value.observationId);
      return redirectWithNotice(base, "The baseline has been set.");
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  const submission = parseForm(form, addSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await createObservation(access.tenant, id, toObservationInput(submission.value), { makeBaseline: submission.value.makeBaseline === "on" });
    return redirectWithNotice(base, "The figure has been recorded.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function IndicatorPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = (lastResult as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent;
  const add = useServerForm<Record<string, string>>({ id: "add-figure", lastResult: intent === "baseline" ? undefined : lastResult });
  const baseline = useServerForm<{ observationId: string }>({ id: "baseline", lastResult: intent === "baseline" ? lastResult : undefined, defaultValue: { observationId: d.baselineId ?? "" } });
  const i = d.indicator;
  const c = d.comparison;
  const base = `/a/${d.slug}/outcomes`;
  const tableId = "figures";
  const label = (p: { periodStart: string; periodEnd: string }) => periodLabel(i.periodType, p.periodStart, p.periodEnd);
  const shortLabel = (p: { periodStart: string; periodEnd: string }) => (i.periodType === "snapshot" ? formatDateShort(p.periodEnd) : `${formatDateShort(p.periodStart)} – ${formatDateShort(p.periodEnd)}`);
  const charted = d.baselineId ? d.series.filter((p) => p.comparable) : d.series;
  const newestFirst = [...d.series].reverse();
  return (
    <>
      <BackLink to={`${base}?asOf=${d.asOf}`}>Outcomes scorecard</BackLink>
      <OutcomesHeading authorityName={d.name} caption={i.authorityId ? "the authority's own indicator" : "national indicator"}>
        {i.name}
      </OutcomesHeading>
      <OutcomesLinks slug={d.slug} asOf={d.asOf} canEdit={d.canEdit} />
      {i.description ? <p className="govuk-body">{i.description}</p> : null}
      <SummaryList
        rows={[
          { key: "Counted", value: i.periodType === "snapshot" ? "At a date (a snapshot)" : "Over a period (a flow): compared only with a later period of the same length" },
          { key: "Unit", value: OUTCOME_UNITS[i.unit] },
          { key: "Which way is better", value: DIRECTIONS[i.direction] },
          ...(d.parent ? [{ key: "Part of", value: <Link className="govuk-link" to={`${base}/indicators/${d.parent.id}`}>{d.parent.name}</Link> }] : []),
          { key: "Go-live", value: formatDate(d.goLive, "Not live yet") },
          {
            key: "Child population",
            value: d.population ? `${d.population.population.toLocaleString("en-GB")}${d.population.year ? ` (${d.population.year})` : ""}: ${d.population.source}${d.population.illustrative ? " (illustrative)" : ""}` : "Not recorded: no rates per 10,000",
          },
        ]}
      />
      <AsOfForm asOf={d.asOf} isToday={d.isToday} />
      <h2 className="govuk-heading-m">Against the baseline, as of {formatDate(d.asOf)}</h2>
      <p className="govuk-body" id="change-summary">
        <AssessmentTag assessment={c.assessment} /> {describeChange(c, i.unit)}.
      </p>
      <SummaryList
        rows={[
          { key: "Baseline", value: c.baseline ? `${formatOutcomeValue(c.baseline.value, i.unit)} (${label(c.baseline)}${i.periodType === "flow" ? `, ${periodLengthLabel(c.baseline.periodStart, c.baseline.periodEnd)}` : ""})` : "No baseline chosen" },
          { key: "Latest comparable figure", value: c.latest ? `${formatOutcomeValue(c.latest.value, i.unit)} (${label(c.latest)})` : "None yet" },
          { key: "Change since the baseline", value: c.change === null ? "–" : `${formatSignedNumber(c.change, i.unit === "count" ? 0 : 1)} (${formatChangePercent(c.changePercent)})` },
          {
            key: "Per 10,000 children",
            value: c.baselinePer10k === null ? "–" : `${c.baselinePer10k.toFixed(1)} at the baseline${c.latestPer10k === null ? "" : `, ${c.latestPer10k.toFixed(1)} latest: ${formatSignedNumber(c.changePer10k, 1)} per 10,000`}`,
          },
        ]}
      />
      {charted.length ? (
        <Chart
          config={outcomeChartConfig({ name: i.name, points: charted, labelOf: shortLabel, goLive: d.goLive, goLiveLabel: `Go-live (${formatDateShort(d.goLive)})`, baselineValue: c.baseline?.value ?? null })}
          label={`${i.name}: ${charted.length} ${charted.length === 1 ? "figure" : "figures"}${d.baselineId && i.periodType === "flow" ? " of the baseline's period length" : ""}, with the baseline and go-live marked`}
          tableId={tableId}
        />
      ) : null}
      <Table
        id={tableId}
        caption="Figures recorded"
        rows={newestFirst}
        rowKey={(p) => p.id}
        empty="No figures recorded yet."
        columns={[
          { key: "period", header: i.periodType === "snapshot" ? "Date" : "Period", cell: (p) => label(p) },
          { key: "value", header: "Figure", cell: (p) => formatOutcomeValue(p.value, i.unit), numeric: true },
          { key: "rate", header: "Per 10,000 children", cell: (p) => (p.per10k === null ? "–" : p.per10k.toFixed(1)), numeric: true },
          { key: "golive", header: "Months since go-live", cell: (p) => (p.monthsSinceGoLive === null ? "–" : p.monthsSinceGoLive), numeric: true },
          {
            key: "role",
            header: "Against the baseline",
            cell: (p) => (p.isBaseline ? <Tag colour="blue">Baseline</Tag> : !d.baselineId ? "–" : p.comparable ? "Compared" : "Not like for like"),
          },
          { key: "source", header: "Source and notes", cell: (p) => [p.source, p.notes].filter(Boolean).join(". ") || "–" },
          ...(d.canEdit
            ? [
                {
                  key: "change",
                  header: <span className="govuk-visually-hidden">Actions</span>,
                  cell: (p: (typeof newestFirst)[number]) => (
                    <Link className="govuk-link" to={`${base}/figures/${p.id}`}>
                      Change<span className="govuk-visually-hidden"> the figure for {label(p)}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      {d.canEdit ? (
        <div className="govuk-grid-row app-no-print">
          <div className="govuk-grid-column-two-thirds">
            <AppForm form={add.form} summary={add.summary}>
              <h2 className="govuk-heading-m">Record a figure</h2>
              <input type="hidden" name="intent" value="add" />
              {i.periodType === "snapshot" ? (
                <TextInput field={add.fields.date} label="Date" hint="The date the count is for, like the last day of a month. Not in the future." type="date" width={10} />
              ) : (
                <>
                  <TextInput field={add.fields.periodStart} label="First day of the period" hint="For example 1 April for a financial year" type="date" width={10} />
                  <TextInput field={add.fields.periodEnd} label="Last day of the period" hint="Not in the future" type="date" width={10} />
                </>
              )}
              <TextInput field={add.fields.value} label={i.unit === "percent" ? "Figure (%)" : "Figure"} hint={i.unit === "count" ? "A whole number, like 227" : "A number, like 12.5"} width={10} inputMode="decimal" />
              <TextInput field={add.fields.source} label="Source (optional)" hint="Where the figure comes from, like a committee report or the CIN census" />
              <Textarea field={add.fields.notes} label="Notes (optional)" rows={3} />
              <Checkbox field={add.fields.makeBaseline} label="Make this figure the baseline" />
              <SubmitButton>Record the figure</SubmitButton>
            </AppForm>
            {d.series.length ? (
              <AppForm form={baseline.form} summary={baseline.summary}>
                <input type="hidden" name="intent" value="baseline" />
                <Radios
                  field={baseline.fields.observationId}
                  legend="Choose the baseline"
                  legendSize="m"
                  hint="Changes are measured from this figure. Usually the last figure before go-live, or the date the scorecard was baselined."
                  options={newestFirst.map((p) => ({ value: p.id, label: `${label(p)}: ${formatOutcomeValue(p.value, i.unit)}` }))}
                />
                <SubmitButton secondary>Set the baseline</SubmitButton>
              </AppForm>
            ) : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
