import { describe, expect, it } from "vitest";
import { cadenceOf, meetingPattern, sectorLabel } from "./partnership";

describe("sectors", () => {
  it("labels known sectors and keeps others as they are", () => {
    expect(sectorLabel("health")).toBe("Health (NHS)");
    expect(sectorLabel("voluntary")).toBe("Voluntary or charity");
    expect(sectorLabel("something")).toBe("something");
  });
});

describe("meeting cadence", () => {
  it.each([
    [7, "weekly"],
    [10, "weekly"],
    [14, "fortnightly"],
    [20, "fortnightly"],
    [28, "monthly"],
    [45, "monthly"],
    [61, "every two months"],
    [75, "every two months"],
    [91, "quarterly"],
    [120, "quarterly"],
    [180, "irregularly"],
  ])("a usual gap of %i days is %s", (gap, cadence) => {
    expect(cadenceOf(gap)).toBe(cadence);
  });
});

describe("meeting pattern", () => {
  const monthly = ["2022-11-15", "2022-12-13", "2023-01-17", "2023-02-14", "2023-03-14", "2023-04-18", "2023-05-16", "2023-06-13", "2023-07-11"];

  it("says the board meets monthly since its first meeting", () => {
    expect(meetingPattern(monthly, "2023-07-31")).toEqual({
      count: 9,
      first: "2022-11-15",
      last: "2023-07-11",
      cadence: "monthly",
      ongoing: true,
      sentence: "Meets monthly since November 2022 (9 meetings)",
    });
  });

  it("counts only meetings held by the date", () => {
    expect(meetingPattern(monthly, "2023-01-31")).toMatchObject({ count: 3, sentence: "Meets monthly since November 2022 (3 meetings)" });
  });

  it("speaks in the past once meetings have stopped", () => {
    expect(meetingPattern(monthly, "2023-12-01")).toMatchObject({ ongoing: false, sentence: "Met monthly from November 2022 to July 2023 (9 meetings)" });
  });

  it("handles no meeting, one meeting and an even number of gaps", () => {
    expect(meetingPattern([], "2023-01-01")).toMatchObject({ count: 0, cadence: null, sentence: "No meetings recorded yet" });
    expect(meetingPattern(["2022-11-15", "2023-05-01"], "2022-12-01")).toMatchObject({ count: 1, sentence: "Met once, in November 2022" });
    expect(meetingPattern(["2023-01-01", "2023-04-01", "2023-07-01"], "2023-07-02")).toMatchObject({ cadence: "quarterly", ongoing: true });
    expect(meetingPattern(["2023-01-01", "2023-01-01", "2023-01-15"], "2023-01-20")).toMatchObject({ count: 2, cadence: "fortnightly" });
  });
});
