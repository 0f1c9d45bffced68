import { Tag, type TagColour } from "../govuk/content";

const PARTNER: Record<string, { label: string; colour: TagColour }> = {
  signed: { label: "Signed", colour: "green" },
  awaiting: { label: "Awaiting", colour: "yellow" },
  withdrawn: { label: "Withdrawn", colour: "red" },
};

const VERSION: Record<string, { label: string; colour: TagColour }> = {
  draft: { label: "Draft", colour: "grey" },
  current: { label: "Current", colour: "green" },
  superseded: { label: "Superseded", colour: "purple" },
};

export function PartnerStatusTag({ status }: { status: string }) {
  const s = PARTNER[status] ?? { label: status, colour: "grey" as const };
  return <Tag colour={s.colour}>{s.label}</Tag>;
}

export function VersionStateTag({ state }: { state: string }) {
  const s = VERSION[state] ?? { label: state, colour: "grey" as const };
  return <Tag colour={s.colour}>{s.label}</Tag>;
}
