import type { SubmissionResult } from "@conform-to/react";
import { AppForm, SubmitButton, useServerForm } from "../forms";
import { Textarea, TextInput } from "../govuk/fields";

export type DraftValues = {
  title: string;
  body: string;
  commitments: string;
  minimumTermMonths: string;
  reviewIntervalMonths: string;
};

/** Drafting a version of the charter: a new one, or changes to the draft (with its version for conflicts). */
export function DraftForm({ defaults, lastResult, version, submit }: { defaults: DraftValues; lastResult?: SubmissionResult<string[]> | null; version?: number; submit: string }) {
  const { form, fields, summary } = useServerForm<DraftValues>({ id: "charter-draft", lastResult, defaultValue: defaults });
  return (
    <AppForm form={form} summary={summary}>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <TextInput field={fields.title} label="Title" />
      <Textarea field={fields.commitments} label="Commitments" hint="One commitment a line. They are numbered in this order." rows={9} />
      <TextInput field={fields.minimumTermMonths} label="Minimum term, in months" hint="For example 24 for two years" width={3} inputMode="numeric" />
      <TextInput field={fields.reviewIntervalMonths} label="Reviewed every, in months" hint="For example 12" width={3} inputMode="numeric" />
      <Textarea
        field={fields.body}
        label="Text of the charter"
        hint="Markdown: a blank line between paragraphs, # for a heading, - for a list item, **bold**. HTML is shown as typed, not interpreted."
        rows={16}
      />
      <SubmitButton>{submit}</SubmitButton>
    </AppForm>
  );
}

export function draftValues(c: { title: string; body: string; commitments: string[]; minimumTermMonths: number; reviewIntervalMonths: number }): DraftValues {
  return { title: c.title, body: c.body, commitments: c.commitments.join("\n"), minimumTermMonths: String(c.minimumTermMonths), reviewIntervalMonths: String(c.reviewIntervalMonths) };
}
