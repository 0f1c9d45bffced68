import { describe, expect, it } from "vitest";
import { cohortLabel, goLiveStatus } from "./authority";

describe("go-live status", () => {
  it("is live from the actual go-live date", () => {
    expect(goLiveStatus({ plannedGoLive: "2020-09-01", actualGoLive: "2020-09-01" }, "2020-09-01")).toEqual({ kind: "live", since: "2020-09-01" });
  });
  it("is planned before an actual date arrives", () => {
    expect(goLiveStatus({ plannedGoLive: "2020-09-01", actualGoLive: "2020-10-01" }, "2020-09-15")).toEqual({ kind: "planned", on: "2020-10-01" });
  });
  it("is planned, then overdue once the planned date passes without going live", () => {
    expect(goLiveStatus({ plannedGoLive: "2021-06-01", actualGoLive: null }, "2021-06-01")).toEqual({ kind: "planned", on: "2021-06-01" });
    expect(goLiveStatus({ plannedGoLive: "2021-06-01", actualGoLive: null }, "2021-06-02")).toEqual({ kind: "overdue", plannedOn: "2021-06-01" });
  });
  it("is not planned without dates", () => {
    expect(goLiveStatus({ plannedGoLive: null, actualGoLive: null }, "2021-06-02")).toEqual({ kind: "not-planned" });
  });
  it("labels cohorts", () => {
    expect(cohortLabel("sfpc-wave-2")).toBe("SFPC second wave");
    expect(cohortLabel("something-else")).toBe("something-else");
  });
});
