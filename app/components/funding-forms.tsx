import type { SubmissionResult } from "@conform-to/react";
import { Form, Link, useActionData } from "@remix-run/react";
import type { ComponentProps, ReactNode } from "react";
import { AppForm, SubmitButton } from "./forms";
import type { SummaryError } from "./govuk/error-summary";
import { TextInput } from "./govuk/fields";
import type { Column } from "./govuk/table";

/** Options for a form's Select or Radios from a label map. */
export function options(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

type Reply = SubmissionResult<string[]> & { initialValue?: Record<string, unknown> | null };

/**
 * The funding pages have several forms each. The action's reply belongs to the form that sent it:
 * the one with the same `intent` (and, for a row's form, the same `id`).
 */
export function useReplies() {
  const reply = useActionData() as Reply | undefined;
  const submitted = reply?.initialValue ?? null;
  return {
    /** The reply, if it answers this form. */
    for(intents: string[], id?: string): Reply | undefined {
      if (!submitted || !intents.includes(String(submitted.intent))) return undefined;
      if (id !== undefined && submitted.id !== id) return undefined;
      return reply;
    },
    /** Errors of a reply to a form with no fields of its own (a delete button), for the page's error summary. */
    summary(intents: string[], href: string): SummaryError[] {
      if (!submitted || !intents.includes(String(submitted.intent)) || !reply?.error) return [];
      return Object.values(reply.error)
        .flatMap((messages) => messages ?? [])
        .map((message) => ({ href, message }));
    },
  };
}

/** A one-button form that deletes a row at the version shown. */
export function DeleteButton({ intent, id, version, children }: { intent: string; id: string; version: number; children: ReactNode }) {
  return (
    <Form method="post" className="app-inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0 app-button--small">
        {children}
      </button>
    </Form>
  );
}

/** "Change" link to the same page with the row in the form (works without JavaScript). */
export function ChangeLink({ to, hidden }: { to: string; hidden: string }) {
  return (
    <Link className="govuk-link" to={to}>
      Change<span className="govuk-visually-hidden"> {hidden}</span>
    </Link>
  );
}

/** Hidden fields every edit form carries: what to do, which row, at which version. */
export function HiddenFields({ intent, id, version }: { intent: string; id?: string | null; version?: number | null }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {version != null ? <input type="hidden" name="version" value={version} /> : null}
    </>
  );
}

/**
 * The last column of a table whose rows can be changed (on the same page, in its form) and
 * deleted: only for those who may. `name` says which row, for screen readers.
 */
export function rowActions<Row>(
  canEdit: boolean,
  o: { changeTo: (row: Row) => string; name: (row: Row) => string; target: (row: Row) => { id: string; version: number } | null; deleteIntent?: string; deleteLabel?: string },
): Column<Row>[] {
  if (!canEdit) return [];
  const cell = (row: Row) => {
    const target = o.target(row);
    return (
      <div className="app-row-actions">
        <ChangeLink to={o.changeTo(row)} hidden={o.name(row)} />
        {target ? (
          <DeleteButton intent={o.deleteIntent ?? "delete"} id={target.id} version={target.version}>
            {o.deleteLabel ?? "Delete"}
            <span className="govuk-visually-hidden"> {o.name(row)}</span>
          </DeleteButton>
        ) : null}
      </div>
    );
  };
  return [{ key: "actions", header: <span className="govuk-visually-hidden">Actions</span>, cell }];
}

/**
 * A form that adds a row, or changes the one being edited (`editing`, from `?edit=` in the
 * address: no JavaScript needed), with a way back.
 */
export function EditForm(props: {
  anchor: string;
  form: ComponentProps<typeof AppForm>["form"];
  summary: SummaryError[];
  heading: ReactNode;
  small?: boolean;
  /** What the form does; by default "update" when editing a row, else "add". */
  intent?: string;
  /** The row being changed (its id and the version shown); none when adding. */
  editing?: { id?: string; version: number | null } | null;
  submit: ReactNode;
  /** Where "Cancel" leads, shown while a row is being changed. */
  cancelTo?: string;
  children: ReactNode;
}) {
  const editingRow = Boolean(props.editing?.id);
  return (
    <div className="govuk-grid-row" id={props.anchor}>
      <div className="govuk-grid-column-two-thirds">
        {/* Keyed by the form's id, which changes once a change is saved: the fields start afresh. */}
        <AppForm key={props.form.id} form={props.form} summary={props.summary}>
          {props.small ? <h3 className="govuk-heading-s">{props.heading}</h3> : <h2 className="govuk-heading-m">{props.heading}</h2>}
          <HiddenFields intent={props.intent ?? (editingRow ? "update" : "add")} id={props.editing?.id} version={props.editing?.version} />
          {props.children}
          <div className="govuk-button-group">
            <SubmitButton>{props.submit}</SubmitButton>
            {props.cancelTo && editingRow ? (
              <Link className="govuk-link" to={props.cancelTo}>
                Cancel
              </Link>
            ) : null}
          </div>
        </AppForm>
      </div>
    </div>
  );
}

type Field = ComponentProps<typeof TextInput>["field"];

/** Money typed as "£1,234.56" or "1234.56". */
export function MoneyInput({ field, label, hint }: { field: Field; label: ReactNode; hint: string }) {
  return <TextInput field={field} label={label} hint={hint} width={10} inputMode="decimal" spellCheck={false} />;
}

/** A date typed the UK way, day first. */
export function DateInput({ field, label, hint, example = "1/9/2020" }: { field: Field; label: ReactNode; hint?: string; example?: string }) {
  return <TextInput field={field} label={label} hint={`${hint ? `${hint}. ` : ""}For example, ${example}`} width={10} spellCheck={false} />;
}
