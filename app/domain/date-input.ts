import { isIsoDate, type IsoDate } from "./dates";

/**
 * Dates typed by people in the UK, for forms: "1/9/2020", "01-09-2020", "1.9.20" is not taken
 * (a two-digit year is ambiguous), "1 September 2020", "1 Sept 2020", and the ISO "2020-09-01".
 * Day first, always. Returns the ISO date, or null when the text is not a real date.
 * (Kept apart from dates.ts, which other areas own; a candidate to move there.)
 */
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function parseDateInput(input: string): IsoDate | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const numeric = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(text);
  const words = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$/.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else if (words) {
    const name = words[2];
    const index = MONTHS.findIndex((m) => name.startsWith(m) && (name.length === 3 || name === "sept" || fullMonth(m) === name));
    if (index < 0) return null;
    [day, month, year] = [Number(words[1]), index + 1, Number(words[3])];
  } else return null;
  const result = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isIsoDate(result) ? result : null;
}

function fullMonth(prefix: string): string {
  return ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][MONTHS.indexOf(prefix)];
}

/** An ISO date as a form shows it for editing: "1/9/2020". */
export function formatDateInput(date: IsoDate | null | undefined): string {
  if (!date) return "";
  return `${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}/${date.slice(0, 4)}`;
}
