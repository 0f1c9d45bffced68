import type { SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { Textarea } from "~/components/govuk/fields";
import { WarningText } from "~/components/govuk/content";
import { Table } from "~/components/govuk/table";
import { formatDate, formatDateTime } from "~/domain/dates";
import { formatFigure, narrativeParagraphs, NARRATIVE_MAX, type FigureValue, type Narrative, type Report, type ReportSection } from "~/domain/reports";

/**
 * A report on screen and on paper, from the assembled model (the same one the .docx and the CSV
 * are made from). Each section: heading, summary, the narrative (or its form for editors), the
 * figures, tables, notes and where the figures come from.
 */
export function ReportView({ report, narrative, actions }: { report: Report; narrative: (s: ReportSection) => ReactNode; actions?: ReactNode }) {
  return (
    <article className="app-report">
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{report.authorityName}</span>
        {report.title}
      </h1>
      <p className="govuk-body-l govuk-!-margin-bottom-2">{report.subtitle}</p>
      <p className="govuk-body" id="report-as-of">
        <strong>Figures as of {formatDate(report.asOf)}.</strong>
      </p>
      {report.provisional ? <WarningText>The period is still running: the figures are as of today and will change.</WarningText> : null}
      {actions}
      <nav className="app-no-print" aria-label="Sections of the report">
        <h2 className="govuk-heading-s">Contents</h2>
        <ol className="govuk-list govuk-list--number">
          {report.sections.map((s) => (
            <li key={s.key}>
              <a className="govuk-link" href={`#${s.key}`}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {report.sections.map((s) => (
        <section key={s.key} id={s.key} className="app-report-section" aria-labelledby={`${s.key}-heading`}>
          <h2 className="govuk-heading-l" id={`${s.key}-heading`}>
            {s.title}
          </h2>
          <p className="govuk-body">{s.summary}</p>
          {narrative(s)}
          {s.figures.length ? (
            <Table
              caption="Figures"
              captionSize="s"
              columns={[
                { key: "measure", header: "Measure", cell: (f) => f.measure },
                { key: "value", header: "Value", cell: (f) => <FigureCell value={f.value} />, numeric: true },
              ]}
              rows={s.figures}
              rowKey={(f) => f.measure}
            />
          ) : null}
          {s.tables.map((t) => (
            <Table
              key={t.key}
              id={`${s.key}-${t.key}`}
              caption={t.caption}
              captionSize="s"
              columns={t.columns.map((c, i) => ({ key: String(i), header: c.header, numeric: c.numeric, cell: (r: (typeof t.rows)[number]) => <FigureCell value={r.cells[i]} /> }))}
              rows={t.rows}
              rowKey={(r) => r.key}
              empty={t.empty}
            />
          ))}
          {s.notes.map((n) => (
            <p key={n} className="govuk-body-s">
              {n}
            </p>
          ))}
          {s.sources.map((src) => (
            <p key={src.href} className="govuk-body-s app-report-source">
              <strong>Source:</strong>{" "}
              <Link className="govuk-link" to={src.href}>
                {src.label}
              </Link>
              , as of {formatDate(src.asOf)}
              <span className="app-print-only">{` (${src.href})`}</span>
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}

function FigureCell({ value }: { value: FigureValue }) {
  const text = formatFigure(value);
  if (value.kind === "text" && value.href)
    return (
      <Link className="govuk-link" to={value.href}>
        {text}
      </Link>
    );
  return value.kind === "met" ? <strong>{text}</strong> : <>{text}</>;
}

/** The saved text of a section, as paragraphs. */
export function NarrativeText({ narrative, className }: { narrative: Narrative | null; className?: string }) {
  const paragraphs = narrativeParagraphs(narrative?.body);
  if (!paragraphs.length) return null;
  return (
    <div className={`app-narrative${className ? ` ${className}` : ""}`}>
      {paragraphs.map((lines, i) => (
        <p className="govuk-body" key={i}>
          {lines.map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
      <p className="govuk-body-s app-narrative__meta">
        Text last changed {formatDateTime(narrative!.updatedAt)}
        {narrative!.updatedBy ? ` by ${narrative!.updatedBy}` : ""}.
      </p>
    </div>
  );
}

/** What a person without `programme:edit` sees: the text, or a line saying there is none. */
export function ReadOnlyNarrative({ section }: { section: ReportSection }) {
  if (!narrativeParagraphs(section.narrative?.body).length)
    return <p className="govuk-body-s app-no-print app-narrative--none">No commentary has been written for this section.</p>;
  return <NarrativeText narrative={section.narrative} />;
}

type Reply = SubmissionResult<string[]>;

/** The section the action's reply is for (each section has its own form). */
export function replyFor(lastResult: unknown, key: string): Reply | null {
  const r = lastResult as Reply | undefined;
  const section = (r?.initialValue as Record<string, unknown> | undefined)?.section;
  return r && section === key ? r : null;
}

/**
 * The text of a section for editors: printed as paragraphs, edited in a form on screen. After a
 * conflict the form keeps what the person typed and the text saved meanwhile is shown above it.
 */
export function NarrativeEditor({ section, lastResult, hidden }: { section: ReportSection; lastResult: Reply | null; hidden?: Record<string, string> }) {
  const current = section.narrative;
  const { form, fields, summary } = useServerForm<{ section: string; version: string; body: string }>({
    id: `narrative-${section.key}`,
    lastResult,
    defaultValue: { body: current?.body ?? "" },
  });
  const submittedVersion = Number((lastResult?.initialValue as Record<string, unknown> | undefined)?.version ?? NaN);
  const changedMeanwhile = lastResult !== null && Number.isFinite(submittedVersion) && submittedVersion !== (current?.version ?? 0);
  return (
    <>
      <NarrativeText narrative={current} className="app-print-only" />
      <div className="app-no-print app-narrative-editor">
        {changedMeanwhile ? (
          <div className="govuk-inset-text" id={`narrative-${section.key}-theirs`}>
            <h3 className="govuk-heading-s">The text saved meanwhile</h3>
            {current ? <NarrativeText narrative={current} /> : <p className="govuk-body">The text was removed.</p>}
          </div>
        ) : null}
        <AppForm form={form} summary={summary}>
          <input type="hidden" name="section" value={section.key} />
          <input type="hidden" name="version" value={current?.version ?? 0} />
          {Object.entries(hidden ?? {}).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <Textarea
            field={fields.body}
            label={`Commentary: ${section.title}`}
            labelSize="s"
            hint={`Paragraphs separated by a blank line. Up to ${NARRATIVE_MAX.toLocaleString("en-GB")} characters.${current ? ` Last changed ${formatDateTime(current.updatedAt)}${current.updatedBy ? ` by ${current.updatedBy}` : ""}.` : ""}`}
            rows={6}
          />
          <SubmitButton secondary>
            Save the commentary<span className="govuk-visually-hidden"> on {section.title.toLowerCase()}</span>
          </SubmitButton>
        </AppForm>
      </div>
    </>
  );
}
