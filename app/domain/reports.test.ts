import { describe, expect, it } from "vitest";
import {
  committeeSpan,
  csvFigure,
  describeQuarter,
  describeSource,
  fig,
  financialQuarter,
  formatFigure,
  isNumeric,
  MAX_QUARTER_CHOICES,
  narrativeParagraphs,
  normaliseNarrative,
  parseQuarterSlug,
  quarterChoices,
  quarterSlug,
  quarterWindow,
  reportCsvRows,
  reportFileName,
  withNarratives,
  type ReportSection,
} from "./reports";

describe("quarters", () => {
  it("names a financial-year quarter by its year's start and number, both ways", () => {
    expect(financialQuarter(2024, 3)).toMatchObject({ start: "2024-10-01", end: "2024-12-31", label: "Q3 2024-25" });
    expect(financialQuarter(2024, 4)).toMatchObject({ start: "2025-01-01", end: "2025-03-31", label: "Q4 2024-25" });
    expect(quarterSlug(financialQuarter(2024, 4))).toBe("2024-Q4");
    expect(quarterSlug(financialQuarter(2024, 1))).toBe("2024-Q1");
    expect(parseQuarterSlug("2024-Q3")).toMatchObject({ start: "2024-10-01", end: "2024-12-31" });
    expect(parseQuarterSlug("2020-Q4")).toMatchObject({ start: "2021-01-01", end: "2021-03-31" });
    for (const bad of ["2024-Q5", "2024-Q0", "2024Q3", "24-Q3", "1999-Q1", "2100-Q1", "", null, undefined]) expect(parseQuarterSlug(bad)).toBeNull();
  });

  it("reports a finished quarter at its end and a running one at today; a quarter not started has no window", () => {
    const q3 = financialQuarter(2021, 3);
    expect(quarterWindow(q3, "2022-02-15")).toMatchObject({ asOf: "2021-12-31", current: false, span: { start: "2021-10-01", end: "2021-12-31" }, next: { label: "Q4 2021-22" } });
    expect(quarterWindow(q3, "2021-12-31")).toMatchObject({ asOf: "2021-12-31", current: true });
    expect(quarterWindow(q3, "2021-10-01")).toMatchObject({ asOf: "2021-10-01", current: true, span: { start: "2021-10-01", end: "2021-10-01" } });
    expect(quarterWindow(q3, "2021-09-30")).toBeNull();
    // Q4 is followed by Q1 of the next financial year.
    expect(quarterWindow(financialQuarter(2021, 4), "2022-06-01")!.next).toMatchObject({ label: "Q1 2022-23", start: "2022-04-01" });
    // Q1 follows Q4 of the year before, down to the first quarter a return can be asked for.
    expect(quarterWindow(financialQuarter(2022, 1), "2022-06-01")!.previous).toMatchObject({ label: "Q4 2021-22", start: "2022-01-01" });
    expect(quarterWindow(financialQuarter(2000, 1), "2022-06-01")!.previous).toBeNull();
  });

  it("offers the quarters from the programme's start to today, newest first, or two years without a start", () => {
    expect(quarterChoices("2021-05-10", "2022-02-15").map((q) => q.label)).toEqual(["Q4 2021-22", "Q3 2021-22", "Q2 2021-22", "Q1 2021-22"]);
    expect(quarterChoices("2022-01-01", "2022-01-01").map((q) => q.label)).toEqual(["Q4 2021-22"]);
    expect(quarterChoices(null, "2022-02-15")).toHaveLength(8);
    // A start still to come is ignored; a very early one is capped.
    expect(quarterChoices("2030-01-01", "2022-02-15")).toHaveLength(8);
    expect(quarterChoices("2001-01-01", "2022-02-15")).toHaveLength(MAX_QUARTER_CHOICES);
  });

  it("describes a quarter and a committee update's three months", () => {
    expect(describeQuarter(financialQuarter(2021, 3))).toBe("Q3 2021-22: 1 October 2021 to 31 December 2021");
    expect(committeeSpan("2022-01-31")).toEqual({ start: "2021-11-01", end: "2022-01-31" });
    expect(committeeSpan("2022-05-31")).toEqual({ start: "2022-03-01", end: "2022-05-31" });
  });
});

describe("figures", () => {
  it("formats each kind for reading and for a spreadsheet", () => {
    const cases: Array<[ReturnType<typeof fig.count>, string, string, boolean]> = [
      [fig.count(1234), "1,234", "1234", true],
      [fig.fte(3.5), "3.5", "3.5", true],
      [fig.percent(70), "70.0%", "70", true],
      [fig.percent(null), "–", "", true],
      [fig.money(7_778_600), "£77,786", "77786", true],
      [fig.money(-12_345), "−£123", "-123.45", true],
      [fig.date("2020-09-01"), "1 September 2020", "2020-09-01", false],
      [fig.date(null), "–", "", false],
      [fig.date(null, "Not planned"), "Not planned", "", false],
      [fig.text("Darlaston", "/a/walsall/hubs/1"), "Darlaston", "Darlaston", false],
      [fig.text(null), "", "", false],
      [fig.met(true), "Met", "Met", false],
      [fig.met(false), "Not met", "Not met", false],
    ];
    for (const [value, read, csv, numeric] of cases) {
      expect(formatFigure(value)).toBe(read);
      expect(csvFigure(value)).toBe(csv);
      expect(isNumeric(value)).toBe(numeric);
    }
    expect(fig.text("x")).toEqual({ kind: "text", value: "x" });
  });
});

const sectionWith = (overrides: Partial<ReportSection>): ReportSection => ({
  key: "risks",
  title: "Risks and issues",
  summary: "",
  figures: [],
  tables: [],
  sources: [
    { label: "Risks and issues register", href: "/a/x/plan/raid?asOf=2021-12-31", asOf: "2021-12-31" },
    { label: "Implementation plan", href: "/a/x/plan?asOf=2021-12-31", asOf: "2021-12-31" },
  ],
  notes: [],
  narrative: null,
  ...overrides,
});

describe("the CSV of a report", () => {
  it("has a row per headline figure and per table cell, each with its section and source", () => {
    const s = sectionWith({
      figures: [
        { measure: "Risks open", value: fig.count(3) },
        { measure: "Milestones overdue", value: fig.count(1), source: 1 },
      ],
      tables: [
        {
          key: "open",
          caption: "Open risks",
          columns: [{ header: "Title" }, { header: "Score", numeric: true }, { header: "Review date" }],
          rows: [{ key: "r1", cells: [fig.text("Venue", "/a/x/plan/raid/1"), fig.count(20), fig.date("2022-01-01")] }],
          empty: "None",
        },
        { key: "empty", caption: "Nothing", columns: [{ header: "A" }, { header: "B" }], rows: [], empty: "None", source: 1 },
      ],
    });
    const register = "Risks and issues register, as of 31 December 2021 (https://x.test/a/x/plan/raid?asOf=2021-12-31)";
    expect(reportCsvRows({ sections: [s] }, "https://x.test")).toEqual([
      { section: "Risks and issues", measure: "Risks open", value: "3", source: register },
      { section: "Risks and issues", measure: "Milestones overdue", value: "1", source: "Implementation plan, as of 31 December 2021 (https://x.test/a/x/plan?asOf=2021-12-31)" },
      { section: "Risks and issues", measure: "Open risks – Venue – Score", value: "20", source: register },
      { section: "Risks and issues", measure: "Open risks – Venue – Review date", value: "2022-01-01", source: register },
    ]);
  });

  it("falls back to the first source for an index it does not have, and to none when there is none", () => {
    expect(reportCsvRows({ sections: [sectionWith({ figures: [{ measure: "m", value: fig.count(1), source: 5 }] })] })[0].source).toBe(
      "Risks and issues register, as of 31 December 2021 (/a/x/plan/raid?asOf=2021-12-31)",
    );
    expect(reportCsvRows({ sections: [sectionWith({ sources: [], figures: [{ measure: "m", value: fig.count(1) }] })] })[0].source).toBe("");
  });

  it("describes a source", () => {
    expect(describeSource({ label: "Workforce", href: "/a/x/workforce", asOf: "2022-03-31" })).toBe("Workforce, as of 31 March 2022");
  });
});

describe("narratives", () => {
  it("normalises line endings and blank edges, and splits paragraphs on blank lines", () => {
    expect(normaliseNarrative("  \r\nFirst line  \r\nsecond\r\rthird\n\n ")).toBe("First line\nsecond\n\nthird");
    expect(narrativeParagraphs("One\ntwo\n\n\n  \nThree")).toEqual([["One", "two"], ["Three"]]);
    expect(narrativeParagraphs("")).toEqual([]);
    expect(narrativeParagraphs(null)).toEqual([]);
  });

  it("attaches the stored text to its section and leaves the others empty", () => {
    const narrative = { body: "Text", version: 2, updatedAt: "2022-01-01T10:00:00.000Z", updatedBy: "Jo" };
    const [a, b] = withNarratives([sectionWith({ key: "risks" }), sectionWith({ key: "funding" })], new Map([["funding", narrative]]));
    expect(a.narrative).toBeNull();
    expect(b.narrative).toEqual(narrative);
  });

  it("names downloads after the authority, the report and its period", () => {
    expect(reportFileName("walsall", "quarterly", "2024-Q3", "docx")).toBe("walsall-dfe-return-2024-Q3.docx");
    expect(reportFileName("walsall", "committee", "2024-12-31", "csv")).toBe("walsall-committee-update-2024-12-31.csv");
  });
});
