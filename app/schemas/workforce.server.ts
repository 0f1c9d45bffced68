import { z } from "zod";
import { CONTRACT_TYPES, RECRUITMENT_STAGES } from "../domain/workforce";
import type { AppointmentInput } from "../services/workforce/appointments.server";
import type { PostInput } from "../services/workforce/posts.server";
import { date, fte, optionalDate, optionalText, text, yesNo } from "./fields.server";

const SECTORS = ["council", "health", "police", "probation", "voluntary", "education", "other"] as const;

export const postSchema = z
  .object({
    reference: optionalText(40),
    role: text("the role", 120),
    title: optionalText(120),
    fte: fte(),
    teamId: z.string().optional(),
    hostOrganisationId: z.string().optional(),
    newOrganisationName: optionalText(120),
    newOrganisationSector: z.enum(SECTORS).optional(),
    adultSpecialist: yesNo("the post counts as an adult specialist post"),
    fundedBy: optionalText(200),
    establishedOn: optionalDate("the date the post was established"),
    disestablishedOn: optionalDate("the date the post ends"),
    notes: optionalText(2000),
  })
  .refine((v) => !v.establishedOn || !v.disestablishedOn || v.disestablishedOn > v.establishedOn, { path: ["disestablishedOn"], error: "The post must end after it was established" })
  .refine((v) => !(v.newOrganisationName && v.hostOrganisationId), { path: ["newOrganisationName"], error: "Choose an organisation or add a new one, not both" })
  .refine((v) => !v.newOrganisationName || v.newOrganisationSector, { path: ["newOrganisationSector"], error: "Select the new organisation's sector" });

export function toPostInput(v: z.output<typeof postSchema>): PostInput {
  return {
    reference: v.reference ?? null,
    role: v.role,
    title: v.title ?? null,
    fte: v.fte,
    teamId: v.teamId || null,
    hostOrganisationId: v.hostOrganisationId || null,
    newOrganisation: v.newOrganisationName ? { name: v.newOrganisationName, sector: v.newOrganisationSector! } : null,
    adultSpecialist: v.adultSpecialist,
    fundedBy: v.fundedBy ?? null,
    establishedOn: v.establishedOn ?? null,
    disestablishedOn: v.disestablishedOn ?? null,
    notes: v.notes ?? null,
  };
}

export const appointmentSchema = z
  .object({
    holder: text("the holder's name or reference", 120),
    fte: fte(),
    contractType: z.enum(Object.keys(CONTRACT_TYPES) as [keyof typeof CONTRACT_TYPES], { error: "Select the contract type" }),
    contractEnd: optionalDate("the contract end date"),
    startDate: date("the start date"),
    startConfirmed: yesNo("the person has started"),
    lastDay: optionalDate("the last day in post"),
    leavingReason: optionalText(500),
  })
  .refine((v) => !v.lastDay || v.lastDay >= v.startDate, { path: ["lastDay"], error: "The last day must be on or after the start date" })
  .refine((v) => !v.contractEnd || v.contractEnd >= v.startDate, { path: ["contractEnd"], error: "The contract must end after it starts" })
  .refine((v) => v.contractType === "permanent" || v.contractEnd, { path: ["contractEnd"], error: "Enter when the fixed-term contract or secondment ends" });

export function toAppointmentInput(v: z.output<typeof appointmentSchema>): AppointmentInput {
  return {
    holder: v.holder,
    fte: v.fte,
    contractType: v.contractType,
    contractEnd: v.contractEnd ?? null,
    startDate: v.startDate,
    startConfirmed: v.startConfirmed,
    lastDay: v.lastDay ?? null,
    leavingReason: v.leavingReason ?? null,
  };
}

export const recruitmentStepSchema = z.object({
  stage: z.enum(Object.keys(RECRUITMENT_STAGES) as [keyof typeof RECRUITMENT_STAGES], { error: "Select the stage" }),
  onDate: date("the date"),
  note: optionalText(500),
});

export const ORGANISATION_SECTORS = SECTORS;
