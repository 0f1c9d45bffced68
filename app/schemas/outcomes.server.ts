import { z } from "zod";
import { DIRECTIONS, OUTCOME_UNITS, PERIOD_TYPES, type Direction, type OutcomeUnit, type PeriodType } from "../domain/outcomes";
import type { IndicatorInput } from "../services/outcomes/indicators.server";
import type { ObservationInput } from "../services/outcomes/observations.server";
import { optionalDate, optionalText, text } from "./fields.server";

/** Form schemas of the outcomes pages. Which dates a figure needs (snapshot or flow) is checked by the service. */

/** "1,234", " 12.5 " → a number; anything else is refused with a message beside the field. */
const figure = z
  .string({ error: "Enter the figure" })
  .trim()
  .min(1, { error: "Enter the figure" })
  .transform((v) => v.replace(/,/g, ""))
  .refine((v) => /^\d+(\.\d{1,2})?$/.test(v), { error: "Enter the figure as a number 0 or more, like 227 or 12.5 (at most two decimal places)" })
  .transform(Number);

export const observationSchema = z.object({
  date: optionalDate("the date"),
  periodStart: optionalDate("the first day"),
  periodEnd: optionalDate("the last day"),
  value: figure,
  source: optionalText(300),
  notes: optionalText(2000),
});

export function toObservationInput(v: z.output<typeof observationSchema>): ObservationInput {
  return { date: v.date ?? null, periodStart: v.periodStart ?? null, periodEnd: v.periodEnd ?? null, value: v.value, source: v.source ?? null, notes: v.notes ?? null };
}

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const indicatorSchema = z.object({
  name: text("the indicator's name", 160),
  description: optionalText(1000),
  unit: z.enum(keys(OUTCOME_UNITS), { error: "Select the unit" }),
  periodType: z.enum(keys(PERIOD_TYPES), { error: "Select whether it is a snapshot or a flow" }),
  direction: z.enum(keys(DIRECTIONS), { error: "Select which way is better" }),
});

export function toIndicatorInput(v: z.output<typeof indicatorSchema>): IndicatorInput {
  return { name: v.name, description: v.description ?? null, unit: v.unit as OutcomeUnit, periodType: v.periodType as PeriodType, direction: v.direction as Direction };
}

export const populationSchema = z.object({
  year: z.coerce.number({ error: "Enter the year, like 2021" }).int({ error: "Enter the year, like 2021" }).min(1990, { error: "Enter a year from 1990" }).max(2100, { error: "Enter a year before 2100" }),
  population: z
    .string({ error: "Enter the number of children" })
    .trim()
    .transform((v) => v.replace(/,/g, ""))
    .refine((v) => /^\d+$/.test(v) && Number(v) > 0 && Number(v) <= 5_000_000, { error: "Enter the number of children as a whole number, like 67,900" })
    .transform(Number),
  source: text("the source", 300),
  illustrative: z.enum(["yes", "no"], { error: "Select whether the figure is an illustration" }).transform((v) => v === "yes"),
});
