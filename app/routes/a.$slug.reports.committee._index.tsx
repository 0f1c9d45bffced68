import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { revalidateOnConflict } from "~/components/plan/revalidate";
import { NarrativeEditor, ReadOnlyNarrative, replyFor, ReportView } from "~/components/reports/report-view";
import { londonDate } from "~/domain/dates";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { buildCommitteeUpdate, saveNarrative } from "~/services/reports/reports.server";
import { schema } from "~/schemas/routes/a.$slug.reports.committee._index.server";

export const meta: MetaFunction = () => [{ title: `Committee update – ${SERVICE_NAME}` }];

export const shouldRevalidate = revalidateOnConflict;

/** The committee update as of a date (`?asOf=`, today by default): aim, progress, impacts, workforce, sustainability, risks. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf, today, isToday } = readAsOf(args.request, args.context.now());
  // An update reports what has happened: a date still to come shows today's.
  if (asOf > today) throw redirect(`/a/${access.authority.slug}/reports/committee`);
  try {
    const report = await buildCommitteeUpdate(access.tenant, access.authority, asOf, today);
    return { slug: access.authority.slug, canEdit: access.can("programme:edit"), report, isToday };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  const { asOf, ...narrative } = submission.value;
  try {
    await saveNarrative(access.tenant, { report: "committee", period: asOf, ...narrative }, londonDate(args.context.now()));
    return redirectWithNotice(`/a/${access.authority.slug}/reports/committee?asOf=${asOf}#${narrative.section}`, "The text has been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function CommitteeUpdate() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const base = `/a/${d.slug}/reports`;
  return (
    <>
      <BackLink to={base}>Reports</BackLink>
      <ReportView
        report={d.report}
        narrative={(s) => (d.canEdit ? <NarrativeEditor key={s.key} section={s} lastResult={replyFor(lastResult, s.key)} hidden={{ asOf: d.report.asOf }} /> : <ReadOnlyNarrative section={s} />)}
        actions={
          <div className="app-no-print">
            <Form method="get" className="app-as-of">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-label--s" htmlFor="asOf">
                  Update as of
                </label>
                <div className="app-as-of__row">
                  <input className="govuk-input govuk-input--width-10" id="asOf" name="asOf" type="date" defaultValue={d.report.asOf} />
                  <button type="submit" className="govuk-button govuk-button--secondary">
                    Show
                  </button>
                  {!d.isToday ? (
                    <a className="govuk-link" href="?">
                      Back to today
                    </a>
                  ) : null}
                </div>
              </div>
            </Form>
            <p className="govuk-body">
              <a className="govuk-link" href={`${base}/committee/download?format=docx&asOf=${d.report.asOf}`}>
                Download as a Word document (.docx)
              </a>
            </p>
            <p className="govuk-body-s">The text under each heading is kept with this date: open the update for the same date to carry on with it.</p>
          </div>
        }
      />
    </>
  );
}
