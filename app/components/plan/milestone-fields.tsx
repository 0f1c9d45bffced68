import type { FieldMetadata } from "@conform-to/react";
import { Select, TextInput, Textarea } from "~/components/govuk/fields";

type F = FieldMetadata<any, any, string[]>;

/** Field names as people read them, for the form and the history. */
export const MILESTONE_LABELS: Record<string, string> = {
  workstreamId: "Workstream",
  title: "Milestone",
  owner: "Owner",
  dueDate: "Due date",
  baselineDueDate: "Baseline due date",
  doneOn: "Done on",
  notes: "Notes",
};

/** The fields of a milestone, for adding and changing one. */
export function MilestoneFields({
  fields,
  workstreams,
  isNew,
}: {
  fields: Record<keyof typeof MILESTONE_LABELS, F>;
  workstreams: Array<{ id: string; name: string }>;
  isNew: boolean;
}) {
  return (
    <>
      <Select field={fields.workstreamId} label="Workstream" placeholder="Select the workstream" options={workstreams.map((w) => ({ value: w.id, label: w.name }))} />
      <TextInput field={fields.title} label="Milestone" hint="What will be achieved, for example: Workbook plug-in configured and tested" />
      <TextInput field={fields.owner} label="Owner (optional)" hint="A job title or name" />
      <TextInput field={fields.dueDate} label="Due date (optional)" hint="The date in force now. Leave empty if it is not scheduled yet." type="date" width={10} />
      <TextInput
        field={fields.baselineDueDate}
        label="Baseline due date (optional)"
        hint={isNew ? "The date first agreed, to measure slippage against. Leave empty to use the due date." : "The date first agreed: slippage is measured against it."}
        type="date"
        width={10}
      />
      <TextInput field={fields.doneOn} label="Done on (optional)" hint="The day it was achieved; not a date in the future" type="date" width={10} />
      <Textarea field={fields.notes} label="Notes (optional)" rows={3} />
    </>
  );
}
