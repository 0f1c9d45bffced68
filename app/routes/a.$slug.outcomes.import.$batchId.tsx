import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { BackLink, InsetText, Tag } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { ImportIssues, ImportSummary } from "~/components/import-preview";
import { OutcomesHeading } from "~/components/outcomes";
import { formatDateTime } from "~/domain/dates";
import { InvalidError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { applyOutcomesImport, previewOutcomesImport } from "~/services/outcomes/imports.server";
import { idParam, orHttpError } from "~/services/training/http.server";

export const meta: MetaFunction = () => [{ title: `Import preview – Outcomes – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const preview = await orHttpError(previewOutcomesImport(access.tenant, idParam(args.params, "batchId")));
  // Times are formatted here, on the server, so the page the browser hydrates says the same.
  return {
    slug: access.authority.slug,
    name: access.authority.name,
    canEdit: access.can("programme:edit"),
    preview: { ...preview, createdAt: formatDateTime(preview.createdAt), appliedAt: preview.appliedAt ? formatDateTime(preview.appliedAt) : null },
  };
}

/** Confirm: checks the file again and applies every row in one transaction, or none. */
export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = idParam(args.params, "batchId");
  const form = await args.request.formData();
  if (form.get("intent") !== "confirm") return data({ message: "Choose what to do" }, { status: 400 });
  try {
    const { summary } = await applyOutcomesImport(access.tenant, id);
    return redirectWithNotice(`/a/${access.authority.slug}/outcomes/import/${id}`, `Imported: ${summary.created} figures created, ${summary.updated} updated, ${summary.unchanged} unchanged.`);
  } catch (error) {
    if (error instanceof InvalidError) return data({ message: error.message }, { status: 422 });
    return orHttpError(Promise.reject(error));
  }
}

const ACTION_TAGS = { create: <Tag colour="green">New</Tag>, update: <Tag colour="blue">Changed</Tag>, unchanged: <Tag colour="grey">No change</Tag> };

export default function OutcomesImportPreview() {
  const { slug, name, canEdit, preview: p } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const base = `/a/${slug}/outcomes`;
  const counts = [
    { label: "New figures", value: p.summary.created ?? 0 },
    { label: "Changed figures", value: p.summary.updated ?? 0 },
    { label: "Unchanged", value: p.summary.unchanged ?? 0 },
  ];
  return (
    <>
      <BackLink to={`${base}/import`}>Import</BackLink>
      <OutcomesHeading authorityName={name} caption="Outcomes import">
        {p.status === "applied" ? "Imported" : "Check the import"}: {p.filename}
      </OutcomesHeading>
      <ErrorSummary errors={failed ? [{ href: "#confirm", message: failed.message }] : []} />
      <p className="govuk-body">
        {p.rowCount} {p.rowCount === 1 ? "row" : "rows"}, uploaded {p.createdAt}
        {p.appliedAt ? `, imported ${p.appliedAt}` : ""}.
      </p>
      {p.status === "applied" ? (
        <>
          <ImportSummary counts={counts} />
          <p className="govuk-body">
            <Link className="govuk-link" to={base}>
              See the scorecard
            </Link>
          </p>
        </>
      ) : p.issues.length > 0 ? (
        <>
          <ImportIssues issues={p.issues} />
          <InsetText>
            Correct the file and <Link className="govuk-link" to={`${base}/import`}>upload it again</Link>.
          </InsetText>
        </>
      ) : (
        <>
          <ImportSummary counts={counts}>
            {counts[0].value + counts[1].value === 0 ? <p className="govuk-body">Everything in this file is already recorded: importing it changes nothing.</p> : null}
          </ImportSummary>
          <Table
            id="import-sample"
            caption={p.rowCount > p.sample.length ? `The first ${p.sample.length} rows` : "The rows"}
            captionSize="s"
            rows={p.sample}
            rowKey={(r) => String(r.line)}
            columns={[
              { key: "line", header: "Line", cell: (r) => r.line, numeric: true },
              { key: "action", header: "Change", cell: (r) => ACTION_TAGS[r.action] },
              { key: "indicator", header: "Indicator", cell: (r) => r.indicator },
              { key: "what", header: "Figure", cell: (r) => r.description },
            ]}
          />
          {canEdit ? (
            <Form method="post" id="confirm">
              <input type="hidden" name="intent" value="confirm" />
              <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
                Confirm and import
              </button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}
