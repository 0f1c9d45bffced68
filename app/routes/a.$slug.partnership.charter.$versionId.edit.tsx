import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { DraftForm, draftValues } from "~/components/partnership/draft-form";
import { londonDate } from "~/domain/dates";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { idParam, orHttpError } from "~/services/partnership/route-data.server";
import { updateDraft } from "~/services/partnership/charter-versions.server";
import { draftSchema } from "~/services/partnership/forms.server";
import { getVersionView } from "~/services/partnership/views.server";

export const meta: MetaFunction = () => [{ title: `Edit the draft charter – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const view = await orHttpError(getVersionView(access.tenant, idParam(args.params, "versionId"), londonDate(args.context.now()), null));
  const page = `/a/${access.authority.slug}/partnership/charter/${view.version.id}`;
  // A published version never changes.
  if (view.version.publishedAt) throw redirect(page);
  return { slug: access.authority.slug, page, number: view.version.number, version: view.version.version, defaults: draftValues(view.version) };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const id = idParam(args.params, "versionId");
  const submission = parseForm(await args.request.formData(), draftSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateDraft(access.tenant, id, submission.value);
    return redirectWithNotice(`/a/${access.authority.slug}/partnership/charter/${id}`, "Draft saved. Check the preview, then publish it.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function EditCharterDraft() {
  const { page, number, version, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <BackLink to={page}>Draft version {number}</BackLink>
      <h1 className="govuk-heading-l">Edit draft version {number}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <DraftForm defaults={defaults} lastResult={lastResult} version={version} submit="Save the draft" />
        </div>
      </div>
    </>
  );
}
