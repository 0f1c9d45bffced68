import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRecentTwoFactor, requireUser } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, NotificationBanner, Tag, WarningText } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { DEFAULT_TOKEN_DAYS, TOKEN_NAME_MAX, TOKEN_STATUS_LABELS, type TokenStatus } from "~/domain/api-tokens";
import { formatDate, formatDateTime } from "~/domain/dates";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/services/api/tokens.server";
import { schemas } from "~/schemas/routes/account_.api-tokens.server";

export const meta: MetaFunction = () => [{ title: `API tokens – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const { scope } = await requireUser(args);
  const tokens = await listApiTokens(scope);
  return {
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      display: t.display,
      status: t.status,
      created: formatDateTime(t.createdAt),
      expires: formatDate(t.expiresOn),
      lastUsed: formatDateTime(t.lastUsedAt, "Never"),
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const signedIn = await requireUser(args);
  const formData = await args.request.formData();
  if (formData.get("intent") === "revoke") {
    const submission = parseForm(formData, schemas.revoke);
    if (submission.status !== "success") return invalid(submission);
    try {
      const { name } = await revokeApiToken(signedIn.scope, submission.value.tokenId);
      return redirectWithNotice("/account/api-tokens", `The token “${name}” is revoked: it no longer works.`);
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  // A token reads everything its owner can, for up to a year: it needs a fresh second factor.
  requireRecentTwoFactor(signedIn, args);
  const submission = parseForm(formData, schemas.create);
  if (submission.status !== "success") return invalid(submission);
  try {
    const created = await createApiToken(signedIn.scope, { name: submission.value.name, expiresOn: submission.value.expiresOn });
    return { created: { id: created.id, name: submission.value.name, token: created.token, expires: formatDate(created.expiresOn) } };
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

const STATUS_COLOURS: Record<TokenStatus, "green" | "grey" | "red"> = { active: "green", expired: "grey", revoked: "red" };

export default function ApiTokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const created = result && "created" in result ? result.created : null;
  const lastResult = created ? undefined : (result as Exclude<typeof result, { created: unknown }>);
  const { form, fields, summary } = useServerForm<{ name: string; expiresOn: string }>({ id: `create-token${created ? `-${created.id}` : ""}`, lastResult });
  return (
    <Main>
      <BackLink to="/account">Your account</BackLink>
      <h1 className="govuk-heading-l">API tokens</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            A personal API token lets a tool such as Power BI read the figures you can see here (authorities, readiness, workforce and funding) as JSON or CSV.
            It acts as you and can only read: it sees the authorities you can open, nothing else, and can change nothing.
          </p>
          <p className="govuk-body">
            Send it in the header <code className="app-code">Authorization: Bearer fsk_…</code>. The endpoints are described at{" "}
            <a className="govuk-link" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            . Treat a token like a password; revoke it when it is no longer needed.
          </p>
          {created ? (
            <NotificationBanner title="Your new token">
              <h3 className="govuk-notification-banner__heading">Copy the token “{created.name}” now: it will not be shown again</h3>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="new-token">
                  Token (expires on {created.expires})
                </label>
                <input className="govuk-input app-code" id="new-token" name="new-token" type="text" readOnly value={created.token} spellCheck={false} autoComplete="off" />
              </div>
              <p className="govuk-body">Only a fingerprint of it is kept. If you lose it, revoke it and create another.</p>
            </NotificationBanner>
          ) : null}
          <AppForm key={form.id} form={form} summary={summary}>
            <h2 className="govuk-heading-m">Create a token</h2>
            <input type="hidden" name="intent" value="create" />
            <TextInput field={fields.name} label="Name" hint="What the token is for, for example “Power BI dashboard”." maxLength={TOKEN_NAME_MAX} autoComplete="off" />
            <TextInput
              field={fields.expiresOn}
              label="Expires on (optional)"
              hint={`For example 31/3/2027. Leave blank for ${DEFAULT_TOKEN_DAYS} days from today; at most a year ahead. It works until the end of that day.`}
              width={10}
              autoComplete="off"
            />
            <SubmitButton>Create token</SubmitButton>
          </AppForm>
        </div>
      </div>
      <Table
        caption="Your tokens"
        rowKey={(t) => t.id}
        rows={tokens}
        empty="You have no API tokens."
        columns={[
          { key: "name", header: "Name", cell: (t) => t.name },
          { key: "token", header: "Token starts", cell: (t) => <code className="app-code">{t.display}</code> },
          { key: "created", header: "Created", cell: (t) => t.created },
          { key: "expires", header: "Expires", cell: (t) => t.expires },
          { key: "used", header: "Last used", cell: (t) => t.lastUsed },
          { key: "status", header: "Status", cell: (t) => <Tag colour={STATUS_COLOURS[t.status]}>{TOKEN_STATUS_LABELS[t.status]}</Tag> },
          {
            key: "revoke",
            header: <span className="govuk-visually-hidden">Actions</span>,
            cell: (t) =>
              t.status === "active" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="tokenId" value={t.id} />
                  <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    Revoke<span className="govuk-visually-hidden"> {t.name}</span>
                  </button>
                </Form>
              ) : null,
          },
        ]}
      />
      <WarningText>Revoking a token stops it at once; tools using it then get “401 Unauthorized”.</WarningText>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account">
          Back to your account
        </Link>
      </p>
    </Main>
  );
}
