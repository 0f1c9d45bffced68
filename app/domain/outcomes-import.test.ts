import { describe, expect, it } from "vitest";
import { outcomeRowSchema, planOutcomesImport, type ExistingFigure, type ImportIndicator, type OutcomeRow } from "./outcomes-import";

const INDICATORS: ImportIndicator[] = [
  { id: "cp", key: "cp-plans", name: "Children on a child protection plan", unit: "count", periodType: "snapshot" },
  { id: "care", key: "entering-care", name: "Children entering care", unit: "count", periodType: "flow" },
  { id: "rr", key: "re-referrals", name: "Re-referrals within 12 months", unit: "percent", periodType: "flow" },
  { id: "own", key: null, name: "Families stepped down", unit: "count", periodType: "snapshot" },
];
const EXISTING: ExistingFigure[] = [{ id: "x", indicatorId: "cp", periodStart: "2019-12-31", periodEnd: "2019-12-31", value: 370, source: "Report", notes: null }];
const HEADERS = ["indicator", "date", "period_start", "period_end", "value", "source", "notes"];

function rows(...values: Array<Record<string, string | undefined>>) {
  return values.map((v, i) => {
    const parsed = outcomeRowSchema.safeParse(v);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    return { line: i + 2, value: parsed.data as OutcomeRow };
  });
}
const plan = (r: ReturnType<typeof rows>, headers = HEADERS) => planOutcomesImport(r, headers, { indicators: INDICATORS, existing: EXISTING, today: "2022-06-30" });

describe("outcome rows", () => {
  it("parses dates in either form and figures with separators", () => {
    const [r] = rows({ indicator: "cp-plans", date: "31/12/2021", value: "1,227" });
    expect(r.value).toMatchObject({ date: "2021-12-31", value: 1227 });
  });
  it("refuses a bad date, a bad figure and a missing indicator", () => {
    expect(outcomeRowSchema.safeParse({ indicator: "cp-plans", date: "31/02/2021", value: "1" }).success).toBe(false);
    expect(outcomeRowSchema.safeParse({ indicator: "cp-plans", date: "2021-12-31", value: "-1" }).success).toBe(false);
    expect(outcomeRowSchema.safeParse({ indicator: "cp-plans", date: "2021-12-31", value: "1.234" }).success).toBe(false);
    expect(outcomeRowSchema.safeParse({ date: "2021-12-31", value: "1" }).success).toBe(false);
    expect(outcomeRowSchema.safeParse({ indicator: "   ", value: "1" }).success).toBe(false);
  });
});

describe("planning an outcomes import", () => {
  it("creates, updates and leaves unchanged, matching indicators by key or name in any case", () => {
    const p = plan(
      rows(
        { indicator: "CP-PLANS", date: "2019-12-31", value: "370", source: "Report" },
        { indicator: "cp-plans", period_end: "2021-12-31", value: "227" },
        { indicator: "children entering care", period_start: "2019-04-01", period_end: "2020-03-31", value: "242" },
        { indicator: "Families stepped down", date: "2021-12-31", value: "12", notes: "own" },
      ),
    );
    expect(p.issues).toEqual([]);
    expect(p.changes.map((c) => [c.line, c.action, c.values.indicatorId, c.values.periodStart, c.values.periodEnd, c.values.value])).toEqual([
      [2, "unchanged", "cp", "2019-12-31", "2019-12-31", 370],
      [3, "create", "cp", "2021-12-31", "2021-12-31", 227],
      [4, "create", "care", "2019-04-01", "2020-03-31", 242],
      [5, "create", "own", "2021-12-31", "2021-12-31", 12],
    ]);
    expect(plan(rows({ indicator: "cp-plans", date: "2019-12-31", value: "371", source: "Report" })).changes[0].action).toBe("update");
  });
  it("keeps the recorded source and notes when their columns are left out, and clears them when blank", () => {
    const kept = plan(rows({ indicator: "cp-plans", date: "2019-12-31", value: "370" }), ["indicator", "date", "value"]);
    expect(kept.changes[0]).toMatchObject({ action: "unchanged", values: { source: "Report", notes: null } });
    const cleared = plan(rows({ indicator: "cp-plans", date: "2019-12-31", value: "370" }));
    expect(cleared.changes[0]).toMatchObject({ action: "update", values: { source: null } });
  });
  it("reports every problem by line and column", () => {
    const p = plan(
      rows(
        { indicator: "nothing", date: "2021-12-31", value: "1" },
        { indicator: "cp-plans", value: "1" },
        { indicator: "cp-plans", period_start: "2021-01-01", period_end: "2021-12-31", value: "1" },
        { indicator: "entering-care", period_end: "2021-12-31", value: "1" },
        { indicator: "entering-care", period_start: "2021-01-01", value: "1" },
        { indicator: "entering-care", period_start: "2021-12-01", period_end: "2021-01-31", value: "1" },
        { indicator: "cp-plans", date: "2023-01-01", value: "1" },
        { indicator: "re-referrals", period_start: "2021-01-01", period_end: "2021-12-31", value: "101" },
        { indicator: "cp-plans", date: "2021-06-30", value: "1.5" },
        { indicator: "cp-plans", date: "2021-03-31", value: "1" },
        { indicator: "Children on a child protection plan", date: "2021-03-31", value: "2" },
        { indicator: "entering-care", period_start: "2021-01-01", period_end: "2023-12-31", value: "1" },
      ),
    );
    expect(p.issues.map((i) => [i.line, i.column])).toEqual([
      [2, "indicator"],
      [3, "date"],
      [4, "period_start"],
      [5, "period_start"],
      [6, "period_end"],
      [7, "period_end"],
      [8, "date"],
      [9, "value"],
      [10, "value"],
      [12, "indicator"],
      [13, "period_end"],
    ]);
    expect(p.issues[0].message).toMatch(/No indicator "nothing"/);
    expect(p.issues[1].message).toMatch(/counted at a date/);
    expect(p.issues[6].message).toBe("The date cannot be in the future");
    expect(p.issues[7].message).toBe("A percentage must be 100 or less");
    expect(p.issues[8].message).toBe("A count must be a whole number");
    expect(p.issues[9].message).toBe("Children on a child protection plan for 31 March 2021 is also on line 11");
    expect(p.changes.map((c) => c.line)).toEqual([11]);
  });
  it("accepts a decimal percentage and a snapshot whose period_start is the same day", () => {
    const p = plan(rows({ indicator: "re-referrals", period_start: "2021-01-01", period_end: "2021-12-31", value: "21.5" }, { indicator: "cp-plans", period_start: "2021-12-31", period_end: "2021-12-31", value: "1" }));
    expect(p.issues).toEqual([]);
    expect(p.changes).toHaveLength(2);
  });
});
