import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { z } from "zod";

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/** CSV text with a header row. Starts with a byte-order mark so Excel reads £ and accents correctly. */
export function toCsv<Row>(rows: Row[], columns: CsvColumn<Row>[]): string {
  const body = stringify([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r) ?? ""))], { eof: true, record_delimiter: "\r\n" });
  return `\uFEFF${body}`;
}

/** A download of CSV text, named like "walsall-posts-2026-11-23.csv". */
export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^a-zA-Z0-9._-]/g, "-")}"`,
      "Cache-Control": "no-store",
    },
  });
}

export interface ParsedCsv {
  headers: string[];
  /** Each data row keyed by header, with its line number in the file (the header is line 1). */
  rows: Array<{ line: number; values: Record<string, string> }>;
}

export class CsvFormatError extends Error {}

/** Parses an uploaded CSV (header row required). Headers are matched case-insensitively. */
export function parseCsv(text: string, options: { maxRows?: number } = {}): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw new CsvFormatError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new CsvFormatError("The file is empty.");
  const headers = records[0].map((h) => h.trim().toLowerCase());
  const data = records.slice(1);
  if (options.maxRows && data.length > options.maxRows) throw new CsvFormatError(`The file has ${data.length} rows; the most one import takes is ${options.maxRows}.`);
  return {
    headers,
    rows: data.map((cells, i) => ({ line: i + 2, values: Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? ""])) })),
  };
}

export interface RowIssue {
  line: number;
  column?: string;
  message: string;
}

/**
 * Checks each row against a zod schema. Nothing is written here: an import is applied only when
 * this finds no issue at all.
 */
export function validateRows<T>(parsed: ParsedCsv, schema: z.ZodType<T>, required: string[] = []): { valid: Array<{ line: number; value: T }>; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const missing = required.filter((h) => !parsed.headers.includes(h));
  if (missing.length) return { valid: [], issues: [{ line: 1, message: `The header row is missing ${missing.map((m) => `"${m}"`).join(", ")}.` }] };
  const valid: Array<{ line: number; value: T }> = [];
  for (const row of parsed.rows) {
    const cleaned = Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, v === "" ? undefined : v]));
    const result = schema.safeParse(cleaned);
    if (result.success) valid.push({ line: row.line, value: result.data });
    else for (const issue of result.error.issues) issues.push({ line: row.line, column: issue.path.join(".") || undefined, message: issue.message });
  }
  return { valid, issues };
}
