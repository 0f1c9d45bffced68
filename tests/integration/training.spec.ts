import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as overviewLoader } from "~/routes/a.$slug.training._index";
import { loader as exportLoader } from "~/routes/a.$slug.training.export.$list";
import { action as requirementsAction, loader as requirementsLoader } from "~/routes/a.$slug.training.requirements";
import { action as sessionAction, loader as sessionLoader } from "~/routes/a.$slug.training.sessions.$sessionId";
import { action as staffAction, loader as staffLoader } from "~/routes/a.$slug.training.staff.$staffId";
import { loader as rosterLoader } from "~/routes/a.$slug.training.staff._index";
import { action as newStaffAction, loader as newStaffLoader } from "~/routes/a.$slug.training.staff.new";
import { action as coursesAction } from "~/routes/a.$slug.training.courses._index";
import { action as courseAction } from "~/routes/a.$slug.training.courses.$courseId";
import { countQueries } from "../../db/client";
import { auditEvent, booking, course, staffMember, trainingSession, workshopRequirement } from "../../db/schema";
import { courseByCode, createAuthority, createBooking, createBookings, createSignedInUser, createStaffMember, createStaffMembers, createTeam, createTrainingSession } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, type Outcome } from "../helpers/requests";

const t = useTestDatabase();
const ctx = () => testContext(t.db);

async function setup() {
  const a = await createAuthority(t.db);
  const contributor = await createSignedInUser(t.db, { authorityId: a.id, role: "contributor" });
  const team = await createTeam(t.db, a.id, "North");
  return { a, token: contributor.token, team };
}

type Data = Record<string, any>;
const get = (loader: Parameters<typeof call>[0], path: string, token: string, params: Record<string, string>) => call(loader, getRequest(path, { token }), params, ctx());
const post = (action: Parameters<typeof call>[0], path: string, token: string, params: Record<string, string>, form: Record<string, string | string[]>) => call(action, postRequest(path, form, { token }), params, ctx());
const errors = (o: Outcome) => (o.data as { error?: Record<string, string[]> }).error ?? {};

async function overview(slug: string, token: string, asOf: string) {
  const o = await get(overviewLoader, `/a/${slug}/training?asOf=${asOf}`, token, { slug });
  expect(o.status).toBe(200);
  return o.data as Data;
}

describe("the staff roster", () => {
  it("adds a person (a reference offered), refuses a taken reference, and audits the change", async () => {
    const { a, token, team } = await setup();
    await createStaffMember(t.db, a.id, { externalRef: "FS-0007" });
    const page = await get(newStaffLoader, `/a/${a.slug}/training/staff/new`, token, { slug: a.slug });
    expect((page.data as Data).ref).toBe("FS-0008");
    const form = { externalRef: "FS-0008", name: "SW 8", discipline: "social-worker", teamId: team.id, startDate: "04/01/2021", inScope: "yes" };
    const added = await post(newStaffAction, `/a/${a.slug}/training/staff/new`, token, { slug: a.slug }, form);
    expect(added.status).toBe(302);
    const [row] = await t.db.select().from(staffMember).where(and(eq(staffMember.authorityId, a.id), eq(staffMember.externalRef, "FS-0008")));
    expect(row).toMatchObject({ name: "SW 8", teamId: team.id, startDate: "2021-01-04", inScope: true, version: 1 });
    expect(added.location).toBe(`/a/${a.slug}/training/staff/${row.id}`);
    const [audit] = await t.db.select().from(auditEvent).where(and(eq(auditEvent.authorityId, a.id), eq(auditEvent.action, "training.staff-added")));
    expect(audit.after).toMatchObject({ externalRef: "FS-0008", discipline: "social-worker" });

    const again = await post(newStaffAction, `/a/${a.slug}/training/staff/new`, token, { slug: a.slug }, form);
    expect(again.status).toBe(422);
    expect(errors(again).externalRef).toEqual(["Another staff member has the reference FS-0008"]);
    const bad = await post(newStaffAction, `/a/${a.slug}/training/staff/new`, token, { slug: a.slug }, { ...form, externalRef: "X", startDate: "2021-05-01", leaveDate: "2021-04-30" });
    expect(bad.status).toBe(400);
    expect(errors(bad).leaveDate).toEqual(["The last day must be on or after the start date"]);
    // A team of another authority is refused.
    const other = await createAuthority(t.db);
    const foreignTeam = await createTeam(t.db, other.id, "Elsewhere");
    const foreign = await post(newStaffAction, `/a/${a.slug}/training/staff/new`, token, { slug: a.slug }, { ...form, externalRef: "FS-0009", teamId: foreignTeam.id });
    expect(foreign.status).toBe(422);
    expect(errors(foreign).teamId).toEqual(["Choose one of the authority's teams"]);
  });

  it("a stale edit is a 409 conflict: nothing is overwritten and the form keeps what was typed", async () => {
    const { a, token } = await setup();
    const s = await createStaffMember(t.db, a.id, { externalRef: "R1", name: "Original" });
    const path = `/a/${a.slug}/training/staff/${s.id}`;
    const form = (name: string, version: number) => ({ intent: "update", version: String(version), externalRef: "R1", name, discipline: "social-worker", startDate: "2020-01-01", inScope: "yes" });
    expect((await post(staffAction, path, token, { slug: a.slug, staffId: s.id }, form("First edit", 1))).status).toBe(302);
    const stale = await post(staffAction, path, token, { slug: a.slug, staffId: s.id }, form("Second edit", 1));
    expect(stale.status).toBe(409);
    expect((stale.data as { error: Record<string, string[]> }).error[""][0]).toContain("Someone else changed this person's record");
    expect((stale.data as { initialValue: Data }).initialValue.name).toBe("Second edit");
    const [row] = await t.db.select().from(staffMember).where(eq(staffMember.id, s.id));
    expect(row).toMatchObject({ name: "First edit", version: 2 });
    // Saving again on the current version goes through.
    expect((await post(staffAction, path, token, { slug: a.slug, staffId: s.id }, form("Second edit", 2))).status).toBe(302);
    const audits = await t.db.select().from(auditEvent).where(and(eq(auditEvent.entityId, s.id), eq(auditEvent.action, "training.staff-updated")));
    expect(audits.map((e) => [(e.before as Data).name, (e.after as Data).name])).toEqual(expect.arrayContaining([["Original", "First edit"], ["First edit", "Second edit"]]));
  });

  it("a leaver counts on their last day and not the day after; out-of-scope staff never count", async () => {
    const { a, token } = await setup();
    const mi = await courseByCode(t.db, a.id, "mi");
    const [leaver, stayer] = await createStaffMembers(t.db, a.id, [{ externalRef: "L", name: "Leaver" }, { externalRef: "S", name: "Stayer" }]);
    await createStaffMember(t.db, a.id, { externalRef: "O", name: "Out of scope", inScope: false });
    const session = await createTrainingSession(t.db, a.id, mi.id, { startDate: "2021-03-01", endDate: "2021-03-02" });
    await createBooking(t.db, session, leaver.id, "attended");
    const record = await post(staffAction, `/a/${a.slug}/training/staff/${leaver.id}`, token, { slug: a.slug, staffId: leaver.id }, { intent: "leave", version: "1", leaveDate: "2021-05-31" });
    expect(record.status).toBe(302);
    expect((await overview(a.slug, token, "2021-05-31")).mi).toMatchObject({ numerator: 1, denominator: 2, percent: 50 });
    expect((await overview(a.slug, token, "2021-06-01")).mi).toMatchObject({ numerator: 0, denominator: 1, percent: 0 });
    const early = await post(staffAction, `/a/${a.slug}/training/staff/${stayer.id}`, token, { slug: a.slug, staffId: stayer.id }, { intent: "leave", version: "1", leaveDate: "2019-12-31" });
    expect(early.status).toBe(422);
    expect(errors(early).leaveDate).toEqual(["The last day must be on or after the start date"]);
    const roster = await get(rosterLoader, `/a/${a.slug}/training/staff?asOf=2021-06-01&inPost=yes`, token, { slug: a.slug });
    expect((roster.data as Data).rows.map((r: Data) => [r.externalRef, r.counted])).toEqual([
      ["O", false],
      ["S", true],
    ]);
  });
});

describe("sessions, bookings and attendance", () => {
  it("enforces capacity, lets a cancelled place be taken again, and refuses people not in post", async () => {
    const { a, token } = await setup();
    const ws1 = await courseByCode(t.db, a.id, "ws1");
    const session = await createTrainingSession(t.db, a.id, ws1.id, { startDate: "2021-03-01", capacity: 2 });
    const [p1, p2, p3] = await createStaffMembers(t.db, a.id, [{ name: "P1" }, { name: "P2" }, { name: "P3" }]);
    const late = await createStaffMember(t.db, a.id, { name: "Starts later", startDate: "2021-04-01" });
    const path = `/a/${a.slug}/training/sessions/${session.id}`;
    const params = { slug: a.slug, sessionId: session.id };
    const places = () => t.db.select().from(booking).where(eq(booking.sessionId, session.id));

    const tooMany = await post(sessionAction, path, token, params, { intent: "book", staffIds: [p1.id, p2.id, p3.id] });
    expect(tooMany.status).toBe(422);
    expect(errors(tooMany).staffIds).toEqual(["Only 2 places are left: select fewer people or raise the capacity"]);
    expect(await places()).toHaveLength(0);
    const none = await post(sessionAction, path, token, params, { intent: "book" });
    expect(none.status).toBe(400);
    expect(errors(none).staffIds).toEqual(["Select at least one person to book"]);
    const notYet = await post(sessionAction, path, token, params, { intent: "book", staffIds: [late.id] });
    expect(notYet.status).toBe(422);

    expect((await post(sessionAction, path, token, params, { intent: "book", staffIds: [p1.id, p2.id] })).status).toBe(302);
    const full = await post(sessionAction, path, token, params, { intent: "book", staffIds: [p3.id] });
    expect(full.status).toBe(422);
    expect(errors(full).staffIds).toEqual(["No places are left: select fewer people or raise the capacity"]);
    const page = (await get(sessionLoader, path, token, params)).data as Data;
    expect(page).toMatchObject({ placesTaken: 2, placesLeft: 0 });
    expect(page.bookable.map((p: Data) => p.name)).toEqual(["P3"]);

    const p1Place = (await places()).find((b) => b.staffMemberId === p1.id)!;
    expect((await post(sessionAction, path, token, params, { intent: "cancel", bookingId: p1Place.id, version: String(p1Place.version) })).status).toBe(302);
    // Cancelling twice (a stale page) is a conflict.
    expect((await post(sessionAction, path, token, params, { intent: "cancel", bookingId: p1Place.id, version: String(p1Place.version) })).status).toBe(409);
    expect((await post(sessionAction, path, token, params, { intent: "book", staffIds: [p3.id] })).status).toBe(302);
    expect((await post(sessionAction, path, token, params, { intent: "book", staffIds: [p1.id] })).status).toBe(422);
    const shrink = await post(sessionAction, path, token, params, { intent: "update-session", version: "1", startDate: "2021-03-01", mode: "virtual", capacity: "1" });
    expect(shrink.status).toBe(422);
    expect(errors(shrink).capacity).toEqual(["2 places are taken: the capacity cannot be less"]);
    expect((await post(sessionAction, path, token, params, { intent: "update-session", version: "1", startDate: "2021-03-01", mode: "virtual", capacity: "3" })).status).toBe(302);
    expect((await post(sessionAction, path, token, params, { intent: "book", staffIds: [p1.id] })).status).toBe(302);
    expect((await places()).map((b) => b.status).sort()).toEqual(["booked", "booked", "booked"]);
    expect((await places()).find((b) => b.staffMemberId === p1.id)?.version).toBe(3);
  });

  it("recording attendance moves the MI criterion; a stale save is a conflict; a future session waits", async () => {
    const { a, token } = await setup();
    const mi = await courseByCode(t.db, a.id, "mi");
    const people = await createStaffMembers(t.db, a.id, [{ name: "A" }, { name: "B" }, { name: "C" }, { name: "D" }]);
    const session = await createTrainingSession(t.db, a.id, mi.id, { startDate: "2021-03-01", endDate: "2021-03-02" });
    const places = await createBookings(t.db, people.slice(0, 3).map((p) => ({ authorityId: a.id, sessionId: session.id, staffMemberId: p.id, status: "booked" })));
    const before = await overview(a.slug, token, "2021-03-31");
    expect(before.mi).toMatchObject({ numerator: 0, denominator: 4, met: false, shortfall: 3 });
    // Each person's booked place shows beside their gap.
    expect(before.needMi.rows.find((g: Data) => g.name === "A").planned).toEqual([expect.objectContaining({ sessionId: session.id, mi: true, status: "booked" })]);
    expect(before.needMi.rows.find((g: Data) => g.name === "D").planned).toEqual([]);

    const path = `/a/${a.slug}/training/sessions/${session.id}`;
    const params = { slug: a.slug, sessionId: session.id };
    const form = (statuses: string[], versions = [1, 1, 1]) => ({
      intent: "attendance",
      ...Object.fromEntries(places.flatMap((p, i) => [[`bookings[${i}].id`, p.id], [`bookings[${i}].version`, String(versions[i])], [`bookings[${i}].status`, statuses[i]]])),
    });
    expect((await post(sessionAction, path, token, params, form(["attended", "attended", "did-not-attend"]))).status).toBe(302);
    const after = await overview(a.slug, token, "2021-03-31");
    expect(after.mi).toMatchObject({ numerator: 2, denominator: 4, percent: 50 });
    // Completion counts from day two of the two-day course.
    expect((await overview(a.slug, token, "2021-03-01")).mi.numerator).toBe(0);
    const [audit] = await t.db.select().from(auditEvent).where(and(eq(auditEvent.entityId, session.id), eq(auditEvent.action, "training.attendance-recorded")));
    expect(audit.after).toEqual(expect.arrayContaining([expect.objectContaining({ status: "did-not-attend" })]));

    // An attended place is history: it cannot be cancelled.
    const attendedPlace = (await t.db.select().from(booking).where(eq(booking.id, places[0].id)))[0];
    const cancelAttended = await post(sessionAction, path, token, params, { intent: "cancel", bookingId: attendedPlace.id, version: String(attendedPlace.version) });
    expect(cancelAttended.status).toBe(422);
    expect(errors(cancelAttended)[""]).toEqual(["Only a booked place can be cancelled: if the attendance recorded is wrong, set it back to booked first."]);

    const stale = await post(sessionAction, path, token, params, form(["attended", "attended", "attended"]));
    expect(stale.status).toBe(409);
    expect((await t.db.select().from(booking).where(eq(booking.sessionId, session.id))).filter((b) => b.status === "attended")).toHaveLength(2);

    const future = await createTrainingSession(t.db, a.id, mi.id, { startDate: "2999-01-04" });
    const [place] = await createBookings(t.db, [{ authorityId: a.id, sessionId: future.id, staffMemberId: people[3].id, status: "booked" }]);
    const early = await post(sessionAction, `/a/${a.slug}/training/sessions/${future.id}`, token, { slug: a.slug, sessionId: future.id }, { intent: "attendance", "bookings[0].id": place.id, "bookings[0].version": "1", "bookings[0].status": "attended" });
    expect(early.status).toBe(422);
  });

  it("adds a local course and a session of it; course names are unique", async () => {
    const { a, token } = await setup();
    const added = await post(coursesAction, `/a/${a.slug}/training/courses`, token, { slug: a.slug }, { name: "Trauma-informed practice", durationDays: "0.5" });
    expect(added.status).toBe(302);
    const [c] = await t.db.select().from(course).where(and(eq(course.authorityId, a.id), eq(course.code, "trauma-informed-practice")));
    expect(c).toMatchObject({ kind: "custom", durationDays: 0.5, sortOrder: 9 });
    const clash = await post(coursesAction, `/a/${a.slug}/training/courses`, token, { slug: a.slug }, { name: "motivational interviewing", durationDays: "1" });
    expect(clash.status).toBe(422);
    expect(errors(clash).name).toEqual(["Another course already has this name"]);
    const session = await post(courseAction, `/a/${a.slug}/training/courses/${c.id}`, token, { slug: a.slug, courseId: c.id }, { intent: "add-session", startDate: "2021-06-01", mode: "in-person", capacity: "12", facilitator: "Local trainer" });
    expect(session.status).toBe(302);
    const [s] = await t.db.select().from(trainingSession).where(eq(trainingSession.courseId, c.id));
    expect(session.location).toBe(`/a/${a.slug}/training/sessions/${s.id}`);
    expect(s).toMatchObject({ startDate: "2021-06-01", endDate: null, mode: "in-person", capacity: 12, facilitator: "Local trainer" });
    const stale = await post(courseAction, `/a/${a.slug}/training/courses/${c.id}`, token, { slug: a.slug, courseId: c.id }, { intent: "update-course", version: "1", name: "Renamed", durationDays: "1" });
    expect(stale.status).toBe(302);
    expect((await post(courseAction, `/a/${a.slug}/training/courses/${c.id}`, token, { slug: a.slug, courseId: c.id }, { intent: "update-course", version: "1", name: "Renamed again", durationDays: "1" })).status).toBe(409);
    const [renamed] = await t.db.select().from(course).where(eq(course.id, c.id));
    expect(renamed).toMatchObject({ name: "Renamed", active: false, version: 2 });
  });
});

describe("the requirement matrix", () => {
  it("saves the grid in one go with an audit of before and after, refuses a stale grid, and resets to the defaults", async () => {
    const { a, token } = await setup();
    const path = `/a/${a.slug}/training/requirements`;
    const page = (await get(requirementsLoader, path, token, { slug: a.slug })).data as Data;
    expect(page.pairs).toHaveLength(15);
    expect(page.courses.map((c: Data) => c.code)).toEqual(["ws1", "ws2", "ws3", "ws4", "ws5", "ws6", "ws7", "ws8"]);
    const ws7 = page.courses.find((c: Data) => c.code === "ws7").id;
    const saved = await post(requirementsAction, path, token, { slug: a.slug }, { intent: "save", version: page.version, required: [...page.pairs, `social-worker:${ws7}`] });
    expect(saved.status).toBe(302);
    const rows = await t.db.select().from(workshopRequirement).where(eq(workshopRequirement.authorityId, a.id));
    expect(rows).toHaveLength(16);
    const [audit] = await t.db.select().from(auditEvent).where(and(eq(auditEvent.authorityId, a.id), eq(auditEvent.action, "training.requirements-changed")));
    expect((audit.before as Data)["social-worker"]).toEqual(["ws1", "ws2", "ws5", "ws6"]);
    expect((audit.after as Data)["social-worker"]).toEqual(["ws1", "ws2", "ws5", "ws6", "ws7"]);

    const stale = await post(requirementsAction, path, token, { slug: a.slug }, { intent: "save", version: page.version, required: [] });
    expect(stale.status).toBe(409);
    expect(await t.db.select().from(workshopRequirement).where(eq(workshopRequirement.authorityId, a.id))).toHaveLength(16);

    const current = (await get(requirementsLoader, path, token, { slug: a.slug })).data as Data;
    expect((await post(requirementsAction, path, token, { slug: a.slug }, { intent: "reset", version: current.version })).status).toBe(302);
    const reset = (await get(requirementsLoader, path, token, { slug: a.slug })).data as Data;
    expect(reset.pairs).toEqual(page.pairs);
    // Nothing checked is allowed: nobody then needs a workshop.
    expect((await post(requirementsAction, path, token, { slug: a.slug }, { intent: "save", version: reset.version })).status).toBe(302);
    expect(await t.db.select().from(workshopRequirement).where(eq(workshopRequirement.authorityId, a.id))).toHaveLength(0);
  });
});

describe("who may do what", () => {
  it("contributors edit; viewers read but may not post; board members may not read; other authorities get 404", async () => {
    const { a, token } = await setup();
    const s = await createStaffMember(t.db, a.id, { externalRef: "R1" });
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const board = await createSignedInUser(t.db, { authorityId: a.id, role: "board-member" });
    const national = await createSignedInUser(t.db, { nationalRole: "national-viewer" });
    const other = await createAuthority(t.db);
    const stranger = await createSignedInUser(t.db, { authorityId: other.id, role: "programme-manager" });
    const path = `/a/${a.slug}/training/staff/${s.id}`;
    const params = { slug: a.slug, staffId: s.id };
    const edit = { intent: "leave", version: "1", leaveDate: "2022-01-01" };

    expect((await get(staffLoader, path, viewer.token, params)).status).toBe(200);
    expect((await get(staffLoader, path, national.token, params)).status).toBe(200);
    expect((await get(staffLoader, path, board.token, params)).status).toBe(403);
    expect((await get(staffLoader, path, stranger.token, params)).status).toBe(404);
    expect((await post(staffAction, path, viewer.token, params, edit)).status).toBe(403);
    expect((await post(staffAction, path, board.token, params, edit)).status).toBe(403);
    expect((await post(staffAction, path, national.token, params, edit)).status).toBe(403);
    expect((await post(staffAction, path, stranger.token, params, edit)).status).toBe(404);
    expect((await t.db.select().from(staffMember).where(eq(staffMember.id, s.id)))[0].leaveDate).toBeNull();
    expect((await post(staffAction, path, token, params, edit)).status).toBe(302);
    expect((await t.db.select().from(staffMember).where(eq(staffMember.id, s.id)))[0].leaveDate).toBe("2022-01-01");

    // Another authority's record through this authority's URL: 404, whoever asks.
    const theirs = await createStaffMember(t.db, other.id);
    expect((await get(staffLoader, `/a/${a.slug}/training/staff/${theirs.id}`, token, { slug: a.slug, staffId: theirs.id })).status).toBe(404);
    expect((await post(staffAction, `/a/${a.slug}/training/staff/${theirs.id}`, token, { slug: a.slug, staffId: theirs.id }, edit)).status).toBe(404);
    expect((await get(staffLoader, `/a/${a.slug}/training/staff/not-a-uuid`, token, { slug: a.slug, staffId: "not-a-uuid" })).status).toBe(404);
  });
});

describe("CSV exports", () => {
  it("exports the roster in the import's columns and the gaps, filtered as the page is", async () => {
    const { a, token, team } = await setup();
    await createStaffMembers(t.db, a.id, [
      { externalRef: "R1", name: "Alpha", teamId: team.id, discipline: "team-manager" },
      { externalRef: "R2", name: "Beta", inScope: false },
    ]);
    const staff = await get(exportLoader, `/a/${a.slug}/training/export/staff?team=${team.id}&asOf=2021-01-01`, token, { slug: a.slug, list: "staff" });
    expect(staff.status).toBe(200);
    expect(staff.headers.get("Content-Disposition")).toBe(`attachment; filename="${a.slug}-training-staff-2021-01-01.csv"`);
    const lines = (staff.data as string).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("external_ref,name,discipline,team,start_date,leave_date,in_scope,in_post,mi_completed_on,workshops_missing");
    expect(lines.slice(1)).toEqual([`R1,Alpha,Team manager,North,2020-01-01,,yes,yes,,What is Family Safeguarding? (with an introduction to MI); Leading multi-disciplinary teams and leading change; Reflective auditing; IT Workbook and recording`]);
    const gaps = await get(exportLoader, `/a/${a.slug}/training/export/gaps?asOf=2021-01-01`, token, { slug: a.slug, list: "gaps" });
    expect((gaps.data as string).split("\r\n")[1]).toMatch(/^R1,Alpha,North,Team manager,yes,/);
    expect((await get(exportLoader, `/a/${a.slug}/training/export/nothing`, token, { slug: a.slug, list: "nothing" })).status).toBe(404);
    for (const list of ["courses", "sessions", "attendance", "requirements", "staff-template", "attendance-template"]) {
      const o = await get(exportLoader, `/a/${a.slug}/training/export/${list}`, token, { slug: a.slug, list });
      expect(o.status).toBe(200);
      expect(o.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    }
  });
});

describe("query count", () => {
  it("the training overview makes the same number of queries with ten times the staff and bookings", async () => {
    async function authorityWith(people: number) {
      const { a, token } = await setup();
      const [mi, ws1] = await Promise.all([courseByCode(t.db, a.id, "mi"), courseByCode(t.db, a.id, "ws1")]);
      const staff = await createStaffMembers(t.db, a.id, Array.from({ length: people }, (_, i) => ({ externalRef: `Q${i}`, name: `Q ${i}` })));
      const sessions = await Promise.all([createTrainingSession(t.db, a.id, mi.id, { startDate: "2021-03-01" }), createTrainingSession(t.db, a.id, ws1.id, { startDate: "2021-07-01" })]);
      await createBookings(t.db, staff.flatMap((s, i) => sessions.map((x) => ({ authorityId: a.id, sessionId: x.id, staffMemberId: s.id, status: i % 3 === 0 ? "booked" : "attended" }))));
      return { a, token };
    }
    const small = await authorityWith(20);
    const large = await authorityWith(200);
    const count = async ({ a, token }: { a: { slug: string }; token: string }, asOf: string) => (await countQueries(() => overview(a.slug, token, asOf))).queries;
    // Once first on another date (the session's first use writes), then each computed afresh for the date.
    await count(small, "2021-01-31");
    await count(large, "2021-01-31");
    const [q1, q2] = [await count(small, "2021-05-31"), await count(large, "2021-05-31")];
    expect(q2).toBe(q1);
    expect(q1).toBeLessThan(20);
    expect((await overview(large.a.slug, large.token, "2021-05-31")).mi).toMatchObject({ numerator: 133, denominator: 200 });
  });
});
