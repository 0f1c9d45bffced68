import { z } from "zod";
import type { IsoDate } from "./dates";
import { observationPeriod, periodLabel, type OutcomeUnit, type PeriodType } from "./outcomes";
import { parseCsvDate } from "./training";
import type { ImportAction, ImportIssue } from "./training-import";

/**
 * CSV import of outcome figures, as a council's performance team keeps them. Each row is one
 * figure of one indicator (its key, like "cp-plans", or its name) for a date (a snapshot) or a
 * period (a flow). Rows are checked one by one, then against the indicators and the figures
 * recorded: a figure for a period already recorded is updated, or left unchanged if it is the same.
 * The export has the same columns, so exporting and importing the file back changes nothing.
 */

export const OUTCOMES_IMPORT_COLUMNS = ["indicator", "date", "period_start", "period_end", "value", "source", "notes"] as const;
export const OUTCOMES_REQUIRED_COLUMNS = ["indicator", "value"];
// In ./outcomes, so that the import page shows it without this module's zod schemas.
export { MAX_OUTCOMES_IMPORT_ROWS } from "./outcomes";

const csvDate = () =>
  z
    .string()
    .transform((v, ctx) => {
      const parsed = parseCsvDate(v);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a real date: use YYYY-MM-DD or DD/MM/YYYY` });
        return z.NEVER;
      }
      return parsed;
    })
    .optional();

export const outcomeRowSchema = z.object({
  indicator: z.string({ error: "Enter the indicator (its key or name)" }).trim().min(1, "Enter the indicator (its key or name)").max(200, "Must be 200 characters or fewer"),
  date: csvDate(),
  period_start: csvDate(),
  period_end: csvDate(),
  value: z
    .string({ error: "Enter the figure" })
    .transform((v) => v.replace(/,/g, "").trim())
    .refine((v) => /^\d+(\.\d{1,2})?$/.test(v), { message: "The figure must be a number 0 or more, with at most two decimal places" })
    .transform(Number),
  source: z.string().trim().max(300, "Must be 300 characters or fewer").optional(),
  notes: z.string().trim().max(2000, "Must be 2000 characters or fewer").optional(),
});
export type OutcomeRow = z.infer<typeof outcomeRowSchema>;

export interface ImportIndicator {
  id: string;
  key: string | null;
  name: string;
  unit: OutcomeUnit;
  periodType: PeriodType;
}

export interface ExistingFigure {
  id: string;
  indicatorId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
  source: string | null;
  notes: string | null;
}

export interface FigureValues {
  indicatorId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
  source: string | null;
  notes: string | null;
}

export interface FigureChange {
  line: number;
  action: ImportAction;
  values: FigureValues;
  existing: ExistingFigure | null;
}

const norm = (v: string) => v.trim().toLowerCase();
const figureKey = (indicatorId: string, start: IsoDate, end: IsoDate) => `${indicatorId}|${start}|${end}`;

/**
 * What an outcomes file would do. A snapshot takes `date` (or `period_end`, as the export writes
 * it, with `period_start` blank or the same day); a flow takes `period_start` and `period_end`.
 * Columns source and notes left out of the file keep what is recorded; present and blank, they
 * clear it. Dates in the future, a percentage over 100 and a count with decimals are refused.
 */
export function planOutcomesImport(
  rows: Array<{ line: number; value: OutcomeRow }>,
  headers: string[],
  lookups: { indicators: ImportIndicator[]; existing: ExistingFigure[]; today: IsoDate },
): { issues: ImportIssue[]; changes: FigureChange[] } {
  const issues: ImportIssue[] = [];
  const changes: FigureChange[] = [];
  const byKey = new Map<string, ImportIndicator>();
  for (const i of lookups.indicators) {
    byKey.set(norm(i.name), i);
    if (i.key) byKey.set(norm(i.key), i);
  }
  const existing = new Map(lookups.existing.map((e) => [figureKey(e.indicatorId, e.periodStart, e.periodEnd), e]));
  const seen = new Map<string, number>();
  const has = (column: string) => headers.includes(column);
  for (const { line, value: r } of rows) {
    const indicator = byKey.get(norm(r.indicator));
    if (!indicator) {
      issues.push({ line, column: "indicator", message: `No indicator "${r.indicator}": use a key from the export (like cp-plans) or an indicator's name` });
      continue;
    }
    let input: { date?: IsoDate | null; periodStart?: IsoDate | null; periodEnd?: IsoDate | null };
    if (indicator.periodType === "snapshot") {
      const date = r.date ?? r.period_end ?? null;
      if (r.period_start && date && r.period_start !== date) {
        issues.push({ line, column: "period_start", message: `"${indicator.name}" is counted at a date: give one date, not a period` });
        continue;
      }
      input = { date };
    } else {
      input = { periodStart: r.period_start ?? null, periodEnd: r.period_end ?? null };
    }
    const period = observationPeriod(indicator.periodType, input);
    if (!period.ok) {
      const column = period.field === "date" ? "date" : period.field === "periodStart" ? "period_start" : "period_end";
      issues.push({ line, column, message: `${period.message} (${indicator.name} is counted ${indicator.periodType === "snapshot" ? "at a date" : "over a period"})` });
      continue;
    }
    if (period.periodEnd > lookups.today) {
      issues.push({ line, column: indicator.periodType === "snapshot" ? "date" : "period_end", message: "The date cannot be in the future" });
      continue;
    }
    if (indicator.unit === "percent" && r.value > 100) {
      issues.push({ line, column: "value", message: "A percentage must be 100 or less" });
      continue;
    }
    if (indicator.unit === "count" && !Number.isInteger(r.value)) {
      issues.push({ line, column: "value", message: "A count must be a whole number" });
      continue;
    }
    const k = figureKey(indicator.id, period.periodStart, period.periodEnd);
    const first = seen.get(k);
    if (first !== undefined) {
      issues.push({ line, column: "indicator", message: `${indicator.name} for ${periodLabel(indicator.periodType, period.periodStart, period.periodEnd)} is also on line ${first}` });
      continue;
    }
    seen.set(k, line);
    const current = existing.get(k) ?? null;
    const values: FigureValues = {
      indicatorId: indicator.id,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      value: r.value,
      source: has("source") ? (r.source ?? null) : (current?.source ?? null),
      notes: has("notes") ? (r.notes ?? null) : (current?.notes ?? null),
    };
    const same = current && current.value === values.value && current.source === values.source && current.notes === values.notes;
    changes.push({ line, action: !current ? "create" : same ? "unchanged" : "update", values, existing: current });
  }
  return { issues, changes };
}
