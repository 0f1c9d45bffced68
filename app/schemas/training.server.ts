import { z } from "zod";
import { DISCIPLINES, parseCsvDate, SESSION_MODES, type Discipline, type SessionMode } from "~/domain/training";

/**
 * The fields of the training forms, checked on the server. Dates come from date inputs (ISO) or
 * are typed the UK way (31/05/2021) where the browser has no date picker.
 */

const dateField = (label: string) =>
  z.string({ error: `Enter ${label}` }).transform((v, ctx) => {
    const d = parseCsvDate(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: `Enter ${label} as a real date, like 31/05/2021` });
      return z.NEVER;
    }
    return d;
  });

export const optionalDate = (label: string) => dateField(label).optional().transform((v) => v ?? null);
export const requiredDate = (label: string) => dateField(label);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Must be ${max} characters or fewer` })
    .optional()
    .transform((v) => v || null);

export const staffFields = {
  externalRef: z.string({ error: "Enter a reference" }).trim().min(1, { error: "Enter a reference" }).max(100, { error: "The reference must be 100 characters or fewer" }),
  name: z.string({ error: "Enter a name or initials" }).trim().min(1, { error: "Enter a name or initials" }).max(200, { error: "The name must be 200 characters or fewer" }),
  discipline: z.enum(Object.keys(DISCIPLINES) as [Discipline, ...Discipline[]], { error: "Select a discipline" }),
  teamId: z
    .uuid({ error: "Select a team" })
    .optional()
    .transform((v) => v ?? null),
  startDate: optionalDate("the start date"),
  leaveDate: optionalDate("the last day in post"),
  inScope: z.enum(["yes", "no"], { error: "Select whether they count towards the criteria" }).transform((v) => v === "yes"),
};

export const leaveAfterStart = (v: { startDate: string | null; leaveDate: string | null }) => !v.startDate || !v.leaveDate || v.leaveDate >= v.startDate;
export const LEAVE_BEFORE_START = { path: ["leaveDate"], error: "The last day must be on or after the start date" };

export const staffSchema = z.object(staffFields).refine(leaveAfterStart, LEAVE_BEFORE_START);

export const courseFields = {
  name: z.string({ error: "Enter the course name" }).trim().min(2, { error: "Enter the course name" }).max(200, { error: "The name must be 200 characters or fewer" }),
  durationDays: z
    .number({ error: "Enter the length in days, like 1 or 0.5" })
    .min(0.5, { error: "A course is at least half a day" })
    .max(20, { error: "A course is at most 20 days" })
    .refine((v) => Number.isInteger(v * 2), { error: "Enter whole or half days, like 1 or 1.5" }),
  audience: optionalText(300),
};

export const sessionFields = {
  startDate: requiredDate("the start date"),
  endDate: optionalDate("the end date"),
  mode: z.enum(Object.keys(SESSION_MODES) as [SessionMode, ...SessionMode[]], { error: "Select in person or virtual" }),
  facilitator: optionalText(200),
  capacity: z
    .number({ error: "Enter the number of places as a whole number" })
    .int({ error: "Enter the number of places as a whole number" })
    .min(1, { error: "A session has at least 1 place" })
    .max(1000, { error: "A session has at most 1,000 places" })
    .optional()
    .transform((v) => v ?? null),
  location: optionalText(200),
};

export const endAfterStart = (v: { startDate: string; endDate: string | null }) => !v.endDate || v.endDate >= v.startDate;
export const END_BEFORE_START = { path: ["endDate"], error: "The end date must be on or after the start date" };
