/**
 * The zod schemas of the partnership forms that more than one route posts (signing by link and
 * in the app; drafting a new version and editing a draft; new and existing board records).
 * Validation happens on the server only; errors go beside the fields.
 */
import { z } from "zod";
import { splitCommitments } from "../../domain/charter";
import { isIsoDate } from "../../domain/dates";
import { SECTORS } from "../../domain/partnership";

const text = (error: string, max: number) => z.string({ error }).trim().min(1, { error }).max(max, { error: `Must be ${max} characters or fewer` });
export const isoDate = (error: string) => z.string({ error }).trim().refine(isIsoDate, { error });
export const version = z.coerce.number().int();
export const uuid = z.uuid({ error: "That record no longer exists" });

export const signSchema = z.object({
  intent: z.literal("sign"),
  versionId: uuid,
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  signerName: text("Enter your full name", 200),
  signerRole: text("Enter your job title", 200),
  organisationName: text("Enter your organisation", 300),
  consent: z.literal("yes", { error: "Tick the statement to confirm you sign on behalf of your organisation" }),
});

export const withdrawSchema = z.object({
  intent: z.literal("withdraw"),
  reason: text("Say why the signature is withdrawn", 1000),
});

export const draftSchema = z.object({
  title: text("Enter a title", 200),
  body: text("Write the text of the charter", 50_000),
  commitments: z
    .string({ error: "List at least one commitment, one a line" })
    .transform(splitCommitments)
    .pipe(z.array(z.string().max(1000, { error: "Each commitment must be 1,000 characters or fewer" })).min(1, { error: "List at least one commitment, one a line" }).max(30, { error: "List 30 commitments or fewer" })),
  minimumTermMonths: z.coerce.number({ error: "Enter the minimum term in months, like 24" }).int({ error: "Enter a whole number of months" }).min(1, { error: "Enter at least 1 month" }).max(120, { error: "Enter 120 months or fewer" }),
  reviewIntervalMonths: z.coerce.number({ error: "Enter how often it is reviewed, in months, like 12" }).int({ error: "Enter a whole number of months" }).min(1, { error: "Enter at least 1 month" }).max(60, { error: "Enter 60 months or fewer" }),
  version: version.optional(),
});

export const organisationSchema = z.object({
  name: text("Enter the organisation's name", 200),
  sector: z.enum(SECTORS, { error: "Choose a sector" }),
  version: version.optional(),
});

export const memberSchema = z
  .object({
    name: text("Enter the member's name", 200),
    jobTitle: text("Enter the member's job title", 200),
    email: z.email({ error: "Enter an email address in the correct format, like name@example.com" }).max(320),
    organisationId: z.uuid({ error: "Choose an organisation" }),
    activeFrom: isoDate("Enter the first day on the board as a real date"),
    activeTo: isoDate("Enter the last day on the board as a real date").optional(),
    version: version.optional(),
  })
  .refine((m) => !m.activeTo || m.activeTo >= m.activeFrom, { path: ["activeTo"], error: "The last day on the board must be on or after the first day" });

export const meetingSchema = z.object({
  intent: z.literal("save"),
  heldOn: isoDate("Enter the date of the meeting as a real date"),
  decisions: z.string().max(10_000, { error: "Decisions must be 10,000 characters or fewer" }).optional().default(""),
  attendeeIds: z.array(z.uuid()).optional().default([]),
  version: version.optional(),
});
