import { z } from "zod";
import { isIsoDate } from "../domain/dates";

/** Reusable form fields. Conform turns empty inputs into undefined, so "required" lives in the type error. */
export const text = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `${label[0].toUpperCase()}${label.slice(1)} must be ${max} characters or fewer` });

export const optionalText = (max = 2000) => z.string().trim().max(max, { error: `Must be ${max} characters or fewer` }).optional();

export const date = (label: string) => z.string({ error: `Enter ${label}` }).refine(isIsoDate, { error: `${label[0].toUpperCase()}${label.slice(1)} must be a real date` });

export const optionalDate = (label: string) => z.string().refine(isIsoDate, { error: `${label[0].toUpperCase()}${label.slice(1)} must be a real date` }).optional();

/** FTE: positive, at most two decimal places (0.5, 0.75, 3.5). */
export const fte = (max = 50) =>
  z.coerce
    .number({ error: "Enter the FTE as a number, like 1 or 0.5" })
    .gt(0, { error: "FTE must be more than 0" })
    .max(max, { error: `FTE must be ${max} or less` })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, { error: "FTE can have at most two decimal places" });

export const yesNo = (label: string) => z.enum(["yes", "no"], { error: `Select whether ${label}` }).transform((v) => v === "yes");

export const version = z.coerce.number().int().min(1);

export const uuid = z.uuid({ error: "That record no longer exists" });

/** A percentage threshold, 1 to 100, or empty for "use the default". */
export const optionalPercent = (label: string) =>
  z.coerce
    .number({ error: `Enter ${label} as a number, like 70` })
    .min(1, { error: `${label[0].toUpperCase()}${label.slice(1)} must be between 1 and 100` })
    .max(100, { error: `${label[0].toUpperCase()}${label.slice(1)} must be between 1 and 100` })
    .optional();
