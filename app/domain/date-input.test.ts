import { describe, expect, it } from "vitest";
import { formatDateInput, parseDateInput } from "./date-input";

describe("dates typed in forms", () => {
  it("reads day-first UK dates, written dates and ISO dates", () => {
    const cases: Array<[string, string]> = [
      ["1/9/2020", "2020-09-01"],
      ["01/09/2020", "2020-09-01"],
      ["1-9-2020", "2020-09-01"],
      ["1.9.2020", "2020-09-01"],
      ["1 9 2020", "2020-09-01"],
      ["1 September 2020", "2020-09-01"],
      ["1st September, 2020", "2020-09-01"],
      ["15 Sept 2020", "2020-09-15"],
      ["15 sep. 2020", "2020-09-15"],
      ["29 February 2024", "2024-02-29"],
      [" 2020-09-01 ", "2020-09-01"],
      ["2020-9-1", "2020-09-01"],
    ];
    for (const [text, iso] of cases) expect(parseDateInput(text), text).toBe(iso);
  });

  it("refuses what is not a real date", () => {
    for (const bad of ["", "30/2/2023", "29 February 2023", "1/13/2020", "9/1/20", "1 Septober 2020", "1 se 2020", "September 2020", "2020-02-30", "tomorrow"]) expect(parseDateInput(bad), bad).toBeNull();
  });

  it("writes an ISO date back the way people type it", () => {
    expect(formatDateInput("2020-09-01")).toBe("1/9/2020");
    expect(formatDateInput("2023-12-25")).toBe("25/12/2023");
    expect(formatDateInput(null)).toBe("");
    expect(parseDateInput(formatDateInput("2024-02-29"))).toBe("2024-02-29");
  });
});
