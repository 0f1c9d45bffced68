// The forms of app/routes/national.authorities.new.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { COHORTS, REGIONS } from "~/domain/authority";
import { isIsoDate } from "~/domain/dates";

const optionalDate = (label: string) =>
  z
    .string()
    .refine(isIsoDate, { error: `${label} must be a real date` })
    .optional();

export const schema = z.object({
  name: z.string({ error: "Enter the authority's name" }).trim().min(2, { error: "Enter the authority's name" }).max(120),
  slug: z
    .string({ error: "Enter a web address" })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Use lower-case letters, numbers and hyphens only, like telford-and-wrekin" })
    .max(60),
  region: z.enum(REGIONS, { error: "Select the region" }),
  cohort: z.enum(Object.keys(COHORTS) as [keyof typeof COHORTS], { error: "Select the cohort" }),
  onsCode: z
    .string()
    .trim()
    .regex(/^E0[6-9]\d{6}$/, { error: "Enter an ONS code like E08000030" })
    .optional(),
  childPopulation: z.coerce.number({ error: "Enter a whole number" }).int({ error: "Enter a whole number" }).min(1).max(5_000_000).optional(),
  fundingSummary: z.string().trim().max(300).optional(),
  programmeStart: optionalDate("Programme start"),
  plannedGoLive: optionalDate("Planned go-live"),
});
