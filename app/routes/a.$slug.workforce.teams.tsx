import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { inTenant } from "~/services/scope.server";
import { loadWorkforce } from "~/services/workforce/load-workforce.server";
import { createTeam, renameTeam } from "~/services/workforce/teams.server";
import { schemas } from "~/schemas/routes/a.$slug.workforce.teams.server";

export const meta: MetaFunction = () => [{ title: `Teams – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const w = await inTenant(access.tenant, (tx) => loadWorkforce(tx, access.authority.id));
  const postsPerTeam = new Map<string, number>();
  for (const p of w.posts) if (p.teamId) postsPerTeam.set(p.teamId, (postsPerTeam.get(p.teamId) ?? 0) + 1);
  return {
    slug: access.authority.slug,
    name: access.authority.name,
    canEdit: access.can("programme:edit"),
    teams: w.teams.map((t) => ({ id: t.id, name: t.name, version: t.version, posts: postsPerTeam.get(t.id) ?? 0 })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const formData = await args.request.formData();
  const here = `/a/${access.authority.slug}/workforce/teams`;
  const submission = parseForm(formData, formData.get("intent") === "rename" ? schemas.rename : schemas.add);
  if (submission.status !== "success") return invalid(submission);
  try {
    const v = submission.value;
    if (v.intent === "rename") {
      await renameTeam(access.tenant, v.teamId, v.version, v.name);
      return redirectWithNotice(here, `Team renamed to ${v.name}.`);
    }
    await createTeam(access.tenant, v.name);
    return redirectWithNotice(here, `Team ${v.name} added.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function Teams() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = (lastResult as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent;
  const add = useServerForm<{ name: string }>({ id: "team", lastResult: intent === "add" ? lastResult : undefined });
  const renameErrors =
    intent === "rename" ? Object.values((lastResult as { error?: Record<string, string[] | null> }).error ?? {}).flatMap((e) => e ?? []).map((message) => ({ href: "#teams", message })) : [];
  return (
    <>
      <BackLink to={`/a/${d.slug}/workforce`}>Workforce</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Teams and localities
      </h1>
      <ErrorSummary errors={renameErrors} />
      <Table
        id="teams"
        caption={`${d.teams.length} teams`}
        rows={d.teams}
        rowKey={(t) => t.id}
        empty="No teams yet."
        columns={[
          {
            key: "name",
            header: "Team",
            cell: (t) =>
              d.canEdit ? (
                <Form method="post" className="app-role-form">
                  <input type="hidden" name="intent" value="rename" />
                  <input type="hidden" name="teamId" value={t.id} />
                  <input type="hidden" name="version" value={t.version} />
                  <label className="govuk-visually-hidden" htmlFor={`team-${t.id}`}>
                    Name of {t.name}
                  </label>
                  <input className="govuk-input govuk-input--width-20" id={`team-${t.id}`} name="name" defaultValue={t.name} />
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    Rename<span className="govuk-visually-hidden"> {t.name}</span>
                  </button>
                </Form>
              ) : (
                t.name
              ),
          },
          { key: "posts", header: "Posts", cell: (t) => t.posts, numeric: true },
        ]}
      />
      {d.canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <AppForm form={add.form} summary={add.summary}>
              <h2 className="govuk-heading-m">Add a team</h2>
              <input type="hidden" name="intent" value="add" />
              <TextInput field={add.fields.name} label="Name" />
              <SubmitButton secondary>Add team</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
