import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { BackLink, Details, Tag } from "~/components/govuk/content";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { OutcomesHeading } from "~/components/outcomes";
import { formatDateTime } from "~/domain/dates";
import { MAX_OUTCOMES_IMPORT_ROWS } from "~/domain/outcomes";
import { InvalidError } from "~/errors";
import { listIndicatorKeys } from "~/services/outcomes/indicators.server";
import { listOutcomesImports, uploadOutcomesImport } from "~/services/outcomes/imports.server";
import { MAX_UPLOAD_BYTES, readUploadedText } from "~/uploads.server";

export const meta: MetaFunction = () => [{ title: `Import figures – Outcomes – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  // Times are formatted here, on the server, so the page the browser hydrates says the same.
  const [imports, indicators] = await Promise.all([listOutcomesImports(access.tenant), listIndicatorKeys(access.tenant)]);
  return {
    slug: access.authority.slug,
    name: access.authority.name,
    canEdit: access.can("programme:edit"),
    imports: imports.map((i) => ({ ...i, createdAt: formatDateTime(i.createdAt) })),
    indicators,
    maxRows: MAX_OUTCOMES_IMPORT_ROWS,
    maxMb: MAX_UPLOAD_BYTES / 1024 / 1024,
  };
}

/** Upload: keeps the file and shows its preview; nothing else is written until the preview is confirmed. */
export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  try {
    const upload = await readUploadedText(args.request);
    const { id } = await uploadOutcomesImport(access.tenant, upload.filename, upload.text);
    return redirect(`/a/${access.authority.slug}/outcomes/import/${id}`);
  } catch (error) {
    if (error instanceof InvalidError) return data({ message: error.fieldErrors.file ?? error.message }, { status: 400 });
    throw error;
  }
}

export default function OutcomesImport() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const base = `/a/${d.slug}/outcomes`;
  const id = "file";
  return (
    <>
      <BackLink to={base}>Outcomes scorecard</BackLink>
      <OutcomesHeading authorityName={d.name} caption="Outcomes">
        Import figures from a CSV file
      </OutcomesHeading>
      <ErrorSummary errors={failed ? [{ href: `#${id}`, message: failed.message }] : []} />
      <p className="govuk-body">
        You see a preview first, with every problem listed by line; nothing is saved until you confirm, and then either every row is saved or none is. A figure for a date or period already recorded is updated, so importing the same
        file again changes nothing. At most {d.maxRows.toLocaleString("en-GB")} rows and {d.maxMb} MB a file.
      </p>
      {d.canEdit ? (
        <Form method="post" encType="multipart/form-data" className="app-card">
          <div className={`govuk-form-group${failed ? " govuk-form-group--error" : ""}`}>
            <h2 className="govuk-label-wrapper">
              <label className="govuk-label govuk-label--m" htmlFor={id}>
                Upload a CSV file
              </label>
            </h2>
            <div className="govuk-hint" id={`${id}-hint`}>
              Columns: indicator, date (or period_start and period_end), value, source, notes.
            </div>
            {failed ? (
              <p className="govuk-error-message" id={`${id}-error`}>
                <span className="govuk-visually-hidden">Error:</span> {failed.message}
              </p>
            ) : null}
            <input className={`govuk-file-upload${failed ? " govuk-file-upload--error" : ""}`} id={id} name="file" type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint${failed ? ` ${id}-error` : ""}`} />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary">
            Upload and preview
          </button>
        </Form>
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href={`${base}/export?template=1`} download>
          Download a template (CSV)
        </a>
        {" · "}
        <a className="govuk-link" href={`${base}/export`} download>
          Download the figures recorded (CSV), in the same columns
        </a>
      </p>
      <Details summary="What the columns mean">
        <ul className="govuk-list govuk-list--bullet">
          <li>indicator (required): the indicator&apos;s key or its name, in any case (see the list below).</li>
          <li>date: for an indicator counted at a date, the date (YYYY-MM-DD or DD/MM/YYYY). period_end is read instead if date is left out, as the export writes it.</li>
          <li>period_start and period_end: for an indicator counted over a period, its first and last days.</li>
          <li>value (required): the figure, 0 or more; a count is a whole number, a percentage at most 100.</li>
          <li>source, notes: where the figure comes from; a column left out of the file keeps what is recorded.</li>
        </ul>
        <Table
          caption="Indicators"
          captionSize="s"
          rows={d.indicators}
          rowKey={(i) => i.id}
          columns={[
            { key: "key", header: "Key (or use the name)", cell: (i) => i.key ?? "–" },
            { key: "name", header: "Name", cell: (i) => i.name },
            { key: "type", header: "Counted", cell: (i) => (i.periodType === "snapshot" ? "At a date" : "Over a period") },
          ]}
        />
      </Details>
      <Table
        id="imports"
        caption="Recent imports"
        captionSize="s"
        rows={d.imports}
        rowKey={(i) => i.id}
        empty="No imports yet."
        columns={[
          { key: "when", header: "Uploaded", cell: (i) => <Link className="govuk-link" to={`${base}/import/${i.id}`}>{i.createdAt}</Link> },
          { key: "file", header: "File", cell: (i) => i.filename },
          { key: "rows", header: "Rows", cell: (i) => i.rowCount, numeric: true },
          {
            key: "status",
            header: "Result",
            cell: (i) => (i.status === "applied" && i.summary ? `Imported: ${i.summary.created} created, ${i.summary.updated} updated, ${i.summary.unchanged} unchanged` : <Tag colour="grey">Not imported</Tag>),
          },
        ]}
      />
    </>
  );
}
