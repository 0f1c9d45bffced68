import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SummaryList, WarningText } from "~/components/govuk/content";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { SignedPanel, SigningState } from "~/components/partnership/signing";
import { CharterText } from "~/components/partnership/charter-text";
import { SignForm } from "~/components/partnership/sign-form";
import { formatDate, londonDate } from "~/domain/dates";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { signSchema } from "~/services/partnership/forms.server";
import { openSigningLink, signWithLink } from "~/services/partnership/sign-charter.server";
import { signingPageData, signedData } from "~/services/partnership/signing-data.server";

// same-origin, not no-referrer: with no-referrer Chromium posts the form with Origin: null, which the CSRF check refuses.
export const meta: MetaFunction = () => [{ title: `Sign the partnership charter – ${SERVICE_NAME}` }, { name: "referrer", content: "same-origin" }];

/** The e-mailed signing link. Public. Opening it never uses it (it writes "viewed" to the trail); signing does, once. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const page = await openSigningLink(context.db, params.token ?? "", context.now(), context.ip);
  if (!page) return { page: null };
  return { page: { ...signingPageData(page), expiresOn: formatDate(londonDate(page.expiresAt)) } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), signSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const signed = await signWithLink(context.db, context.env, { ...submission.value, token: params.token ?? "", ip: context.ip, userAgent: request.headers.get("User-Agent"), now: context.now() });
    return data({ signed: signedData(signed) });
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function SignByLink() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && "signed" in result) {
    return (
      <Main>
        <SignedPanel signed={result.signed} />
        <p className="govuk-body">You can close this page. The link has now been used and will not work again.</p>
      </Main>
    );
  }
  if (!page) {
    return (
      <Main>
        <h1 className="govuk-heading-l">This signing link has expired or has been used</h1>
        <p className="govuk-body">Signing links work once, for 30 days, and a reminder replaces the earlier link. If your organisation still needs to sign, ask the programme team to send you a new link.</p>
      </Main>
    );
  }
  return (
    <Main>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">
            <span className="govuk-caption-l">
              {page.authorityName}: {page.boardName}
            </span>
            {page.version.title}
          </h1>
          <SummaryList
            rows={[
              { key: "Version", value: `${page.version.number}, published ${page.version.publishedOn}` },
              { key: "For", value: `${page.member.name}, ${page.member.jobTitle}, ${page.member.organisationName}` },
              { key: "Link works until", value: page.expiresOn },
            ]}
          />
          <CharterText charter={page.version} />
          {page.state === "ready" ? (
            <>
              {page.withdrawnAt ? <WarningText>{page.member.organisationName} withdrew its signature on {page.withdrawnAt}. Signing again puts it back.</WarningText> : null}
              <SignForm data={{ versionId: page.version.id, textHash: page.version.textHash, member: page.member, consent: page.consent }} lastResult={result && !("signed" in result) ? result : undefined} />
            </>
          ) : (
            <SigningState page={page} />
          )}
        </div>
      </div>
    </Main>
  );
}
