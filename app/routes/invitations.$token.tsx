import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { SummaryList } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { formatDateTime } from "~/domain/dates";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/domain/permissions";
import { redirectSignedIn } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { acceptInvitation, viewInvitation } from "~/services/people/accept-invitation.server";
import { newAccountSchema, existingAccountSchema } from "~/schemas/routes/invitations.$token.server";

export const meta: MetaFunction = () => [{ title: `Accept your invitation – ${SERVICE_NAME}` }, { name: "referrer", content: "same-origin" }];

/** GET shows the invitation and never uses the link up; only the POST does, once. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await viewInvitation(context.db, params.token ?? "", context.now());
  if (!invitation) return { invitation: null };
  return {
    invitation: {
      email: invitation.email,
      authorityName: invitation.authorityName,
      roleLabel: ROLE_LABELS[invitation.role],
      roleDescription: ROLE_DESCRIPTIONS[invitation.role],
      invitedBy: invitation.invitedBy,
      expiresAt: formatDateTime(invitation.expiresAt),
      hasAccount: invitation.hasAccount,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const hasAccount = formData.get("hasAccount") === "yes";
  const submission = parseForm(formData, hasAccount ? existingAccountSchema : newAccountSchema);
  if (submission.status !== "success") return invalid(submission);
  const now = context.now();
  try {
    const value = submission.value as { password: string; name?: string };
    const session = await acceptInvitation(context.db, {
      token: params.token ?? "",
      password: value.password,
      name: hasAccount ? undefined : value.name,
      ip: context.ip,
      userAgent: request.headers.get("User-Agent"),
      now,
    });
    return redirectSignedIn(`/a/${session.slug}`, "Welcome: you have joined the authority.", context.env, session, now);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<{ name: string; password: string; confirmPassword: string }>({ id: "accept-invitation", lastResult });
  if (!invitation) {
    return (
      <Main>
        <h1 className="govuk-heading-l">This invitation has expired or has been used</h1>
        <p className="govuk-body">Invitation links work once, for seven days. Ask the person who invited you to send a new one.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in
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
            <h1 className="govuk-heading-l">
              <span className="govuk-caption-l">{invitation.authorityName}</span>
              Accept your invitation
            </h1>
            <SummaryList
              rows={[
                { key: "Invited by", value: invitation.invitedBy },
                { key: "Email address", value: invitation.email },
                { key: "Role", value: `${invitation.roleLabel}: ${invitation.roleDescription}` },
                { key: "Link expires", value: invitation.expiresAt },
              ]}
            />
            <input type="hidden" name="hasAccount" value={invitation.hasAccount ? "yes" : "no"} />
            {invitation.hasAccount ? (
              <>
                <p className="govuk-body">You already have an account. Enter its password to join {invitation.authorityName}.</p>
                <TextInput field={fields.password} label="Password" type="password" autoComplete="current-password" />
              </>
            ) : (
              <>
                <TextInput field={fields.name} label="Full name" autoComplete="name" spellCheck={false} />
                <TextInput field={fields.password} label="Choose a password" hint="At least 10 characters. A few unrelated words make a strong password." type="password" autoComplete="new-password" />
                <TextInput field={fields.confirmPassword} label="Confirm the password" type="password" autoComplete="new-password" />
              </>
            )}
            <SubmitButton>Accept and sign in</SubmitButton>
          </AppForm>
        </div>
      </div>
    </Main>
  );
}
