import type { FieldMetadata } from "@conform-to/react";
import { Radios, Select, TextInput, Textarea } from "~/components/govuk/fields";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type RaidKind } from "~/domain/plan";

type F = FieldMetadata<any, any, string[]>;

export const RAID_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  owner: "Owner",
  likelihood: "Likelihood",
  impact: "Impact",
  mitigation: "Mitigation",
  status: "Status",
  raisedOn: "Raised on",
  reviewDate: "Review date",
  closedOn: "Closed on",
};

const scale = (labels: Record<number, string>) => Object.entries(labels).map(([value, label]) => ({ value, label: `${value} – ${label}` }));

/** The fields of a risk or an issue. An issue has happened, so it has no likelihood. */
export function RaidFields({ fields, kind }: { fields: Record<keyof typeof RAID_LABELS, F>; kind: RaidKind }) {
  const closed = kind === "issue" ? "Resolved" : "Closed";
  return (
    <>
      <TextInput field={fields.title} label="Title" hint={kind === "risk" ? "For example: Adult workers leave fixed-term posts" : "What has happened"} />
      <Textarea field={fields.description} label="Description (optional)" rows={3} />
      <TextInput field={fields.owner} label="Owner (optional)" hint="A job title or name" />
      {kind === "risk" ? (
        <Select field={fields.likelihood} label="Likelihood" hint="How likely it is to happen" placeholder="Select the likelihood" options={scale(LIKELIHOOD_LABELS)} />
      ) : null}
      <Select field={fields.impact} label="Impact" hint="How much it would harm the programme" placeholder="Select the impact" options={scale(IMPACT_LABELS)} />
      <Textarea field={fields.mitigation} label={kind === "risk" ? "Mitigation (optional)" : "Action being taken (optional)"} rows={3} />
      <TextInput field={fields.raisedOn} label="Raised on" type="date" width={10} />
      <TextInput field={fields.reviewDate} label="Review date (optional)" hint="When it is next to be reviewed" type="date" width={10} />
      <Radios
        field={fields.status}
        legend="Status"
        legendSize="s"
        inline
        options={[
          { value: "open", label: "Open" },
          { value: "closed", label: closed },
        ]}
      />
      <TextInput field={fields.closedOn} label={`${closed} on (optional)`} hint={`Leave empty for today if it is ${closed.toLowerCase()}`} type="date" width={10} />
    </>
  );
}
