import type { FieldMetadata } from "@conform-to/react";
import { Radios, TextInput, Textarea } from "~/components/govuk/fields";
import { DIRECTIONS, OUTCOME_UNITS, PERIOD_TYPES } from "~/domain/outcomes";

type F = FieldMetadata<any, any, string[]>;

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** The fields of a new indicator (an authority's own, or a national one). */
export function IndicatorFields({ fields }: { fields: Record<"name" | "description" | "unit" | "periodType" | "direction", F> }) {
  return (
    <>
      <TextInput field={fields.name} label="Name" hint="For example: Children stepped down from a child protection plan to child in need" />
      <Textarea field={fields.description} label="What it counts (optional)" rows={3} hint="Aggregate figures only: never a child's details." />
      <Radios field={fields.periodType} legend="How is it counted?" legendSize="s" options={options(PERIOD_TYPES)} />
      <Radios field={fields.unit} legend="Unit" legendSize="s" inline options={options(OUTCOME_UNITS)} />
      <Radios field={fields.direction} legend="Which way is better?" legendSize="s" inline options={options(DIRECTIONS)} />
    </>
  );
}
