import { describe, expect, it } from "vitest";
import type { TrainingFacts } from "./readiness";
import type { AttendanceFacts, StaffFacts } from "./training";
import { breakdownByDiscipline, breakdownByTeam, filterStaff, isCounted, plannedPlaces, staffFilterFrom, staffProgress, trainingGaps, type PlannedPlace } from "./training-progress";

let n = 0;
const staff = (o: Partial<StaffFacts> = {}): StaffFacts => ({ id: `s${++n}`, name: `Person ${n}`, discipline: "social-worker", teamId: "t1", startDate: "2020-01-01", leaveDate: null, inScope: true, ...o });
const att = (s: StaffFacts, courseId: string, completesOn: string, status = "attended"): AttendanceFacts => ({ staffMemberId: s.id, courseId, completesOn, status });
const place = (s: StaffFacts, courseId: string, startDate: string, status = "booked"): PlannedPlace => ({ sessionId: `session-${courseId}-${startDate}`, staffMemberId: s.id, courseId, startDate, completesOn: startDate, status });

function facts(people: StaffFacts[], attendance: AttendanceFacts[]): TrainingFacts {
  return { staff: people, attendance, miCourseIds: ["mi"], requirements: { "social-worker": ["ws1", "ws2"], "business-support": ["ws1"] } };
}

describe("who is counted", () => {
  it("in scope and in post, a leaver still on their last day", () => {
    expect(isCounted(staff(), "2021-01-01")).toBe(true);
    expect(isCounted(staff({ inScope: false }), "2021-01-01")).toBe(false);
    expect(isCounted(staff({ leaveDate: "2021-01-01" }), "2021-01-01")).toBe(true);
    expect(isCounted(staff({ leaveDate: "2021-01-01" }), "2021-01-02")).toBe(false);
  });
});

describe("training gaps", () => {
  it("lists the counted people missing MI or a required workshop, with what they are booked on", () => {
    const done = staff({ name: "Done" });
    const noMi = staff({ name: "Needs MI" });
    const noWs2 = staff({ name: "Needs ws2" });
    const outOfScope = staff({ name: "Out of scope", inScope: false });
    const left = staff({ name: "Left", leaveDate: "2021-02-28" });
    const starter = staff({ name: "Starter", startDate: "2021-06-01" });
    const bs = staff({ name: "Business support", discipline: "business-support" });
    const f = facts(
      [done, noMi, noWs2, outOfScope, left, starter, bs],
      [
        att(done, "mi", "2021-02-01"),
        att(done, "ws1", "2021-02-01"),
        att(done, "ws2", "2021-02-01"),
        att(noMi, "ws1", "2021-02-01"),
        att(noMi, "ws2", "2021-02-01"),
        att(noMi, "mi", "2021-03-10", "did-not-attend"),
        att(noWs2, "mi", "2021-02-01"),
        att(noWs2, "ws1", "2021-02-01"),
        // After the date: not done on it.
        att(noWs2, "ws2", "2021-04-01"),
        att(bs, "mi", "2021-02-01"),
        att(bs, "ws1", "2021-02-01"),
      ],
    );
    const places = [place(noMi, "mi", "2021-05-04"), place(noMi, "ws1", "2021-01-10", "attended"), place(noWs2, "ws2", "2021-04-01", "attended"), place(noWs2, "ws2", "2021-03-01", "attended")];
    const gaps = trainingGaps(f, "2021-03-31", places);
    expect(gaps.map((g) => g.staff.name)).toEqual(["Needs MI", "Needs ws2"]);
    expect(gaps[0]).toMatchObject({ needsMi: true, missingWorkshops: [] });
    expect(gaps[0].planned.map((p) => p.courseId)).toEqual(["mi"]);
    expect(gaps[1]).toMatchObject({ needsMi: false, missingWorkshops: ["ws2"] });
    // Attended after the date counts as the plan; attended before it is history.
    expect(gaps[1].planned.map((p) => p.startDate)).toEqual(["2021-04-01"]);
  });

  it("plans are booked places and places attended after the date", () => {
    const s = staff();
    const places = [place(s, "mi", "2021-01-01"), place(s, "ws1", "2021-01-01", "attended"), place(s, "ws2", "2021-06-01", "attended"), place(s, "ws3", "2021-06-01", "did-not-attend")];
    expect(plannedPlaces(places, "2021-03-31").map((p) => p.courseId)).toEqual(["mi", "ws2"]);
  });
});

describe("staff progress", () => {
  it("gives the first MI completion by the date and the workshops still needed", () => {
    const s = staff();
    const out = staff({ inScope: false, startDate: "2022-01-01" });
    const f = facts([s, out], [att(s, "mi", "2021-03-02"), att(s, "mi", "2021-02-02"), att(s, "mi", "2021-01-02", "did-not-attend"), att(s, "ws1", "2021-03-01"), att(s, "mi", "2021-09-01")]);
    const p = staffProgress(f, "2021-03-31");
    expect(p.get(s.id)).toEqual({ inPost: true, counted: true, miCompletedOn: "2021-02-02", missingWorkshops: ["ws2"] });
    expect(p.get(out.id)).toEqual({ inPost: false, counted: false, miCompletedOn: null, missingWorkshops: ["ws1", "ws2"] });
    expect(staffProgress(f, "2021-01-31").get(s.id)?.miCompletedOn).toBeNull();
  });
});

describe("roster filters", () => {
  const a = staff({ teamId: "t1", discipline: "social-worker" });
  const b = staff({ teamId: null, discipline: "team-manager", inScope: false });
  const c = staff({ teamId: "t2", leaveDate: "2021-01-31" });
  const all = [a, b, c];
  it("filters by team (or no team), discipline, scope and being in post on the date", () => {
    expect(filterStaff(all, {}, "2021-03-01")).toEqual(all);
    expect(filterStaff(all, { team: "t1" }, "2021-03-01")).toEqual([a]);
    expect(filterStaff(all, { team: "none" }, "2021-03-01")).toEqual([b]);
    expect(filterStaff(all, { discipline: "team-manager" }, "2021-03-01")).toEqual([b]);
    expect(filterStaff(all, { inScope: "no" }, "2021-03-01")).toEqual([b]);
    expect(filterStaff(all, { inScope: "yes" }, "2021-03-01")).toEqual([a, c]);
    expect(filterStaff(all, { inPost: "no" }, "2021-03-01")).toEqual([c]);
    expect(filterStaff(all, { inPost: "yes" }, "2021-01-31")).toEqual(all);
  });

  it("reads the filters from a query string, ignoring nonsense", () => {
    expect(staffFilterFrom(new URLSearchParams("team=t1&discipline=other&inScope=yes&inPost=no"))).toEqual({ team: "t1", discipline: "other", inScope: "yes", inPost: "no" });
    expect(staffFilterFrom(new URLSearchParams("team=&inScope=maybe"))).toEqual({ team: undefined, discipline: undefined, inScope: undefined, inPost: undefined });
  });
});

describe("breakdowns", () => {
  const b = (key: string, numerator: number, denominator: number) => ({ key, numerator, denominator, percent: denominator ? Math.round((numerator / denominator) * 1000) / 10 : null });
  it("puts MI and workshops side by side in the authority's team order, with no team last", () => {
    const rows = breakdownByTeam([b("t2", 1, 2), b("", 1, 1)], [b("t2", 0, 2), b("t1", 1, 1)], [{ id: "t1", name: "North" }, { id: "t2", name: "South" }, { id: "t3", name: "Empty" }]);
    expect(rows.map((r) => [r.label, r.mi?.numerator ?? null, r.workshops?.numerator ?? null])).toEqual([
      ["North", null, 1],
      ["South", 1, 0],
      ["No team", 1, null],
    ]);
  });

  it("orders disciplines as the catalogue does, unknown ones after", () => {
    const rows = breakdownByDiscipline([b("other", 1, 1), b("zebra", 0, 1), b("social-worker", 2, 3)], [b("social-worker", 1, 3)]);
    expect(rows.map((r) => r.label)).toEqual(["Social worker", "Other", "zebra"]);
  });
});
