import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { getSessionUser } from "~/auth/guards.server";
import { serializeSessionCookie } from "~/auth/session.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { TextInput } from "~/components/govuk/fields";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { safeRedirect } from "~/safe-redirect";
import { signIn } from "~/services/auth/sign-in.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../db/seed/demo-accounts";
import { schema } from "~/schemas/routes/sign-in.server";

export const meta: MetaFunction = () => [{ title: `Sign in – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  if (await getSessionUser(args)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  const demo = args.context.env.DEMO_DATA;
  return {
    demo: demo ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map((a) => ({ email: a.email, label: a.label })) } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  const { email, password, redirectTo } = submission.value;
  try {
    const now = context.now();
    const result = await signIn(context.db, { email, password, ip: context.ip, userAgent: request.headers.get("User-Agent"), now });
    if (!result.ok) return invalid(submission, { fieldErrors: { email: ["Enter a correct email address and password"] } });
    return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": serializeSessionCookie(context.env, result.token, result.createdAt, now) } });
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function SignIn() {
  const { demo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { form, fields, summary } = useServerForm<z.input<typeof schema>>({ id: "sign-in", lastResult });
  return (
    <Main>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Sign in</h1>
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
            <TextInput field={fields.email} label="Email address" type="email" autoComplete="username" spellCheck={false} />
            <TextInput field={fields.password} label="Password" type="password" autoComplete="current-password" />
            <SubmitButton>Sign in</SubmitButton>
          </AppForm>
          <p className="govuk-body">
            <Link className="govuk-link" to="/forgot-password">
              I have forgotten my password
            </Link>
          </p>
          <p className="govuk-body">New here? Ask your authority's programme manager to invite you.</p>
        </div>
      </div>
      {demo ? (
        <section aria-labelledby="demo-accounts">
          <h2 className="govuk-heading-m" id="demo-accounts">
            Demo accounts
          </h2>
          <p className="govuk-body">
            This is a demonstration install. Every demo account uses the password <code className="app-code">{demo.password}</code>.
          </p>
          <Table
            caption="One account for each role"
            captionSize="s"
            rows={demo.accounts}
            rowKey={(a) => a.email}
            columns={[
              { key: "label", header: "Role", cell: (a) => a.label },
              { key: "email", header: "Email address", cell: (a) => a.email },
              {
                key: "go",
                header: <span className="govuk-visually-hidden">Action</span>,
                cell: (a) => (
                  <Form method="post" className="app-inline-form">
                    <input type="hidden" name="email" value={a.email} />
                    <input type="hidden" name="password" value={demo.password} />
                    <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
                    <button type="submit" className="app-link-button">
                      Sign in<span className="govuk-visually-hidden"> as {a.label}</span>
                    </button>
                  </Form>
                ),
              },
            ]}
          />
        </section>
      ) : null}
    </Main>
  );
}
