import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { exact, FundingHeading, FundingNav, pct, pounds } from "~/components/funding";
import { DateInput, EditForm, MoneyInput, rowActions, useReplies } from "~/components/funding-forms";
import { useServerForm } from "~/components/forms";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Radios, Select, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDateInput } from "~/domain/date-input";
import { formatDate } from "~/domain/dates";
import { formatFte } from "~/domain/format";
import { COST_BASES, postCostOn } from "~/domain/funding";
import { basisPointsToText, penceToInput } from "~/domain/money";
import { ADULT_SPECIALIST_ROLES, roleLabel } from "~/domain/workforce";
import { redirectWithNotice } from "~/flash.server";
import { deleteRoleRate, saveFundingSettings, setRoleRate } from "~/services/funding/costs.server";
import { getFundingFacts } from "~/services/funding/funding-overview.server";
import { handleIntent } from "~/services/funding/intents.server";
import { readFundingQuery } from "~/services/funding/query.server";
import { schemas } from "~/schemas/routes/a.$slug.funding.costs._index.server";

export const meta: MetaFunction = () => [{ title: `Costs of adult posts – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const { asOf } = readFundingQuery(args.request, args.context.now());
  const facts = await getFundingFacts(access.tenant);
  const roles = [...new Set([...Object.keys(ADULT_SPECIALIST_ROLES), ...facts.posts.map((p) => p.role), ...facts.roleRates.map((r) => r.role)])];
  const editRole = new URL(args.request.url).searchParams.get("role");
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canEdit: access.can("funding:edit"),
    asOf,
    settings: facts.settings,
    roles: roles.map((role) => {
      const posts = facts.posts.filter((p) => p.role === role);
      return { role, label: roleLabel(role), posts: posts.length, fte: posts.reduce((s, p) => s + Math.round(p.fte * 100), 0) / 100, rate: facts.roleRates.find((r) => r.role === role) ?? null };
    }),
    editRole: editRole && roles.includes(editRole) ? editRole : null,
    posts: facts.posts.map((p) => ({ ...p, cost: postCostOn(facts, p, asOf), entries: facts.postCosts.filter((c) => c.postId === p.id).length })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "funding:edit");
  const here = `/a/${access.authority.slug}/funding/costs`;
  return handleIntent(await args.request.formData(), schemas, {
    settings: async (v) => {
      await saveFundingSettings(access.tenant, { costBasis: v.costBasis, upliftBp: v.uplift, costsFrom: v.costsFrom, version: v.version ?? null });
      return redirectWithNotice(here, "How costs are counted: saved.");
    },
    "set-rate": async (v) => {
      await setRoleRate(access.tenant, { role: v.role, annualPence: v.amount, priceBase: v.priceBase, version: v.version ?? null });
      return redirectWithNotice(`${here}#roles`, `Cost of a ${roleLabel(v.role).toLowerCase()} saved.`);
    },
    "delete-rate": async (v) => {
      await deleteRoleRate(access.tenant, v.id, v.version);
      return redirectWithNotice(`${here}#roles`, "Role cost removed.");
    },
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Costs() {
  const data = useLoaderData<typeof loader>();
  const { slug, authorityName, canEdit } = data;
  const replies = useReplies();
  return (
    <>
      <FundingHeading authorityName={authorityName}>Costs of the adult specialist posts</FundingHeading>
      <FundingNav slug={slug} current="costs" />
      <ErrorSummary errors={replies.summary(["delete-rate"], "#roles")} />
      <p className="govuk-body">
        Costs are annual costs of 1 full-time equivalent (salary plus on-costs). A post costs its own cost from the date set, or else its role's default, × its FTE. The posts themselves are
        managed under Workforce: a change there (a new post, a different FTE, an end date) flows through here.
      </p>
      {canEdit ? <SettingsForm data={data} /> : <SettingsSummary data={data} />}
      <Roles data={data} />
      <Posts data={data} />
    </>
  );
}

function SettingsSummary({ data }: { data: Data }) {
  const s = data.settings;
  return (
    <>
      <h2 className="govuk-heading-m">How costs are counted</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>{COST_BASES[s.costBasis]}.</li>
        <li>Costs rise by {pct(s.upliftBp)} on each 1 April.</li>
        <li>Costs count from {s.costsFrom ? formatDate(s.costsFrom) : "the start of the earliest funding stream that pays towards them"}.</li>
      </ul>
    </>
  );
}

function SettingsForm({ data }: { data: Data }) {
  const s = data.settings;
  const replies = useReplies();
  const form = useServerForm({
    id: `settings-${s.version ?? "new"}`,
    lastResult: replies.for(["settings"]),
    defaultValue: { costBasis: s.costBasis, uplift: basisPointsToText(s.upliftBp), costsFrom: formatDateInput(s.costsFrom) },
  });
  return (
    <EditForm anchor="settings" form={form.form} summary={form.summary} heading="How costs are counted" intent="settings" editing={{ version: s.version }} submit="Save">
      <Radios
        field={form.fields.costBasis}
        legend="Cost basis"
        legendSize="s"
        options={[
          { value: "establishment", label: "Establishment cost", hint: "Every established adult specialist post costs its full annual cost, filled or vacant: what the authority has committed to." },
          { value: "in-post", label: "Actual in-post cost", hint: "A post costs in proportion to the FTE filled, day by day, from its appointments: vacancies cost nothing." },
        ]}
      />
      <TextInput field={form.fields.uplift} label="Yearly uplift (%)" hint="Pay awards apply from April: costs rise by this on each 1 April after the date of their prices, compounded. For example, 2.5" width={4} inputMode="decimal" />
      <DateInput field={form.fields.costsFrom} label="Count costs from (optional)" hint="Leave empty to count from the start of the earliest funding stream that pays towards adult worker costs (usually go-live)" />
    </EditForm>
  );
}

type Role = Data["roles"][number];

function Roles({ data }: { data: Data }) {
  const { roles, canEdit, editRole, slug } = data;
  const replies = useReplies();
  const editing = roles.find((r) => r.role === editRole) ?? null;
  const form = useServerForm<{ role: string; amount: string; priceBase: string }>({
    id: editing ? `rate-${editing.role}-${editing.rate?.version ?? "new"}` : `add-rate-${roles.filter((r) => r.rate).length}`,
    lastResult: replies.for(["set-rate"]),
    defaultValue: editing?.rate ? { role: editing.role, amount: penceToInput(editing.rate.annualPence), priceBase: formatDateInput(editing.rate.from) } : editing ? { role: editing.role } : undefined,
  });
  const here = `/a/${slug}/funding/costs`;
  return (
    <>
      <Table
        id="roles"
        caption="Default cost of each role"
        captionSize="m"
        rows={roles}
        rowKey={(r) => r.role}
        columns={[
          { key: "role", header: "Role", cell: (r) => r.label },
          { key: "posts", header: "Adult posts", numeric: true, cell: (r) => `${r.posts} (${formatFte(r.fte)} FTE)` },
          { key: "rate", header: "Annual cost of 1 FTE", numeric: true, cell: (r) => (r.rate ? exact(r.rate.annualPence) : "Not set") },
          { key: "base", header: "At the prices of", cell: (r) => (r.rate ? formatDate(r.rate.from) : "–") },
          ...rowActions<Role>(canEdit, {
            changeTo: (r) => `${here}?role=${encodeURIComponent(r.role)}#rate-form`,
            name: (r) => `cost of ${r.label.toLowerCase()}`,
            target: (r) => r.rate,
            deleteIntent: "delete-rate",
            deleteLabel: "Remove",
          }),
        ]}
      />
      {canEdit ? (
        <EditForm
          anchor="rate-form"
          form={form.form}
          summary={form.summary}
          small
          heading={editing ? `Cost of a ${editing.label.toLowerCase()}` : "Set the cost of a role"}
          intent="set-rate"
          editing={editing?.rate}
          submit="Save the role's cost"
          cancelTo={`${here}#roles`}
        >
          {editing ? (
            <input type="hidden" name="role" value={editing.role} />
          ) : (
            <Select field={form.fields.role} label="Role" options={roles.filter((r) => !r.rate).map((r) => ({ value: r.role, label: r.label }))} placeholder="Choose a role" />
          )}
          <MoneyInput field={form.fields.amount} label="Annual cost of 1 FTE, salary plus on-costs" hint="In pounds, like £52,000" />
          <DateInput field={form.fields.priceBase} label="At the prices of" hint="A date in the financial year these prices are for: the uplift applies from the next 1 April" />
        </EditForm>
      ) : null}
    </>
  );
}

function Posts({ data }: { data: Data }) {
  const { posts, slug, asOf } = data;
  return (
    <Table
      id="posts"
      caption={`Adult specialist posts: cost at ${formatDate(asOf)} prices`}
      captionSize="m"
      rows={posts}
      rowKey={(p) => p.id}
      empty="No adult specialist posts are recorded under Workforce yet."
      columns={[
        {
          key: "post",
          header: "Post",
          cell: (p) => (
            <Link className="govuk-link" to={`/a/${slug}/funding/costs/${p.id}`}>
              {p.reference ?? p.title ?? "Post"}
            </Link>
          ),
        },
        { key: "role", header: "Role", cell: (p) => p.title ?? roleLabel(p.role) },
        { key: "team", header: "Team", cell: (p) => p.teamName ?? "–" },
        { key: "fte", header: "FTE", numeric: true, cell: (p) => formatFte(p.fte) },
        { key: "dates", header: "Established", cell: (p) => `${formatDate(p.establishedOn, "From the start")}${p.disestablishedOn ? ` to ${formatDate(p.disestablishedOn)}` : ""}` },
        { key: "perFte", header: "Cost of 1 FTE", numeric: true, cell: (p) => (p.cost.perFtePence === null ? "Not set" : exact(p.cost.perFtePence)) },
        { key: "source", header: "From", cell: (p) => (p.cost.source === "post" ? "This post" : p.cost.source === "role" ? "Role default" : "–") },
        { key: "annual", header: "Annual cost of the post", numeric: true, cell: (p) => (p.cost.annualPence === null ? "Not set" : pounds(p.cost.annualPence)) },
      ]}
    />
  );
}
