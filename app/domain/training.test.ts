import { describe, expect, it } from "vitest";
import {
  asOfDate,
  bookingStatusLabel,
  completedCourses,
  courseCodeFor,
  courseKindLabel,
  defaultRequirements,
  disciplineLabel,
  holdsPlace,
  isStaffInPost,
  nextStaffRef,
  parseBookingStatus,
  parseCsvDate,
  parseDiscipline,
  parseSessionMode,
  parseYesNo,
  placesLeft,
  requirementPairs,
  requirementsByCode,
  requirementsFromPairs,
  sessionLastDay,
  sessionModeLabel,
  STANDARD_COURSES,
} from "./training";

describe("labels", () => {
  it("names disciplines, kinds, modes and statuses, and passes unknown keys through", () => {
    expect(disciplineLabel("adult-specialist")).toBe("Adult specialist");
    expect(disciplineLabel("youth-worker")).toBe("youth-worker");
    expect(courseKindLabel("custom")).toBe("Local course");
    expect(courseKindLabel("other")).toBe("other");
    expect(sessionModeLabel("virtual")).toBe("Virtual");
    expect(sessionModeLabel("hybrid")).toBe("hybrid");
    expect(bookingStatusLabel("did-not-attend")).toBe("Did not attend");
    expect(bookingStatusLabel("waitlisted")).toBe("waitlisted");
  });
});

describe("CSV value parsers", () => {
  it("reads disciplines by key or label, in any case and spacing", () => {
    expect(parseDiscipline("social-worker")).toBe("social-worker");
    expect(parseDiscipline("Social Worker")).toBe("social-worker");
    expect(parseDiscipline("  TEAM_MANAGER ")).toBe("team-manager");
    expect(parseDiscipline("business support")).toBe("business-support");
    expect(parseDiscipline("other")).toBe("other");
    expect(parseDiscipline("plumber")).toBeNull();
  });

  it("reads booking statuses, with DNA and no show for did not attend", () => {
    expect(parseBookingStatus("Attended")).toBe("attended");
    expect(parseBookingStatus("did not attend")).toBe("did-not-attend");
    expect(parseBookingStatus("Did-Not-Attend")).toBe("did-not-attend");
    expect(parseBookingStatus("DNA")).toBe("did-not-attend");
    expect(parseBookingStatus("no-show")).toBe("did-not-attend");
    expect(parseBookingStatus("booked")).toBe("booked");
    expect(parseBookingStatus("Canceled")).toBe("cancelled");
    expect(parseBookingStatus("maybe")).toBeNull();
  });

  it("reads session modes", () => {
    expect(parseSessionMode("In person")).toBe("in-person");
    expect(parseSessionMode("in-person")).toBe("in-person");
    expect(parseSessionMode("Face to face")).toBe("in-person");
    expect(parseSessionMode("VIRTUAL")).toBe("virtual");
    expect(parseSessionMode("online")).toBe("virtual");
    expect(parseSessionMode("remote")).toBe("virtual");
    expect(parseSessionMode("by carrier pigeon")).toBeNull();
  });

  it("reads yes and no in their spreadsheet spellings", () => {
    for (const v of ["yes", "Y", "TRUE", "1", " yes "]) expect(parseYesNo(v)).toBe(true);
    for (const v of ["no", "n", "False", "0"]) expect(parseYesNo(v)).toBe(false);
    expect(parseYesNo("perhaps")).toBeNull();
    expect(parseYesNo("")).toBeNull();
  });

  it("reads ISO and UK dates and refuses impossible ones", () => {
    expect(parseCsvDate("2021-05-31")).toBe("2021-05-31");
    expect(parseCsvDate("31/05/2021")).toBe("2021-05-31");
    expect(parseCsvDate("1/9/2020")).toBe("2020-09-01");
    expect(parseCsvDate("01/09/2020")).toBe("2020-09-01");
    expect(parseCsvDate(" 29/02/2024 ")).toBe("2024-02-29");
    expect(parseCsvDate("29/02/2021")).toBeNull();
    expect(parseCsvDate("31/02/2021")).toBeNull();
    expect(parseCsvDate("2021-02-30")).toBeNull();
    expect(parseCsvDate("2021-13-01")).toBeNull();
    expect(parseCsvDate("05/31/2021")).toBeNull();
    expect(parseCsvDate("31-05-2021")).toBeNull();
    expect(parseCsvDate("31/05/21")).toBeNull();
    expect(parseCsvDate("1899-12-31")).toBeNull();
    expect(parseCsvDate("2200-01-01")).toBeNull();
    expect(parseCsvDate("yesterday")).toBeNull();
  });
});

describe("sessions and places", () => {
  it("counts a course as done on the session's last day", () => {
    expect(sessionLastDay({ startDate: "2021-03-01", endDate: "2021-03-02" })).toBe("2021-03-02");
    expect(sessionLastDay({ startDate: "2021-03-01", endDate: null })).toBe("2021-03-01");
  });

  it("a cancelled place frees the place; a no-show does not", () => {
    expect(holdsPlace("booked")).toBe(true);
    expect(holdsPlace("attended")).toBe(true);
    expect(holdsPlace("did-not-attend")).toBe(true);
    expect(holdsPlace("cancelled")).toBe(false);
  });

  it("places left: none below zero, no limit without a capacity", () => {
    expect(placesLeft(10, 3)).toBe(7);
    expect(placesLeft(2, 5)).toBe(0);
    expect(placesLeft(null, 5)).toBeNull();
  });

  it("completedCourses counts attended sessions that ended by the date, and booked ones only for forecasts", () => {
    const att = [
      { staffMemberId: "a", courseId: "mi", completesOn: "2021-03-02", status: "attended" },
      { staffMemberId: "a", courseId: "ws1", completesOn: "2021-04-01", status: "attended" },
      { staffMemberId: "b", courseId: "mi", completesOn: "2021-03-02", status: "did-not-attend" },
      { staffMemberId: "b", courseId: "ws1", completesOn: "2021-03-01", status: "booked" },
    ];
    expect([...(completedCourses(att, "2021-03-31").get("a") ?? [])]).toEqual(["mi"]);
    expect(completedCourses(att, "2021-03-31").has("b")).toBe(false);
    // Planned from before the booked session: counted; from after it: not assumed.
    expect([...(completedCourses(att, "2021-03-31", "2021-02-28").get("b") ?? [])]).toEqual(["ws1"]);
    expect(completedCourses(att, "2021-03-31", "2021-03-15").has("b")).toBe(false);
  });

  it("a leaver is in post on their last day, not the day after", () => {
    const s = { startDate: "2020-01-06", leaveDate: "2021-05-31" };
    expect(isStaffInPost(s, "2020-01-05")).toBe(false);
    expect(isStaffInPost(s, "2020-01-06")).toBe(true);
    expect(isStaffInPost(s, "2021-05-31")).toBe(true);
    expect(isStaffInPost(s, "2021-06-01")).toBe(false);
    expect(isStaffInPost({ startDate: null, leaveDate: null }, "1999-01-01")).toBe(true);
  });
});

describe("references and codes", () => {
  it("suggests the next FS reference, ignoring other patterns", () => {
    expect(nextStaffRef([])).toBe("FS-0001");
    expect(nextStaffRef(["FS-0009", "FS-0002", "TW-SW-050", "FS-12x"])).toBe("FS-0010");
    expect(nextStaffRef(["FS-12345"])).toBe("FS-12346");
    expect(nextStaffRef(["MAN-7"], "MAN")).toBe("MAN-0008");
  });

  it("makes a course code from the name, unique among those in use", () => {
    expect(courseCodeFor("Trauma-informed practice", [])).toBe("trauma-informed-practice");
    expect(courseCodeFor("Trauma-informed practice", ["trauma-informed-practice", "trauma-informed-practice-2"])).toBe("trauma-informed-practice-3");
    expect(courseCodeFor("  !!!  ", [])).toBe("course");
    expect(courseCodeFor("Équipe café", [])).toBe("equipe-cafe");
  });

  it("takes a valid ?asOf= or today", () => {
    expect(asOfDate("2021-05-31", "2026-01-01")).toBe("2021-05-31");
    expect(asOfDate("2021-02-30", "2026-01-01")).toBe("2026-01-01");
    expect(asOfDate(null, "2026-01-01")).toBe("2026-01-01");
    expect(asOfDate("", "2026-01-01")).toBe("2026-01-01");
  });
});

describe("the requirement matrix", () => {
  const courses = STANDARD_COURSES.map((c) => ({ id: `id-${c.code}`, code: c.code }));

  it("the default is read from the workshop audiences, by each authority's own course ids", () => {
    const d = defaultRequirements(courses);
    expect(d["social-worker"]).toEqual(["id-ws1", "id-ws2", "id-ws5", "id-ws6"]);
    expect(d["team-manager"]).toEqual(["id-ws1", "id-ws3", "id-ws4", "id-ws5"]);
    expect(d["business-support"]).toEqual(["id-ws1", "id-ws8"]);
    expect(d.other).toEqual(["id-ws1"]);
    // An authority without a workshop (deleted) simply does not require it.
    expect(defaultRequirements(courses.filter((c) => c.code !== "ws8"))["business-support"]).toEqual(["id-ws1"]);
  });

  it("goes to pairs and back, dropping unknown disciplines, unknown courses and repeats", () => {
    const pairs = requirementPairs({ other: ["id-ws1"], "social-worker": ["id-ws2", "id-ws1"] });
    expect(pairs).toEqual(["other:id-ws1", "social-worker:id-ws1", "social-worker:id-ws2"]);
    const back = requirementsFromPairs([...pairs, "other:id-ws1", "plumber:id-ws1", "other:id-nope", "garbage"], ["id-ws1", "id-ws2"]);
    expect(back).toEqual({ "social-worker": ["id-ws1", "id-ws2"], "team-manager": [], "adult-specialist": [], "business-support": [], other: ["id-ws1"] });
  });

  it("describes a matrix by course codes for the audit trail", () => {
    expect(requirementsByCode({ other: ["id-ws8", "id-ws1", "id-gone"] }, courses)).toEqual({ other: ["id-gone", "ws1", "ws8"] });
  });
});
