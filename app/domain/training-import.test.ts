import { describe, expect, it } from "vitest";
import { attendanceRowSchema, countActions, planAttendanceImport, planStaffImport, staffRowSchema, STATUS_NAMES_FOR_CSV, type ExistingStaff } from "./training-import";

const parse = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, v: Record<string, string | undefined>) => {
  const r = schema.safeParse(v);
  return r.success ? { ok: r.data as T } : { issues: r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
};

describe("staff rows", () => {
  it("accepts keys or labels, UK or ISO dates and yes/no spellings", () => {
    expect(parse(staffRowSchema, { external_ref: " TW-SW-001 ", name: "Social worker 001", discipline: "Social Worker", team: "FS team 1", start_date: "04/01/2021", leave_date: "2022-03-31", in_scope: "Y" })).toEqual({
      ok: { external_ref: "TW-SW-001", name: "Social worker 001", discipline: "social-worker", team: "FS team 1", start_date: "2021-01-04", leave_date: "2022-03-31", in_scope: true },
    });
  });

  it("explains each bad value", () => {
    expect(parse(staffRowSchema, { external_ref: undefined, discipline: "plumber", start_date: "31/02/2021", in_scope: "maybe" })).toEqual({
      issues: [
        "external_ref: Enter the external reference",
        'discipline: "plumber" is not a discipline: use one of Social worker, Team manager, Adult specialist, Business support, Other',
        'start_date: "31/02/2021" is not a real date: use YYYY-MM-DD or DD/MM/YYYY',
        'in_scope: "maybe" is not yes or no',
      ],
    });
    expect(parse(staffRowSchema, { external_ref: "A", discipline: undefined })).toEqual({ issues: ["discipline: Enter the discipline"] });
    expect(parse(staffRowSchema, { external_ref: "A", discipline: "other", start_date: "2021-02-01", leave_date: "2021-01-31" })).toEqual({ issues: ["leave_date: The leave date is before the start date"] });
    expect(parse(staffRowSchema, { external_ref: "x".repeat(101), discipline: "other" })).toEqual({ issues: ["external_ref: Must be 100 characters or fewer"] });
  });
});

describe("attendance rows", () => {
  it("accepts did not attend in its spellings and refuses cancelled", () => {
    expect(parse(attendanceRowSchema, { external_ref: "A", course: "mi", session_date: "01/03/2021", end_date: "02/03/2021", status: "DNA", mode: "Online" })).toEqual({
      ok: { external_ref: "A", course: "mi", session_date: "2021-03-01", end_date: "2021-03-02", status: "did-not-attend", mode: "virtual" },
    });
    expect(parse(attendanceRowSchema, { external_ref: "A", course: "mi", session_date: "2021-03-01", status: "cancelled", mode: "hybrid" })).toEqual({
      issues: ['status: "cancelled" is not a status: use attended, did not attend or booked', 'mode: "hybrid" is not a mode: use in person or virtual'],
    });
    expect(parse(attendanceRowSchema, { external_ref: "A", course: "mi", session_date: "2021-03-02", end_date: "2021-03-01", status: "attended" })).toEqual({ issues: ["end_date: The end date is before the session date"] });
  });
});

const existing = (o: Partial<ExistingStaff> = {}): ExistingStaff => ({ id: "id-1", externalRef: "R1", name: "Person 1", discipline: "social-worker", teamId: "t1", startDate: "2021-01-04", leaveDate: null, inScope: true, ...o });
const teams = [
  { id: "t1", name: "FS team 1" },
  { id: "t2", name: "FS team 2" },
];
const ALL = ["external_ref", "name", "discipline", "team", "start_date", "leave_date", "in_scope"];

describe("planning a staff import", () => {
  it("creates the new, updates the changed, leaves the same alone", () => {
    const rows = [
      { line: 2, value: { external_ref: "R1", name: "Person 1", discipline: "social-worker" as const, team: "fs TEAM 1", start_date: "2021-01-04" } },
      { line: 3, value: { external_ref: "R2", name: "Person 2", discipline: "social-worker" as const, team: "FS team 2", start_date: "2021-01-04" } },
      { line: 4, value: { external_ref: "R3", discipline: "other" as const } },
    ];
    const plan = planStaffImport(rows, ALL, { teams, existing: [existing(), existing({ id: "id-2", externalRef: "R2", name: "Person 2", teamId: "t1" })] });
    expect(plan.issues).toEqual([]);
    expect(plan.changes.map((c) => [c.line, c.action])).toEqual([
      [2, "unchanged"],
      [3, "update"],
      [4, "create"],
    ]);
    // A new person without a name is named by the reference, and in scope by default.
    expect(plan.changes[2].values).toEqual({ externalRef: "R3", name: "R3", discipline: "other", teamId: null, startDate: null, leaveDate: null, inScope: true });
    expect(countActions(plan.changes)).toEqual({ create: 1, update: 1, unchanged: 1 });
  });

  it("keeps what a file leaves out: absent columns, a blank name, a blank in_scope", () => {
    const prior = existing({ leaveDate: "2022-01-01", inScope: false });
    const plan = planStaffImport([{ line: 2, value: { external_ref: "R1", discipline: "social-worker" } }], ["external_ref", "discipline", "name", "in_scope"], { teams, existing: [prior] });
    expect(plan.changes[0]).toMatchObject({ action: "unchanged", values: { name: "Person 1", teamId: "t1", startDate: "2021-01-04", leaveDate: "2022-01-01", inScope: false } });
    // A blank in a column that is there clears a team or a date.
    const cleared = planStaffImport([{ line: 2, value: { external_ref: "R1", discipline: "social-worker" } }], ["external_ref", "discipline", "team", "leave_date"], { teams, existing: [prior] });
    expect(cleared.changes[0]).toMatchObject({ action: "update", values: { teamId: null, leaveDate: null } });
  });

  it("reports unknown teams (listing the known ones), repeated references and dates that cross", () => {
    const plan = planStaffImport(
      [
        { line: 2, value: { external_ref: "R1", discipline: "social-worker", team: "Atlantis" } },
        { line: 3, value: { external_ref: "R9", discipline: "other" } },
        { line: 4, value: { external_ref: "R9", discipline: "other" } },
        // The file gives only a leave date, before the recorded start.
        { line: 5, value: { external_ref: "R1", discipline: "social-worker", leave_date: "2020-12-31" } },
        { line: 6, value: { external_ref: "R5", discipline: "social-worker", leave_date: "2020-12-31" } },
      ],
      ["external_ref", "discipline", "team", "leave_date"],
      { teams, existing: [existing()] },
    );
    expect(plan.issues).toEqual([
      { line: 2, column: "team", message: 'No team called "Atlantis": the teams are FS team 1, FS team 2' },
      { line: 4, column: "external_ref", message: "This external reference is also on line 3" },
      { line: 5, column: "external_ref", message: "This external reference is also on line 2" },
    ]);
    const dates = planStaffImport([{ line: 2, value: { external_ref: "R1", discipline: "social-worker", leave_date: "2020-12-31" } }], ["external_ref", "discipline", "leave_date"], { teams, existing: [existing()] });
    expect(dates.issues).toEqual([{ line: 2, column: "leave_date", message: "The leave date would be before the start date" }]);
    const noTeams = planStaffImport([{ line: 2, value: { external_ref: "R1", discipline: "other", team: "X" } }], ALL, { teams: [], existing: [] });
    expect(noTeams.issues[0].message).toBe('No team called "X": this authority has no teams yet');
  });

  it("blames the start date when the file moves the start past a recorded leave date", () => {
    const plan = planStaffImport([{ line: 2, value: { external_ref: "R1", discipline: "social-worker", start_date: "2023-01-01" } }], ["external_ref", "discipline", "start_date"], { teams, existing: [existing({ leaveDate: "2022-01-01" })] });
    expect(plan.issues).toEqual([{ line: 2, column: "start_date", message: "The leave date would be before the start date" }]);
  });
});

describe("planning an attendance import", () => {
  const lookups = {
    staff: [
      { id: "s1", externalRef: "R1" },
      { id: "s2", externalRef: "R2" },
    ],
    courses: [
      { id: "c-mi", code: "mi", name: "Motivational Interviewing" },
      { id: "c-ws1", code: "ws1", name: "What is Family Safeguarding?" },
    ],
    sessions: [
      { id: "x1", courseId: "c-mi", startDate: "2021-03-01", endDate: "2021-03-02", mode: "virtual" },
      { id: "x2", courseId: "c-mi", startDate: "2021-03-01", endDate: "2021-03-02", mode: "virtual" },
    ],
    bookings: [
      { id: "b1", sessionId: "x2", staffMemberId: "s1", status: "booked" },
      { id: "b2", sessionId: "x1", staffMemberId: "s2", status: "attended" },
    ],
  };

  it("finds the session (the one the person is booked on), creates missing ones, and diffs statuses", () => {
    const plan = planAttendanceImport(
      [
        { line: 2, value: { external_ref: "R1", course: "MI", session_date: "2021-03-01", status: "attended" } },
        { line: 3, value: { external_ref: "R2", course: "motivational interviewing", session_date: "2021-03-01", status: "attended" } },
        { line: 4, value: { external_ref: "R1", course: "ws1", session_date: "2021-04-01", status: "booked" } },
        { line: 5, value: { external_ref: "R2", course: "What is Family Safeguarding?", session_date: "2021-04-01", end_date: "2021-04-01", status: "did-not-attend", mode: "virtual" } },
      ],
      lookups,
    );
    expect(plan.issues).toEqual([]);
    expect(plan.changes.map((c) => [c.line, c.action, c.sessionId, c.newSessionKey, c.bookingId])).toEqual([
      [2, "update", "x2", null, "b1"],
      [3, "unchanged", "x1", null, "b2"],
      [4, "create", null, "c-ws1|2021-04-01", null],
      [5, "create", null, "c-ws1|2021-04-01", null],
    ]);
    expect(plan.newSessions).toEqual([{ key: "c-ws1|2021-04-01", courseId: "c-ws1", startDate: "2021-04-01", endDate: "2021-04-01", mode: "virtual" }]);
    const inPerson = planAttendanceImport([{ line: 2, value: { external_ref: "R1", course: "ws1", session_date: "2021-06-01", status: "booked" } }], lookups);
    expect(inPerson.newSessions[0]).toMatchObject({ endDate: null, mode: "in-person" });
  });

  it("reports unknown people and courses, repeats and a new session's end date disagreeing", () => {
    const plan = planAttendanceImport(
      [
        { line: 2, value: { external_ref: "NOPE", course: "juggling", session_date: "2021-03-01", status: "attended" } },
        { line: 3, value: { external_ref: "R1", course: "mi", session_date: "2021-03-01", status: "attended" } },
        { line: 4, value: { external_ref: "R1", course: "mi", session_date: "2021-03-01", status: "booked" } },
        { line: 5, value: { external_ref: "R1", course: "ws1", session_date: "2021-05-01", end_date: "2021-05-01", status: "booked" } },
        { line: 6, value: { external_ref: "R2", course: "ws1", session_date: "2021-05-01", end_date: "2021-05-02", status: "booked" } },
        { line: 7, value: { external_ref: "R1", course: "ws1", session_date: "2021-05-01", status: "attended" } },
      ],
      lookups,
    );
    expect(plan.issues).toEqual([
      { line: 2, column: "external_ref", message: 'No staff member has the reference "NOPE": import the staff first' },
      { line: 2, column: "course", message: 'No course "juggling": use a course code (mi, ws1) or its name' },
      { line: 4, column: "external_ref", message: "This person's attendance at this session is also on line 3" },
      { line: 6, column: "end_date", message: "This session's end date is 2021-05-01 on line 5" },
      { line: 7, column: "external_ref", message: "This person's attendance at this session is also on line 5" },
    ]);
  });

  it("writes statuses in words for CSV", () => {
    expect(STATUS_NAMES_FOR_CSV).toEqual({ booked: "booked", attended: "attended", "did-not-attend": "did not attend", cancelled: "cancelled" });
  });
});
