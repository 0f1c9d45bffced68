import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { BackLink, InsetText, Tag } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { ImportIssues, ImportSummary } from "~/components/import-preview";
import { TrainingHeading, TrainingNav } from "~/components/training";
import { formatDateTime } from "~/domain/dates";
import { TRAINING_IMPORT_KINDS } from "~/domain/training";
import { InvalidError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { idParam, orHttpError } from "~/services/training/http.server";
import { applyTrainingImport, previewTrainingImport } from "~/services/training/imports.server";

export const meta: MetaFunction = () => [{ title: `Import preview – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const preview = await orHttpError(previewTrainingImport(access.tenant, idParam(args.params, "batchId")));
  // Times are formatted here, on the server, so the page the browser hydrates says the same.
  return { slug: access.authority.slug, authorityName: access.authority.name, canEdit: access.can("programme:edit"), preview: { ...preview, createdAt: formatDateTime(preview.createdAt), appliedAt: preview.appliedAt ? formatDateTime(preview.appliedAt) : null } };
}

/** Confirm: checks the file again and applies every row in one transaction, or none. */
export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = idParam(args.params, "batchId");
  const form = await args.request.formData();
  if (form.get("intent") !== "confirm") return data({ message: "Choose what to do" }, { status: 400 });
  try {
    const { kind, summary } = await applyTrainingImport(access.tenant, id);
    const what = kind === "staff" ? "people" : "attendance records";
    return redirectWithNotice(`/a/${access.authority.slug}/training/import/${id}`, `Imported: ${summary.created} ${what} created, ${summary.updated} updated, ${summary.unchanged} unchanged.`);
  } catch (error) {
    if (error instanceof InvalidError) return data({ message: error.message }, { status: 422 });
    return orHttpError(Promise.reject(error));
  }
}

const ACTION_TAGS = { create: <Tag colour="green">New</Tag>, update: <Tag colour="blue">Changed</Tag>, unchanged: <Tag colour="grey">No change</Tag> };

export default function ImportPreviewPage() {
  const { slug, authorityName, canEdit, preview: p } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const base = `/a/${slug}/training`;
  const noun = p.kind === "staff" ? "people" : "attendance records";
  const counts = [
    { label: `New ${noun}`, value: p.summary.created ?? 0 },
    { label: `Changed ${noun}`, value: p.summary.updated ?? 0 },
    { label: "Unchanged", value: p.summary.unchanged ?? 0 },
    ...(p.kind === "attendance" ? [{ label: "New sessions", value: p.summary.sessionsCreated ?? 0 }] : []),
  ];
  return (
    <>
      <TrainingNav slug={slug} />
      <BackLink to={`${base}/import`}>Import</BackLink>
      <TrainingHeading authorityName={authorityName} caption={`${TRAINING_IMPORT_KINDS[p.kind]} import`}>
        {p.status === "applied" ? "Imported" : "Check the import"}: {p.filename}
      </TrainingHeading>
      <ErrorSummary errors={failed ? [{ href: "#confirm", message: failed.message }] : []} />
      <p className="govuk-body">
        {p.rowCount} {p.rowCount === 1 ? "row" : "rows"}, uploaded {p.createdAt}
        {p.appliedAt ? `, imported ${p.appliedAt}` : ""}.
      </p>
      {p.status === "applied" ? (
        <>
          <ImportSummary counts={counts} />
          <p className="govuk-body">
            <Link className="govuk-link" to={p.kind === "staff" ? `${base}/staff` : base}>
              {p.kind === "staff" ? "See the staff roster" : "See the training figures"}
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
            {counts[0].value + counts[1].value + (p.summary.sessionsCreated ?? 0) === 0 ? <p className="govuk-body">Everything in this file is already recorded: importing it changes nothing.</p> : null}
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
              { key: "ref", header: "Reference", cell: (r) => r.externalRef },
              { key: "what", header: "Record", cell: (r) => r.description },
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
