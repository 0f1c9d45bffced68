import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Details, Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { CsvLink, TrainingHeading, TrainingNav } from "~/components/training";
import { formatDateTime } from "~/domain/dates";
import { MAX_IMPORT_ROWS, TRAINING_IMPORT_KINDS, type TrainingImportKind } from "~/domain/training";
import { InvalidError } from "~/errors";
import { isTrainingImportKind, listTrainingImports, uploadTrainingImport } from "~/services/training/imports.server";
import { MAX_UPLOAD_BYTES, readUploadedText } from "~/uploads.server";

export const meta: MetaFunction = () => [{ title: `Import – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  // Times are formatted here, on the server, so the page the browser hydrates says the same.
  const imports = (await listTrainingImports(access.tenant)).map((i) => ({ ...i, createdAt: formatDateTime(i.createdAt) }));
  return { slug: access.authority.slug, authorityName: access.authority.name, canEdit: access.can("programme:edit"), imports, maxRows: MAX_IMPORT_ROWS, maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 };
}

/** Upload: keeps the file and shows its preview; nothing else is written until the preview is confirmed. */
export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  let kind: TrainingImportKind = "staff";
  try {
    const upload = await readUploadedText(args.request);
    const requested = upload.formData.get("kind");
    if (!isTrainingImportKind(requested)) throw new InvalidError("Choose what the file holds");
    kind = requested;
    const { id } = await uploadTrainingImport(access.tenant, kind, upload.filename, upload.text);
    return redirect(`/a/${access.authority.slug}/training/import/${id}`);
  } catch (error) {
    if (error instanceof InvalidError) return data({ kind, message: error.fieldErrors.file ?? error.message }, { status: 400 });
    throw error;
  }
}

function UploadForm({ kind, error, columns }: { kind: TrainingImportKind; error?: string; columns: string }) {
  const id = `file-${kind}`;
  return (
    <Form method="post" encType="multipart/form-data" className="app-card">
      <input type="hidden" name="kind" value={kind} />
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <h2 className="govuk-label-wrapper">
          <label className="govuk-label govuk-label--m" htmlFor={id}>
            {TRAINING_IMPORT_KINDS[kind]}: upload a CSV file
          </label>
        </h2>
        <div className="govuk-hint" id={`${id}-hint`}>
          Columns: {columns}.
        </div>
        {error ? (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <input className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`} id={id} name="file" type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Upload and preview
      </button>
    </Form>
  );
}

export default function ImportPage() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const base = `/a/${d.slug}/training`;
  return (
    <>
      <TrainingNav slug={d.slug} />
      <TrainingHeading authorityName={d.authorityName}>Import from CSV files</TrainingHeading>
      <ErrorSummary errors={failed ? [{ href: `#file-${failed.kind}`, message: failed.message }] : []} />
      <p className="govuk-body">
        Bring in the roster from your HR system and attendance from your learning system. You see a preview first, with every problem listed by line; nothing is saved until you confirm, and then either every row is saved or none is. People are matched by their
        external reference, so importing the same file again changes nothing. At most {d.maxRows.toLocaleString("en-GB")} rows and {d.maxMb} MB a file.
      </p>
      {d.canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <UploadForm kind="staff" error={failed?.kind === "staff" ? failed.message : undefined} columns="external_ref, name, discipline, team, start_date, leave_date, in_scope" />
            <p className="govuk-body">
              <CsvLink href={`${base}/export/staff-template`}>Download a staff template (CSV)</CsvLink>
            </p>
          </div>
          <div className="govuk-grid-column-one-half">
            <UploadForm kind="attendance" error={failed?.kind === "attendance" ? failed.message : undefined} columns="external_ref, course, session_date, end_date, status, mode" />
            <p className="govuk-body">
              <CsvLink href={`${base}/export/attendance-template`}>Download an attendance template (CSV)</CsvLink>
            </p>
          </div>
        </div>
      ) : null}
      <Details summary="What the columns mean">
        <h3 className="govuk-heading-s">Staff</h3>
        <ul className="govuk-list govuk-list--bullet">
          <li>external_ref (required): the HR reference, unique in the authority.</li>
          <li>name: a name, initials or pseudonym; blank keeps the recorded name (a new person is named by the reference).</li>
          <li>discipline (required): social worker, team manager, adult specialist, business support or other (the names or their keys, in any case).</li>
          <li>team: one of the authority's team names; blank means no team.</li>
          <li>start_date, leave_date: YYYY-MM-DD or DD/MM/YYYY; leave_date is the last day in post; blank means none.</li>
          <li>in_scope: yes or no (also true/false, 1/0); blank keeps the recorded value, or yes for someone new.</li>
          <li>A column left out of the file keeps what is recorded for everyone.</li>
        </ul>
        <h3 className="govuk-heading-s">Attendance</h3>
        <ul className="govuk-list govuk-list--bullet">
          <li>external_ref (required): the staff member's reference (import the staff first).</li>
          <li>course (required): the course code (mi, ws1 … ws8, or your own) or its name.</li>
          <li>session_date (required): the session's first day; the row is recorded on the course's session starting that day, which is created if there is none.</li>
          <li>end_date: the last day of a new session (MI runs over two days); an existing session keeps its own.</li>
          <li>status (required): attended, did not attend or booked.</li>
          <li>mode: in person or virtual, for a new session (in person if blank).</li>
        </ul>
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
          { key: "kind", header: "Kind", cell: (i) => TRAINING_IMPORT_KINDS[i.kind] },
          { key: "file", header: "File", cell: (i) => i.filename },
          { key: "rows", header: "Rows", cell: (i) => i.rowCount, numeric: true },
          {
            key: "status",
            header: "Result",
            cell: (i) =>
              i.status === "applied" && i.summary ? `Imported: ${i.summary.created} created, ${i.summary.updated} updated, ${i.summary.unchanged} unchanged` : <Tag colour="grey">Not imported</Tag>,
          },
        ]}
      />
    </>
  );
}
