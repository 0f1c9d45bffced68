import type { FieldMetadata } from "@conform-to/react";
import { Radios, TextInput } from "~/components/govuk/fields";
import { CONTRACT_TYPES } from "~/domain/workforce";

type F = FieldMetadata<any, any, string[]>;

/** The fields of an appointment to a post: who, how much, on what contract, from and to when. */
export function HolderFields({ fields }: { fields: Record<"holder" | "fte" | "contractType" | "contractEnd" | "startDate" | "startConfirmed" | "lastDay" | "leavingReason", F> }) {
  return (
    <>
      <TextInput field={fields.holder} label="Holder" hint="Name or HR reference" />
      <TextInput field={fields.fte} label="FTE" width={4} inputMode="decimal" />
      <Radios field={fields.contractType} legend="Contract" legendSize="s" options={Object.entries(CONTRACT_TYPES).map(([value, label]) => ({ value, label }))} />
      <TextInput field={fields.contractEnd} label="Contract or secondment ends (if not permanent)" type="date" width={10} />
      <TextInput field={fields.startDate} label="Start date" hint="Agreed or actual" type="date" width={10} />
      <Radios
        field={fields.startConfirmed}
        legend="Has the person started?"
        legendSize="s"
        inline
        options={[
          { value: "yes", label: "Yes, started" },
          { value: "no", label: "No, start date agreed" },
        ]}
      />
      <TextInput field={fields.lastDay} label="Last day in post (if leaving)" hint="They still count on this day" type="date" width={10} />
      <TextInput field={fields.leavingReason} label="Reason for leaving (optional)" />
    </>
  );
}
