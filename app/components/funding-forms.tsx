import type { SubmissionResult } from "@conform-to/react";
import { Form, Link, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { SummaryError } from "./govuk/error-summary";

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
