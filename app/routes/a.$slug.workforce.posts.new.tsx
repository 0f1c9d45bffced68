import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { PostFields } from "~/components/workforce/post-fields";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { postSchema, toPostInput } from "~/schemas/workforce.server";
import { inTenant } from "~/services/scope.server";
import { loadWorkforce } from "~/services/workforce/load-workforce.server";
import { createPost } from "~/services/workforce/posts.server";

export const meta: MetaFunction = () => [{ title: `Add a post – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const w = await inTenant(access.tenant, (tx) => loadWorkforce(tx, access.authority.id));
  return {
    slug: access.authority.slug,
    teams: w.teams.map((t) => ({ id: t.id, name: t.name })),
    organisations: w.organisations.map((o) => ({ id: o.id, name: o.name })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), postSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const created = await createPost(access.tenant, toPostInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/workforce/posts/${created.id}`, "The post has been added.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function NewPost() {
  const { slug, teams, organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "post", lastResult, defaultValue: { adultSpecialist: "yes", fte: "1" } });
  return (
    <>
      <BackLink to={`/a/${slug}/workforce/posts`}>Posts</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Add a post</h1>
            <PostFields fields={fields as never} teams={teams} organisations={organisations} />
            <SubmitButton>Add post</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
