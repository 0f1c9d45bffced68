import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { Select, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { idOrNew, orHttpError } from "~/services/partnership/route-data.server";
import { getBoard, getBoardMember, saveBoardMember } from "~/services/partnership/board.server";
import { memberSchema } from "~/services/partnership/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.member ? "Change a board member" : "Add a board member"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const memberId = idOrNew(args.params, "memberId");
  const member = memberId ? await orHttpError(getBoardMember(access.tenant, memberId)) : null;
  const { organisations } = await getBoard(access.tenant);
  return {
    slug: access.authority.slug,
    organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
    member: member
      ? { name: member.name, jobTitle: member.jobTitle, email: member.email, organisationId: member.organisationId, activeFrom: member.activeFrom, activeTo: member.activeTo ?? "", version: member.version }
      : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const memberId = idOrNew(args.params, "memberId");
  const submission = parseForm(await args.request.formData(), memberSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await saveBoardMember(access.tenant, memberId, { ...submission.value, activeTo: submission.value.activeTo ?? null });
    return redirectWithNotice(`/a/${access.authority.slug}/partnership/board`, memberId ? `${submission.value.name}'s details have been saved.` : `${submission.value.name} has been added to the board.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function BoardMemberForm() {
  const { slug, organisations, member } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<{ name: string; jobTitle: string; email: string; organisationId: string; activeFrom: string; activeTo: string }>({
    id: "board-member",
    lastResult,
    defaultValue: member ?? undefined,
  });
  return (
    <>
      <BackLink to={`/a/${slug}/partnership/board`}>Board members</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">{member ? `Change ${member.name}` : "Add a board member"}</h1>
            {member ? <input type="hidden" name="version" value={member.version} /> : null}
            <TextInput field={fields.name} label="Name" hint="Or a role description, if the board prefers" spellCheck={false} />
            <TextInput field={fields.jobTitle} label="Job title" />
            <TextInput field={fields.email} label="Email address" hint="Signing requests go here. A board member who signs in with this address can also sign in the app." type="email" spellCheck={false} autoComplete="off" />
            {organisations.length ? (
              <Select field={fields.organisationId} label="Organisation" options={organisations} placeholder="Choose an organisation" />
            ) : (
              <p className="govuk-body">
                Add the member's organisation first:{" "}
                <Link className="govuk-link" to={`/a/${slug}/partnership/board/organisations/new`}>
                  add a partner organisation
                </Link>
                .
              </p>
            )}
            <TextInput field={fields.activeFrom} label="First day on the board" type="date" width={10} />
            <TextInput field={fields.activeTo} label="Last day on the board (optional)" hint="Leave empty while they are still a member. Members are never deleted: their signatures and attendance stay on record." type="date" width={10} />
            <SubmitButton>{member ? "Save changes" : "Add to the board"}</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
