import { z } from "zod";
import { parseDateInput } from "../../domain/date-input";
import { parseFinancialYear } from "../../domain/funding";
import { parseMoney, parsePercent, parsePercentList } from "../../domain/money";

/**
 * zod fields for the funding forms, parsed on the server: money typed as "£1,234.56" or
 * "1234.56" into integer pence, percentages into basis points, UK financial years into their start
 * year. Messages follow the GOV.UK pattern ("Enter …").
 */
const capital = (what: string) => `${what[0].toUpperCase()}${what.slice(1)}`;

function parsed<T>(missing: string, invalid: string, parse: (value: string) => T | null) {
  return z.string({ error: missing }).transform((value, ctx) => {
    const result = parse(value);
    if (result === null) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return result;
  });
}

/** An amount of money, "£1,234.56", into pence. */
export const money = (what: string) => parsed(`Enter ${what}`, `Enter ${what} in pounds, like £1,234.56`, parseMoney);

/** A percentage from 0 to `max`, into basis points. */
export const percent = (what: string, max = 100) =>
  parsed(`Enter ${what}`, `Enter ${what} as a percentage, like 2.5`, parsePercent).refine((bp) => bp <= max * 100, `${capital(what)} must be ${max}% or less`);

/** A taper schedule, "100, 70, 50": 1 to 10 shares, each 0 to 100%. */
export const shares = parsed("Enter the share of each year", "Enter each year's share as a percentage, separated by commas, like 100, 70, 50", parsePercentList)
  .refine((list) => list.every((bp) => bp <= 10_000), "A share cannot be more than 100%")
  .refine((list) => list.length <= 10, "Enter at most 10 years");

/** A date typed the UK way ("1/9/2020", "1 September 2020") or as ISO, into an ISO date. */
export const date = (what: string) => parsed(`Enter ${what}`, `${capital(what)} must be a real date, like 1/9/2020`, parseDateInput);

export const optionalDate = (what: string) =>
  date(what)
    .optional()
    .transform((v) => v ?? null);

export const financialYear = parsed("Enter the financial year", "Enter a financial year like 2021-22", parseFinancialYear);

export const text = (what: string, max = 200) => z.string({ error: `Enter ${what}` }).max(max, `${capital(what)} must be ${max} characters or fewer`);

export const optionalText = (max = 1000) =>
  z
    .string()
    .max(max, `Must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v ?? null);

export const version = z.coerce.number().int();
export const id = z.uuid({ error: "That record no longer exists" });

/** The keys of a label map as a zod enum. */
export function oneOf<K extends string>(labels: Record<K, string>, error: string) {
  return z.enum(Object.keys(labels) as [K, ...K[]], { error });
}
