import type { IsoDate } from "./dates";

/** How an authority came to the programme. */
export const COHORTS = {
  originator: "Originator",
  "sfpc-wave-1": "SFPC first wave",
  "sfpc-wave-2": "SFPC second wave",
  "self-funded": "Self-funded",
} as const;

export type Cohort = keyof typeof COHORTS;

export function cohortLabel(cohort: string): string {
  return (COHORTS as Record<string, string>)[cohort] ?? cohort;
}

export const REGIONS = [
  "East Midlands",
  "East of England",
  "London",
  "North East",
  "North West",
  "South East",
  "South West",
  "West Midlands",
  "Yorkshire and the Humber",
] as const;

export type GoLiveStatus =
  | { kind: "live"; since: IsoDate }
  | { kind: "planned"; on: IsoDate }
  | { kind: "overdue"; plannedOn: IsoDate }
  | { kind: "not-planned" };

/** Live once the actual go-live date has come; otherwise planned (or overdue once the plan passes). */
export function goLiveStatus(a: { plannedGoLive: IsoDate | null; actualGoLive: IsoDate | null }, today: IsoDate): GoLiveStatus {
  if (a.actualGoLive && a.actualGoLive <= today) return { kind: "live", since: a.actualGoLive };
  if (a.actualGoLive) return { kind: "planned", on: a.actualGoLive };
  if (a.plannedGoLive) return a.plannedGoLive >= today ? { kind: "planned", on: a.plannedGoLive } : { kind: "overdue", plannedOn: a.plannedGoLive };
  return { kind: "not-planned" };
}
