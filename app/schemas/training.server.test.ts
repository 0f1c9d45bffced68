import { describe, expect, it } from "vitest";
import { z } from "zod";
import { courseFields, END_BEFORE_START, endAfterStart, sessionFields, staffSchema } from "./training.server";

const messages = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) => (r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`));

describe("the staff form", () => {
  it("turns the form into a record", () => {
    expect(staffSchema.parse({ externalRef: " FS-0001 ", name: "A B", discipline: "team-manager", teamId: undefined, startDate: "04/01/2021", leaveDate: "2022-03-31", inScope: "no" })).toEqual({
      externalRef: "FS-0001",
      name: "A B",
      discipline: "team-manager",
      teamId: null,
      startDate: "2021-01-04",
      leaveDate: "2022-03-31",
      inScope: false,
    });
  });

  it("says what is wrong beside each field", () => {
    expect(messages(staffSchema.safeParse({ discipline: "plumber", teamId: "not-an-id", startDate: "31/02/2021" }))).toEqual([
      "externalRef: Enter a reference",
      "name: Enter a name or initials",
      "discipline: Select a discipline",
      "teamId: Select a team",
      "startDate: Enter the start date as a real date, like 31/05/2021",
      "inScope: Select whether they count towards the criteria",
    ]);
    expect(messages(staffSchema.safeParse({ externalRef: "A", name: "A", discipline: "other", startDate: "2021-02-01", leaveDate: "2021-01-31", inScope: "yes" }))).toEqual(["leaveDate: The last day must be on or after the start date"]);
  });
});

describe("the course and session forms", () => {
  const course = z.object(courseFields);
  const session = z.object(sessionFields).refine(endAfterStart, END_BEFORE_START);
  it("takes whole and half days only", () => {
    expect(course.parse({ name: "Trauma-informed practice", durationDays: 1.5 })).toEqual({ name: "Trauma-informed practice", durationDays: 1.5, audience: null });
    expect(messages(course.safeParse({ name: "x", durationDays: 1.3 }))).toEqual(["name: Enter the course name", "durationDays: Enter whole or half days, like 1 or 1.5"]);
    expect(messages(course.safeParse({ name: "Course", durationDays: 0 }))).toEqual(["durationDays: A course is at least half a day"]);
  });

  it("needs a start date and mode; an end date on or after the start; a whole number of places", () => {
    expect(session.parse({ startDate: "2021-03-01", endDate: "02/03/2021", mode: "virtual", capacity: 12 })).toEqual({ startDate: "2021-03-01", endDate: "2021-03-02", mode: "virtual", facilitator: null, capacity: 12, location: null });
    expect(messages(session.safeParse({ capacity: 1.5 }))).toEqual(["startDate: Enter the start date", "mode: Select in person or virtual", "capacity: Enter the number of places as a whole number"]);
    expect(messages(session.safeParse({ startDate: "2021-03-02", endDate: "2021-03-01", mode: "in-person" }))).toEqual(["endDate: The end date must be on or after the start date"]);
  });
});
