import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, Tag } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDate, londonDate } from "~/domain/dates";
import { sectorLabel } from "~/domain/partnership";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { getBoard, renameBoard } from "~/services/partnership/board.server";
import { boardMemberRows } from "~/services/partnership/route-data.server";
import { renameSchema } from "~/schemas/routes/a.$slug.partnership.board._index.server";

export const meta: MetaFunction = () => [{ title: `Board members – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:read");
  const board = await getBoard(access.tenant);
  const today = londonDate(args.context.now());
  const canManage = access.can("charter:manage");
  const members = boardMemberRows(board, canManage, today);
  const memberCounts = new Map<string, number>();
  for (const m of members) if (m.active) memberCounts.set(m.organisationName, (memberCounts.get(m.organisationName) ?? 0) + 1);
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canManage,
    boardName: board.boardName,
    boardVersion: board.boardVersion,
    members,
    organisations: board.organisations.map((o) => ({ id: o.id, name: o.name, sector: sectorLabel(o.sector), members: memberCounts.get(o.name) ?? 0 })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "charter:manage");
  const submission = parseForm(await args.request.formData(), renameSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await renameBoard(access.tenant, submission.value);
    return redirectWithNotice(`/a/${access.authority.slug}/partnership/board`, `The board is now called ${submission.value.name}.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function Board() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const rename = useServerForm<{ name: string }>({ id: "rename-board", lastResult, defaultValue: { name: d.boardName } });
  const base = `/a/${d.slug}/partnership/board`;
  return (
    <>
      <BackLink to={`/a/${d.slug}/partnership`}>Partnership</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.boardName}</span>
        Board members
      </h1>
      {d.canManage ? (
        <div className="govuk-button-group app-no-print">
          <Link className="govuk-button" to={`${base}/members/new`}>
            Add a board member
          </Link>
          <Link className="govuk-button govuk-button--secondary" to={`${base}/organisations/new`}>
            Add a partner organisation
          </Link>
        </div>
      ) : null}
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={`${base}/export`} download>
          Download the board members (CSV)
        </a>
      </p>
      <Table
        id="members"
        caption={`Members (${d.members.filter((m) => m.active).length} on the board today)`}
        rows={d.members}
        rowKey={(m) => m.id}
        empty="No board members recorded yet."
        columns={[
          { key: "name", header: "Name", cell: (m) => m.name },
          { key: "title", header: "Job title", cell: (m) => m.jobTitle },
          { key: "org", header: "Organisation", cell: (m) => m.organisationName },
          ...(d.canManage ? [{ key: "email", header: "Email address", cell: (m: (typeof d.members)[number]) => m.email }] : []),
          { key: "from", header: "On the board", cell: (m) => `${formatDate(m.activeFrom)} to ${m.activeTo ? formatDate(m.activeTo) : "now"}` },
          { key: "active", header: "Today", cell: (m) => (m.active ? <Tag colour="green">Member</Tag> : <Tag colour="grey">Not a member</Tag>) },
          ...(d.canManage
            ? [
                {
                  key: "edit",
                  header: <span className="govuk-visually-hidden">Actions</span>,
                  cell: (m: (typeof d.members)[number]) => (
                    <Link className="govuk-link" to={`${base}/members/${m.id}`}>
                      Change<span className="govuk-visually-hidden"> {m.name}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Table
        id="organisations"
        caption="Partner organisations"
        rows={d.organisations}
        rowKey={(o) => o.id}
        empty="No partner organisations recorded yet."
        columns={[
          { key: "name", header: "Organisation", cell: (o) => o.name },
          { key: "sector", header: "Sector", cell: (o) => o.sector },
          { key: "members", header: "Members today", cell: (o) => o.members, numeric: true },
          ...(d.canManage
            ? [
                {
                  key: "edit",
                  header: <span className="govuk-visually-hidden">Actions</span>,
                  cell: (o: (typeof d.organisations)[number]) => (
                    <Link className="govuk-link" to={`${base}/organisations/${o.id}`}>
                      Change<span className="govuk-visually-hidden"> {o.name}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      {d.canManage ? (
        <div className="govuk-grid-row app-no-print">
          <div className="govuk-grid-column-two-thirds">
            <AppForm form={rename.form} summary={rename.summary}>
              <input type="hidden" name="version" value={d.boardVersion} />
              <TextInput field={rename.fields.name} label="Name of the board" labelSize="m" />
              <SubmitButton secondary>Save the name</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
