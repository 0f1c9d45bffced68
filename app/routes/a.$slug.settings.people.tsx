import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireMembership, requireRecentTwoFactor } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, Tag } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Radios, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDate, formatDateTime, londonDate } from "~/domain/dates";
import { invitableRoles, ROLE_DESCRIPTIONS, ROLE_LABELS, TENANT_ROLES } from "~/domain/permissions";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { invitePerson } from "~/services/people/invite-person.server";
import { listPeople } from "~/services/people/list-people.server";
import { resendInvitation, revokeInvitation } from "~/services/people/manage-invitation.server";
import { changeRole } from "~/services/people/change-role.server";
import { removeMember } from "~/services/people/remove-member.server";
import { intentSchema, schemas } from "~/schemas/routes/a.$slug.settings.people.server";

export const meta: MetaFunction = () => [{ title: `People – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "people:invite-programme-manager");
  const people = await listPeople(access.tenant);
  const canManage = access.can("people:manage");
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canManage,
    invitableRoles: invitableRoles(access.permissions).map((r) => ({ value: r, label: ROLE_LABELS[r], hint: ROLE_DESCRIPTIONS[r] })),
    members: canManage ? people.members.map((m) => ({ ...m, since: londonDate(m.since) })) : [],
    invitations: people.invitations
      .filter((i) => invitableRoles(access.permissions).includes(i.role))
      .map((i) => ({ ...i, sentAt: formatDateTime(i.sentAt), expiresAt: formatDateTime(i.expiresAt) })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "people:invite-programme-manager");
  const formData = await args.request.formData();
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return invalid(parseForm(formData, schemas.invite), { formErrors: ["Choose what to do"] });
  const here = `/a/${access.authority.slug}/settings/people`;
  const { env } = args.context;

  if (intent.data === "invite") {
    // Inviting grants access to an authority's data: it needs a fresh second factor.
    requireRecentTwoFactor(access, args);
    const submission = parseForm(formData, schemas.invite);
    if (submission.status !== "success") return invalid(submission);
    try {
      const { email } = await invitePerson(access.tenant, env, { email: submission.value.email, role: submission.value.role, permissions: access.permissions });
      const sent = email.status === "failed" ? "The invitation was saved but the email could not be sent: use “Send again”." : `Invitation sent to ${submission.value.email}.`;
      return redirectWithNotice(here, sent);
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }

  if (intent.data === "resend" || intent.data === "revoke") {
    const submission = parseForm(formData, schemas[intent.data]);
    if (submission.status !== "success") return invalid(submission);
    const invitationId = (submission.value as { invitationId: string }).invitationId;
    try {
      if (intent.data === "resend") {
        const { to } = await resendInvitation(access.tenant, env, invitationId, access.permissions);
        return redirectWithNotice(here, `Invitation sent again to ${to}. The earlier link no longer works.`);
      }
      const { email } = await revokeInvitation(access.tenant, invitationId, access.permissions);
      return redirectWithNotice(here, `Invitation to ${email} withdrawn.`);
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }

  // Changing roles and removing people are for programme managers only.
  if (!access.can("people:manage")) throw forbidden();
  if (intent.data === "change-role") {
    const submission = parseForm(formData, schemas["change-role"]);
    if (submission.status !== "success") return invalid(submission);
    try {
      await changeRole(access.tenant, submission.value);
      return redirectWithNotice(here, `Role changed to ${ROLE_LABELS[submission.value.role].toLowerCase()}.`);
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  const submission = parseForm(formData, schemas.remove);
  if (submission.status !== "success") return invalid(submission);
  try {
    const { email } = await removeMember(access.tenant, submission.value.membershipId);
    return redirectWithNotice(here, `${email} has been removed and signed out.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function People() {
  const { slug, authorityName, canManage, invitableRoles: roles, members, invitations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const lastIntent = (lastResult as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent;
  const invite = useServerForm<{ email: string; role: string }>({ id: "invite", lastResult: lastIntent === "invite" || !lastIntent ? lastResult : undefined });
  const rowErrors =
    lastIntent && lastIntent !== "invite"
      ? [...Object.values((lastResult as { error?: Record<string, string[] | null> }).error ?? {}).flatMap((e) => e ?? [])].map((message) => ({ href: "#members", message }))
      : [];
  return (
    <>
      <BackLink to={`/a/${slug}/settings`}>Settings</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{authorityName}</span>
        People and invitations
      </h1>
      <ErrorSummary errors={rowErrors} />

      {canManage ? (
        <Table
          id="members"
          caption={`Members (${members.length})`}
          rows={members}
          rowKey={(m) => m.membershipId}
          columns={[
            { key: "name", header: "Name", cell: (m) => m.name },
            { key: "email", header: "Email address", cell: (m) => m.email },
            { key: "since", header: "Member since", cell: (m) => formatDate(m.since) },
            {
              key: "role",
              header: "Role",
              cell: (m) => (
                <Form method="post" className="app-role-form">
                  <input type="hidden" name="intent" value="change-role" />
                  <input type="hidden" name="membershipId" value={m.membershipId} />
                  <input type="hidden" name="version" value={m.version} />
                  <label className="govuk-visually-hidden" htmlFor={`role-${m.membershipId}`}>
                    Role of {m.name}
                  </label>
                  <select className="govuk-select" id={`role-${m.membershipId}`} name="role" defaultValue={m.role}>
                    {TENANT_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>{" "}
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    Change<span className="govuk-visually-hidden"> role of {m.name}</span>
                  </button>
                </Form>
              ),
            },
            {
              key: "remove",
              header: <span className="govuk-visually-hidden">Remove</span>,
              cell: (m) => (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="membershipId" value={m.membershipId} />
                  <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    Remove<span className="govuk-visually-hidden"> {m.name}</span>
                  </button>
                </Form>
              ),
            },
          ]}
        />
      ) : null}

      <Table
        caption={`Open invitations (${invitations.length})`}
        rows={invitations}
        rowKey={(i) => i.id}
        empty="No open invitations."
        columns={[
          { key: "email", header: "Email address", cell: (i) => i.email },
          { key: "role", header: "Role", cell: (i) => ROLE_LABELS[i.role] },
          { key: "by", header: "Invited by", cell: (i) => i.invitedBy },
          { key: "sent", header: "Sent", cell: (i) => i.sentAt },
          { key: "expires", header: "Link expires", cell: (i) => (i.expired ? <Tag colour="red">Expired</Tag> : i.expiresAt) },
          {
            key: "actions",
            header: <span className="govuk-visually-hidden">Actions</span>,
            cell: (i) => (
              <div className="govuk-button-group govuk-!-margin-bottom-0">
                <Form method="post">
                  <input type="hidden" name="intent" value="resend" />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    Send again<span className="govuk-visually-hidden"> to {i.email}</span>
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    Withdraw<span className="govuk-visually-hidden"> invitation to {i.email}</span>
                  </button>
                </Form>
              </div>
            ),
          },
        ]}
      />

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={invite.form} summary={invite.summary}>
            <h2 className="govuk-heading-m">Invite someone</h2>
            <input type="hidden" name="intent" value="invite" />
            <TextInput field={invite.fields.email} label="Email address" type="email" autoComplete="off" spellCheck={false} />
            <Radios field={invite.fields.role} legend="Role" options={roles} legendSize="s" />
            <SubmitButton>Send invitation</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
