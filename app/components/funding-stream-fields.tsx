import type { FieldMetadata } from "@conform-to/react";
import { Radios, Textarea, TextInput } from "./govuk/fields";
import { STREAM_KINDS } from "~/domain/funding";

type Field = FieldMetadata<any, any, string[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type StreamFieldSet = Record<"name" | "funder" | "kind" | "total" | "startDate" | "endDate" | "shares" | "note", Field>;

const KIND_HINTS = {
  tapered: "Pays a share of adult worker costs in each 12-month period from its start, like the DfE grant's 100%, 70%, 50%",
  fixed: "A budget spent on other things, like start-up money: record its spend against the budget",
  reserves: "Pays the whole cost of the adult workers from its start to its end date, up to its total",
};

/** The fields of a funding stream, for adding one and for changing it. */
export function StreamFields({ fields }: { fields: StreamFieldSet }) {
  return (
    <>
      <TextInput field={fields.name} label="Name" hint="For example, DfE SFPC grant: adult specialist workers" width={30} />
      <TextInput field={fields.funder} label="Funder" hint="For example, Department for Education" width={30} />
      <Radios field={fields.kind} legend="Type" legendSize="s" options={Object.entries(STREAM_KINDS).map(([value, label]) => ({ value, label, hint: KIND_HINTS[value as keyof typeof KIND_HINTS] }))} />
      <TextInput field={fields.total} label="Total" hint="The cap of a grant or reserves, or a fixed allocation's budget, in pounds, like £2,400,000" width={10} inputMode="decimal" spellCheck={false} />
      <TextInput field={fields.startDate} label="Start date" hint="For a grant, the day its first 12-month period begins (usually go-live). For example, 1/9/2020" width={10} />
      <TextInput field={fields.endDate} label="End date (optional)" hint="A fixed allocation's spend-by date, or the last day of reserves' term. A tapered grant ends with its schedule. For example, 1/9/2020" width={10} />
      <TextInput field={fields.shares} label="Share of adult worker costs in each 12-month period (tapered grants only)" hint="Percentages in order from the start, separated by commas. The DfE grant: 100, 70, 50" width={20} spellCheck={false} />
      <Textarea field={fields.note} label="Note (optional)" hint="For example, where the figures come from" rows={3} />
    </>
  );
}
