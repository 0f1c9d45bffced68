import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { FundingHeading, FundingNav, moneyColumn, pct } from "~/components/funding";
import { EditForm, useReplies } from "~/components/funding-forms";
import { StreamFields, type StreamFieldSet } from "~/components/funding-stream-fields";
import { useServerForm } from "~/components/forms";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDate } from "~/domain/dates";
import { STREAM_KINDS } from "~/domain/funding";
import { redirectWithNotice } from "~/flash.server";
import { getFundingFacts } from "~/services/funding/funding-overview.server";
import { handleIntent } from "~/services/funding/intents.server";
import { toStreamInput } from "~/services/funding/stream-form.server";
import { createStream } from "~/services/funding/streams.server";
import { schemas } from "~/schemas/routes/a.$slug.funding.streams._index.server";

export const meta: MetaFunction = () => [{ title: `Funding streams – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const facts = await getFundingFacts(access.tenant);
  return { slug: access.authority.slug, authorityName: access.authority.name, canEdit: access.can("funding:edit"), streams: facts.streams };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "funding:edit");
  const formData = await args.request.formData();
  return handleIntent(formData, schemas, {
    add: async (v) => {
      const stream = await createStream(access.tenant, toStreamInput(v));
      return redirectWithNotice(`/a/${access.authority.slug}/funding/streams/${stream.id}`, `Funding stream “${stream.name}” added.`);
    },
  });
}

type Stream = ReturnType<typeof useLoaderData<typeof loader>>["streams"][number];

export default function Streams() {
  const { slug, authorityName, canEdit, streams } = useLoaderData<typeof loader>();
  const replies = useReplies();
  const add = useServerForm({ id: `add-stream-${streams.length}`, lastResult: replies.for(["add"]), defaultValue: { kind: "tapered", shares: "100, 70, 50" } });
  return (
    <>
      <FundingHeading authorityName={authorityName}>Funding streams</FundingHeading>
      <FundingNav slug={slug} current="streams" />
      <Table
        caption="Streams"
        captionSize="m"
        rows={streams}
        rowKey={(s) => s.id}
        empty="No funding streams are recorded yet."
        columns={[
          {
            key: "name",
            header: "Stream",
            cell: (s) => (
              <Link className="govuk-link" to={`/a/${slug}/funding/streams/${s.id}`}>
                {s.name}
              </Link>
            ),
          },
          { key: "funder", header: "Funder", cell: (s) => s.funder },
          { key: "kind", header: "Type", cell: (s) => STREAM_KINDS[s.kind] },
          moneyColumn<Stream>("total", "Total", (s) => s.totalPence),
          { key: "start", header: "From", cell: (s) => formatDate(s.startDate) },
          { key: "end", header: "To", cell: (s) => (s.kind === "tapered" ? "End of its schedule" : formatDate(s.endDate, "No end date")) },
          { key: "shares", header: "Shares by year", cell: (s) => (s.kind === "tapered" ? s.sharesBp.map(pct).join(", ") : "–") },
        ]}
      />
      {canEdit ? (
        <EditForm anchor="add" form={add.form} summary={add.summary} heading="Add a funding stream" intent="add" submit="Add the stream">
          <StreamFields fields={add.fields as unknown as StreamFieldSet} />
        </EditForm>
      ) : (
        <p className="govuk-body">Only programme managers can add or change funding streams.</p>
      )}
    </>
  );
}
