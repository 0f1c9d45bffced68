import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { twoFactorRequired } from "~/auth/two-factor-policy";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { Details, Panel, WarningText } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { safeRedirect } from "~/safe-redirect";
import { beginEnrolment, confirmEnrolment } from "~/services/auth/two-factor.server";
import { schema } from "~/schemas/routes/two-factor.set-up.server";

export const meta: MetaFunction = () => [{ title: `Set up two-factor sign-in – ${SERVICE_NAME}` }, { name: "referrer", content: "same-origin" }];

export async function loader(args: LoaderFunctionArgs) {
  const signedIn = await requireUser(args, { pendingTwoFactor: true });
  const redirectTo = safeRedirect(new URL(args.request.url).searchParams.get("redirectTo"));
  // Once set up, the page says so (it also renders after the enrolling POST, with the codes).
  if (signedIn.twoFactor.enrolled) return { enrolled: true as const, redirectTo };
  const enrolment = await beginEnrolment(args.context.db, { id: signedIn.user.id, email: signedIn.user.email });
  const required = twoFactorRequired(args.context.env.TWO_FACTOR, { national: signedIn.nationalRole !== null, programmeManager: signedIn.twoFactor.programmeManager });
  return { enrolled: false as const, redirectTo, required, secret: enrolment.secret.replace(/(.{4})/g, "$1 ").trim(), qrSvg: enrolment.qrSvg };
}

export async function action(args: ActionFunctionArgs) {
  const signedIn = await requireUser(args, { pendingTwoFactor: true });
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const codes = await confirmEnrolment(args.context.db, { ...signedIn.actor, userId: signedIn.user.id }, {
      email: signedIn.user.email,
      sessionId: signedIn.sessionId,
      code: submission.value.code,
      now: args.context.now(),
    });
    return { recoveryCodes: codes, continueTo: safeRedirect(submission.value.redirectTo) };
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function SetUpTwoFactor() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = result && "recoveryCodes" in result ? result : null;
  const { form, fields, summary } = useServerForm<{ code: string }>({ id: "set-up", lastResult: done ? undefined : (result as never) });
  if (done) {
    return (
      <Main>
        <Panel title="Two-factor sign-in is on" />
        <h2 className="govuk-heading-m">Your recovery codes</h2>
        <WarningText>Keep these somewhere safe now: they are shown only once. Each one signs you in once if you lose your authenticator.</WarningText>
        <ul className="govuk-list app-recovery-codes">
          {done.recoveryCodes.map((c) => (
            <li key={c}>
              <code className="app-code">{c}</code>
            </li>
          ))}
        </ul>
        <Link className="govuk-button" to={done.continueTo}>
          I have saved them: continue
        </Link>
      </Main>
    );
  }
  if (d.enrolled) {
    return (
      <Main>
        <h1 className="govuk-heading-l">Two-factor sign-in is set up</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to={d.redirectTo}>
            Continue
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
            <h1 className="govuk-heading-l">Set up two-factor sign-in</h1>
            {d.required ? <p className="govuk-body">Your role reaches data that needs more than a password. Set up an authenticator app before you carry on.</p> : null}
            <ol className="govuk-list govuk-list--number">
              <li>Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).</li>
              <li>Scan this code with it, or type the key below.</li>
              <li>Enter the 6-digit code the app then shows.</li>
            </ol>
            <div className="app-qr" role="img" aria-label="QR code to scan with your authenticator app" dangerouslySetInnerHTML={{ __html: d.qrSvg }} />
            <Details summary="I cannot scan the code">
              <p className="govuk-body">Choose to enter a key by hand, and type:</p>
              <p className="govuk-body">
                <code className="app-code">{d.secret}</code>
              </p>
              <p className="govuk-body-s">Time-based, 6 digits, every 30 seconds.</p>
            </Details>
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
            <TextInput field={fields.code} label="Code from the app" width={10} autoComplete="one-time-code" inputMode="numeric" spellCheck={false} />
            <SubmitButton>Turn on two-factor sign-in</SubmitButton>
          </AppForm>
        </div>
      </div>
    </Main>
  );
}
