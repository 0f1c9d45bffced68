import { describe, expect, it } from "vitest";
import {
  academicYearOf,
  addDays,
  addMonths,
  daysBetween,
  financialQuarterOf,
  financialYearOf,
  formatDate,
  formatDateShort,
  formatDateTime,
  formatMonth,
  isIsoDate,
  londonDate,
  maxDate,
  minDate,
} from "./dates";

describe("financial years (April to March)", () => {
  it.each([
    ["2021-04-01", "2021-22", "2021-04-01", "2022-03-31"],
    ["2022-03-31", "2021-22", "2021-04-01", "2022-03-31"],
    ["2020-09-01", "2020-21", "2020-04-01", "2021-03-31"],
    ["2024-12-31", "2024-25", "2024-04-01", "2025-03-31"],
    ["2099-01-15", "2098-99", "2098-04-01", "2099-03-31"],
    ["2000-03-31", "1999-00", "1999-04-01", "2000-03-31"],
  ])("%s falls in %s", (date, label, start, end) => {
    expect(financialYearOf(date)).toEqual({ label, start, end });
  });
});

describe("academic years (September to August)", () => {
  it.each([
    ["2020-09-01", "2020/21", "2020-09-01", "2021-08-31"],
    ["2021-08-31", "2020/21", "2020-09-01", "2021-08-31"],
    ["2021-01-01", "2020/21", "2020-09-01", "2021-08-31"],
    ["2024-09-01", "2024/25", "2024-09-01", "2025-08-31"],
  ])("%s falls in %s", (date, label, start, end) => {
    expect(academicYearOf(date)).toEqual({ label, start, end });
  });
});

describe("financial-year quarters (Q1 = April to June)", () => {
  it.each([
    ["2021-04-01", 1, "2021-04-01", "2021-06-30", "2021-22"],
    ["2021-06-30", 1, "2021-04-01", "2021-06-30", "2021-22"],
    ["2021-07-01", 2, "2021-07-01", "2021-09-30", "2021-22"],
    ["2021-12-31", 3, "2021-10-01", "2021-12-31", "2021-22"],
    ["2022-01-01", 4, "2022-01-01", "2022-03-31", "2021-22"],
    ["2024-02-29", 4, "2024-01-01", "2024-03-31", "2023-24"],
  ])("%s is Q%i", (date, quarter, start, end, fy) => {
    expect(financialQuarterOf(date)).toEqual({ quarter, start, end, financialYear: fy, label: `Q${quarter} ${fy}` });
  });
});

describe("date arithmetic", () => {
  it("adds days across months, years and daylight-saving changes", () => {
    expect(addDays("2021-03-27", 2)).toBe("2021-03-29");
    expect(addDays("2020-12-31", 1)).toBe("2021-01-01");
    expect(addDays("2021-03-01", -1)).toBe("2021-02-28");
  });
  it("adds months, clamping to the month's end", () => {
    expect(addMonths("2020-09-01", 12)).toBe("2021-09-01");
    expect(addMonths("2021-01-31", 1)).toBe("2021-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2021-05-15", -6)).toBe("2020-11-15");
  });
  it("counts days between dates", () => {
    expect(daysBetween("2020-09-01", "2021-09-01")).toBe(365);
    expect(daysBetween("2021-10-30", "2021-11-01")).toBe(2);
    expect(daysBetween("2021-11-01", "2021-10-30")).toBe(-2);
  });
  it("orders dates", () => {
    expect(minDate("2021-01-01", "2020-12-31")).toBe("2020-12-31");
    expect(maxDate("2021-01-01", "2020-12-31")).toBe("2021-01-01");
  });
  it("validates ISO dates strictly", () => {
    expect(isIsoDate("2021-02-28")).toBe(true);
    expect(isIsoDate("2021-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2021-13-01")).toBe(false);
    expect(isIsoDate("1/2/2021")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});

describe("UK formats", () => {
  it("formats dates the UK way", () => {
    expect(formatDate("2020-09-01")).toBe("1 September 2020");
    expect(formatDate(null)).toBe("Not set");
    expect(formatDate(undefined, "Not live")).toBe("Not live");
    expect(formatDateShort("2023-07-10")).toMatch(/^10 Jul/);
    expect(formatMonth("2022-11-01")).toBe("November 2022");
  });
  it("formats instants in UK time, summer and winter", () => {
    expect(formatDateTime(new Date("2026-11-23T11:05:00Z"))).toBe("23 November 2026 at 11:05am");
    expect(formatDateTime(new Date("2026-07-01T13:30:00Z"))).toBe("1 July 2026 at 2:30pm");
    expect(formatDateTime(new Date("2026-11-23T12:05:00Z"))).toBe("23 November 2026 at 12:05pm");
    expect(formatDateTime(new Date("2026-11-23T00:05:00Z"))).toBe("23 November 2026 at 12:05am");
    expect(formatDateTime(null)).toBe("–");
  });
  it("takes today's date in England, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in British Summer Time.
    expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonDate(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});
