import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { Checkboxes, Textarea, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { formatDate } from "~/domain/dates";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { idOrNew, orHttpError } from "~/services/partnership/route-data.server";
import { getBoard } from "~/services/partnership/board.server";
import { meetingSchema } from "~/services/partnership/forms.server";
import { deleteMeeting, getMeeting, saveMeeting } from "~/services/partnership/meetings.server";
import { deleteSchema } from "~/schemas/routes/a.$slug.partnership.meetings.$meetingId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting ? "Change a meeting" : "Record a meeting"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const id = idOrNew(args.params, "meetingId");
  const meeting = id ? await orHttpError(getMeeting(access.tenant, id)) : null;
  const board = await getBoard(access.tenant);
  return {
    slug: access.authority.slug,
    members: board.members.map((m) => ({ value: m.id, label: `${m.name}, ${m.jobTitle}`, hint: m.organisationName })),
    meeting: meeting ? { heldOn: meeting.heldOn, decisions: meeting.decisionsText, attendeeIds: meeting.attendeeIds, version: meeting.version } : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const id = idOrNew(args.params, "meetingId");
  const formData = await args.request.formData();
  const back = `/a/${access.authority.slug}/partnership/meetings`;
  if (formData.get("intent") === "delete" && id) {
    const submission = parseForm(formData, deleteSchema);
    if (submission.status !== "success") return invalid(submission);
    try {
      const { heldOn } = await deleteMeeting(access.tenant, id, submission.value.version);
      return redirectWithNotice(back, `The meeting of ${formatDate(heldOn)} has been deleted.`);
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  const submission = parseForm(formData, meetingSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await saveMeeting(access.tenant, id, submission.value);
    return redirectWithNotice(back, `The meeting of ${formatDate(submission.value.heldOn)} has been saved.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function MeetingForm() {
  const { slug, members, meeting } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<{ heldOn: string; decisions: string; attendeeIds: string[] }>({ id: "meeting", lastResult, defaultValue: meeting ?? undefined });
  return (
    <>
      <BackLink to={`/a/${slug}/partnership/meetings`}>Meetings</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">{meeting ? `Meeting of ${formatDate(meeting.heldOn)}` : "Record a meeting"}</h1>
            <input type="hidden" name="intent" value="save" />
            {meeting ? <input type="hidden" name="version" value={meeting.version} /> : null}
            <TextInput field={fields.heldOn} label="Date of the meeting" type="date" width={10} />
            <Checkboxes field={fields.attendeeIds} legend="Who attended" legendSize="s" options={members} />
            <Textarea field={fields.decisions} label="Decisions" hint="One decision a line." rows={6} />
            <SubmitButton>Save the meeting</SubmitButton>
          </AppForm>
          {meeting ? (
            <Form method="post" className="app-no-print">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="version" value={meeting.version} />
              <button type="submit" className="govuk-button govuk-button--warning">
                Delete this meeting
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </>
  );
}
