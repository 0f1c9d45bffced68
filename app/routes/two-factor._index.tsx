import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { InsetText } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { safeRedirect } from "~/safe-redirect";
import { verifySecondFactor } from "~/services/auth/two-factor.server";
import { schema } from "~/schemas/routes/two-factor._index.server";

export const meta: MetaFunction = () => [{ title: `Confirm it is you – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const signedIn = await requireUser(args, { pendingTwoFactor: true });
  const redirectTo = safeRedirect(new URL(args.request.url).searchParams.get("redirectTo"));
  if (!signedIn.twoFactor.enrolled) throw redirect(`/two-factor/set-up?redirectTo=${encodeURIComponent(redirectTo)}`);
  return { email: signedIn.user.email };
}

export async function action(args: ActionFunctionArgs) {
  const signedIn = await requireUser(args, { pendingTwoFactor: true });
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const result = await verifySecondFactor(args.context.db, { ...signedIn.actor, userId: signedIn.user.id }, {
      email: signedIn.user.email,
      sessionId: signedIn.sessionId,
      code: submission.value.code,
      now: args.context.now(),
    });
    const to = safeRedirect(submission.value.redirectTo);
    if (result.usedRecoveryCode) return redirectWithNotice(to, `You used a recovery code; ${result.recoveryCodesLeft} left. You can make new ones from your account page.`);
    return redirect(to);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function TwoFactor() {
  const { email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { form, fields, summary } = useServerForm<{ code: string }>({ id: "two-factor", lastResult });
  return (
    <Main>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Confirm it is you</h1>
            {params.get("step-up") ? <InsetText>This action needs a fresh check: enter a code to carry on, then do it again.</InsetText> : null}
            <p className="govuk-body">Open the authenticator app you set up for {email} and enter the 6-digit code it shows.</p>
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
            <TextInput field={fields.code} label="Code" hint="Lost your phone? Enter one of your recovery codes instead." width={10} autoComplete="one-time-code" inputMode="text" spellCheck={false} />
            <SubmitButton>Continue</SubmitButton>
          </AppForm>
        </div>
      </div>
    </Main>
  );
}
