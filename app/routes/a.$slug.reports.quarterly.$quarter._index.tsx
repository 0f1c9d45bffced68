import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { revalidateOnConflict } from "~/components/plan/revalidate";
import { NarrativeEditor, ReadOnlyNarrative, replyFor, ReportView } from "~/components/reports/report-view";
import { londonDate } from "~/domain/dates";
import { parseQuarterSlug, quarterSlug } from "~/domain/reports";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { buildQuarterlyReturn, saveNarrative } from "~/services/reports/reports.server";
import { schema } from "~/schemas/routes/a.$slug.reports.quarterly.$quarter._index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? data.report.title : "Quarterly return"} – ${SERVICE_NAME}` }];

export const shouldRevalidate = revalidateOnConflict;

/** The quarterly DfE return of one financial-year quarter ("2024-Q3"): figures at the quarter's end. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const quarter = parseQuarterSlug(args.params.quarter);
  if (!quarter) throw notFound();
  const today = londonDate(args.context.now());
  try {
    const { report, window } = await buildQuarterlyReturn(access.tenant, access.authority, quarter, today);
    return {
      slug: access.authority.slug,
      canEdit: access.can("programme:edit"),
      report,
      previous: window.previous ? quarterSlug(window.previous) : null,
      next: window.current ? null : quarterSlug(window.next),
    };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const quarter = parseQuarterSlug(args.params.quarter);
  if (!quarter) throw notFound();
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  const period = quarterSlug(quarter);
  try {
    await saveNarrative(access.tenant, { report: "quarterly", period, ...submission.value }, londonDate(args.context.now()));
    return redirectWithNotice(`/a/${access.authority.slug}/reports/quarterly/${period}#${submission.value.section}`, "The commentary has been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function QuarterlyReturn() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const base = `/a/${d.slug}/reports`;
  const download = `${base}/quarterly/${d.report.period}/download`;
  return (
    <>
      <BackLink to={base}>Reports</BackLink>
      <ReportView
        report={d.report}
        narrative={(s) => (d.canEdit ? <NarrativeEditor key={s.key} section={s} lastResult={replyFor(lastResult, s.key)} /> : <ReadOnlyNarrative section={s} />)}
        actions={
          <ul className="govuk-list app-no-print app-report-actions">
            <li>
              <a className="govuk-link" href={`${download}?format=docx`}>
                Download as a Word document (.docx)
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`${download}?format=csv`}>
                Download the figures (CSV)
              </a>
            </li>
            <li>
              {d.previous ? (
                <Link className="govuk-link" to={`${base}/quarterly/${d.previous}`}>
                  Previous quarter
                </Link>
              ) : null}
              {d.previous && d.next ? " · " : null}
              {d.next ? (
                <Link className="govuk-link" to={`${base}/quarterly/${d.next}`}>
                  Next quarter
                </Link>
              ) : null}
            </li>
          </ul>
        }
      />
    </>
  );
}
