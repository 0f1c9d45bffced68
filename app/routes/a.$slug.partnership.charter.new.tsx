import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { DraftForm, draftValues } from "~/components/partnership/draft-form";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { createDraft, draftStart } from "~/services/partnership/charter-versions.server";
import { draftSchema } from "~/services/partnership/forms.server";

export const meta: MetaFunction = () => [{ title: `Draft a new version of the charter – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const start = await draftStart(access.tenant);
  // One draft at a time: carry on with it.
  if (start.draftId) throw redirect(`/a/${access.authority.slug}/partnership/charter/${start.draftId}/edit`);
  return { slug: access.authority.slug, defaults: draftValues(start.content) };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const submission = parseForm(await args.request.formData(), draftSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const draft = await createDraft(access.tenant, submission.value);
    return redirectWithNotice(`/a/${access.authority.slug}/partnership/charter/${draft.id}`, `Draft version ${draft.number} saved. Check the preview, then publish it.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function NewCharterVersion() {
  const { slug, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/a/${slug}/partnership`}>Partnership</BackLink>
      <h1 className="govuk-heading-l">Draft a new version of the charter</h1>
      <p className="govuk-body">It starts from the latest version. Nothing changes for partners until you publish it; publishing asks every partner to sign again.</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <DraftForm defaults={defaults} lastResult={lastResult} submit="Save the draft" />
        </div>
      </div>
    </>
  );
}
