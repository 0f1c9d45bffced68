import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, InsetText, SummaryList } from "~/components/govuk/content";
import { Checkboxes } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { ATTENDANCE_CHOICES, CsvLink, SavedMeanwhile, SessionFields, TrainingHeading, type SessionFormValues, TrainingNav } from "~/components/training";
import { formatDate, londonDate } from "~/domain/dates";
import { BOOKING_STATUSES, disciplineLabel, sessionModeLabel } from "~/domain/training";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { idParam, orHttpError } from "~/services/training/http.server";
import { bookStaff, cancelBooking, getSession, recordAttendance, updateSession } from "~/services/training/sessions.server";
import { INTENTS, schemas, type Intent } from "~/schemas/routes/a.$slug.training.sessions.$sessionId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.course.name}, ${formatDate(data.session.startDate)}` : "Session"} – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const s = await orHttpError(getSession(access.tenant, idParam(args.params, "sessionId")));
  return { slug: access.authority.slug, authorityName: access.authority.name, canEdit: access.can("programme:edit"), today: londonDate(args.context.now()), ...s };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = idParam(args.params, "sessionId");
  const formData = await args.request.formData();
  const intent = INTENTS.find((i) => i === formData.get("intent")) ?? "update-session";
  const here = `/a/${access.authority.slug}/training/sessions/${id}`;
  const submission = parseForm(formData, schemas[intent]);
  if (submission.status !== "success") return invalid(submission);
  try {
    const v = submission.value;
    switch (v.intent) {
      case "attendance": {
        const { changed } = await recordAttendance(access.tenant, id, v.bookings.map((b) => ({ bookingId: b.id, version: b.version, status: b.status })), londonDate(args.context.now()));
        return redirectWithNotice(here, changed === 0 ? "Nothing had changed." : `Attendance saved for ${changed} ${changed === 1 ? "person" : "people"}.`);
      }
      case "book": {
        const { booked } = await bookStaff(access.tenant, id, v.staffIds);
        return redirectWithNotice(here, `${booked} ${booked === 1 ? "person" : "people"} booked.`);
      }
      case "cancel": {
        const { name } = await cancelBooking(access.tenant, id, v.bookingId, v.version);
        return redirectWithNotice(here, `${name}'s place has been cancelled.`);
      }
      case "update-session": {
        const { intent: _intent, version: current, ...input } = v;
        await updateSession(access.tenant, id, current, input);
        return redirectWithNotice(here, "The session has been saved.");
      }
    }
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function SessionPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const submitted = (lastResult as { initialValue?: { intent?: string; version?: string } } | undefined)?.initialValue;
  const replyTo = (intent: Intent) => (submitted?.intent === intent ? lastResult : undefined);
  const s = d.session;
  const base = `/a/${d.slug}/training`;
  const attendance = useServerForm({ id: "attendance", lastResult: replyTo("attendance") });
  const book = useServerForm<{ staffIds: string[] }>({ id: "book", lastResult: replyTo("book") });
  const cancel = useServerForm({ id: "cancel", lastResult: replyTo("cancel") });
  const edit = useServerForm<SessionFormValues>({
    id: "session",
    lastResult: replyTo("update-session"),
    defaultValue: { startDate: s.startDate, endDate: s.endDate ?? "", mode: s.mode, facilitator: s.facilitator ?? "", capacity: s.capacity == null ? "" : String(s.capacity), location: s.location ?? "" },
  });
  const conflict = submitted?.intent === "update-session" && submitted.version !== undefined && Number(submitted.version) !== s.version;
  const held = s.startDate <= d.today;
  const details = [
    { key: "Dates", value: s.endDate && s.endDate !== s.startDate ? `${formatDate(s.startDate)} to ${formatDate(s.endDate)}` : formatDate(s.startDate) },
    { key: "Mode", value: sessionModeLabel(s.mode) },
    { key: "Facilitator", value: s.facilitator ?? "Not recorded" },
    { key: "Location or link", value: s.location ?? "Not recorded" },
    { key: "Places", value: s.capacity == null ? `${d.placesTaken} taken (no limit)` : `${d.placesTaken} of ${s.capacity} taken, ${d.placesLeft} left` },
  ];
  return (
    <>
      <TrainingNav slug={d.slug} />
      <BackLink to={`${base}/courses/${d.course.id}`}>{d.course.name}</BackLink>
      <TrainingHeading authorityName={d.authorityName} caption={d.course.name}>
        Session on {formatDate(s.startDate)}
      </TrainingHeading>
      {conflict ? <SavedMeanwhile rows={details} /> : <SummaryList rows={details} />}
      {/* Errors of the forms inside the table (cancelling a place) show here. */}
      <AppForm form={cancel.form} summary={cancel.summary}>
        <input type="hidden" name="intent" value="cancel" />
      </AppForm>
      <p className="govuk-body">
        <CsvLink href={`${base}/export/attendance?session=${s.id}`}>Download the attendance (CSV)</CsvLink>
      </p>

      {d.canEdit && d.bookings.length > 0 ? (
        <AppForm form={attendance.form} summary={attendance.summary}>
          <input type="hidden" name="intent" value="attendance" />
        </AppForm>
      ) : null}
      <Table
        id="places"
        caption={`People booked (${d.placesTaken})`}
        captionSize="m"
        rows={d.bookings}
        rowKey={(b) => b.id}
        empty="Nobody is booked yet."
        columns={[
          { key: "name", header: "Name", cell: (b) => <Link className="govuk-link" to={`${base}/staff/${b.staffMemberId}`}>{b.person.name}</Link> },
          { key: "ref", header: "Reference", cell: (b) => b.person.externalRef },
          { key: "team", header: "Team", cell: (b) => b.person.team ?? "No team" },
          { key: "discipline", header: "Discipline", cell: (b) => disciplineLabel(b.person.discipline) },
          {
            key: "status",
            header: "Attendance",
            cell: (b) => {
              const i = d.bookings.indexOf(b);
              if (!d.canEdit || b.status === "cancelled") return b.statusLabel;
              return (
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-visually-hidden">Attendance of {b.person.name}</legend>
                  <input type="hidden" form="attendance" name={`bookings[${i}].id`} value={b.id} />
                  <input type="hidden" form="attendance" name={`bookings[${i}].version`} value={b.version} />
                  <div className="govuk-radios govuk-radios--small govuk-radios--inline">
                    {ATTENDANCE_CHOICES.map((choice) => (
                      <div className="govuk-radios__item" key={choice}>
                        <input className="govuk-radios__input" form="attendance" type="radio" id={`status-${b.id}-${choice}`} name={`bookings[${i}].status`} value={choice} defaultChecked={b.status === choice} key={`${b.id}-${b.version}`} />
                        <label className="govuk-label govuk-radios__label" htmlFor={`status-${b.id}-${choice}`}>
                          {BOOKING_STATUSES[choice]}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              );
            },
          },
          ...(d.canEdit
            ? [
                {
                  key: "cancel",
                  header: <span className="govuk-visually-hidden">Cancel</span>,
                  cell: (b: (typeof d.bookings)[number]) =>
                    b.status !== "booked" ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="cancel" />
                        <input type="hidden" name="bookingId" value={b.id} />
                        <input type="hidden" name="version" value={b.version} />
                        <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                          Cancel place<span className="govuk-visually-hidden"> of {b.person.name}</span>
                        </button>
                      </Form>
                    ),
                },
              ]
            : []),
        ]}
      />
      {d.canEdit && d.bookings.some((b) => b.status !== "cancelled") ? (
        held ? (
          <button type="submit" form="attendance" className="govuk-button" data-module="govuk-button">
            Save attendance
          </button>
        ) : (
          <InsetText>Attendance can be recorded once the session has started.</InsetText>
        )
      ) : null}

      {d.canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <AppForm form={book.form} summary={book.summary}>
              <h2 className="govuk-heading-m">Book people</h2>
              <input type="hidden" name="intent" value="book" />
              {d.bookable.length === 0 ? (
                <p className="govuk-body">Everyone in post on {formatDate(s.startDate)} already has a place.</p>
              ) : d.placesLeft === 0 ? (
                <p className="govuk-body">The session is full: raise the number of places to book more people.</p>
              ) : (
                <>
                  <Checkboxes
                    field={book.fields.staffIds}
                    legend={`Who to book${d.placesLeft == null ? "" : ` (${d.placesLeft} ${d.placesLeft === 1 ? "place" : "places"} left)`}`}
                    legendSize="s"
                    hint={`People in post on ${formatDate(s.startDate)} without a place. Those who still need the course come first.`}
                    options={d.bookable.map((p) => ({
                      value: p.id,
                      label: `${p.name} (${p.externalRef})`,
                      hint: [disciplineLabel(p.discipline), p.team ?? "no team", p.completed ? "has already completed this course" : null, p.inScope ? null : "not in scope"].filter(Boolean).join(", "),
                    }))}
                  />
                  <SubmitButton>Book the people selected</SubmitButton>
                </>
              )}
            </AppForm>
            <AppForm form={edit.form} summary={edit.summary}>
              <h2 className="govuk-heading-m">Change the session</h2>
              <input type="hidden" name="intent" value="update-session" />
              <input type="hidden" name="version" value={s.version} />
              <SessionFields fields={edit.fields} />
              <SubmitButton secondary>Save the session</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
