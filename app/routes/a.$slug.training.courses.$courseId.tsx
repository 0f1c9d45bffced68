import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, SummaryList } from "~/components/govuk/content";
import { Checkbox, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { CsvLink, SavedMeanwhile, SessionFields, TrainingHeading, type SessionFormValues, TrainingNav } from "~/components/training";
import { formatDate, londonDate } from "~/domain/dates";
import { courseKindLabel, sessionModeLabel } from "~/domain/training";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { idParam, orHttpError } from "~/services/training/http.server";
import { getCourse, updateCourse } from "~/services/training/courses.server";
import { addSession } from "~/services/training/sessions.server";
import { schemas } from "~/schemas/routes/a.$slug.training.courses.$courseId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.course.name ?? "Course"} – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { course, sessions } = await orHttpError(getCourse(access.tenant, idParam(args.params, "courseId")));
  return { slug: access.authority.slug, authorityName: access.authority.name, canEdit: access.can("programme:edit"), today: londonDate(args.context.now()), course, sessions };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = idParam(args.params, "courseId");
  const formData = await args.request.formData();
  const here = `/a/${access.authority.slug}/training/courses/${id}`;
  if (formData.get("intent") === "update-course") {
    const submission = parseForm(formData, schemas["update-course"]);
    if (submission.status !== "success") return invalid(submission);
    try {
      const { version, name, durationDays, audience, active } = submission.value;
      await updateCourse(access.tenant, id, version, { name, durationDays, audience, active: active === "yes" });
      return redirectWithNotice(here, "The course has been saved.");
    } catch (error) {
      return replyToServiceError(submission, error);
    }
  }
  const submission = parseForm(formData, schemas["add-session"]);
  if (submission.status !== "success") return invalid(submission);
  try {
    const { intent: _intent, ...input } = submission.value;
    const { id: sessionId } = await addSession(access.tenant, id, input);
    return redirectWithNotice(`/a/${access.authority.slug}/training/sessions/${sessionId}`, `Session on ${formatDate(input.startDate)} added: book people on it below.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function CoursePage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const submitted = (lastResult as { initialValue?: { intent?: string; version?: string } } | undefined)?.initialValue;
  const c = d.course;
  const base = `/a/${d.slug}/training`;
  const edit = useServerForm<{ name: string; durationDays: string; audience: string; active: string }>({
    id: "course",
    lastResult: submitted?.intent === "update-course" ? lastResult : undefined,
    defaultValue: { name: c.name, durationDays: String(c.durationDays), audience: c.audience ?? "", active: c.active ? "yes" : "" },
  });
  const add = useServerForm<SessionFormValues>({
    id: "session",
    lastResult: submitted?.intent === "add-session" ? lastResult : undefined,
    defaultValue: { mode: "virtual" },
  });
  const conflict = submitted?.intent === "update-course" && submitted.version !== undefined && Number(submitted.version) !== c.version;
  const details = [
    { key: "Code", value: c.code },
    { key: "Kind", value: courseKindLabel(c.kind) },
    { key: "Name", value: c.name },
    { key: "Length", value: `${c.durationDays} ${c.durationDays === 1 ? "day" : "days"}` },
    { key: "Who it is for", value: c.audience ?? "Not recorded" },
    { key: "Status", value: c.active ? "Active" : "Inactive: no new sessions expected" },
  ];
  return (
    <>
      <TrainingNav slug={d.slug} />
      <BackLink to={`${base}/courses`}>Courses and sessions</BackLink>
      <TrainingHeading authorityName={d.authorityName} caption="Course">
        {c.name}
      </TrainingHeading>
      {conflict ? <SavedMeanwhile rows={details} /> : <SummaryList rows={details} />}
      <p className="govuk-body">
        <CsvLink href={`${base}/export/sessions?course=${c.id}`}>Download these sessions (CSV)</CsvLink>
      </p>
      <Table
        id="sessions"
        caption={`Sessions (${d.sessions.length})`}
        captionSize="s"
        rows={d.sessions}
        rowKey={(s) => s.id}
        empty="No sessions yet."
        columns={[
          { key: "date", header: "Date", cell: (s) => <Link className="govuk-link" to={`${base}/sessions/${s.id}`}>{formatDate(s.startDate)}{s.endDate && s.endDate !== s.startDate ? ` to ${formatDate(s.endDate)}` : ""}</Link> },
          { key: "mode", header: "Mode", cell: (s) => sessionModeLabel(s.mode) },
          { key: "facilitator", header: "Facilitator", cell: (s) => s.facilitator ?? "" },
          { key: "capacity", header: "Places", cell: (s) => s.capacity ?? "No limit", numeric: true },
          { key: "booked", header: "Booked", cell: (s) => s.places.booked, numeric: true },
          { key: "attended", header: "Attended", cell: (s) => s.places.attended, numeric: true },
          { key: "dna", header: "Did not attend", cell: (s) => s.places.didNotAttend, numeric: true },
        ]}
      />
      {d.canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <AppForm form={add.form} summary={add.summary}>
              <h2 className="govuk-heading-m">Add a session</h2>
              <input type="hidden" name="intent" value="add-session" />
              <SessionFields fields={add.fields} />
              <SubmitButton>Add the session</SubmitButton>
            </AppForm>
            <AppForm form={edit.form} summary={edit.summary}>
              <h2 className="govuk-heading-m">Change the course</h2>
              <input type="hidden" name="intent" value="update-course" />
              <input type="hidden" name="version" value={c.version} />
              <TextInput field={edit.fields.name} label="Course name" width={30} />
              <TextInput field={edit.fields.durationDays} label="Length in days" width={3} inputMode="decimal" />
              <TextInput field={edit.fields.audience} label="Who it is for (optional)" width={30} />
              <Checkbox field={edit.fields.active} label="Active: sessions are still being run" value="yes" />
              <SubmitButton secondary>Save the course</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
