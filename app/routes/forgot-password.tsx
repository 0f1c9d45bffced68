import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import type { z } from "zod";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { Panel } from "~/components/govuk/content";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { requestPasswordReset } from "~/services/auth/request-password-reset.server";
import { schema } from "~/schemas/routes/forgot-password.server";

export const meta: MetaFunction = () => [{ title: `Reset your password – ${SERVICE_NAME}` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await requestPasswordReset(context.db, context.env, { email: submission.value.email, ip: context.ip, now: context.now() });
  } catch (error) {
    return replyToServiceError(submission, error);
  }
  // The same answer whether or not an account exists.
  return { sent: true as const, email: submission.value.email };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const lastResult = result && !("sent" in result) ? result : undefined;
  const { form, fields, summary } = useServerForm<z.input<typeof schema>>({ id: "forgot-password", lastResult });
  if (result && "sent" in result) {
    return (
      <Main>
        <Panel title="Check your email" />
        <p className="govuk-body">If {result.email} has an account, we have sent it a link to choose a new password. The link works once, for one hour.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Back to sign in
          </Link>
        </p>
      </Main>
    );
  }
  return (
    <Main>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Reset your password</h1>
            <p className="govuk-body">Enter the email address you sign in with. We will email you a link to choose a new password.</p>
            <TextInput field={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
            <SubmitButton>Send the link</SubmitButton>
          </AppForm>
        </div>
      </div>
    </Main>
  );
}
