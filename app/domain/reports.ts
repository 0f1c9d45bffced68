import { addDays, addMonths, financialQuarterOf, formatDate, type IsoDate, type Quarter } from "./dates";
import { formatCount, formatFte, formatMoney, formatPercent } from "./format";
import { penceToInput } from "./money";
import type { DateSpan } from "./plan";

/**
 * Reports councils owe (issue 7): the quarterly DfE return and the committee update.
 *
 * A report is an assembled model: an ordered list of sections, each with its figures, tables,
 * sources and narrative. The page, the .docx and the CSV are all rendered from that one model,
 * so they cannot disagree. The sections themselves are built in report-sections.ts from the
 * same dated facts and domain rules the readiness, workforce, plan and funding pages use.
 */

export type ReportKind = "quarterly" | "committee";

export const REPORT_TITLES: Record<ReportKind, string> = {
  quarterly: "Quarterly return to the DfE",
  committee: "Committee update",
};

// ---------------------------------------------------------------------------------------------
// Quarters

const QUARTER_SLUG = /^(\d{4})-Q([1-4])$/;

/** The financial-year quarter `q` of the year starting 1 April `startYear` (Q1 = April to June). */
export function financialQuarter(startYear: number, q: 1 | 2 | 3 | 4): Quarter {
  return financialQuarterOf(addMonths(`${startYear}-04-01`, (q - 1) * 3));
}

/** "2024-Q3": the financial year's start year and the quarter (Q3 2024-25 is October to December 2024). */
export function quarterSlug(q: Pick<Quarter, "start" | "quarter">): string {
  const startYear = Number(q.start.slice(0, 4)) - (q.quarter === 4 ? 1 : 0);
  return `${startYear}-Q${q.quarter}`;
}

/** The quarter a URL names ("2024-Q3"), or null when it names none. */
export function parseQuarterSlug(slug: string | null | undefined): Quarter | null {
  const match = QUARTER_SLUG.exec(slug ?? "");
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2099) return null;
  return financialQuarter(year, Number(match[2]) as 1 | 2 | 3 | 4);
}

/** What a quarterly return covers: the quarter, the date its figures are taken at, and the next quarter. */
export interface QuarterWindow {
  quarter: Quarter;
  /** The quarter's last day, or today while the quarter is still running. */
  asOf: IsoDate;
  /** True while the quarter is still running: the figures are provisional. */
  current: boolean;
  /** The days reported on: the quarter's first day to the as-of date. */
  span: DateSpan;
  next: Quarter;
  /** The quarter before; null before the first quarter a return can be asked for (2000-Q1). */
  previous: Quarter | null;
}

/** The window of a quarter seen on `today`; null for a quarter that has not started (nothing to report). */
export function quarterWindow(quarter: Quarter, today: IsoDate): QuarterWindow | null {
  if (quarter.start > today) return null;
  const current = today <= quarter.end;
  const asOf = current ? today : quarter.end;
  const before = financialQuarterOf(addDays(quarter.start, -1));
  return { quarter, asOf, current, span: { start: quarter.start, end: asOf }, next: financialQuarterOf(addDays(quarter.end, 1)), previous: parseQuarterSlug(quarterSlug(before)) ? before : null };
}

/** At most this many quarters are offered (ten years). */
export const MAX_QUARTER_CHOICES = 40;

/**
 * The quarters a return can be chosen for, newest first: from the quarter containing `from`
 * (the programme's start; without one, two years back) to the current quarter.
 */
export function quarterChoices(from: IsoDate | null, today: IsoDate): Quarter[] {
  const first = financialQuarterOf(from && from <= today ? from : addMonths(today, -21));
  const result: Quarter[] = [];
  for (let q = financialQuarterOf(today); result.length < MAX_QUARTER_CHOICES; q = financialQuarterOf(addDays(q.start, -1))) {
    result.push(q);
    if (q.start <= first.start) break;
  }
  return result;
}

/** A committee update looks back over the three months to its as-of date. */
export function committeeSpan(asOf: IsoDate): DateSpan {
  return { start: addDays(addMonths(asOf, -3), 1), end: asOf };
}

// ---------------------------------------------------------------------------------------------
// Figures

export type FigureValue =
  | { kind: "count"; value: number }
  | { kind: "fte"; value: number }
  | { kind: "percent"; value: number | null }
  | { kind: "money"; pence: number }
  | { kind: "date"; value: IsoDate | null; fallback?: string }
  | { kind: "text"; value: string; href?: string }
  | { kind: "met"; value: boolean };

export const fig = {
  count: (value: number): FigureValue => ({ kind: "count", value }),
  fte: (value: number): FigureValue => ({ kind: "fte", value }),
  percent: (value: number | null): FigureValue => ({ kind: "percent", value }),
  money: (pence: number): FigureValue => ({ kind: "money", pence }),
  date: (value: IsoDate | null, fallback?: string): FigureValue => (fallback === undefined ? { kind: "date", value } : { kind: "date", value, fallback }),
  text: (value: string | null | undefined, href?: string): FigureValue => (href ? { kind: "text", value: value ?? "", href } : { kind: "text", value: value ?? "" }),
  met: (value: boolean): FigureValue => ({ kind: "met", value }),
};

/** A figure as people read it (the page and the .docx): "£77,786", "70.5%", "3.5", "1 September 2020". */
export function formatFigure(v: FigureValue): string {
  switch (v.kind) {
    case "count":
      return formatCount(v.value);
    case "fte":
      return formatFte(v.value);
    case "percent":
      return formatPercent(v.value);
    case "money":
      return formatMoney(v.pence);
    case "date":
      return formatDate(v.value, v.fallback ?? "–");
    case "text":
      return v.value;
    case "met":
      return v.value ? "Met" : "Not met";
  }
}

/** A figure as a spreadsheet takes it: plain numbers (pounds with pence), ISO dates, no symbols. */
export function csvFigure(v: FigureValue): string {
  switch (v.kind) {
    case "count":
    case "fte":
      return String(v.value);
    case "percent":
      return v.value === null ? "" : String(v.value);
    case "money":
      return penceToInput(v.pence);
    case "date":
      return v.value ?? "";
    case "text":
      return v.value;
    case "met":
      return v.value ? "Met" : "Not met";
  }
}

/** Figures that line up on the right in a table. */
export function isNumeric(v: FigureValue): boolean {
  return v.kind === "count" || v.kind === "fte" || v.kind === "percent" || v.kind === "money";
}

// ---------------------------------------------------------------------------------------------
// The model

/** Where a section's figures come from: a page of the service, at a date. */
export interface ReportSource {
  label: string;
  /** A path in the service, e.g. "/a/walsall/plan?asOf=2024-12-31". */
  href: string;
  asOf: IsoDate;
}

export interface ReportFigure {
  measure: string;
  value: FigureValue;
  /** Index into the section's sources (0 when not given). */
  source?: number;
}

export interface ReportTable {
  key: string;
  caption: string;
  /** The first column labels each row. */
  columns: Array<{ header: string; numeric?: boolean }>;
  rows: Array<{ key: string; cells: FigureValue[] }>;
  /** Shown when there are no rows. */
  empty: string;
  source?: number;
}

/** The words someone wrote for a section (stored per report, period and section). */
export interface Narrative {
  body: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ReportSection {
  key: string;
  title: string;
  /** One generated sentence saying what the figures show. */
  summary: string;
  figures: ReportFigure[];
  tables: ReportTable[];
  sources: ReportSource[];
  /** Caveats about the figures. */
  notes: string[];
  narrative: Narrative | null;
}

export interface Report {
  kind: ReportKind;
  authorityName: string;
  title: string;
  /** "Q3 2024-25 (1 October to 31 December 2024)" or "As of 31 December 2024". */
  subtitle: string;
  /** What narratives are stored under: "2024-Q3", or the committee update's as-of date. */
  period: string;
  asOf: IsoDate;
  /** True when the period is still running and the figures will move. */
  provisional: boolean;
  sections: ReportSection[];
}

/** A section with the narrative stored for it (or none). */
export function withNarratives(sections: ReportSection[], narratives: ReadonlyMap<string, Narrative>): ReportSection[] {
  return sections.map((s) => ({ ...s, narrative: narratives.get(s.key) ?? null }));
}

/** "Q3 2024-25: 1 October 2024 to 31 December 2024" */
export function describeQuarter(q: Quarter): string {
  return `${q.label}: ${formatDate(q.start)} to ${formatDate(q.end)}`;
}

/** "Source: Implementation plan, as of 31 December 2024" */
export function describeSource(s: ReportSource): string {
  return `${s.label}, as of ${formatDate(s.asOf)}`;
}

// ---------------------------------------------------------------------------------------------
// CSV

export interface CsvFigureRow {
  section: string;
  measure: string;
  value: string;
  source: string;
}

/**
 * One row per figure: the section's headline figures, then every cell of its tables (the
 * measure names the table, the row and the column). `origin` makes the sources' links absolute.
 */
export function reportCsvRows(report: Pick<Report, "sections">, origin = ""): CsvFigureRow[] {
  const rows: CsvFigureRow[] = [];
  for (const s of report.sections) {
    const source = (i = 0) => {
      const src = s.sources[i] ?? s.sources[0];
      return src ? `${describeSource(src)} (${origin}${src.href})` : "";
    };
    for (const f of s.figures) rows.push({ section: s.title, measure: f.measure, value: csvFigure(f.value), source: source(f.source) });
    for (const t of s.tables) {
      for (const r of t.rows) {
        const label = formatFigure(r.cells[0]);
        t.columns.slice(1).forEach((c, i) => {
          rows.push({ section: s.title, measure: `${t.caption} – ${label} – ${c.header}`, value: csvFigure(r.cells[i + 1]), source: source(t.source) });
        });
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Narrative

/** The longest narrative one section takes. */
export const NARRATIVE_MAX = 10_000;

/** Line endings made "\n", trailing spaces and blank lines at either end dropped. */
export function normaliseNarrative(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

/** Paragraphs (separated by blank lines), each as its lines. */
export function narrativeParagraphs(text: string | null | undefined): string[][] {
  return normaliseNarrative(text ?? "")
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").map((l) => l.trim()).filter(Boolean))
    .filter((p) => p.length > 0);
}

/** A file name for a download: "walsall-dfe-return-2024-Q3.docx". */
export function reportFileName(slug: string, kind: ReportKind, period: string, extension: "docx" | "csv"): string {
  return `${slug}-${kind === "quarterly" ? "dfe-return" : "committee-update"}-${period}.${extension}`;
}
