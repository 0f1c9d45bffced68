import type { FieldMetadata } from "@conform-to/react";
import { Radios, Select, TextInput, Textarea } from "~/components/govuk/fields";
import { ROLE_CATALOGUE } from "~/domain/workforce";

type F = FieldMetadata<any, any, string[]>;
export interface PostFieldSet {
  reference: F;
  role: F;
  title: F;
  fte: F;
  teamId: F;
  hostOrganisationId: F;
  newOrganisationName: F;
  newOrganisationSector: F;
  adultSpecialist: F;
  fundedBy: F;
  establishedOn: F;
  disestablishedOn: F;
  notes: F;
}

const SECTOR_OPTIONS = [
  { value: "council", label: "Council" },
  { value: "health", label: "Health" },
  { value: "police", label: "Police" },
  { value: "probation", label: "Probation" },
  { value: "voluntary", label: "Voluntary sector" },
  { value: "education", label: "Education" },
  { value: "other", label: "Other" },
];

/** The fields of an establishment post, for adding and editing. */
export function PostFields({ fields, teams, organisations }: { fields: PostFieldSet; teams: Array<{ id: string; name: string }>; organisations: Array<{ id: string; name: string }> }) {
  return (
    <>
      <Select
        field={fields.role}
        label="Role"
        hint="Adult specialist roles count towards the go-live criterion"
        placeholder="Select the role"
        options={Object.entries(ROLE_CATALOGUE).map(([value, label]) => ({ value, label }))}
      />
      <TextInput field={fields.title} label="Job title (optional)" hint="For example: Mental health practitioner (Band 7)" />
      <TextInput field={fields.reference} label="Post reference (optional)" hint="The council's post number; unique in the authority" width={10} spellCheck={false} />
      <TextInput field={fields.fte} label="FTE" hint="Full-time equivalent, for example 1, 0.5 or 3.5 for an establishment line" width={4} inputMode="decimal" />
      <Radios
        field={fields.adultSpecialist}
        legend="Does the post count as an adult specialist post?"
        legendSize="s"
        inline
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
      <Select field={fields.teamId} label="Team or locality (optional)" placeholder="No team" options={teams.map((t) => ({ value: t.id, label: t.name }))} />
      <Select field={fields.hostOrganisationId} label="Host or employing organisation (optional)" placeholder="None recorded" options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">The organisation is not in the list</span>
        </summary>
        <div className="govuk-details__text">
          <TextInput field={fields.newOrganisationName} label="New organisation's name" />
          <Select field={fields.newOrganisationSector} label="Its sector" placeholder="Select the sector" options={SECTOR_OPTIONS} />
        </div>
      </details>
      <TextInput field={fields.fundedBy} label="Funded by (optional)" hint="For example: DfE SFPC grant, then council and partners" />
      <TextInput field={fields.establishedOn} label="Established on (optional)" hint="Leave empty if the post has always been there" type="date" width={10} />
      <TextInput field={fields.disestablishedOn} label="Post ends on (optional)" hint="The first day the post no longer exists" type="date" width={10} />
      <Textarea field={fields.notes} label="Notes (optional)" rows={3} />
    </>
  );
}
