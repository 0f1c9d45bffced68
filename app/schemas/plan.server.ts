import { z } from "zod";
import { parseServices } from "../domain/plan";
import type { HubInput } from "../services/plan/hubs.server";
import type { MilestoneInput } from "../services/plan/milestones.server";
import type { RaidInput } from "../services/plan/raid.server";
import type { WorkstreamInput } from "../services/plan/workstreams.server";
import { date, optionalDate, optionalText, text } from "./fields.server";

/** Form schemas of the plan, hubs and RAID pages. Dates "in the future" are refused by the services (they know today). */

export const workstreamSchema = z.object({
  name: text("the workstream's name", 120),
  lead: optionalText(120),
});

export function toWorkstreamInput(v: z.output<typeof workstreamSchema>): WorkstreamInput {
  return { name: v.name, lead: v.lead ?? null };
}

export const milestoneSchema = z.object({
  workstreamId: z.string({ error: "Select the workstream" }),
  title: text("the milestone", 200),
  owner: optionalText(120),
  dueDate: optionalDate("the due date"),
  baselineDueDate: optionalDate("the baseline due date"),
  doneOn: optionalDate("the done date"),
  notes: optionalText(2000),
});

export function toMilestoneInput(v: z.output<typeof milestoneSchema>): MilestoneInput {
  return {
    workstreamId: v.workstreamId,
    title: v.title,
    owner: v.owner ?? null,
    dueDate: v.dueDate ?? null,
    baselineDueDate: v.baselineDueDate ?? null,
    doneOn: v.doneOn ?? null,
    notes: v.notes ?? null,
  };
}

export const markDoneSchema = z.object({ doneOn: date("the date it was done") });

export const hubSchema = z.object({
  name: text("the hub's name", 120),
  teamId: z.string().optional(),
  plannedOpening: optionalDate("the planned opening"),
  forecastOpening: optionalDate("the forecast opening"),
  actualOpening: optionalDate("the actual opening"),
  coLocatedServices: optionalText(2000),
  notes: optionalText(2000),
});

export function toHubInput(v: z.output<typeof hubSchema>): HubInput {
  return {
    name: v.name,
    teamId: v.teamId || null,
    plannedOpening: v.plannedOpening ?? null,
    forecastOpening: v.forecastOpening ?? null,
    actualOpening: v.actualOpening ?? null,
    coLocatedServices: parseServices(v.coLocatedServices),
    notes: v.notes ?? null,
  };
}

const scale = (label: string) =>
  z.coerce
    .number({ error: `Select the ${label}` })
    .int({ error: `Select the ${label}` })
    .min(1, { error: `Select the ${label}` })
    .max(5, { error: `Select the ${label}` });

export const RAID_KIND = z.enum(["risk", "issue"]);

export const raidSchema = z
  .object({
    kind: RAID_KIND,
    title: text("a short title", 200),
    description: optionalText(2000),
    owner: optionalText(120),
    likelihood: scale("likelihood").optional(),
    impact: scale("impact"),
    mitigation: optionalText(2000),
    status: z.enum(["open", "closed"], { error: "Select whether it is open or closed" }),
    raisedOn: date("the date it was raised"),
    reviewDate: optionalDate("the review date"),
    closedOn: optionalDate("the closed date"),
  })
  .refine((v) => v.kind === "issue" || v.likelihood !== undefined, { path: ["likelihood"], error: "Select the likelihood" })
  .refine((v) => !v.closedOn || v.closedOn >= v.raisedOn, { path: ["closedOn"], error: "The closed date must be on or after the date raised" });

export function toRaidInput(v: z.output<typeof raidSchema>): RaidInput {
  return {
    title: v.title,
    description: v.description ?? null,
    owner: v.owner ?? null,
    likelihood: v.kind === "issue" ? null : (v.likelihood ?? null),
    impact: v.impact,
    mitigation: v.mitigation ?? null,
    status: v.status,
    raisedOn: v.raisedOn,
    reviewDate: v.reviewDate ?? null,
    closedOn: v.closedOn ?? null,
  };
}
