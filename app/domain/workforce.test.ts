import { describe, expect, it } from "vitest";
import { contractsEnding, currentStage, establishmentSummary, expectedLastDay, isAdultSpecialistRole, isEstablished, isInPost, overdueContracts, roleLabel, vacancies, type AppointmentFacts, type PostFacts } from "./workforce";

const post = (id: string, o: Partial<PostFacts> = {}): PostFacts => ({ id, role: "mental-health", fte: 1, teamId: "t1", adultSpecialist: true, establishedOn: "2020-06-01", disestablishedOn: null, ...o });
const appt = (postId: string, o: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  id: `a-${postId}-${o.startDate ?? "x"}`,
  postId,
  holder: "H",
  fte: 1,
  contractType: "permanent",
  contractEnd: null,
  startDate: "2020-08-01",
  startConfirmed: true,
  lastDay: null,
  ...o,
});

describe("roles", () => {
  it("labels catalogue roles and keeps custom ones", () => {
    expect(roleLabel("domestic-abuse-victim")).toBe("Domestic abuse victim worker");
    expect(roleLabel("Family practitioner")).toBe("Family practitioner");
    expect(isAdultSpecialistRole("clinical-psychologist")).toBe(true);
    expect(isAdultSpecialistRole("social-worker")).toBe(false);
  });
});

describe("dates of posts and holders", () => {
  it("establishes a post from its date until (not including) disestablishment", () => {
    const p = post("p", { establishedOn: "2021-01-01", disestablishedOn: "2022-01-01" });
    expect([isEstablished(p, "2020-12-31"), isEstablished(p, "2021-01-01"), isEstablished(p, "2021-12-31"), isEstablished(p, "2022-01-01")]).toEqual([false, true, true, false]);
    expect(isEstablished(post("q", { establishedOn: null }), "1999-01-01")).toBe(true);
  });
  it("keeps a holder in post through the last day", () => {
    const a = appt("p", { lastDay: "2021-06-30" });
    expect([isInPost(a, "2020-07-31"), isInPost(a, "2020-08-01"), isInPost(a, "2021-06-30"), isInPost(a, "2021-07-01")]).toEqual([false, true, true, false]);
  });
  it("expects fixed-term contracts and secondments to end on their end date", () => {
    expect(expectedLastDay(appt("p", { contractType: "fixed-term", contractEnd: "2022-08-31" }), "2022-01-01")).toBe("2022-08-31");
    expect(expectedLastDay(appt("p", { contractType: "secondment", contractEnd: "2022-08-31", lastDay: "2022-05-01" }), "2022-01-01")).toBe("2022-05-01");
    expect(expectedLastDay(appt("p", { contractType: "permanent", contractEnd: "2022-08-31" }), "2022-01-01")).toBeNull();
  });
  it("does not assume an end date already past when no last day is recorded, and flags it", () => {
    const stale = appt("p", { contractType: "fixed-term", contractEnd: "2021-08-31" });
    expect(expectedLastDay(stale, "2022-01-01")).toBeNull();
    expect(overdueContracts([stale, appt("q", { contractType: "fixed-term", contractEnd: "2023-01-31" }), appt("r", { contractType: "fixed-term", contractEnd: "2021-08-31", lastDay: "2021-08-31" })], "2022-01-01")).toEqual([stale]);
  });
});

describe("recruitment", () => {
  it("takes the latest step of the current round", () => {
    const steps = [
      { postId: "p", stage: "advertised", onDate: "2020-05-01" },
      { postId: "p", stage: "interview", onDate: "2020-06-01" },
      { postId: "p", stage: "advertised", onDate: "2021-09-01" },
      { postId: "p", stage: "shortlisting", onDate: "2021-09-20" },
    ];
    expect(currentStage(steps, "2020-08-01", "2021-10-01")).toEqual({ stage: "shortlisting", since: "2021-09-20" });
    expect(currentStage(steps, "2020-08-01", "2021-09-10")).toEqual({ stage: "advertised", since: "2021-09-01" });
    expect(currentStage(steps, "2020-08-01", "2021-01-01")).toEqual({ stage: "not-started", since: null });
    expect(currentStage(steps, null, "2020-07-01")).toEqual({ stage: "interview", since: "2020-06-01" });
  });

  it("lists vacancies with their stage and age, most advanced first", () => {
    const posts = [post("filled"), post("left"), post("never"), post("agreed"), post("half", { fte: 1 })];
    const appointments = [
      appt("filled"),
      appt("left", { lastDay: "2021-10-31" }),
      appt("agreed", { startDate: "2022-02-01", startConfirmed: false, holder: "New starter" }),
      appt("half", { fte: 0.5 }),
    ];
    const steps = [{ postId: "left", stage: "interview", onDate: "2021-12-01" }];
    const v = vacancies(posts, appointments, steps, "2022-01-01");
    expect(v.map((x) => [x.postId, x.stage, x.vacantFte, x.vacantSince, x.ageDays])).toEqual([
      ["agreed", "start-date-agreed", 1, "2020-06-01", 579],
      ["left", "interview", 1, "2021-11-01", 61],
      ["never", "not-started", 1, "2020-06-01", 579],
      ["half", "not-started", 0.5, "2020-06-01", 579],
    ]);
    expect(v[0].agreedStart).toEqual({ holder: "New starter", startDate: "2022-02-01", fte: 1 });
  });
});

describe("contracts ending", () => {
  it("lists fixed-term contracts and secondments ending in the window, soonest first", () => {
    const appointments = [
      appt("a", { id: "1", contractType: "fixed-term", contractEnd: "2022-03-31" }),
      appt("b", { id: "2", contractType: "secondment", contractEnd: "2022-01-31" }),
      appt("c", { id: "3", contractType: "fixed-term", contractEnd: "2022-12-31" }),
      appt("d", { id: "4", contractType: "permanent", contractEnd: null }),
      appt("e", { id: "5", contractType: "fixed-term", contractEnd: "2022-02-28", lastDay: "2022-02-28" }),
      appt("f", { id: "6", contractType: "fixed-term", contractEnd: "2021-12-31" }),
    ];
    expect(contractsEnding(appointments, "2022-01-01", "2022-07-01").map((c) => [c.appointmentId, c.daysLeft])).toEqual([
      ["2", 30],
      ["1", 89],
    ]);
  });
});

describe("establishment summary", () => {
  it("gives establishment, in post, pipeline and vacant FTE and headcount by a key", () => {
    const posts = [post("a", { role: "mental-health" }), post("b", { role: "mental-health", fte: 0.5 }), post("c", { role: "substance-misuse" })];
    const appointments = [appt("a"), appt("b", { fte: 0.5, lastDay: "2021-01-01" }), appt("b", { fte: 0.5, startDate: "2022-06-01" }), appt("c", { fte: 0.8 })];
    const rows = establishmentSummary(posts, appointments, "2022-01-01", (p) => p.role);
    expect(rows).toEqual([
      { key: "mental-health", establishmentFte: 1.5, inPostFte: 1, pipelineFte: 0.5, vacantFte: 0.5, establishmentPosts: 2, inPostHeadcount: 1, pipelineHeadcount: 1 },
      { key: "substance-misuse", establishmentFte: 1, inPostFte: 0.8, pipelineFte: 0, vacantFte: 0.2, establishmentPosts: 1, inPostHeadcount: 1, pipelineHeadcount: 0 },
    ]);
  });
});
