import { getFormProps, useForm, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ComponentProps, ReactNode } from "react";
import { ErrorSummary, type SummaryError } from "./govuk/error-summary";

/**
 * A form validated on the server only (zod in the action): the browser ships no schema, and the
 * same page works with JavaScript off. `lastResult` is what the action replied.
 */
export function useServerForm<Values extends Record<string, unknown>>(options: {
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<Record<keyof Values, unknown>>;
}) {
  const [form, fields] = useForm<Values>({
    id: options.id,
    lastResult: options.lastResult ?? undefined,
    defaultValue: options.defaultValue as never,
    shouldValidate: "onSubmit",
  });
  const summary: SummaryError[] = Object.entries(form.allErrors).flatMap(([name, messages]) =>
    messages.length ? [{ href: `#${name ? `${form.id}-${name}` : form.id}`, message: messages[0] }] : [],
  );
  return { form, fields, summary };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = FormMetadata<any, string[]>;

/** A Remix form with the GOV.UK error summary at its top. */
export function AppForm({ form, summary, children, method = "post", ...rest }: { form: AnyForm; summary: SummaryError[]; children: ReactNode } & Omit<ComponentProps<typeof Form>, "id" | "onSubmit" | "noValidate">) {
  return (
    <Form method={method} {...getFormProps(form)} {...rest}>
      <ErrorSummary errors={summary} />
      {children}
    </Form>
  );
}

export function SubmitButton({ children, name, value, secondary, warning, disabled }: { children: ReactNode; name?: string; value?: string; secondary?: boolean; warning?: boolean; disabled?: boolean }) {
  const variant = secondary ? " govuk-button--secondary" : warning ? " govuk-button--warning" : "";
  return (
    <button type="submit" className={`govuk-button${variant}`} data-module="govuk-button" name={name} value={value} disabled={disabled}>
      {children}
    </button>
  );
}
