import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireRecentTwoFactor, requireUser } from "~/auth/guards.server";
import { twoFactorRequired } from "~/auth/two-factor-policy";
import { disableTwoFactor, regenerateRecoveryCodes } from "~/services/auth/two-factor.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { SummaryList } from "~/components/govuk/content";
import { ROLE_LABELS } from "~/domain/permissions";
import { redirectSignedIn, redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { changePassword } from "~/services/account/change-password.server";
import { updateName } from "~/services/account/update-name.server";
import { nameSchema, passwordSchema } from "~/schemas/routes/account.server";

export const meta: MetaFunction = () => [{ title: `Your account – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, nationalRole, twoFactor } = await requireUser(args);
  return {
    name: user.name,
    email: user.email,
    nationalRole: nationalRole ? ROLE_LABELS[nationalRole] : null,
    twoFactor: {
      enrolled: twoFactor.enrolled,
      required: twoFactorRequired(args.context.env.TWO_FACTOR, { national: nationalRole !== null, programmeManager: twoFactor.programmeManager }),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const signedIn = await requireUser(args);
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  if (intent === "new-recovery-codes" || intent === "turn-off-two-factor") {
    requireRecentTwoFactor(signedIn, args);
    const actor = { ...signedIn.actor, userId: signedIn.user.id };
    if (intent === "new-recovery-codes") return { recoveryCodes: await regenerateRecoveryCodes(args.context.db, actor) };
    if (twoFactorRequired(args.context.env.TWO_FACTOR, { national: signedIn.nationalRole !== null, programmeManager: signedIn.twoFactor.programmeManager })) throw forbidden();
    await disableTwoFactor(args.context.db, actor);
    return redirectWithNotice("/account", "Two-factor sign-in is off.");
  }
  if (intent === "name") {
    const submission = parseForm(formData, nameSchema);
    if (submission.status !== "success") return invalid(submission);
    await updateName(signedIn.scope, submission.value.name);
    return redirectWithNotice("/account", "Your name has been saved.");
  }
  const submission = parseForm(formData, passwordSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const session = await changePassword(signedIn.scope, {
      currentPassword: submission.value.currentPassword,
      newPassword: submission.value.password,
      userAgent: args.request.headers.get("User-Agent"),
    });
    return redirectSignedIn("/account", "Your password has been changed. You have been signed out everywhere else.", args.context.env, session, signedIn.scope.now);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const newCodes = result && "recoveryCodes" in result ? (result.recoveryCodes as string[]) : null;
  const lastResult = newCodes ? undefined : (result as Exclude<typeof result, { recoveryCodes: string[] }>);
  const intent = (lastResult as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent;
  const nameForm = useServerForm<{ name: string }>({ id: "account-name", lastResult: intent === "name" ? lastResult : undefined, defaultValue: { name: account.name } });
  const passwordForm = useServerForm<{ currentPassword: string; password: string; confirmPassword: string }>({
    id: "account-password",
    lastResult: intent === "password" ? lastResult : undefined,
  });
  return (
    <Main>
      <h1 className="govuk-heading-l">Your account</h1>
      <SummaryList rows={[{ key: "Email address", value: account.email }, ...(account.nationalRole ? [{ key: "National role", value: account.nationalRole }] : [])]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={nameForm.form} summary={nameForm.summary}>
            <h2 className="govuk-heading-m">Your name</h2>
            <input type="hidden" name="intent" value="name" />
            <TextInput field={nameForm.fields.name} label="Full name" autoComplete="name" />
            <SubmitButton secondary>Save name</SubmitButton>
          </AppForm>
          <AppForm form={passwordForm.form} summary={passwordForm.summary}>
            <h2 className="govuk-heading-m">Change your password</h2>
            <p className="govuk-body">Changing it signs you out on every other device.</p>
            <input type="hidden" name="intent" value="password" />
            <TextInput field={passwordForm.fields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
            <TextInput field={passwordForm.fields.password} label="New password" hint="At least 10 characters." type="password" autoComplete="new-password" />
            <TextInput field={passwordForm.fields.confirmPassword} label="Confirm the new password" type="password" autoComplete="new-password" />
            <SubmitButton>Change password</SubmitButton>
          </AppForm>
          <h2 className="govuk-heading-m">Two-factor sign-in</h2>
          {account.twoFactor.enrolled ? (
            <>
              <p className="govuk-body">On: signing in asks for a code from your authenticator app.</p>
              {newCodes ? (
                <div className="app-card">
                  <p className="govuk-body">Your new recovery codes (the old ones no longer work). Keep them safe: they are shown only once.</p>
                  <ul className="govuk-list app-recovery-codes">
                    {newCodes.map((c) => (
                      <li key={c}>
                        <code className="app-code">{c}</code>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="govuk-button-group">
                <Form method="post">
                  <input type="hidden" name="intent" value="new-recovery-codes" />
                  <button type="submit" className="govuk-button govuk-button--secondary">
                    Make new recovery codes
                  </button>
                </Form>
                {!account.twoFactor.required ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="turn-off-two-factor" />
                    <button type="submit" className="govuk-button govuk-button--warning">
                      Turn off two-factor sign-in
                    </button>
                  </Form>
                ) : null}
              </div>
            </>
          ) : (
            <>
              <p className="govuk-body">
                Off. {account.twoFactor.required ? "Your role needs it." : "Add an authenticator app so a stolen password is not enough to sign in as you."}
              </p>
              <Link className="govuk-button govuk-button--secondary" to="/two-factor/set-up?redirectTo=/account">
                Set up two-factor sign-in
              </Link>
            </>
          )}
          <h2 className="govuk-heading-m">API tokens</h2>
          <p className="govuk-body">Personal tokens let tools such as Power BI read the figures you can see, as JSON or CSV.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/account/api-tokens">
              Manage your API tokens
            </Link>
          </p>
        </div>
      </div>
    </Main>
  );
}
