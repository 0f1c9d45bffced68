import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { adultWorkersCriterion, effectiveThresholds, forecastCriteria, hasCompletedMi, miCriterion, missingWorkshops, miGaps, readinessOn, readinessTrend, vacanciesClosingGap, workshopGaps, workshopsCriterion, DEFAULT_THRESHOLDS, type TrainingFacts, type WorkforceFacts } from "./readiness";
import type { AppointmentFacts, PostFacts } from "./workforce";
import { completedCourses, isStaffInPost, type AttendanceFacts, type StaffFacts } from "./training";

let n = 0;
const post = (o: Partial<PostFacts> = {}): PostFacts => ({ id: `p${++n}`, role: "substance-misuse", fte: 1, teamId: null, adultSpecialist: true, establishedOn: null, disestablishedOn: null, ...o });
const appt = (p: PostFacts, o: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  id: `a${++n}`,
  postId: p.id,
  holder: `holder ${n}`,
  fte: p.fte,
  contractType: "permanent",
  contractEnd: null,
  startDate: "2020-01-01",
  startConfirmed: true,
  lastDay: null,
  ...o,
});
const staff = (o: Partial<StaffFacts> = {}): StaffFacts => ({ id: `s${++n}`, name: `person ${n}`, discipline: "social-worker", teamId: null, startDate: "2020-01-01", leaveDate: null, inScope: true, ...o });
const attended = (s: StaffFacts, courseId: string, on: string, status = "attended"): AttendanceFacts => ({ staffMemberId: s.id, courseId, completesOn: on, status });

const noTraining: TrainingFacts = { staff: [], attendance: [], miCourseIds: ["mi"], requirements: {} };

describe("adult specialist workers in post", () => {
  it("Dudley, end of July 2023: 9.2 of 15 FTE = 61.3%, not met", () => {
    const posts = [
      post({ role: "substance-misuse", fte: 3.5 }),
      post({ role: "domestic-abuse-victim", fte: 3.5 }),
      post({ role: "domestic-abuse-perpetrator", fte: 3.5 }),
      post({ role: "health-worker", fte: 4.5 }),
    ];
    const appointments = [appt(posts[0], { fte: 3.5 }), appt(posts[1], { fte: 3.5 }), appt(posts[2], { fte: 2.2 })];
    const c = adultWorkersCriterion({ posts, appointments }, "2023-07-31", 70);
    expect(c).toMatchObject({ numerator: 9.2, denominator: 15, percent: 61.3, met: false, unit: "FTE" });
    // 70% of 15 is 10.5 FTE: 1.3 FTE short.
    expect(c.shortfall).toBe(1.3);
    expect(c.byGroup.find((g) => g.key === "health-worker")).toEqual({ key: "health-worker", numerator: 0, denominator: 4.5, percent: 0 });
    expect(c.byGroup.find((g) => g.key === "domestic-abuse-perpetrator")).toMatchObject({ numerator: 2.2, percent: 62.9 });
  });

  const walsall = () => {
    const posts = Array.from({ length: 16 }, (_, i) => post({ teamId: `locality-${i % 4}`, establishedOn: "2020-06-01" }));
    const appointments = posts.slice(0, 13).map((p) => appt(p, { startDate: "2020-08-01" }));
    return { posts, appointments };
  };

  it("Walsall at go-live, 1 September 2020: 13 of 16 = 81.3%, met", () => {
    const c = adultWorkersCriterion(walsall(), "2020-09-01", 70);
    expect(c).toMatchObject({ numerator: 13, denominator: 16, percent: 81.3, met: true, shortfall: 0 });
    expect(c.byTeam).toHaveLength(4);
    expect(c.byTeam.find((t) => t.key === "locality-0")).toEqual({ key: "locality-0", numerator: 4, denominator: 4, percent: 100 });
  });

  it("Walsall later: 11 of 16 = 68.8%, no longer met", () => {
    const w = walsall();
    w.appointments[0].lastDay = "2021-10-31";
    w.appointments[1].lastDay = "2022-01-14";
    const c = adultWorkersCriterion(w, "2022-03-01", 70);
    expect(c).toMatchObject({ numerator: 11, denominator: 16, percent: 68.8, met: false });
    expect(c.shortfall).toBe(0.2); // 70% of 16 = 11.2 FTE
  });

  it("counts someone whose last day is the as-of date as in post that day, not the day after", () => {
    const p = post();
    const w = { posts: [p], appointments: [appt(p, { lastDay: "2022-03-31" })] };
    expect(adultWorkersCriterion(w, "2022-03-31", 70).numerator).toBe(1);
    expect(adultWorkersCriterion(w, "2022-04-01", 70).numerator).toBe(0);
  });

  it("counts an agreed start from its date, not before", () => {
    const p = post();
    const w = { posts: [p], appointments: [appt(p, { startDate: "2023-05-02", startConfirmed: false })] };
    expect(adultWorkersCriterion(w, "2023-05-01", 70).numerator).toBe(0);
    expect(adultWorkersCriterion(w, "2023-05-02", 70).numerator).toBe(1);
  });

  it("counts part-time FTE, and caps a post at its own FTE", () => {
    const p = post({ fte: 1 });
    const q = post({ fte: 0.5 });
    const w = { posts: [p, q], appointments: [appt(p, { fte: 0.6 }), appt(q, { fte: 0.5 }), appt(q, { fte: 0.5, holder: "job share" })] };
    const c = adultWorkersCriterion(w, "2021-01-01", 70);
    expect(c).toMatchObject({ numerator: 1.1, denominator: 1.5, percent: 73.3, met: true });
  });

  it("adds FTE in hundredths: 0.1 + 0.2 is 0.3", () => {
    const p = post({ fte: 0.3 });
    const w = { posts: [p], appointments: [appt(p, { fte: 0.1 }), appt(p, { fte: 0.2 })] };
    expect(adultWorkersCriterion(w, "2021-01-01", 70)).toMatchObject({ numerator: 0.3, denominator: 0.3, percent: 100, met: true });
  });

  it("follows a post with two holders in a year", () => {
    const p = post();
    const w = { posts: [p], appointments: [appt(p, { startDate: "2021-01-04", lastDay: "2021-06-30" }), appt(p, { startDate: "2021-09-01" })] };
    expect(adultWorkersCriterion(w, "2021-03-01", 70).numerator).toBe(1);
    expect(adultWorkersCriterion(w, "2021-07-15", 70).numerator).toBe(0);
    expect(adultWorkersCriterion(w, "2021-12-01", 70).numerator).toBe(1);
  });

  it("ignores posts that are not adult specialist, not yet established, or disestablished", () => {
    const w = {
      posts: [post({ adultSpecialist: false }), post({ establishedOn: "2022-01-01" }), post({ disestablishedOn: "2021-01-01" }), post()],
      appointments: [],
    };
    expect(adultWorkersCriterion(w, "2021-06-01", 70).denominator).toBe(1);
    expect(adultWorkersCriterion(w, "2020-12-31", 70).denominator).toBe(2);
    expect(adultWorkersCriterion(w, "2022-01-01", 70).denominator).toBe(2);
  });

  it("reports an empty authority without dividing by zero", () => {
    const c = adultWorkersCriterion({ posts: [], appointments: [] }, "2021-01-01", 70);
    expect(c).toMatchObject({ numerator: 0, denominator: 0, percent: null, met: false, shortfall: 0 });
  });

  it("meets a threshold exactly, and uses the authority's own threshold", () => {
    const posts = Array.from({ length: 10 }, () => post());
    const w = { posts, appointments: posts.slice(0, 7).map((p) => appt(p)) };
    expect(adultWorkersCriterion(w, "2021-01-01", 70).met).toBe(true);
    expect(adultWorkersCriterion(w, "2021-01-01", 75).met).toBe(false);
    expect(effectiveThresholds(DEFAULT_THRESHOLDS, { thresholdAdultWorkers: 75, thresholdMi: null, thresholdWorkshops: 80 })).toEqual({ adultWorkers: 75, mi: 70, workshops: 80 });
  });
});

describe("training criteria", () => {
  const req = { "social-worker": ["ws1", "ws2"], "team-manager": ["ws1", "ws3"], "business-support": ["ws1"] };

  it("MI: in-scope staff in post who completed it by the date", () => {
    const a = staff();
    const b = staff();
    const c = staff({ inScope: false });
    const d = staff({ leaveDate: "2021-02-28" });
    const t: TrainingFacts = { staff: [a, b, c, d], attendance: [attended(a, "mi", "2021-03-02"), attended(c, "mi", "2021-01-01"), attended(b, "mi", "2021-05-01", "did-not-attend")], miCourseIds: ["mi"], requirements: req };
    expect(miCriterion(t, "2021-03-01", 70)).toMatchObject({ numerator: 0, denominator: 2, met: false });
    expect(miCriterion(t, "2021-03-02", 70)).toMatchObject({ numerator: 1, denominator: 2, percent: 50, met: false, shortfall: 1 });
    // d left on 28 February: counted that day, not after.
    expect(miCriterion(t, "2021-02-28", 70).denominator).toBe(3);
  });

  it("Telford, end of May 2021: both training criteria over 70%", () => {
    const people = Array.from({ length: 50 }, (_, i) => staff({ discipline: i < 40 ? "social-worker" : "team-manager" }));
    const attendance = people.flatMap((p, i) => {
      const rows = [] as AttendanceFacts[];
      if (i < 38) rows.push(attended(p, "mi", "2021-05-20"));
      if (i < 37 || i >= 45) rows.push(attended(p, "ws1", "2021-04-10"), attended(p, p.discipline === "social-worker" ? "ws2" : "ws3", "2021-04-20"));
      return rows;
    });
    const t: TrainingFacts = { staff: people, attendance, miCourseIds: ["mi"], requirements: req };
    expect(miCriterion(t, "2021-05-31", 70)).toMatchObject({ numerator: 38, denominator: 50, percent: 76, met: true });
    expect(workshopsCriterion(t, "2021-05-31", 70)).toMatchObject({ numerator: 42, denominator: 50, percent: 84, met: true });
  });

  it("workshops: every required workshop for the person's discipline, and gaps by discipline", () => {
    const sw = staff();
    const tm = staff({ discipline: "team-manager" });
    const bs = staff({ discipline: "business-support" });
    const t: TrainingFacts = {
      staff: [sw, tm, bs],
      attendance: [attended(sw, "ws1", "2021-01-10"), attended(sw, "ws2", "2021-01-11"), attended(tm, "ws1", "2021-01-10"), attended(bs, "ws1", "2021-01-10")],
      miCourseIds: ["mi"],
      requirements: req,
    };
    const c = workshopsCriterion(t, "2021-02-01", 70);
    expect(c).toMatchObject({ numerator: 2, denominator: 3, percent: 66.7, met: false, shortfall: 1 });
    expect(c.byGroup.find((g) => g.key === "team-manager")).toEqual({ key: "team-manager", numerator: 0, denominator: 1, percent: 0 });
  });

  it("counts a person with no requirements as done", () => {
    const s = staff({ discipline: "volunteer" });
    expect(workshopsCriterion({ ...noTraining, staff: [s] }, "2021-01-01", 70)).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it("reports no staff in scope without dividing by zero", () => {
    expect(miCriterion(noTraining, "2021-01-01", 70)).toMatchObject({ percent: null, met: false, shortfall: 0 });
  });
});

describe("overall readiness", () => {
  it("is ready only when all three are met", () => {
    const p = post();
    const w = { posts: [p], appointments: [appt(p)] };
    const s = staff();
    const t: TrainingFacts = { staff: [s], attendance: [attended(s, "mi", "2021-01-01")], miCourseIds: ["mi"], requirements: { "social-worker": ["ws1"] } };
    expect(readinessOn(w, t, DEFAULT_THRESHOLDS, "2021-02-01").ready).toBe(false);
    t.attendance.push(attended(s, "ws1", "2021-01-15"));
    expect(readinessOn(w, t, DEFAULT_THRESHOLDS, "2021-02-01").ready).toBe(true);
  });
});

describe("forecast", () => {
  it("finds the first date an agreed start meets the criterion", () => {
    const posts = [post(), post(), post()];
    const w = { posts, appointments: [appt(posts[0]), appt(posts[1], { startDate: "2023-09-04", startConfirmed: false }), appt(posts[2], { startDate: "2023-10-02", startConfirmed: false })] };
    expect(forecastCriteria(w, noTraining, DEFAULT_THRESHOLDS, "2023-07-31")["adult-workers"]).toEqual({ kind: "will-meet", on: "2023-10-02" });
  });

  it("says when nothing planned meets it", () => {
    const posts = [post(), post()];
    expect(forecastCriteria({ posts, appointments: [appt(posts[0])] }, noTraining, DEFAULT_THRESHOLDS, "2023-07-31")["adult-workers"]).toEqual({ kind: "not-on-current-plans" });
    expect(forecastCriteria({ posts: [], appointments: [] }, noTraining, DEFAULT_THRESHOLDS, "2023-07-31")["adult-workers"]).toEqual({ kind: "nothing-to-count" });
  });

  it("takes a holder whose contract end passed with no last day recorded as still in post", () => {
    const posts = [post()];
    const appointments = [appt(posts[0], { contractType: "fixed-term", contractEnd: "2022-08-31" })];
    expect(forecastCriteria({ posts, appointments }, noTraining, DEFAULT_THRESHOLDS, "2026-11-23")["adult-workers"]).toEqual({ kind: "met", since: null, fallsBelowOn: null });
  });

  it("warns when fixed-term contracts ending will take a met criterion below the threshold", () => {
    const posts = Array.from({ length: 4 }, () => post());
    const appointments = posts.slice(0, 3).map((p, i) => appt(p, { contractType: "fixed-term", contractEnd: i === 0 ? "2024-03-31" : null }));
    expect(forecastCriteria({ posts, appointments }, noTraining, DEFAULT_THRESHOLDS, "2023-09-01")["adult-workers"]).toEqual({ kind: "met", since: null, fallsBelowOn: "2024-04-01" });
  });

  it("does not count a booked place on a session already over: its attendance is not recorded", () => {
    const a = staff();
    const t: TrainingFacts = { staff: [a], attendance: [attended(a, "mi", "2023-09-20", "booked")], miCourseIds: ["mi"], requirements: {} };
    expect(forecastCriteria({ posts: [], appointments: [] }, t, DEFAULT_THRESHOLDS, "2023-10-01").mi).toEqual({ kind: "not-on-current-plans" });
    expect(forecastCriteria({ posts: [], appointments: [] }, t, DEFAULT_THRESHOLDS, "2023-09-01").mi).toEqual({ kind: "will-meet", on: "2023-09-20" });
  });

  it("counts booked training as done on the session's last day, and leavers out", () => {
    const a = staff();
    const b = staff();
    const c = staff({ leaveDate: "2024-01-31" });
    const t: TrainingFacts = { staff: [a, b, c], attendance: [attended(a, "mi", "2023-10-12", "booked"), attended(b, "mi", "2023-11-20", "booked")], miCourseIds: ["mi"], requirements: {} };
    // 2 of 3 (66.7%) from 20 November; c leaves on 31 January, then 2 of 2.
    expect(forecastCriteria({ posts: [], appointments: [] }, t, DEFAULT_THRESHOLDS, "2023-10-01").mi).toEqual({ kind: "will-meet", on: "2024-02-01" });
  });
});

describe("trend", () => {
  it("gives month-end figures from dated records", () => {
    const posts = [post(), post()];
    const w: WorkforceFacts = { posts, appointments: [appt(posts[0], { startDate: "2021-01-15" }), appt(posts[1], { startDate: "2021-03-01", lastDay: "2021-03-31" })] };
    const trend = readinessTrend(w, noTraining, DEFAULT_THRESHOLDS, "2021-01-01", "2021-04-10");
    expect(trend.map((p) => [p.date, p.adultWorkers.numerator])).toEqual([
      ["2021-01-31", 1],
      ["2021-02-28", 1],
      ["2021-03-31", 2],
      ["2021-04-10", 1],
    ]);
  });
});

describe("gaps", () => {
  it("lists who still needs MI, with any booked place", () => {
    const a = staff({ name: "Ann" });
    const b = staff({ name: "Bob" });
    const c = staff({ name: "Cat", inScope: false });
    const t: TrainingFacts = { staff: [a, b, c], attendance: [attended(a, "mi", "2021-01-10"), attended(b, "mi", "2021-03-02", "booked"), attended(b, "mi", "2021-04-02", "booked")], miCourseIds: ["mi"], requirements: {} };
    expect(miGaps(t, "2021-02-01")).toEqual([{ staffMemberId: b.id, name: "Bob", discipline: "social-worker", teamId: null, missing: ["mi"], booked: { mi: "2021-03-02" } }]);
  });

  it("lists missing workshops, most missing first", () => {
    const a = staff({ name: "Ann" });
    const b = staff({ name: "Bob" });
    const t: TrainingFacts = { staff: [a, b], attendance: [attended(a, "ws1", "2021-01-10"), attended(b, "ws2", "2021-05-01", "booked")], miCourseIds: ["mi"], requirements: { "social-worker": ["ws1", "ws2"] } };
    expect(workshopGaps(t, "2021-02-01").map((g) => [g.name, g.missing, g.booked])).toEqual([
      ["Bob", ["ws1", "ws2"], { ws2: "2021-05-01" }],
      ["Ann", ["ws2"], {}],
    ]);
  });

  it("marks the vacancies that would close the gap", () => {
    const v = [{ vacantFte: 0.5 }, { vacantFte: 1 }, { vacantFte: 1 }];
    expect(vacanciesClosingGap(v, 1.3).map((x) => x.closesGap)).toEqual([true, true, false]);
    expect(vacanciesClosingGap(v, 0).map((x) => x.closesGap)).toEqual([false, false, false]);
  });

  it("counts plans for a future date when asked", () => {
    const p = post();
    const w = { posts: [p], appointments: [appt(p, { contractType: "fixed-term", contractEnd: "2024-03-31" })] };
    expect(readinessOn(w, noTraining, DEFAULT_THRESHOLDS, "2024-06-01").criteria[0].numerator).toBe(1);
    expect(readinessOn(w, noTraining, DEFAULT_THRESHOLDS, "2024-06-01", "2024-01-01").criteria[0].numerator).toBe(0);
    // Planned from after the contract's end: an end already past is not assumed.
    expect(readinessOn(w, noTraining, DEFAULT_THRESHOLDS, "2024-06-01", "2024-05-01").criteria[0].numerator).toBe(1);
  });
});

describe("the training criteria agree with the record-by-record definition", () => {
  // The criteria precompute each person's completion dates; this checks them against the plain
  // definition (completedCourses on the date itself) on random facts, dates and plan dates.
  const day = fc.integer({ min: 0, max: 40 }).map((d) => addDays("2021-01-01", d));
  const facts = fc
    .record({
      people: fc.array(fc.record({ discipline: fc.constantFrom("social-worker", "manager"), start: fc.option(day), leave: fc.option(day), inScope: fc.boolean() }), { maxLength: 8 }),
      records: fc.array(fc.record({ person: fc.nat(7), course: fc.constantFrom("mi", "mi2", "ws1", "ws2", "other"), on: day, status: fc.constantFrom("attended", "booked", "did-not-attend", "cancelled") }), { maxLength: 30 }),
      requirements: fc.constantFrom<Record<string, string[]>>({}, { "social-worker": ["ws1", "ws2"] }, { "social-worker": ["ws1"], manager: ["ws2"] }),
    })
    .map(({ people, records, requirements }): TrainingFacts => {
      const list = people.map((p, i): StaffFacts => ({ id: `s${i}`, name: `p${i}`, discipline: p.discipline, teamId: null, startDate: p.start, leaveDate: p.leave, inScope: p.inScope }));
      return {
        staff: list,
        attendance: records.filter((r) => r.person < list.length).map((r) => ({ staffMemberId: `s${r.person}`, courseId: r.course, completesOn: r.on, status: r.status })),
        miCourseIds: ["mi", "mi2"],
        requirements,
      };
    });

  it("for MI and the workshops, on any date, with or without plans", () => {
    fc.assert(
      fc.property(facts, day, fc.option(day), (t, date, plansFrom) => {
        const completed = completedCourses(t.attendance, date, plansFrom);
        const inPost = t.staff.filter((s) => s.inScope && isStaffInPost(s, date));
        const mi = inPost.filter((s) => hasCompletedMi(t, completed.get(s.id) ?? new Set())).length;
        const workshops = inPost.filter((s) => missingWorkshops(t, s, completed.get(s.id) ?? new Set()).length === 0).length;
        expect(miCriterion(t, date, 70, plansFrom)).toMatchObject({ numerator: mi, denominator: inPost.length });
        expect(workshopsCriterion(t, date, 70, plansFrom)).toMatchObject({ numerator: workshops, denominator: inPost.length });
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });
});
