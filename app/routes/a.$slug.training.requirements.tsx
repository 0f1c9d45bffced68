import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { CsvLink, TrainingHeading, TrainingNav } from "~/components/training";
import { DISCIPLINES } from "~/domain/training";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { getRequirementMatrix, resetRequirements, saveRequirements } from "~/services/training/requirements.server";
import { schemas } from "~/schemas/routes/a.$slug.training.requirements.server";

export const meta: MetaFunction = () => [{ title: `Workshop requirements – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const matrix = await getRequirementMatrix(access.tenant);
  return { slug: access.authority.slug, authorityName: access.authority.name, canEdit: access.can("programme:edit"), ...matrix };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const formData = await args.request.formData();
  const here = `/a/${access.authority.slug}/training/requirements`;
  if (formData.get("intent") === "reset") {
    const submission = parseForm(formData, schemas.reset);
    if (submission.status !== "success") return invalid(submission);
    try {
      const { changed } = await resetRequirements(access.tenant, submission.value.version);
      return redirectWithNotice(here, changed ? "The requirements are back to the defaults." : "The requirements were already the defaults.");
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  const submission = parseForm(formData, schemas.save);
  if (submission.status !== "success") return invalid(submission);
  try {
    const { changed } = await saveRequirements(access.tenant, submission.value.version, submission.value.required);
    return redirectWithNotice(here, changed ? "The requirements have been saved." : "Nothing had changed.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function Requirements() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, summary } = useServerForm({ id: "requirements", lastResult });
  const required = new Set(d.pairs);
  const disciplines = Object.entries(DISCIPLINES);
  return (
    <>
      <TrainingNav slug={d.slug} />
      <TrainingHeading authorityName={d.authorityName}>Workshop requirements</TrainingHeading>
      <p className="govuk-body">
        Someone has “attended the workshops” when they have attended every workshop their discipline requires here. The defaults follow the audience of each Practice and Change workshop; change them to fit how your service is organised.
      </p>
      <p className="govuk-body">
        <CsvLink href={`/a/${d.slug}/training/export/requirements`}>Download the requirements (CSV)</CsvLink>
      </p>
      <AppForm form={form} summary={summary}>
        <input type="hidden" name="version" value={d.version} />
        <fieldset className="govuk-fieldset" disabled={!d.canEdit}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Which workshops each discipline must attend</legend>
          <div className="app-table-wrapper">
            <table className="govuk-table app-matrix" id="requirements">
              <caption className="govuk-table__caption govuk-visually-hidden">Workshops (columns) required for each discipline (rows)</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <td className="govuk-table__header" />
                  {d.courses.map((c) => (
                    <th key={c.id} scope="col" className="govuk-table__header app-matrix__course">
                      {c.name}
                      {c.audience ? <span className="govuk-hint govuk-!-display-block govuk-!-font-size-14 govuk-!-margin-bottom-0">{c.audience}</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {disciplines.map(([discipline, label]) => (
                  <tr className="govuk-table__row" key={discipline}>
                    <th scope="row" className="govuk-table__header">
                      {label}
                    </th>
                    {d.courses.map((c) => {
                      const value = `${discipline}:${c.id}`;
                      const id = `req-${discipline}-${c.code}`;
                      return (
                        <td className="govuk-table__cell" key={c.id}>
                          <div className="govuk-checkboxes govuk-checkboxes--small">
                            <div className="govuk-checkboxes__item">
                              <input className="govuk-checkboxes__input" type="checkbox" id={id} name="required" value={value} defaultChecked={required.has(value)} key={`${value}-${d.version}`} />
                              <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                                <span className="govuk-visually-hidden">
                                  {label}: {c.name}
                                </span>
                              </label>
                            </div>
                          </div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
        {d.canEdit ? (
          <div className="govuk-button-group">
            <SubmitButton name="intent" value="save">
              Save the requirements
            </SubmitButton>
            <SubmitButton name="intent" value="reset" secondary>
              Reset to the defaults
            </SubmitButton>
          </div>
        ) : null}
      </AppForm>
    </>
  );
}
