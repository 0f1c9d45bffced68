import { UTCDate } from "@date-fns/utc";
import { addDays as addDaysFns, addMonths as addMonthsFns, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";

/**
 * Business dates are ISO strings (YYYY-MM-DD) with no time zone: a go-live date is the same day
 * wherever the server runs. Arithmetic goes through UTC so no daylight-saving hour shifts a day.
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = toUtc(value);
  return isValid(d) && format(d, "yyyy-MM-dd") === value;
}

function toUtc(date: IsoDate): UTCDate {
  return new UTCDate(parseISO(`${date}T00:00:00Z`));
}

function fromUtc(date: Date): IsoDate {
  return format(new UTCDate(date), "yyyy-MM-dd");
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(addDaysFns(toUtc(date), days));
}

/** Adds calendar months; 31 January + 1 month is 28 (or 29) February. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromUtc(addMonthsFns(toUtc(date), months));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtc(to), toUtc(from));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

// Made once: building an Intl formatter costs far more than formatting with it.
const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in England at an instant (the service's users all work in UK time). */
export function londonDate(instant: Date): IsoDate {
  return LONDON_DAY.format(instant);
}

export interface YearSpan {
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  label: string;
}

function twoDigit(year: number) {
  return String(year % 100).padStart(2, "0");
}

/** The financial year (1 April to 31 March) that contains a date, labelled "2021-22". */
export function financialYearOf(date: IsoDate): YearSpan {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= "04-01" ? year : year - 1;
  return financialYear(startYear);
}

export function financialYear(startYear: number): YearSpan {
  return { start: `${startYear}-04-01`, end: `${startYear + 1}-03-31`, label: `${startYear}-${twoDigit(startYear + 1)}` };
}

/** The academic year (1 September to 31 August) that contains a date, labelled "2020/21". */
export function academicYearOf(date: IsoDate): YearSpan {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= "09-01" ? year : year - 1;
  return academicYear(startYear);
}

export function academicYear(startYear: number): YearSpan {
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31`, label: `${startYear}/${twoDigit(startYear + 1)}` };
}

export interface Quarter extends YearSpan {
  /** 1 = April to June, as councils report to DfE. */
  quarter: 1 | 2 | 3 | 4;
  financialYear: string;
}

/** The financial-year quarter containing a date: Q1 is April to June. */
export function financialQuarterOf(date: IsoDate): Quarter {
  const fy = financialYearOf(date);
  const monthsIn = (Number(date.slice(0, 4)) - Number(fy.start.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - 4;
  const q = (Math.floor(monthsIn / 3) + 1) as 1 | 2 | 3 | 4;
  const start = addMonths(fy.start, (q - 1) * 3);
  const end = addDays(addMonths(start, 3), -1);
  return { start, end, quarter: q, financialYear: fy.label, label: `Q${q} ${fy.label}` };
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  // h12 (1–12), not hour12 (which gives "0:05 pm" for noon in Node's ICU).
  hourCycle: "h12",
  timeZone: "Europe/London",
});

/** "1 September 2020" */
export function formatDate(date: IsoDate | null | undefined, fallback = "Not set"): string {
  return date ? longDate.format(toUtc(date)) : fallback;
}

/** "1 Sept 2020" */
export function formatDateShort(date: IsoDate | null | undefined, fallback = "–"): string {
  return date ? shortDate.format(toUtc(date)) : fallback;
}

/** "September 2020" */
export function formatMonth(date: IsoDate | null | undefined, fallback = "Not set"): string {
  return date ? monthYear.format(toUtc(date)) : fallback;
}

/** "23 November 2026 at 11:05am" in UK time. */
export function formatDateTime(instant: Date | string | null | undefined, fallback = "–"): string {
  if (!instant) return fallback;
  const parts = dateTime.formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")} ${get("month")} ${get("year")} at ${get("hour")}:${get("minute")}${get("dayPeriod").toLowerCase().replace(/\s/g, "")}`;
}
