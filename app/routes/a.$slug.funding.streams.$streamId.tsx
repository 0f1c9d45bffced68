import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { exact, FundingHeading, FundingNav, moneyColumn, pounds, TaperChart } from "~/components/funding";
import { DateInput, DeleteButton, EditForm, MoneyInput, rowActions, useReplies } from "~/components/funding-forms";
import { StreamFields, type StreamFieldSet } from "~/components/funding-stream-fields";
import { useServerForm } from "~/components/forms";
import { BackLink, SummaryList } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDateInput } from "~/domain/date-input";
import { formatDate } from "~/domain/dates";
import { allocationSummary, STREAM_KINDS, taperYears } from "~/domain/funding";
import { basisPointsToText, penceToInput } from "~/domain/money";
import { redirectWithNotice } from "~/flash.server";
import { id } from "~/services/funding/fields.server";
import { getFundingFacts } from "~/services/funding/funding-overview.server";
import { handleIntent } from "~/services/funding/intents.server";
import { toStreamInput } from "~/services/funding/stream-form.server";
import { addSpend, deleteSpend, deleteStream, updateSpend, updateStream } from "~/services/funding/streams.server";
import { schemas } from "~/schemas/routes/a.$slug.funding.streams.$streamId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.stream.name ?? "Funding stream"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const facts = await getFundingFacts(access.tenant);
  const stream = facts.streams.find((s) => s.id === args.params.streamId);
  if (!stream) throw notFound();
  const spend = facts.spend.filter((s) => s.streamId === stream.id);
  const editing = spend.find((s) => s.id === new URL(args.request.url).searchParams.get("spend")) ?? null;
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canEdit: access.can("funding:edit"),
    stream,
    taper: stream.kind === "tapered" ? taperYears(stream) : null,
    spend,
    allocation: allocationSummary(stream, spend),
    editing,
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "funding:edit");
  const streamId = id.safeParse(args.params.streamId);
  if (!streamId.success) throw notFound();
  const here = `/a/${access.authority.slug}/funding/streams/${streamId.data}`;
  const spendInput = (v: { spentOn: string; amount: number; description: string }) => ({ spentOn: v.spentOn, amountPence: v.amount, description: v.description });
  return handleIntent(await args.request.formData(), schemas, {
    update: async (v) => {
      await updateStream(access.tenant, streamId.data, v.version, toStreamInput(v));
      return redirectWithNotice(here, "Changes to the stream saved.");
    },
    delete: async (v) => {
      const gone = await deleteStream(access.tenant, streamId.data, v.version);
      return redirectWithNotice(`/a/${access.authority.slug}/funding/streams`, `Funding stream “${gone.name}” deleted.`);
    },
    "add-spend": async (v) => {
      await addSpend(access.tenant, streamId.data, spendInput(v));
      return redirectWithNotice(`${here}#spend`, "Spend recorded.");
    },
    "update-spend": async (v) => {
      await updateSpend(access.tenant, streamId.data, v.id, v.version, spendInput(v));
      return redirectWithNotice(`${here}#spend`, "Spend entry changed.");
    },
    "delete-spend": async (v) => {
      await deleteSpend(access.tenant, streamId.data, v.id, v.version);
      return redirectWithNotice(`${here}#spend`, "Spend entry deleted.");
    },
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StreamPage() {
  const data = useLoaderData<typeof loader>();
  const { slug, authorityName, canEdit, stream, taper } = data;
  const replies = useReplies();
  const edit = useServerForm({
    id: `stream-${stream.id}-${stream.version}`,
    lastResult: replies.for(["update"]),
    defaultValue: {
      name: stream.name,
      funder: stream.funder,
      kind: stream.kind,
      total: penceToInput(stream.totalPence),
      startDate: formatDateInput(stream.startDate),
      endDate: formatDateInput(stream.endDate),
      shares: stream.sharesBp.map(basisPointsToText).join(", "),
      note: stream.note ?? "",
    },
  });
  return (
    <>
      <BackLink to={`/a/${slug}/funding/streams`}>Funding streams</BackLink>
      <FundingHeading authorityName={authorityName}>{stream.name}</FundingHeading>
      <FundingNav slug={slug} current="streams" />
      <ErrorSummary errors={[...replies.summary(["delete"], "#delete"), ...replies.summary(["delete-spend"], "#spend")]} />
      <SummaryList
        rows={[
          { key: "Funder", value: stream.funder },
          { key: "Type", value: STREAM_KINDS[stream.kind] },
          { key: stream.kind === "fixed" ? "Budget" : "Total (cap)", value: exact(stream.totalPence) },
          { key: "Starts", value: formatDate(stream.startDate) },
          { key: stream.kind === "fixed" ? "Spend by" : "Ends", value: stream.kind === "tapered" ? "When its schedule ends" : formatDate(stream.endDate, "No end date") },
          { key: "Note", value: stream.note ?? "None" },
        ]}
      />
      {taper ? <TaperChart id={stream.id} name={stream.name} years={taper} /> : null}
      {stream.kind === "fixed" ? <Spend data={data} /> : null}
      {canEdit ? (
        <>
          <EditForm anchor="change" form={edit.form} summary={edit.summary} heading="Change the stream" intent="update" editing={stream} submit="Save changes">
            <StreamFields fields={edit.fields as unknown as StreamFieldSet} />
          </EditForm>
          <h2 className="govuk-heading-m" id="delete">
            Delete the stream
          </h2>
          <p className="govuk-body">Deleting it removes it from the funding model{stream.kind === "fixed" ? ", with its spend entries" : ""}. The audit log keeps a record.</p>
          <DeleteButton intent="delete" id={stream.id} version={stream.version}>
            Delete “{stream.name}”
          </DeleteButton>
        </>
      ) : null}
    </>
  );
}

type SpendRow = Data["spend"][number];

function Spend({ data }: { data: Data }) {
  const { allocation, spend, editing, canEdit, stream, slug } = data;
  const replies = useReplies();
  const here = `/a/${slug}/funding/streams/${stream.id}`;
  const form = useServerForm({
    id: editing ? `spend-${editing.id}-${editing.version}` : `add-spend-${spend.length}`,
    lastResult: replies.for(editing ? ["update-spend"] : ["add-spend"]),
    defaultValue: editing ? { spentOn: formatDateInput(editing.spentOn), amount: penceToInput(editing.amountPence), description: editing.description } : undefined,
  });
  return (
    <>
      <h2 className="govuk-heading-m" id="spend">
        Spend against the budget
      </h2>
      <p className="govuk-body">
        Spent {pounds(allocation.spent)} of {pounds(allocation.budget)}:{" "}
        {allocation.remaining >= 0 ? `${pounds(allocation.remaining)} left` : `overspent by ${pounds(-allocation.remaining)}`}.
        {allocation.spentLate ? ` ${exact(allocation.spentLate)} was spent after the spend-by date.` : ""}
      </p>
      <Table
        caption="Spend entries"
        captionSize="s"
        rows={spend}
        rowKey={(s) => s.id}
        empty="No spend recorded yet."
        columns={[
          { key: "on", header: "Date", cell: (s) => formatDate(s.spentOn) },
          { key: "what", header: "What", cell: (s) => s.description },
          moneyColumn<SpendRow>("amount", "Amount", (s) => s.amountPence, true),
          ...rowActions<SpendRow>(canEdit, {
            changeTo: (r) => `${here}?spend=${r.id}#spend-form`,
            name: (r) => `spend on ${formatDate(r.spentOn)}`,
            target: (r) => r,
            deleteIntent: "delete-spend",
          }),
        ]}
      />
      <Table
        caption="Spend by financial year"
        captionSize="s"
        rows={allocation.byYear}
        rowKey={(y) => y.label}
        empty="No spend recorded yet."
        columns={[{ key: "year", header: "Financial year", cell: (y) => y.label }, moneyColumn<{ spent: number }>("spent", "Spent", (y) => y.spent, true)]}
      />
      {canEdit ? (
        <EditForm
          anchor="spend-form"
          form={form.form}
          summary={form.summary}
          small
          heading={editing ? "Change the spend entry" : "Record spend"}
          intent={editing ? "update-spend" : "add-spend"}
          editing={editing}
          submit={editing ? "Save the change" : "Record the spend"}
          cancelTo={`${here}#spend`}
        >
          <DateInput field={form.fields.spentOn} label="Date" example="15/7/2020" />
          <MoneyInput field={form.fields.amount} label="Amount" hint="In pounds, like £12,500" />
          <TextInput field={form.fields.description} label="What it was spent on" width={30} />
        </EditForm>
      ) : null}
    </>
  );
}
