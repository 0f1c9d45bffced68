import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { exact, FundingHeading, FundingNav, moneyColumn, pounds } from "~/components/funding";
import { DateInput, EditForm, MoneyInput, rowActions, useReplies } from "~/components/funding-forms";
import { useServerForm } from "~/components/forms";
import { BackLink, SummaryList } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDateInput } from "~/domain/date-input";
import { formatDate } from "~/domain/dates";
import { formatFte } from "~/domain/format";
import { postCostOn } from "~/domain/funding";
import { penceToInput } from "~/domain/money";
import { roleLabel } from "~/domain/workforce";
import { redirectWithNotice } from "~/flash.server";
import { addPostCost, deletePostCost, updatePostCost } from "~/services/funding/costs.server";
import { id } from "~/services/funding/fields.server";
import { getFundingFacts } from "~/services/funding/funding-overview.server";
import { handleIntent } from "~/services/funding/intents.server";
import { readFundingQuery } from "~/services/funding/query.server";
import { schemas } from "~/schemas/routes/a.$slug.funding.costs.$postId.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Cost of ${data?.post.reference ?? "a post"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf } = readFundingQuery(args.request, args.context.now());
  const facts = await getFundingFacts(access.tenant);
  const post = facts.posts.find((p) => p.id === args.params.postId);
  if (!post) throw notFound();
  const entries = facts.postCosts.filter((c) => c.postId === post.id);
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canEdit: access.can("funding:edit"),
    asOf,
    post,
    entries,
    roleRate: facts.roleRates.find((r) => r.role === post.role) ?? null,
    cost: postCostOn(facts, post, asOf),
    editing: entries.find((e) => e.id === new URL(args.request.url).searchParams.get("entry")) ?? null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "funding:edit");
  const postId = id.safeParse(args.params.postId);
  if (!postId.success) throw notFound();
  const here = `/a/${access.authority.slug}/funding/costs/${postId.data}`;
  const input = (v: { effectiveFrom: string; amount: number; note: string | null }) => ({ effectiveFrom: v.effectiveFrom, annualPence: v.amount, note: v.note });
  return handleIntent(await args.request.formData(), schemas, {
    add: async (v) => {
      await addPostCost(access.tenant, postId.data, input(v));
      return redirectWithNotice(here, `Cost from ${formatDate(v.effectiveFrom)} saved.`);
    },
    update: async (v) => {
      await updatePostCost(access.tenant, postId.data, v.id, v.version, input(v));
      return redirectWithNotice(here, `Cost from ${formatDate(v.effectiveFrom)} saved.`);
    },
    delete: async (v) => {
      await deletePostCost(access.tenant, postId.data, v.id, v.version);
      return redirectWithNotice(here, "Cost removed.");
    },
  });
}

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["entries"][number];

export default function PostCost() {
  const { slug, authorityName, canEdit, asOf, post, entries, roleRate, cost, editing } = useLoaderData<typeof loader>();
  const replies = useReplies();
  const here = `/a/${slug}/funding/costs/${post.id}`;
  const form = useServerForm<{ effectiveFrom: string; amount: string; note: string }>({
    id: editing ? `cost-${editing.id}-${editing.version}` : `add-cost-${entries.length}`,
    lastResult: replies.for(editing ? ["update"] : ["add"]),
    defaultValue: editing ? { effectiveFrom: formatDateInput(editing.from), amount: penceToInput(editing.annualPence), note: editing.note ?? "" } : undefined,
  });
  const name = post.reference ?? post.title ?? roleLabel(post.role);
  return (
    <>
      <BackLink to={`/a/${slug}/funding/costs#posts`}>Costs of adult posts</BackLink>
      <FundingHeading authorityName={authorityName}>Cost of {name}</FundingHeading>
      <FundingNav slug={slug} current="costs" />
      <ErrorSummary errors={replies.summary(["delete"], "#costs")} />
      <SummaryList
        rows={[
          { key: "Role", value: post.title ? `${post.title} (${roleLabel(post.role)})` : roleLabel(post.role) },
          { key: "Team", value: post.teamName ?? "None" },
          { key: "FTE", value: formatFte(post.fte) },
          { key: "Established", value: `${formatDate(post.establishedOn, "From the start")}${post.disestablishedOn ? `, until ${formatDate(post.disestablishedOn)}` : ""}` },
          { key: "Role's default cost of 1 FTE", value: roleRate ? `${exact(roleRate.annualPence)} at ${formatDate(roleRate.from)} prices` : "Not set" },
          {
            key: `Annual cost at ${formatDate(asOf)} prices`,
            value: cost.annualPence === null ? "No cost recorded: it counts as £0" : `${pounds(cost.annualPence)} (${cost.source === "post" ? "this post's own cost" : "the role's default"} × ${formatFte(post.fte)} FTE)`,
          },
        ]}
      />
      <p className="govuk-body">
        A cost of its own applies from its date until the next one; before the first, the role's default applies. Each cost is at the prices of its own date and rises by the uplift every 1 April
        after.
      </p>
      <Table
        id="costs"
        caption="This post's own costs"
        captionSize="m"
        rows={entries}
        rowKey={(e) => e.id}
        empty="None: the post costs its role's default."
        columns={[
          { key: "from", header: "From", cell: (e) => formatDate(e.from) },
          moneyColumn<Entry>("amount", "Annual cost of 1 FTE", (e) => e.annualPence, true),
          { key: "note", header: "Note", cell: (e) => e.note ?? "" },
          ...rowActions<Entry>(canEdit, {
            changeTo: (e) => `${here}?entry=${e.id}#cost-form`,
            name: (e) => `cost from ${formatDate(e.from)}`,
            target: (e) => e,
            deleteLabel: "Remove",
          }),
        ]}
      />
      {canEdit ? (
        <EditForm
          anchor="cost-form"
          form={form.form}
          summary={form.summary}
          heading={editing ? `Change the cost from ${formatDate(editing.from)}` : "Add a cost for this post"}
          editing={editing}
          submit={editing ? "Save the change" : "Add the cost"}
          cancelTo={here}
        >
          <DateInput field={form.fields.effectiveFrom} label="Applies from" hint="Also the date of its prices: the uplift applies from the next 1 April" />
          <MoneyInput field={form.fields.amount} label="Annual cost of 1 FTE, salary plus on-costs" hint="In pounds, like £54,000. The post costs this × its FTE." />
          <TextInput field={form.fields.note} label="Note (optional)" hint="For example, the grade" width={30} />
        </EditForm>
      ) : null}
    </>
  );
}
