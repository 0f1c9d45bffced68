import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { FundingHeading, FundingNav, moneyColumn } from "~/components/funding";
import { EditForm, MoneyInput, rowActions, useReplies } from "~/components/funding-forms";
import { useServerForm } from "~/components/forms";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Radios, Textarea, TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { financialYear as fyOf } from "~/domain/dates";
import { REPORTED_MEASURES } from "~/domain/funding";
import { penceToInput } from "~/domain/money";
import { redirectWithNotice } from "~/flash.server";
import { createReported, deleteReported, updateReported } from "~/services/funding/contributions.server";
import { options } from "~/components/funding-forms";
import { getFundingFacts } from "~/services/funding/funding-overview.server";
import { handleIntent } from "~/services/funding/intents.server";
import { schemas, toInput } from "~/schemas/routes/a.$slug.funding.reported.server";

export const meta: MetaFunction = () => [{ title: `Reported figures – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const facts = await getFundingFacts(access.tenant);
  const editId = new URL(args.request.url).searchParams.get("edit");
  return {
    slug: access.authority.slug,
    authorityName: access.authority.name,
    canEdit: access.can("funding:edit"),
    reported: facts.reported,
    editing: facts.reported.find((r) => r.id === editId) ?? null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "funding:edit");
  const here = `/a/${access.authority.slug}/funding/reported`;
  return handleIntent(await args.request.formData(), schemas, {
    add: async (v) => {
      await createReported(access.tenant, toInput(v));
      return redirectWithNotice(here, `Reported ${v.measure} for ${fyOf(v.financialYear).label} added.`);
    },
    update: async (v) => {
      await updateReported(access.tenant, v.id, v.version, toInput(v));
      return redirectWithNotice(here, `Reported ${v.measure} for ${fyOf(v.financialYear).label} changed.`);
    },
    delete: async (v) => {
      await deleteReported(access.tenant, v.id, v.version);
      return redirectWithNotice(here, "Reported figure deleted.");
    },
  });
}

type Figure = ReturnType<typeof useLoaderData<typeof loader>>["reported"][number];

export default function ReportedFigures() {
  const { slug, authorityName, canEdit, reported, editing } = useLoaderData<typeof loader>();
  const replies = useReplies();
  const here = `/a/${slug}/funding/reported`;
  const form = useServerForm<{ financialYear: string; measure: string; amount: string; source: string }>({
    id: editing ? `reported-${editing.id}-${editing.version}` : `add-reported-${reported.length}`,
    lastResult: replies.for(editing ? ["update"] : ["add"]),
    defaultValue: editing
      ? { financialYear: fyOf(editing.financialYear).label, measure: editing.measure, amount: penceToInput(editing.amountPence), source: editing.source ?? "" }
      : { measure: "shortfall" },
  });
  return (
    <>
      <FundingHeading authorityName={authorityName}>Reported figures</FundingHeading>
      <FundingNav slug={slug} current="reported" />
      <ErrorSummary errors={replies.summary(["delete"], "#reported")} />
      <p className="govuk-body">
        Figures from the authority's own reports (for example a committee report's shortfall by financial year), kept for reference. The overview shows each beside the figure this service computes
        and the difference between them: the report's assumptions are not known here, so the two need not match.
      </p>
      <Table
        id="reported"
        caption="Reported figures"
        captionSize="m"
        rows={reported}
        rowKey={(r) => r.id}
        empty="No reported figures are recorded."
        columns={[
          { key: "year", header: "Financial year", cell: (r) => fyOf(r.financialYear).label },
          { key: "measure", header: "Figure", cell: (r) => REPORTED_MEASURES[r.measure] },
          moneyColumn<Figure>("amount", "Amount", (r) => r.amountPence, true),
          { key: "source", header: "Source", cell: (r) => r.source ?? "" },
          ...rowActions<Figure>(canEdit, {
            changeTo: (r) => `${here}?edit=${r.id}#reported-form`,
            name: (r) => `${r.measure} ${fyOf(r.financialYear).label}`,
            target: (r) => r,
          }),
        ]}
      />
      {canEdit ? (
        <EditForm
          anchor="reported-form"
          form={form.form}
          summary={form.summary}
          heading={editing ? "Change the reported figure" : "Record a reported figure"}
          editing={editing}
          submit={editing ? "Save the change" : "Record the figure"}
          cancelTo={here}
        >
          <TextInput field={form.fields.financialYear} label="Financial year" hint="April to March, like 2021-22" width={10} spellCheck={false} />
          <Radios field={form.fields.measure} legend="Which figure" legendSize="s" inline options={options(REPORTED_MEASURES)} />
          <MoneyInput field={form.fields.amount} label="Amount reported" hint="In pounds, like £77,786" />
          <Textarea field={form.fields.source} label="Source (optional)" hint="Which report, its date and page" rows={2} />
        </EditForm>
      ) : null}
    </>
  );
}
