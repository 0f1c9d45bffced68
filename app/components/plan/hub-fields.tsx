import type { FieldMetadata } from "@conform-to/react";
import { Select, TextInput, Textarea } from "~/components/govuk/fields";

type F = FieldMetadata<any, any, string[]>;

export const HUB_LABELS: Record<string, string> = {
  name: "Name",
  teamId: "Locality",
  plannedOpening: "Planned opening",
  forecastOpening: "Forecast opening",
  actualOpening: "Actual opening",
  coLocatedServices: "Co-located services",
  notes: "Notes",
};

/** The fields of a locality hub, for adding and changing one. */
export function HubFields({ fields, teams }: { fields: Record<keyof typeof HUB_LABELS, F>; teams: Array<{ id: string; name: string }> }) {
  return (
    <>
      <TextInput field={fields.name} label="Name" hint="For example: Darlaston" />
      <Select
        field={fields.teamId}
        label="Locality (optional)"
        hint="The team of the workforce pages the hub serves"
        placeholder="No team"
        options={teams.map((t) => ({ value: t.id, label: t.name }))}
      />
      <TextInput field={fields.plannedOpening} label="Planned opening (optional)" hint="The date first planned: slippage is measured against it" type="date" width={10} />
      <TextInput field={fields.forecastOpening} label="Forecast opening (optional)" hint="When it is expected to open now" type="date" width={10} />
      <TextInput field={fields.actualOpening} label="Actual opening (optional)" hint="The day it opened; not a date in the future" type="date" width={10} />
      <Textarea field={fields.coLocatedServices} label="Co-located services (optional)" hint="One a line, for example: Early Help, a domestic abuse charity, DWP" rows={4} />
      <Textarea field={fields.notes} label="Notes (optional)" rows={3} />
    </>
  );
}
