import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireMembership } from "~/auth/guards.server";
import { FundingHeading, FundingNav, moneyColumn } from "~/components/funding";
import { EditForm, MoneyInput, rowActions, useReplies } from "~/components/funding-forms";
import { useServerForm } from "~/components/forms";
import { Tag } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Checkbox, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { financialYear as fyOf } from "~/domain/dates";
import { CONTRIBUTION_STATUSES } from "~/domain/funding";
import { penceToInput } from "~/domain/money";
import { redirectWithNotice } from "~/flash.server";
import { createContribution, deleteContribution, updateContribution, type ContributionInput } from "~/services/funding/contributions.server";
import { options } from "~/components/funding-forms";
import { getFundingFacts } from "~/services/funding/funding-overview.server";
import { handleIntent } from "~/services/funding/intents.server";
import { fields, schemas } from "~/schemas/routes/a.$slug.funding.contributions.server";

export const meta: MetaFunction = () => [{ title: `Partner contributions – ${SERVICE_NAME}` }];

const SECTORS = { council: "Council", health: "Health", police: "Police", probation: "Probation", voluntary: "Voluntary sector", education: "Education", other: "Other" };

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const facts = await getFundingFacts(access.tenant);
  const editId = new URL(args.request.url).searchParams.get("edit");
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canEdit: access.can("funding:edit"),
    contributions: facts.contributions,
    organisations: facts.organisations,
    editing: facts.contributions.find((c) => c.id === editId) ?? null,
  };
}

function toInput(v: z.output<typeof fields>): ContributionInput {
  return {
    organisationId: v.organisationId ?? null,
    newOrganisation: v.newOrganisation ? { name: v.newOrganisation, sector: v.newSector ?? "other" } : null,
    financialYear: v.financialYear,
    amountPence: v.amount,
    status: v.status,
    recurrent: v.recurrent,
    note: v.note,
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "funding:edit");
  const here = `/a/${access.authority.slug}/funding/contributions`;
  return handleIntent(await args.request.formData(), schemas, {
    add: async (v) => {
      await createContribution(access.tenant, toInput(v));
      return redirectWithNotice(here, `Contribution for ${fyOf(v.financialYear).label} added.`);
    },
    update: async (v) => {
      await updateContribution(access.tenant, v.id, v.version, toInput(v));
      return redirectWithNotice(here, `Contribution for ${fyOf(v.financialYear).label} changed.`);
    },
    delete: async (v) => {
      await deleteContribution(access.tenant, v.id, v.version);
      return redirectWithNotice(here, "Contribution deleted.");
    },
  });
}

type Contribution = ReturnType<typeof useLoaderData<typeof loader>>["contributions"][number];
const STATUS_COLOURS = { proposed: "yellow", agreed: "blue", received: "green" } as const;

export default function Contributions() {
  const { slug, authorityName, canEdit, contributions, organisations, editing } = useLoaderData<typeof loader>();
  const replies = useReplies();
  const here = `/a/${slug}/funding/contributions`;
  const form = useServerForm<{ organisationId: string; newOrganisation: string; newSector: string; financialYear: string; amount: string; status: string; recurrent: string; note: string }>({
    id: editing ? `contribution-${editing.id}-${editing.version}` : `add-contribution-${contributions.length}`,
    lastResult: replies.for(editing ? ["update"] : ["add"]),
    defaultValue: editing
      ? {
          organisationId: editing.organisationId,
          financialYear: fyOf(editing.financialYear).label,
          amount: penceToInput(editing.amountPence),
          status: editing.status,
          recurrent: editing.recurrent ? "yes" : "",
          note: editing.note ?? "",
        }
      : { status: "proposed" },
  });
  return (
    <>
      <FundingHeading authorityName={authorityName}>Partner contributions</FundingHeading>
      <FundingNav slug={slug} current="contributions" />
      <ErrorSummary errors={replies.summary(["delete"], "#contributions")} />
      <p className="govuk-body">
        What the council and its partners put towards the shortfall, by financial year. Agreed and received contributions reduce the remaining gap; proposed ones show what is still being asked
        for. A recurrent contribution counts again, at the same amount, in every later year.
      </p>
      <Table
        id="contributions"
        caption="Contributions"
        captionSize="m"
        rows={contributions}
        rowKey={(c) => c.id}
        empty="No contributions are recorded yet."
        columns={[
          { key: "year", header: "Financial year", cell: (c) => fyOf(c.financialYear).label },
          { key: "partner", header: "Partner", cell: (c) => c.organisationName },
          moneyColumn<Contribution>("amount", "Amount", (c) => c.amountPence, true),
          { key: "status", header: "Status", cell: (c) => <Tag colour={STATUS_COLOURS[c.status]}>{CONTRIBUTION_STATUSES[c.status]}</Tag> },
          { key: "recurrent", header: "Recurrent", cell: (c) => (c.recurrent ? "Yes, every year from then" : "One-off") },
          { key: "note", header: "Note", cell: (c) => c.note ?? "" },
          ...rowActions<Contribution>(canEdit, {
            changeTo: (c) => `${here}?edit=${c.id}#contribution-form`,
            name: (c) => `${c.organisationName} ${fyOf(c.financialYear).label}`,
            target: (c) => c,
          }),
        ]}
      />
      {canEdit ? (
        <EditForm
          anchor="contribution-form"
          form={form.form}
          summary={form.summary}
          heading={editing ? "Change the contribution" : "Add a contribution"}
          editing={editing}
          submit={editing ? "Save the change" : "Add the contribution"}
          cancelTo={here}
        >
          <Select field={form.fields.organisationId} label="Partner" options={organisations.map((o) => ({ value: o.id, label: o.name }))} placeholder="Choose a partner" />
          <TextInput field={form.fields.newOrganisation} label="Or a partner not in the list (optional)" hint="It is added to the authority's organisations" width={30} />
          <Select field={form.fields.newSector} label="The new partner's sector" options={options(SECTORS)} placeholder="Choose a sector" />
          <TextInput field={form.fields.financialYear} label="Financial year" hint="April to March, like 2024-25" width={10} spellCheck={false} />
          <MoneyInput field={form.fields.amount} label="Amount" hint="In pounds, like £150,000" />
          <Radios field={form.fields.status} legend="Status" legendSize="s" inline options={options(CONTRIBUTION_STATUSES)} />
          <Checkbox field={form.fields.recurrent} value="yes" label="Recurrent: it continues in every later year" />
          <Textarea field={form.fields.note} label="Note (optional)" rows={2} />
        </EditForm>
      ) : null}
    </>
  );
}
