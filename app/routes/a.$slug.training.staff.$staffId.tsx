import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, SummaryList, Tag } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { SavedMeanwhile, StaffFields, TrainingHeading, type StaffFormValues, TrainingNav } from "~/components/training";
import { formatDate, londonDate } from "~/domain/dates";
import { bookingStatusLabel, disciplineLabel, sessionModeLabel } from "~/domain/training";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { idParam, orHttpError } from "~/services/training/http.server";
import { getStaffMember, recordLeaveDate, updateStaffMember } from "~/services/training/staff.server";
import { schemas } from "~/schemas/routes/a.$slug.training.staff.$staffId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.member.name ?? "Staff member"} – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const today = londonDate(args.context.now());
  const person = await orHttpError(getStaffMember(access.tenant, idParam(args.params, "staffId"), today));
  const { member } = person;
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canEdit: access.can("programme:edit"),
    today,
    member: { id: member.id, externalRef: member.externalRef, name: member.name, discipline: member.discipline, teamId: member.teamId, startDate: member.startDate, leaveDate: member.leaveDate, inScope: member.inScope, version: member.version },
    teams: person.teams,
    places: person.places,
    miDone: person.miDone,
    missingWorkshops: person.missingWorkshops,
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = idParam(args.params, "staffId");
  const formData = await args.request.formData();
  const here = `/a/${access.authority.slug}/training/staff/${id}`;
  if (formData.get("intent") === "leave") {
    const submission = parseForm(formData, schemas.leave);
    if (submission.status !== "success") return invalid(submission);
    try {
      await recordLeaveDate(access.tenant, id, submission.value.version, submission.value.leaveDate);
      return redirectWithNotice(here, submission.value.leaveDate ? `Last day in post recorded: ${formatDate(submission.value.leaveDate)}.` : "The last day in post has been cleared.");
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  const submission = parseForm(formData, schemas.update);
  if (submission.status !== "success") return invalid(submission);
  try {
    const { intent: _intent, version: v, ...values } = submission.value;
    await updateStaffMember(access.tenant, id, v, values);
    return redirectWithNotice(here, "The changes have been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function StaffMemberPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const submitted = (lastResult as { initialValue?: { intent?: string; version?: string } } | undefined)?.initialValue;
  const m = d.member;
  const teamName = (id: string | null) => d.teams.find((t) => t.id === id)?.name ?? "No team";
  const edit = useServerForm<StaffFormValues>({
    id: "staff",
    lastResult: submitted?.intent === "update" ? lastResult : undefined,
    defaultValue: { externalRef: m.externalRef, name: m.name, discipline: m.discipline, teamId: m.teamId ?? "", startDate: m.startDate ?? "", leaveDate: m.leaveDate ?? "", inScope: m.inScope ? "yes" : "no" },
  });
  const leave = useServerForm<{ leaveDate: string }>({ id: "leave", lastResult: submitted?.intent === "leave" ? lastResult : undefined, defaultValue: { leaveDate: m.leaveDate ?? "" } });
  // The form was sent with an older version than the one saved now: someone else saved in between.
  const conflict = submitted?.version !== undefined && Number(submitted.version) !== m.version;
  const base = `/a/${d.slug}/training`;
  const saved = [
    { key: "Reference", value: m.externalRef },
    { key: "Name", value: m.name },
    { key: "Discipline", value: disciplineLabel(m.discipline) },
    { key: "Team", value: teamName(m.teamId) },
    { key: "Start date", value: formatDate(m.startDate, "Not recorded") },
    { key: "Last day in post", value: formatDate(m.leaveDate, "Still in post") },
    { key: "Counted in the criteria", value: m.inScope ? "Yes, while in post" : "No: out of scope" },
  ];
  return (
    <>
      <TrainingNav slug={d.slug} />
      <BackLink to={`${base}/staff`}>Staff roster</BackLink>
      <TrainingHeading authorityName={d.authorityName} caption="Staff">
        {m.name}
      </TrainingHeading>
      {conflict ? <SavedMeanwhile rows={saved} /> : <SummaryList rows={saved} />}

      <h2 className="govuk-heading-m">Training on {formatDate(d.today)}</h2>
      <p className="govuk-body">
        Motivational Interviewing: {d.miDone ? <Tag colour="green">Completed</Tag> : <Tag colour="red">Not completed</Tag>}
      </p>
      <p className="govuk-body">{d.missingWorkshops.length === 0 ? "Has attended every workshop the discipline requires." : `Still to attend: ${d.missingWorkshops.join("; ")}.`}</p>
      <Table
        id="places"
        caption="Places on sessions"
        captionSize="s"
        rows={d.places}
        rowKey={(p) => p.bookingId}
        empty="No places booked or attended yet."
        columns={[
          { key: "course", header: "Course", cell: (p) => p.course },
          { key: "date", header: "Session", cell: (p) => <Link className="govuk-link" to={`${base}/sessions/${p.sessionId}`}>{formatDate(p.startDate)}{p.endDate && p.endDate !== p.startDate ? ` to ${formatDate(p.endDate)}` : ""}</Link> },
          { key: "mode", header: "Mode", cell: (p) => sessionModeLabel(p.mode) },
          { key: "status", header: "Status", cell: (p) => bookingStatusLabel(p.status) },
        ]}
      />

      {d.canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <AppForm form={leave.form} summary={leave.summary}>
              <h2 className="govuk-heading-m">Record leaving</h2>
              <input type="hidden" name="intent" value="leave" />
              <input type="hidden" name="version" value={m.version} />
              <TextInput field={leave.fields.leaveDate} label="Last day in post" hint="They still count on this day. Leave it empty to clear a leave date recorded by mistake." type="date" />
              <SubmitButton secondary>Save the last day</SubmitButton>
            </AppForm>
            <AppForm form={edit.form} summary={edit.summary}>
              <h2 className="govuk-heading-m">Change the details</h2>
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="version" value={m.version} />
              <StaffFields fields={edit.fields} teams={d.teams} />
              <SubmitButton>Save changes</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
