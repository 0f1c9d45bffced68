import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { enforce, LIMITS } from "~/auth/rate-limit.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { checkPasswordResetLink, resetPassword } from "~/services/auth/reset-password.server";
import { redirectSignedIn } from "~/flash.server";
import { schema } from "~/schemas/routes/reset-password.$token.server";

export const meta: MetaFunction = () => [{ title: `Choose a new password – ${SERVICE_NAME}` }, { name: "referrer", content: "same-origin" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  return checkPasswordResetLink(context.db, params.token ?? "", context.now());
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  const now = context.now();
  try {
    await enforce(context.db, [[`link:ip:${context.ip}`, LIMITS.linkPerIp]], now);
    const session = await resetPassword(context.db, { token: params.token ?? "", password: submission.value.password, ip: context.ip, userAgent: request.headers.get("User-Agent"), now });
    return redirectSignedIn("/", "Your password has been changed. You have been signed out everywhere else.", context.env, session, now);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<{ password: string; confirmPassword: string }>({ id: "reset-password", lastResult });
  if (!valid) {
    return (
      <Main>
        <h1 className="govuk-heading-l">This link has expired or has been used</h1>
        <p className="govuk-body">Password reset links work once, for one hour.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            Ask for a new link
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
            <h1 className="govuk-heading-l">Choose a new password</h1>
            <TextInput field={fields.password} label="New password" hint="At least 10 characters. A few unrelated words make a strong password." type="password" autoComplete="new-password" />
            <TextInput field={fields.confirmPassword} label="Confirm the new password" type="password" autoComplete="new-password" />
            <SubmitButton>Change password</SubmitButton>
          </AppForm>
        </div>
      </div>
    </Main>
  );
}
