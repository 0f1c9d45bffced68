import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CsvFormatError, parseCsv, toCsv, validateRows } from "./csv.server";

describe("CSV", () => {
  it("writes a header and quoted values, with a BOM for Excel", () => {
    const csv = toCsv([{ name: "Smith, J", fte: 0.5 }], [
      { header: "Name", value: (r) => r.name },
      { header: "FTE", value: (r) => r.fte },
    ]);
    expect(csv).toBe('\uFEFFName,FTE\r\n"Smith, J",0.5\r\n');
  });

  it("parses rows with their line numbers and case-insensitive headers", () => {
    const parsed = parseCsv('\uFEFFRef,Name\r\nA1,"Smith, J"\r\n\r\nA2,Jones\r\n');
    expect(parsed.headers).toEqual(["ref", "name"]);
    expect(parsed.rows).toEqual([
      { line: 2, values: { ref: "A1", name: "Smith, J" } },
      { line: 3, values: { ref: "A2", name: "Jones" } },
    ]);
  });

  it("refuses malformed CSV, empty files and too many rows", () => {
    expect(() => parseCsv('a,b\n1,"unclosed')).toThrow(CsvFormatError);
    expect(() => parseCsv("a,b\n1,2,3")).toThrow(CsvFormatError);
    expect(() => parseCsv("")).toThrow("empty");
    expect(() => parseCsv("a\n1\n2\n3", { maxRows: 2 })).toThrow("the most one import takes is 2");
  });

  it("validates every row and reports each problem by line and column", () => {
    const schema = z.object({ ref: z.string({ error: "Enter a reference" }), fte: z.coerce.number({ error: "FTE must be a number" }).max(1, { error: "FTE must be 1 or less" }) });
    const parsed = parseCsv("ref,fte\nA,0.5\n,0.5\nC,2\n");
    const { valid, issues } = validateRows(parsed, schema, ["ref", "fte"]);
    expect(valid).toEqual([{ line: 2, value: { ref: "A", fte: 0.5 } }]);
    expect(issues).toEqual([
      { line: 3, column: "ref", message: "Enter a reference" },
      { line: 4, column: "fte", message: "FTE must be 1 or less" },
    ]);
    expect(validateRows(parseCsv("name\nx"), schema, ["ref", "fte"]).issues).toEqual([{ line: 1, message: 'The header row is missing "ref", "fte".' }]);
  });
});
