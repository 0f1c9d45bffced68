import { Tag, type TagColour } from "~/components/govuk/content";
import { HUB_STATUS_LABELS, MILESTONE_STATUS_LABELS, RATING_BANDS, type HubStatus, type MilestoneStatus, type RiskRating } from "~/domain/plan";

const MILESTONE_COLOURS: Record<MilestoneStatus, TagColour> = {
  done: "green",
  "done-late": "turquoise",
  overdue: "red",
  "due-soon": "yellow",
  "on-track": "blue",
  "not-scheduled": "grey",
};

const HUB_COLOURS: Record<HubStatus, TagColour> = { open: "green", "on-schedule": "blue", slipping: "orange", overdue: "red", "not-scheduled": "grey" };

const RATING_COLOURS: Record<RiskRating, TagColour> = { high: "red", medium: "orange", low: "green" };

export function MilestoneStatusTag({ status }: { status: MilestoneStatus }) {
  return <Tag colour={MILESTONE_COLOURS[status]}>{MILESTONE_STATUS_LABELS[status]}</Tag>;
}

export function HubStatusTag({ status }: { status: HubStatus }) {
  return <Tag colour={HUB_COLOURS[status]}>{HUB_STATUS_LABELS[status]}</Tag>;
}

/** "16 High": the score with its band. */
export function ScoreTag({ score, rating }: { score: number; rating: RiskRating }) {
  return (
    <Tag colour={RATING_COLOURS[rating]}>
      {score} {RATING_BANDS[rating].label}
    </Tag>
  );
}
