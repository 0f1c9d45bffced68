import { describe, expect, it } from "vitest";
import { financialQuarterOf } from "./dates";
import {
  buildTimeline,
  changedFields,
  countMilestones,
  daysOverdue,
  DEFAULT_WORKSTREAMS,
  describeSlippage,
  DUE_SOON_DAYS,
  hubExpectedOpening,
  hubSlippage,
  hubStatus,
  hubsExpectedWithin,
  hubsOpenedWithin,
  hubsOpenOn,
  inSpan,
  isRaidOpenOn,
  milestoneDate,
  milestonesDoneWithin,
  milestonesDueWithin,
  milestonesOverdueOn,
  milestoneSlippage,
  milestoneStatus,
  moveInOrder,
  nextFinancialQuarter,
  parseServices,
  previousFinancialQuarter,
  raidClosedWithin,
  raidOpenOn,
  raidRaisedWithin,
  raidReference,
  raidScore,
  raidStatusLabel,
  reviewOverdue,
  riskRating,
  riskScore,
  sortRaid,
  topRaid,
  type HubFacts,
  type MilestoneFacts,
  type RaidFacts,
} from "./plan";

const ms = (o: Partial<MilestoneFacts> = {}): MilestoneFacts => ({ dueDate: "2021-06-30", baselineDueDate: "2021-06-30", doneOn: null, ...o });
const hub = (o: Partial<HubFacts> = {}): HubFacts => ({ plannedOpening: "2021-09-01", forecastOpening: null, actualOpening: null, ...o });
const raid = (o: Partial<RaidFacts> & { id?: string } = {}): RaidFacts & { id: string } => ({
  id: "x",
  kind: "risk",
  likelihood: 3,
  impact: 3,
  raisedOn: "2021-01-01",
  reviewDate: null,
  closedOn: null,
  ...o,
});

describe("financial quarters (Q1 = April to June)", () => {
  it("steps to the next and previous quarter across the year boundary", () => {
    expect(nextFinancialQuarter("2022-03-31")).toMatchObject({ label: "Q1 2022-23", start: "2022-04-01", end: "2022-06-30" });
    expect(nextFinancialQuarter("2022-04-01")).toMatchObject({ label: "Q2 2022-23", start: "2022-07-01", end: "2022-09-30" });
    expect(nextFinancialQuarter("2021-12-31")).toMatchObject({ label: "Q4 2021-22", start: "2022-01-01", end: "2022-03-31" });
    expect(previousFinancialQuarter("2022-04-01")).toMatchObject({ label: "Q4 2021-22", start: "2022-01-01", end: "2022-03-31" });
    expect(previousFinancialQuarter("2022-03-31")).toMatchObject({ label: "Q3 2021-22" });
  });
  it("counts both ends of a span and nothing outside it", () => {
    const q = financialQuarterOf("2021-05-15");
    expect([inSpan("2021-03-31", q), inSpan("2021-04-01", q), inSpan("2021-06-30", q), inSpan("2021-07-01", q), inSpan(null, q)]).toEqual([false, true, true, false, false]);
  });
});

describe("workstreams", () => {
  it("has the programme's default workstreams", () => {
    expect(DEFAULT_WORKSTREAMS.map((w) => w.name)).toEqual([
      "Partnership",
      "Redesign",
      "Workforce and recruitment",
      "Training",
      "Organisational development",
      "Systems (the Workbook plug-in)",
      "Performance (scorecard)",
      "Finance",
      "Communications",
    ]);
  });
  it("moves an item a place up or down, and not past either end", () => {
    expect(moveInOrder(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b"], "z", "up")).toEqual(["a", "b"]);
  });
});

describe("milestone status at a date", () => {
  it("is done when done by the date, on or before the due date", () => {
    expect(milestoneStatus(ms({ doneOn: "2021-06-30" }), "2021-07-01")).toBe("done");
    expect(milestoneStatus(ms({ doneOn: "2021-06-01" }), "2021-06-01")).toBe("done");
    expect(milestoneStatus(ms({ dueDate: null, doneOn: "2021-06-01" }), "2021-06-01")).toBe("done");
  });
  it("is done late when done after its due date", () => {
    expect(milestoneStatus(ms({ doneOn: "2021-07-01" }), "2021-07-01")).toBe("done-late");
  });
  it("is not done yet on a date before the done date", () => {
    expect(milestoneStatus(ms({ doneOn: "2021-07-10" }), "2021-07-05")).toBe("overdue");
    expect(milestoneStatus(ms({ doneOn: "2021-06-20" }), "2021-06-19")).toBe("due-soon");
  });
  it("is overdue the day after the due date, not on it", () => {
    expect(milestoneStatus(ms(), "2021-06-30")).toBe("due-soon");
    expect(milestoneStatus(ms(), "2021-07-01")).toBe("overdue");
    expect(daysOverdue(ms(), "2021-07-01")).toBe(1);
    expect(daysOverdue(ms(), "2021-06-30")).toBe(0);
  });
  it("is due soon within the stated number of days, on track beyond", () => {
    expect(DUE_SOON_DAYS).toBe(28);
    expect(milestoneStatus(ms(), "2021-06-02")).toBe("due-soon"); // 28 days
    expect(milestoneStatus(ms(), "2021-06-01")).toBe("on-track"); // 29 days
    expect(milestoneStatus(ms(), "2021-06-01", 29)).toBe("due-soon");
  });
  it("is not scheduled without a due date", () => {
    expect(milestoneStatus(ms({ dueDate: null }), "2021-06-01")).toBe("not-scheduled");
  });
  it("counts statuses", () => {
    const list = [ms({ doneOn: "2021-06-01" }), ms({ doneOn: "2021-07-15" }), ms(), ms({ dueDate: "2021-07-20" }), ms({ dueDate: "2021-12-31" }), ms({ dueDate: null })];
    expect(countMilestones(list, "2021-07-15")).toEqual({ total: 6, done: 1, "done-late": 1, overdue: 1, "due-soon": 1, "on-track": 1, "not-scheduled": 1 });
    expect(milestonesOverdueOn(list, "2021-07-15")).toEqual([list[2]]);
  });
});

describe("milestone slippage against the baseline", () => {
  it("compares the due date in force while not done", () => {
    expect(milestoneSlippage(ms({ dueDate: "2021-07-31" }), "2021-06-01")).toBe(31);
    expect(milestoneSlippage(ms({ dueDate: "2021-06-15" }), "2021-06-01")).toBe(-15);
    expect(milestoneSlippage(ms(), "2021-06-01")).toBe(0);
  });
  it("compares the done date once done by the date", () => {
    expect(milestoneSlippage(ms({ dueDate: "2021-07-31", doneOn: "2021-07-10" }), "2021-08-01")).toBe(10);
    expect(milestoneSlippage(ms({ dueDate: "2021-07-31", doneOn: "2021-07-10" }), "2021-07-09")).toBe(31);
  });
  it("has none without a baseline or anything to compare it with", () => {
    expect(milestoneSlippage(ms({ baselineDueDate: null }), "2021-06-01")).toBeNull();
    expect(milestoneSlippage(ms({ dueDate: null }), "2021-06-01")).toBeNull();
  });
  it("describes slippage in days", () => {
    expect([describeSlippage(31), describeSlippage(1), describeSlippage(0), describeSlippage(-1), describeSlippage(-15), describeSlippage(null)]).toEqual([
      "31 days late",
      "1 day late",
      "On plan",
      "1 day early",
      "15 days early",
      "–",
    ]);
  });
  it("places a milestone on the timeline at its done date, else its due date", () => {
    expect(milestoneDate(ms({ doneOn: "2021-07-10" }), "2021-08-01")).toBe("2021-07-10");
    expect(milestoneDate(ms({ doneOn: "2021-07-10" }), "2021-07-01")).toBe("2021-06-30");
  });
});

describe("milestones in a window (for the quarterly return)", () => {
  const list = [
    ms({ dueDate: "2021-06-30", doneOn: "2021-06-30" }), // done last day of Q1
    ms({ dueDate: "2021-07-01", doneOn: "2021-07-01" }), // done first day of Q2
    ms({ dueDate: "2021-09-30" }), // due last day of Q2
    ms({ dueDate: "2021-10-01" }), // due first day of Q3
    ms({ dueDate: "2021-08-15", doneOn: "2021-06-20" }), // due in Q2 but done early in Q1
  ];
  it("selects those achieved within a quarter, both boundary days included", () => {
    expect(milestonesDoneWithin(list, financialQuarterOf("2021-05-01"))).toEqual([list[0], list[4]]);
    expect(milestonesDoneWithin(list, financialQuarterOf("2021-08-01"))).toEqual([list[1]]);
  });
  it("selects those planned for the next quarter and not done by the report date", () => {
    const asOf = "2021-06-30";
    expect(milestonesDueWithin(list, nextFinancialQuarter(asOf), asOf)).toEqual([list[1], list[2]]);
    expect(milestonesDueWithin(list, nextFinancialQuarter("2021-09-30"), "2021-09-30")).toEqual([list[3]]);
  });
});

describe("hub status and slippage", () => {
  it("is open from the day it opened", () => {
    const h = hub({ forecastOpening: "2021-09-20", actualOpening: "2021-09-27" });
    expect(hubStatus(h, "2021-09-27")).toBe("open");
    expect(hubSlippage(h, "2021-09-27")).toBe(26);
    // The day before, it was still expected on its forecast, already behind plan.
    expect(hubStatus(h, "2021-09-26")).toBe("overdue");
    expect(hubSlippage(h, "2021-09-26")).toBe(19);
  });
  it("opens on schedule when expected on or before the plan", () => {
    expect(hubStatus(hub(), "2021-08-01")).toBe("on-schedule");
    expect(hubStatus(hub({ forecastOpening: "2021-08-20" }), "2021-08-01")).toBe("on-schedule");
    expect(hubStatus(hub({ plannedOpening: null, forecastOpening: "2021-08-20" }), "2021-08-01")).toBe("on-schedule");
    expect(hubSlippage(hub({ forecastOpening: "2021-08-20" }), "2021-08-01")).toBe(-12);
  });
  it("is slipping when forecast later than planned", () => {
    expect(hubStatus(hub({ forecastOpening: "2022-03-31" }), "2021-08-01")).toBe("slipping");
    expect(hubSlippage(hub({ forecastOpening: "2022-03-31" }), "2021-08-01")).toBe(211);
  });
  it("is overdue when the expected date passed without an actual opening", () => {
    expect(hubStatus(hub({ forecastOpening: "2022-03-31" }), "2022-04-01")).toBe("overdue");
    expect(hubStatus(hub(), "2021-09-02")).toBe("overdue");
    expect(hubStatus(hub(), "2021-09-01")).toBe("on-schedule");
  });
  it("is not scheduled with no date at all, and has no slippage without a plan or a forecast", () => {
    expect(hubStatus(hub({ plannedOpening: null }), "2021-08-01")).toBe("not-scheduled");
    expect(hubSlippage(hub(), "2021-08-01")).toBeNull();
    expect(hubSlippage(hub({ plannedOpening: null, actualOpening: "2021-08-01" }), "2021-08-01")).toBeNull();
    expect(hubExpectedOpening(hub({ plannedOpening: null }), "2021-08-01")).toBeNull();
  });
  it("selects hubs open on a date, opened within a quarter, and expected within the next", () => {
    const hubs = [hub({ actualOpening: "2021-09-30" }), hub({ actualOpening: "2021-10-01" }), hub({ forecastOpening: "2022-03-31" }), hub({ plannedOpening: "2022-04-01" })];
    expect(hubsOpenOn(hubs, "2021-09-30")).toEqual([hubs[0]]);
    expect(hubsOpenedWithin(hubs, financialQuarterOf("2021-09-01"))).toEqual([hubs[0]]);
    expect(hubsOpenedWithin(hubs, financialQuarterOf("2021-12-01"))).toEqual([hubs[1]]);
    expect(hubsExpectedWithin(hubs, nextFinancialQuarter("2021-12-31"), "2021-12-31")).toEqual([hubs[2]]);
    expect(hubsExpectedWithin(hubs, nextFinancialQuarter("2022-03-31"), "2022-03-31")).toEqual([hubs[3]]);
  });
  it("reads co-located services one a line or separated by semicolons", () => {
    expect(parseServices("Early Help\n Black Country Women's Aid ;DWP\n\nearly help")).toEqual(["Early Help", "Black Country Women's Aid", "DWP"]);
    expect(parseServices(null)).toEqual([]);
  });
});

describe("risk scores", () => {
  it("multiplies likelihood by impact on 1–5 scales", () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(4, 5)).toBe(20);
    expect(riskScore(5, 5)).toBe(25);
    expect(() => riskScore(0, 3)).toThrow(RangeError);
    expect(() => riskScore(3, 6)).toThrow("Impact must be a whole number from 1 to 5, not 6");
    expect(() => riskScore(2.5, 3)).toThrow(RangeError);
  });
  it("scores an issue as certain", () => {
    expect(raidScore({ kind: "issue", likelihood: null, impact: 3 })).toBe(15);
    expect(raidScore({ kind: "risk", likelihood: 2, impact: 3 })).toBe(6);
    expect(() => raidScore({ kind: "risk", likelihood: null, impact: 3 })).toThrow(RangeError);
  });
  it("numbers risks R1, R2… and issues I1, I2…", () => {
    expect([raidReference("risk", 3), raidReference("issue", 1)]).toEqual(["R3", "I1"]);
  });
  it("rates low up to 5, medium 6 to 12, high from 15", () => {
    expect([1, 5, 6, 12, 15, 25].map(riskRating)).toEqual(["low", "low", "medium", "medium", "high", "high"]);
  });
});

describe("risks and issues at a date", () => {
  it("is open from the day raised until the day closed (closed that day)", () => {
    const r = raid({ raisedOn: "2021-04-01", closedOn: "2021-06-30" });
    expect([isRaidOpenOn(r, "2021-03-31"), isRaidOpenOn(r, "2021-04-01"), isRaidOpenOn(r, "2021-06-29"), isRaidOpenOn(r, "2021-06-30")]).toEqual([false, true, true, false]);
    expect([raidStatusLabel(r, "2021-03-31"), raidStatusLabel(r, "2021-05-01"), raidStatusLabel(r, "2021-07-01"), raidStatusLabel({ ...r, kind: "issue" }, "2021-07-01")]).toEqual([
      "Not raised yet",
      "Open",
      "Closed",
      "Resolved",
    ]);
  });
  it("flags a review date passed on an open item only", () => {
    expect(reviewOverdue(raid({ reviewDate: "2021-05-01" }), "2021-05-01")).toBe(false);
    expect(reviewOverdue(raid({ reviewDate: "2021-05-01" }), "2021-05-02")).toBe(true);
    expect(reviewOverdue(raid({ reviewDate: "2021-05-01", closedOn: "2021-05-02" }), "2021-05-02")).toBe(false);
    expect(reviewOverdue(raid(), "2021-05-02")).toBe(false);
  });
  it("selects items open on a date, raised within and closed within a quarter", () => {
    const items = [
      raid({ id: "a", raisedOn: "2021-03-31" }),
      raid({ id: "b", raisedOn: "2021-04-01", closedOn: "2021-06-30" }),
      raid({ id: "c", raisedOn: "2021-07-01", closedOn: "2021-07-01" }),
    ];
    const q1 = financialQuarterOf("2021-04-01");
    expect(raidOpenOn(items, "2021-06-30").map((i) => i.id)).toEqual(["a"]);
    expect(raidOpenOn(items, "2021-06-29").map((i) => i.id)).toEqual(["a", "b"]);
    expect(raidRaisedWithin(items, q1).map((i) => i.id)).toEqual(["b"]);
    expect(raidClosedWithin(items, q1).map((i) => i.id)).toEqual(["b"]);
    expect(raidClosedWithin(items, nextFinancialQuarter("2021-04-01")).map((i) => i.id)).toEqual(["c"]);
  });
  it("sorts by score or by review date, without a review date last", () => {
    const items = [
      raid({ id: "low-late", likelihood: 1, impact: 2, reviewDate: "2021-09-01" }),
      raid({ id: "high-none", likelihood: 5, impact: 4 }),
      raid({ id: "high-soon", likelihood: 4, impact: 5, reviewDate: "2021-05-01" }),
      raid({ id: "mid-soon", likelihood: 2, impact: 3, reviewDate: "2021-05-01" }),
      raid({ id: "issue", kind: "issue", likelihood: null, impact: 2, reviewDate: "2021-06-01" }),
    ];
    expect(sortRaid(items, "score").map((i) => i.id)).toEqual(["high-soon", "high-none", "issue", "mid-soon", "low-late"]);
    expect(sortRaid(items, "review").map((i) => i.id)).toEqual(["high-soon", "mid-soon", "issue", "low-late", "high-none"]);
    expect(topRaid([...items, raid({ id: "closed", likelihood: 5, impact: 5, closedOn: "2021-02-01" })], "2021-04-01", 2).map((i) => i.id)).toEqual(["high-soon", "high-none"]);
  });
});

describe("timeline", () => {
  it("orders milestones, hub openings and go-live by date, grouped by financial quarter", () => {
    const t = buildTimeline({
      asOf: "2021-10-01",
      milestones: [
        { id: "m1", title: "Peer review", workstream: "Performance", ...ms({ dueDate: "2021-06-30", doneOn: "2021-06-28" }) },
        { id: "m2", title: "Ofsted visit", workstream: "Performance", ...ms({ dueDate: "2021-09-30", baselineDueDate: "2021-09-15" }) },
        { id: "m3", title: "Someday", workstream: null, ...ms({ dueDate: null, baselineDueDate: null }) },
      ],
      hubs: [
        { id: "h1", name: "Darlaston", locality: "Darlaston", ...hub({ plannedOpening: "2021-04-01", actualOpening: "2021-09-01" }) },
        { id: "h2", name: "Nowhere", locality: null, ...hub({ plannedOpening: null }) },
      ],
      goLive: { plannedGoLive: "2020-09-01", dfeConfirmedOn: null, actualGoLive: "2020-09-01" },
    });
    expect(t.quarters.map((q) => [q.quarter.label, q.entries.map((e) => e.id)])).toEqual([
      ["Q2 2020-21", ["go-live-planned", "go-live"]],
      ["Q1 2021-22", ["m1"]],
      ["Q2 2021-22", ["h1", "m2"]],
    ]);
    expect(t.quarters[0].entries.map((e) => [e.status, e.slippageDays])).toEqual([
      ["done", null],
      ["done", 0],
    ]);
    expect(t.quarters[2].entries).toEqual([
      { kind: "hub", id: "h1", label: "Darlaston hub opens", date: "2021-09-01", group: "Darlaston", status: "open", slippageDays: 153 },
      { kind: "milestone", id: "m2", label: "Ofsted visit", date: "2021-09-30", group: "Performance", status: "overdue", slippageDays: 15 },
    ]);
    expect(t.unscheduled.map((e) => e.id)).toEqual(["m3", "h2"]);
  });
  it("shows a go-live date still to come as planned, and orders same-day entries by kind", () => {
    const t = buildTimeline({
      asOf: "2023-06-01",
      milestones: [{ id: "m", title: "Go live", workstream: null, ...ms({ dueDate: "2023-07-10", baselineDueDate: null }) }],
      hubs: [],
      goLive: { plannedGoLive: "2023-07-10", dfeConfirmedOn: "2023-05-01", actualGoLive: "2023-07-10" },
    });
    expect(t.quarters.flatMap((q) => q.entries.map((e) => [e.id, e.status]))).toEqual([
      ["go-live-confirmed", "done"],
      ["go-live-planned", "planned"],
      ["go-live", "planned"],
      ["m", "on-track"],
    ]);
    expect(
      buildTimeline({ asOf: "2023-04-30", milestones: [], hubs: [], goLive: { plannedGoLive: null, dfeConfirmedOn: "2023-05-01", actualGoLive: null } }).quarters[0].entries[0]
        .status,
    ).toBe("planned");
  });
  it("shows a planned go-live that passed without going live as overdue, and a late go-live's slippage", () => {
    const entries = (asOf: string, actualGoLive: string | null) =>
      buildTimeline({ asOf, milestones: [], hubs: [], goLive: { plannedGoLive: "2021-06-01", dfeConfirmedOn: null, actualGoLive } }).quarters.flatMap((q) =>
        q.entries.map((e) => [e.id, e.status, e.slippageDays]),
      );
    expect(entries("2021-06-01", null)).toEqual([["go-live-planned", "planned", null]]);
    expect(entries("2021-06-02", null)).toEqual([["go-live-planned", "overdue", null]]);
    expect(entries("2021-09-01", "2021-09-01")).toEqual([
      ["go-live-planned", "done", null],
      ["go-live", "done", 92],
    ]);
    expect(entries("2021-08-01", "2021-09-01")).toEqual([
      ["go-live-planned", "overdue", null],
      ["go-live", "planned", 92],
    ]);
  });
});

describe("history", () => {
  it("keeps only the fields that changed", () => {
    expect(changedFields({ title: "A", dueDate: "2021-06-30", services: ["x"] }, { title: "A", dueDate: "2021-07-31", services: ["x"] })).toEqual({
      before: { dueDate: "2021-06-30" },
      after: { dueDate: "2021-07-31" },
    });
    expect(changedFields({ notes: undefined }, { notes: null, services: ["y"] })).toEqual({ before: { services: null }, after: { services: ["y"] } });
    expect(changedFields({ title: "A" }, { title: "A" })).toBeNull();
  });
});
