import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { CharterStatusPanel } from "~/components/charter-status-panel";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { InsetText } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { PartnersTable } from "~/components/partnership/partners-table";
import { VersionStateTag } from "~/components/partnership/status-tag";
import { formatDate, londonDate } from "~/domain/dates";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { setReminderDays } from "~/services/partnership/charter-versions.server";
import { asOfFrom, partnerRows, versionRows } from "~/services/partnership/route-data.server";
import { getPartnershipOverview } from "~/services/partnership/views.server";
import { reminderSchema } from "~/schemas/routes/a.$slug.partnership._index.server";

export const meta: MetaFunction = () => [{ title: `Partnership – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:read");
  const asOf = asOfFrom(args.request, args.context.now());
  const o = await getPartnershipOverview(access.tenant, asOf, access.user.email);
  const canManage = access.can("charter:manage");
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canManage,
    canSign: access.can("charter:sign"),
    asOf,
    isToday: asOf === londonDate(args.context.now()),
    boardName: o.boardName,
    summary: o.summary,
    partners: partnerRows(o.partners),
    meetings: o.meetings.sentence,
    lastMeeting: o.meetings.last ? formatDate(o.meetings.last) : null,
    activeMembers: o.activeMembers,
    organisations: o.organisations,
    // A draft is the programme team's work in progress: others cannot open it.
    versions: versionRows(canManage ? o.versions : o.versions.filter((v) => v.state !== "draft")),
    draftId: o.draftId,
    reminderAfterDays: o.reminderAfterDays,
    charterVersion: o.charterVersion,
    viewer: o.viewer,
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const submission = parseForm(await args.request.formData(), reminderSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await setReminderDays(access.tenant, submission.value);
    return redirectWithNotice(`/a/${access.authority.slug}/partnership`, `Partners who have not signed will be reminded ${submission.value.reminderAfterDays} days after their last e-mail.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function Partnership() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const reminders = useServerForm<{ reminderAfterDays: string }>({ id: "reminders", lastResult, defaultValue: { reminderAfterDays: String(d.reminderAfterDays) } });
  const base = `/a/${d.slug}/partnership`;
  const current = d.summary.current;
  return (
    <>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.authorityName}</span>
        {d.boardName}
      </h1>

      <Form method="get" className="app-no-print app-as-of">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="asOf">
            Status on
          </label>
          <input className="govuk-input govuk-input--width-10" id="asOf" name="asOf" type="date" defaultValue={d.asOf} />{" "}
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Show
          </button>
        </div>
      </Form>
      {d.isToday ? null : <InsetText>Showing the status on {formatDate(d.asOf)}.</InsetText>}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <CharterStatusPanel slug={d.slug} status={d.summary} showLink={false} />
        </div>
        <div className="govuk-grid-column-one-half">
          <section className="app-card" aria-labelledby="board-heading">
            <h2 className="govuk-heading-m" id="board-heading">
              The board
            </h2>
            <p className="govuk-body">
              {d.activeMembers} {d.activeMembers === 1 ? "member" : "members"} from {d.organisations} partner {d.organisations === 1 ? "organisation" : "organisations"}.
            </p>
            <p className="govuk-body" data-testid="meeting-pattern">
              {d.meetings}
              {d.lastMeeting ? `; last met on ${d.lastMeeting}` : ""}.
            </p>
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to={`${base}/board`}>
                  Members and partner organisations
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`${base}/meetings`}>
                  Meetings, attendance and decisions
                </Link>
              </li>
            </ul>
          </section>
        </div>
      </div>

      {d.viewer && d.canSign && current ? (
        <div className="app-card app-no-print">
          <h2 className="govuk-heading-m">Your organisation: {d.viewer.organisationName}</h2>
          {d.viewer.partnerStatus === "signed" ? (
            <p className="govuk-body">
              {d.viewer.organisationName} has signed version {current.number}.{" "}
              <Link className="govuk-link" to={`${base}/charter/${current.id}/sign`}>
                See the signature or withdraw it
              </Link>
            </p>
          ) : d.viewer.active ? (
            <Link className="govuk-button" to={`${base}/charter/${current.id}/sign`}>
              Read and sign the charter
            </Link>
          ) : (
            <p className="govuk-body">You are not on the board today, so you cannot sign.</p>
          )}
        </div>
      ) : null}

      <h2 className="govuk-heading-l">Partners and the current charter</h2>
      {current ? (
        <>
          <p className="govuk-body">
            <Link className="govuk-link" to={`${base}/charter/${current.id}`}>
              Version {current.number}: {current.title}
            </Link>
            , published {formatDate(current.publishedOn)}.{" "}
            <Link className="govuk-link" to={`${base}/charter/${current.id}/certificate`}>
              Certificate of signatures
            </Link>
          </p>
          <p className="govuk-body">
            How partners are counted: a partner is an organisation with at least one member on the board on the date shown. It signs once, by any one of its board members; a signature
            counts until it is withdrawn, and only for the version signed.
          </p>
          <PartnersTable caption={`${d.summary.signed} of ${d.summary.partners} partners signed version ${current.number}`} partners={d.partners} />
        </>
      ) : (
        <p className="govuk-body">No version of the charter has been published yet.</p>
      )}

      <Table
        caption="Versions of the charter"
        rows={d.versions}
        rowKey={(v) => v.id}
        empty="No version drafted yet."
        columns={[
          {
            key: "number",
            header: "Version",
            cell: (v) => (
              <Link className="govuk-link" to={`${base}/charter/${v.id}`}>
                Version {v.number}
              </Link>
            ),
          },
          { key: "title", header: "Title", cell: (v) => v.title },
          { key: "state", header: "State", cell: (v) => <VersionStateTag state={v.state} /> },
          { key: "published", header: "Published", cell: (v) => v.publishedOn },
          { key: "signed", header: "Partners signed", cell: (v) => (v.state === "draft" ? "–" : `${v.signed} of ${v.partners}`), numeric: true },
        ]}
      />

      {d.canManage ? (
        <div className="app-no-print">
          {d.draftId ? (
            <Link className="govuk-button" to={`${base}/charter/${d.draftId}`}>
              Continue the draft
            </Link>
          ) : (
            <Link className="govuk-button" to={`${base}/charter/new`}>
              Draft a new version
            </Link>
          )}
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <AppForm form={reminders.form} summary={reminders.summary}>
                <h2 className="govuk-heading-m">Reminders</h2>
                <input type="hidden" name="version" value={d.charterVersion} />
                <TextInput
                  field={reminders.fields.reminderAfterDays}
                  label="Remind partners who have not signed after this many days"
                  hint="A request is overdue once it is this old. The reminders job (npm run jobs:reminders) reminds each board member this many days after their last e-mail."
                  width={3}
                  inputMode="numeric"
                />
                <SubmitButton secondary>Save</SubmitButton>
              </AppForm>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
