import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { PostFields } from "~/components/workforce/post-fields";
import { londonDate } from "~/domain/dates";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { toPostInput } from "~/schemas/workforce.server";
import { getPostDetail } from "~/services/workforce/post-detail.server";
import { updatePost } from "~/services/workforce/posts.server";
import { schema } from "~/schemas/routes/a.$slug.workforce.posts.$postId.edit.server";

export const meta: MetaFunction = () => [{ title: `Change a post – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = uuid.safeParse(args.params.postId);
  if (!id.success) throw notFound();
  try {
    const d = await getPostDetail(access.tenant, id.data, londonDate(args.context.now()));
    const p = d.post;
    return {
      slug: access.authority.slug,
      postId: p.id,
      version: p.version,
      teams: d.teams,
      organisations: d.organisations,
      values: {
        reference: p.reference ?? "",
        role: p.role,
        title: p.title ?? "",
        fte: String(p.fte),
        teamId: p.teamId ?? "",
        hostOrganisationId: p.hostOrganisationId ?? "",
        adultSpecialist: p.adultSpecialist ? "yes" : "no",
        fundedBy: p.fundedBy ?? "",
        establishedOn: p.establishedOn ?? "",
        disestablishedOn: p.disestablishedOn ?? "",
        notes: p.notes ?? "",
      },
    };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = uuid.safeParse(args.params.postId);
  if (!id.success) throw notFound();
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updatePost(access.tenant, id.data, submission.value.version, toPostInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/workforce/posts/${id.data}`, "The post has been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function EditPost() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "post", lastResult, defaultValue: d.values });
  return (
    <>
      <BackLink to={`/a/${d.slug}/workforce/posts/${d.postId}`}>The post</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Change the post</h1>
            <input type="hidden" name="version" value={d.version} />
            <PostFields fields={fields as never} teams={d.teams} organisations={d.organisations} />
            <SubmitButton>Save</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
