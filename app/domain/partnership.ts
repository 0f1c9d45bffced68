/** The partnership board: partner sectors and how often the board meets. Pure. */
import { daysBetween, formatMonth, type IsoDate } from "./dates";

export const SECTORS = ["council", "health", "police", "probation", "voluntary", "education", "other"] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  council: "Council",
  health: "Health (NHS)",
  police: "Police",
  probation: "Probation",
  voluntary: "Voluntary or charity",
  education: "Education",
  other: "Other",
};

export function sectorLabel(sector: string): string {
  return (SECTOR_LABELS as Record<string, string>)[sector] ?? sector;
}

export type Cadence = "weekly" | "fortnightly" | "monthly" | "every two months" | "quarterly" | "irregularly";

/** How often meetings happen, from the median gap in days between consecutive meetings. */
export function cadenceOf(medianGapDays: number): Cadence {
  if (medianGapDays <= 10) return "weekly";
  if (medianGapDays <= 20) return "fortnightly";
  if (medianGapDays <= 45) return "monthly";
  if (medianGapDays <= 75) return "every two months";
  if (medianGapDays <= 120) return "quarterly";
  return "irregularly";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface MeetingPattern {
  count: number;
  first: IsoDate | null;
  last: IsoDate | null;
  cadence: Cadence | null;
  /** Still meeting: the last meeting is no more than twice the usual gap (at least 45 days) before the date. */
  ongoing: boolean;
  /** "Meets monthly since November 2022 (9 meetings)" */
  sentence: string;
}

/** What the meetings held up to a date say about the board: "meets monthly since November 2022". */
export function meetingPattern(dates: IsoDate[], asOf: IsoDate): MeetingPattern {
  const held = [...new Set(dates.filter((d) => d <= asOf))].sort();
  const count = held.length;
  const meetings = `${count} ${count === 1 ? "meeting" : "meetings"}`;
  if (count === 0) return { count, first: null, last: null, cadence: null, ongoing: false, sentence: "No meetings recorded yet" };
  const first = held[0];
  const last = held[count - 1];
  if (count === 1) return { count, first, last, cadence: null, ongoing: false, sentence: `Met once, in ${formatMonth(first)}` };
  const gaps = held.slice(1).map((d, i) => daysBetween(held[i], d));
  const usual = median(gaps);
  const cadence = cadenceOf(usual);
  const ongoing = daysBetween(last, asOf) <= Math.max(45, usual * 2);
  const sentence = ongoing
    ? `Meets ${cadence} since ${formatMonth(first)} (${meetings})`
    : `Met ${cadence} from ${formatMonth(first)} to ${formatMonth(last)} (${meetings})`;
  return { count, first, last, cadence, ongoing, sentence };
}
