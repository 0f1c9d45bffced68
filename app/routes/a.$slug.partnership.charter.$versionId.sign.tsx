import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, InsetText, WarningText } from "~/components/govuk/content";
import { Textarea } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { CharterText } from "~/components/partnership/charter-text";
import { SignForm } from "~/components/partnership/sign-form";
import { SignedPanel, SigningState } from "~/components/partnership/signing";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { idParam, orHttpError } from "~/services/partnership/route-data.server";
import { signSchema, withdrawSchema } from "~/services/partnership/forms.server";
import { getInAppSigning, signInApp, withdrawSignature } from "~/services/partnership/sign-charter.server";
import { signedData, signingPageData } from "~/services/partnership/signing-data.server";

export const meta: MetaFunction = () => [{ title: `Sign the partnership charter – ${SERVICE_NAME}` }];

/** A signed-in board member signs for their organisation (matched to the board list by e-mail), or withdraws its signature. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:sign");
  const { page } = await orHttpError(getInAppSigning(access.tenant, idParam(args.params, "versionId"), access.user.email));
  return { slug: access.authority.slug, email: access.user.email, page: page ? signingPageData(page) : null };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:sign");
  const versionId = idParam(args.params, "versionId");
  const formData = await args.request.formData();
  if (formData.get("intent") === "withdraw") {
    const submission = parseForm(formData, withdrawSchema);
    if (submission.status !== "success") return invalid(submission);
    try {
      const { organisationName } = await withdrawSignature(access.tenant, { versionId, byEmail: access.user.email, reason: submission.value.reason });
      return redirectWithNotice(`/a/${access.authority.slug}/partnership`, `${organisationName}'s signature has been withdrawn. The signature and the withdrawal both stay on the certificate.`);
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  const submission = parseForm(formData, signSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const signed = await signInApp(access.tenant, args.context.env, { ...submission.value, versionId, email: access.user.email, userAgent: args.request.headers.get("User-Agent") });
    return data({ signed: signedData(signed) });
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function SignInApp() {
  const { slug, email, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lastResult = result && !("signed" in result) ? result : undefined;
  const withdraw = useServerForm<{ reason: string }>({ id: "withdraw", lastResult: lastResult?.initialValue?.intent === "withdraw" ? lastResult : undefined });
  const back = <BackLink to={`/a/${slug}/partnership`}>Partnership</BackLink>;
  if (result && "signed" in result) {
    return (
      <>
        {back}
        <SignedPanel signed={result.signed} />
      </>
    );
  }
  if (!page) {
    return (
      <>
        {back}
        <h1 className="govuk-heading-l">You are not on the board list</h1>
        <p className="govuk-body">To sign, your e-mail address ({email}) must be the one the programme team recorded for you as a board member. Ask them to check it.</p>
      </>
    );
  }
  return (
    <>
      {back}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">
            <span className="govuk-caption-l">
              {page.boardName}: version {page.version.number}, published {page.version.publishedOn}
            </span>
            {page.version.title}
          </h1>
          <CharterText charter={page.version} />
          {page.state === "ready" ? (
            <>
              {page.withdrawnAt ? <WarningText>{page.member.organisationName} withdrew its signature on {page.withdrawnAt}. Signing again puts it back.</WarningText> : null}
              <SignForm data={{ versionId: page.version.id, textHash: page.version.textHash, member: page.member, consent: page.consent }} lastResult={lastResult?.initialValue?.intent === "withdraw" ? undefined : lastResult} />
            </>
          ) : (
            <SigningState page={page} />
          )}
          {page.state === "already-signed" ? (
            <AppForm form={withdraw.form} summary={withdraw.summary} className="app-no-print">
              <h2 className="govuk-heading-m">Withdraw {page.member.organisationName}'s signature</h2>
              <InsetText>The signature is never deleted: a dated withdrawal is recorded beside it, and the partner shows as withdrawn until it signs again.</InsetText>
              <input type="hidden" name="intent" value="withdraw" />
              <Textarea field={withdraw.fields.reason} label="Why the organisation withdraws" rows={3} />
              <SubmitButton warning>Withdraw the signature</SubmitButton>
            </AppForm>
          ) : null}
        </div>
      </div>
    </>
  );
}
