import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDate, londonDate } from "~/domain/dates";
import { meetingPattern } from "~/domain/partnership";
import { getBoard } from "~/services/partnership/board.server";
import { listMeetings } from "~/services/partnership/meetings.server";

export const meta: MetaFunction = () => [{ title: `Board meetings – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:read");
  const meetings = await listMeetings(access.tenant);
  const board = await getBoard(access.tenant);
  const names = new Map(board.members.map((m) => [m.id, `${m.name} (${m.organisationName})`]));
  return {
    slug: access.authority.slug,
    boardName: board.boardName,
    canManage: access.can("charter:manage"),
    pattern: meetingPattern(
      meetings.map((m) => m.heldOn),
      londonDate(args.context.now()),
    ).sentence,
    meetings: meetings.map((m) => ({ id: m.id, heldOn: formatDate(m.heldOn), decisions: m.decisions, attendees: m.attendeeIds.map((id) => names.get(id) ?? "").sort() })),
  };
}

export default function Meetings() {
  const d = useLoaderData<typeof loader>();
  const base = `/a/${d.slug}/partnership/meetings`;
  return (
    <>
      <BackLink to={`/a/${d.slug}/partnership`}>Partnership</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.boardName}</span>
        Meetings
      </h1>
      <p className="govuk-body-l" data-testid="meeting-pattern">
        {d.pattern}.
      </p>
      {d.canManage ? (
        <Link className="govuk-button app-no-print" to={`${base}/new`}>
          Record a meeting
        </Link>
      ) : null}
      <Table
        caption="Meetings, newest first"
        rows={d.meetings}
        rowKey={(m) => m.id}
        empty="No meetings recorded yet."
        columns={[
          {
            key: "date",
            header: "Date",
            cell: (m) =>
              d.canManage ? (
                <Link className="govuk-link" to={`${base}/${m.id}`}>
                  {m.heldOn}
                </Link>
              ) : (
                m.heldOn
              ),
          },
          {
            key: "attendance",
            header: "Attendance",
            cell: (m) => (
              <details className="govuk-details govuk-!-margin-bottom-0">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">
                    {m.attendees.length} {m.attendees.length === 1 ? "member" : "members"}
                  </span>
                </summary>
                <div className="govuk-details__text">
                  <ul className="govuk-list">
                    {m.attendees.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                </div>
              </details>
            ),
          },
          {
            key: "decisions",
            header: "Decisions",
            cell: (m) =>
              m.decisions.length ? (
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                  {m.decisions.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              ) : (
                "None recorded"
              ),
          },
        ]}
      />
    </>
  );
}
