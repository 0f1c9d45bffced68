import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { revalidateOnConflict } from "~/components/plan/revalidate";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { toWorkstreamInput } from "~/schemas/plan.server";
import { loadPlan } from "~/services/plan/plan-views.server";
import { createWorkstream, moveWorkstream, updateWorkstream } from "~/services/plan/workstreams.server";
import { inTenant } from "~/services/scope.server";
import { intentSchema, schemas } from "~/schemas/routes/a.$slug.plan.workstreams.server";

export const meta: MetaFunction = () => [{ title: `Workstreams – ${SERVICE_NAME}` }];

export const shouldRevalidate = revalidateOnConflict;

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const p = await inTenant(access.tenant, (tx) => loadPlan(tx, access.authority.id));
  return {
    slug: access.authority.slug,
    name: access.authority.name,
    canEdit: access.can("programme:edit"),
    workstreams: p.workstreams.map((w) => ({ id: w.id, name: w.name, lead: w.lead, version: w.version, milestones: p.milestones.filter((m) => m.workstreamId === w.id).length })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const formData = await args.request.formData();
  const here = `/a/${access.authority.slug}/plan/workstreams`;
  const intent = intentSchema.parse(formData.get("intent"));
  const submission = parseForm(formData, schemas[intent]);
  if (submission.status !== "success") return invalid(submission);
  try {
    const v = submission.value;
    if (v.intent === "move") {
      await moveWorkstream(access.tenant, v.workstreamId, v.version, v.direction);
      return redirectWithNotice(here, "The order has been saved.");
    }
    if (v.intent === "update") {
      await updateWorkstream(access.tenant, v.workstreamId, v.version, toWorkstreamInput(v));
      return redirectWithNotice(here, `Workstream saved: ${v.name}.`);
    }
    await createWorkstream(access.tenant, toWorkstreamInput(v));
    return redirectWithNotice(here, `Workstream added: ${v.name}.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

type Reply = { initialValue?: Record<string, string>; error?: Record<string, string[] | null> } | undefined;

export default function Workstreams() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const reply = lastResult as Reply;
  const intent = reply?.initialValue?.intent;
  const add = useServerForm<{ name: string; lead: string }>({ id: "workstream", lastResult: intent === "add" ? lastResult : undefined });
  // A failed change to one row: its errors beside its fields, the user's input kept.
  const failedRow = intent === "update" || intent === "move" ? reply?.initialValue?.workstreamId : undefined;
  const rowErrors = failedRow ? (reply?.error ?? {}) : {};
  const rowSummary = Object.entries(rowErrors).flatMap(([field, messages]) =>
    messages?.length ? [{ href: `#ws-${failedRow}-${field === "lead" ? "lead" : "name"}`, message: messages[0] }] : [],
  );
  const fieldError = (id: string, field: "name" | "lead") => (id === failedRow ? rowErrors[field]?.[0] : undefined);
  const valueOf = (w: (typeof d.workstreams)[number], field: "name" | "lead") =>
    w.id === failedRow && intent === "update" ? (reply?.initialValue?.[field] ?? "") : (w[field] ?? "");
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan`}>Plan</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Workstreams
      </h1>
      <p className="govuk-body">The workstreams of the implementation plan, in the order the plan shows them.</p>
      <ErrorSummary errors={rowSummary} />
      <Table
        id="workstreams"
        caption={`${d.workstreams.length} workstreams`}
        rows={d.workstreams}
        rowKey={(w) => w.id}
        empty="No workstreams yet."
        columns={[
          {
            key: "name",
            header: "Workstream and lead",
            cell: (w) =>
              d.canEdit ? (
                <Form method="post" className="app-workstream-form" key={`${w.id}-${w.version}`}>
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="workstreamId" value={w.id} />
                  <input type="hidden" name="version" value={w.version} />
                  {(["name", "lead"] as const).map((field) => {
                    const error = fieldError(w.id, field);
                    const id = `ws-${w.id}-${field}`;
                    return (
                      <div key={field} className={`govuk-form-group govuk-!-margin-bottom-2${error ? " govuk-form-group--error" : ""}`}>
                        <label className="govuk-label govuk-label--s" htmlFor={id}>
                          {field === "name" ? "Name" : "Lead (optional)"}
                          <span className="govuk-visually-hidden"> of {w.name}</span>
                        </label>
                        {error ? (
                          <p className="govuk-error-message" id={`${id}-error`}>
                            <span className="govuk-visually-hidden">Error:</span> {error}
                          </p>
                        ) : null}
                        <input
                          className={`govuk-input govuk-input--width-20${error ? " govuk-input--error" : ""}`}
                          id={id}
                          name={field}
                          defaultValue={valueOf(w, field)}
                          aria-describedby={error ? `${id}-error` : undefined}
                        />
                      </div>
                    );
                  })}
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    Save<span className="govuk-visually-hidden"> {w.name}</span>
                  </button>
                </Form>
              ) : (
                <>
                  {w.name}
                  {w.lead ? <span className="govuk-body-s govuk-!-display-block">Lead: {w.lead}</span> : null}
                </>
              ),
          },
          { key: "milestones", header: "Milestones", cell: (w) => w.milestones, numeric: true },
          ...(d.canEdit
            ? [
                {
                  key: "order",
                  header: "Order",
                  cell: (w: (typeof d.workstreams)[number]) => (
                    <div className="app-move-buttons">
                      {(["up", "down"] as const).map((direction) => (
                        <Form method="post" key={direction}>
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="workstreamId" value={w.id} />
                          <input type="hidden" name="version" value={w.version} />
                          <input type="hidden" name="direction" value={direction} />
                          <button type="submit" className="app-link-button">
                            Move {direction}
                            <span className="govuk-visually-hidden"> {w.name}</span>
                          </button>
                        </Form>
                      ))}
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      {d.canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <AppForm form={add.form} summary={add.summary}>
              <h2 className="govuk-heading-m">Add a workstream</h2>
              <input type="hidden" name="intent" value="add" />
              <TextInput field={add.fields.name} label="Name" />
              <TextInput field={add.fields.lead} label="Lead (optional)" hint="A job title or name" />
              <SubmitButton secondary>Add workstream</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
