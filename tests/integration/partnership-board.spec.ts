import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as boardAction, loader as boardLoader } from "~/routes/a.$slug.partnership.board._index";
import { loader as boardExportLoader } from "~/routes/a.$slug.partnership.board.export";
import { action as memberAction, loader as memberLoader } from "~/routes/a.$slug.partnership.board.members.$memberId";
import { action as organisationAction } from "~/routes/a.$slug.partnership.board.organisations.$organisationId";
import { action as meetingAction, loader as meetingLoader } from "~/routes/a.$slug.partnership.meetings.$meetingId";
import { loader as meetingsLoader } from "~/routes/a.$slug.partnership.meetings._index";
import { loader as overviewLoader } from "~/routes/a.$slug.partnership._index";
import { auditEvent, boardMeeting, boardMeetingAttendance, boardMember, organisation, partnershipBoard } from "../../db/schema";
import { createAuthority, createBoardMember, createPartner, createSignedInUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest } from "../helpers/requests";

const t = useTestDatabase();
const ctx = () => testContext(t.db);

async function setup() {
  const a = await createAuthority(t.db);
  const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
  return { a, pm };
}

const post = (handler: Parameters<typeof call>[0], url: string, form: Record<string, string | string[]>, token: string, params: Record<string, string>) => call(handler, postRequest(url, form, { token }), params, ctx());
const errors = (o: { data: unknown }) => (o.data as { error: Record<string, string[]> }).error;

describe("partner organisations and board members", () => {
  it("adds an organisation and a member, each audited; refuses duplicates beside the field", async () => {
    const { a, pm } = await setup();
    const orgUrl = `/a/${a.slug}/partnership/board/organisations/new`;
    const added = await post(organisationAction, orgUrl, { name: "West Midlands Police", sector: "police" }, pm.token, { slug: a.slug, organisationId: "new" });
    expect(added.status).toBe(302);
    const [org] = await t.db.select().from(organisation).where(eq(organisation.authorityId, a.id));
    expect(org).toMatchObject({ name: "West Midlands Police", sector: "police" });
    const dup = await post(organisationAction, orgUrl, { name: "West Midlands Police", sector: "police" }, pm.token, { slug: a.slug, organisationId: "new" });
    expect(dup.status).toBe(422);
    expect(errors(dup).name[0]).toContain("already a partner organisation");
    expect(errors(await post(organisationAction, orgUrl, { name: "", sector: "army" }, pm.token, { slug: a.slug, organisationId: "new" }))).toEqual({ name: ["Enter the organisation's name"], sector: ["Choose a sector"] });

    const memberUrl = `/a/${a.slug}/partnership/board/members/new`;
    const form = { name: "Superintendent", jobTitle: "Superintendent, Public Protection", email: "Super@Example.test", organisationId: org.id, activeFrom: "2022-11-01" };
    expect((await post(memberAction, memberUrl, form, pm.token, { slug: a.slug, memberId: "new" })).status).toBe(302);
    const [m] = await t.db.select().from(boardMember).where(eq(boardMember.authorityId, a.id));
    expect(m).toMatchObject({ email: "super@example.test", activeTo: null, version: 1 });
    const again = await post(memberAction, memberUrl, { ...form, email: "SUPER@example.test" }, pm.token, { slug: a.slug, memberId: "new" });
    expect(errors(again).email[0]).toContain("already a board member");
    const bad = await post(memberAction, memberUrl, { ...form, email: "x", activeFrom: "2023-02-30", activeTo: "2022-01-01", organisationId: "" }, pm.token, { slug: a.slug, memberId: "new" });
    expect(Object.keys(errors(bad)).sort()).toEqual(["activeFrom", "email", "organisationId"]);
    const ends = await post(memberAction, memberUrl, { ...form, email: "y@example.test", activeTo: "2022-10-31" }, pm.token, { slug: a.slug, memberId: "new" });
    expect(errors(ends)).toEqual({ activeTo: ["The last day on the board must be on or after the first day"] });
    const actions = (await t.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.authorityId, a.id)).orderBy(asc(auditEvent.id))).map((r) => r.action);
    expect(actions).toEqual(["organisation.created", "board-member.created"]);
  });

  it("changes a member with version checking, and records the end of their membership", async () => {
    const { a, pm } = await setup();
    const org = await createPartner(t.db, a.id, "NHS trust");
    const m = await createBoardMember(t.db, a.id, org.id, { name: "Chief Nurse", jobTitle: "Chief Nurse" });
    const url = `/a/${a.slug}/partnership/board/members/${m.id}`;
    const params = { slug: a.slug, memberId: m.id };
    const page = await call(memberLoader, getRequest(url, { token: pm.token }), params, ctx());
    expect(page.data).toMatchObject({ member: { name: "Chief Nurse", version: 1, activeTo: "" } });
    const form = { name: "Chief Nurse", jobTitle: "Chief Nursing Officer", email: m.email, organisationId: org.id, activeFrom: m.activeFrom, activeTo: "2023-12-31", version: "1" };
    expect((await post(memberAction, url, form, pm.token, params)).status).toBe(302);
    const stale = await post(memberAction, url, { ...form, jobTitle: "Lost" }, pm.token, params);
    expect(stale.status).toBe(409);
    const [now] = await t.db.select().from(boardMember).where(eq(boardMember.id, m.id));
    expect(now).toMatchObject({ jobTitle: "Chief Nursing Officer", activeTo: "2023-12-31", version: 2 });
    const [audit] = await t.db.select().from(auditEvent).where(and(eq(auditEvent.action, "board-member.updated"), eq(auditEvent.entityId, m.id)));
    expect(audit).toMatchObject({ before: { jobTitle: "Chief Nurse", activeTo: null }, after: { jobTitle: "Chief Nursing Officer", activeTo: "2023-12-31" } });
  });

  it("keeps board members' e-mail addresses to the programme team, on the page and in the CSV", async () => {
    const { a, pm } = await setup();
    const org = await createPartner(t.db, a.id, "Police", "police");
    const m = await createBoardMember(t.db, a.id, org.id, { name: "Superintendent" });
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const url = `/a/${a.slug}/partnership/board`;
    const asViewer = await call(boardLoader, getRequest(url, { token: viewer.token }), { slug: a.slug }, ctx());
    expect(asViewer.data).toMatchObject({ canManage: false, members: [{ name: "Superintendent", email: null, active: true }], organisations: [{ name: "Police", members: 1 }] });
    const csv = await call(boardExportLoader, getRequest(`${url}/export`, { token: viewer.token }), { slug: a.slug }, ctx());
    expect(csv.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="${a.slug}-board-members-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(csv.data as string).not.toContain(m.email);
    expect(csv.data as string).toContain("Superintendent,Director,Police,Police,2022-11-01,,yes");
    const pmCsv = await call(boardExportLoader, getRequest(`${url}/export`, { token: pm.token }), { slug: a.slug }, ctx());
    expect(pmCsv.data as string).toContain(m.email);
  });

  it("names the board, version-checked", async () => {
    const { a, pm } = await setup();
    const url = `/a/${a.slug}/partnership/board`;
    expect((await post(boardAction, url, { name: "Strategic Partnership Board", version: "0" }, pm.token, { slug: a.slug })).status).toBe(302);
    expect((await post(boardAction, url, { name: "Other name", version: "0" }, pm.token, { slug: a.slug })).status).toBe(409);
    expect((await post(boardAction, url, { name: "Renamed board", version: "1" }, pm.token, { slug: a.slug })).status).toBe(302);
    const [board] = await t.db.select().from(partnershipBoard).where(eq(partnershipBoard.authorityId, a.id));
    expect(board).toMatchObject({ name: "Renamed board", version: 2 });
  });

  it("cannot reach another authority's members or organisations", async () => {
    const { a, pm } = await setup();
    const other = await setup();
    const theirs = await createPartner(t.db, other.a.id, "Their partner");
    const theirMember = await createBoardMember(t.db, other.a.id, theirs.id);
    expect((await call(memberLoader, getRequest(`/a/${a.slug}/partnership/board/members/${theirMember.id}`, { token: pm.token }), { slug: a.slug, memberId: theirMember.id }, ctx())).status).toBe(404);
    expect((await call(memberLoader, getRequest(`/a/${a.slug}/partnership/board/members/not-an-id`, { token: pm.token }), { slug: a.slug, memberId: "not-an-id" }, ctx())).status).toBe(404);
    const form = { name: "Hijack", sector: "other", version: "1" };
    expect((await post(organisationAction, `/a/${a.slug}/partnership/board/organisations/${theirs.id}`, form, pm.token, { slug: a.slug, organisationId: theirs.id })).status).toBe(404);
    // A member of mine cannot be put in their organisation.
    const res = await post(memberAction, `/a/${a.slug}/partnership/board/members/new`, { name: "X", jobTitle: "Y", email: "x@example.test", organisationId: theirs.id, activeFrom: "2023-01-01" }, pm.token, { slug: a.slug, memberId: "new" });
    expect(errors(res).organisationId).toEqual(["Choose an organisation from the list"]);
    const [still] = await t.db.select().from(organisation).where(eq(organisation.id, theirs.id));
    expect(still.name).toBe("Their partner");
  });
});

describe("board meetings", () => {
  it("records meetings with attendance and decisions, shows the pattern, refuses stale edits and deletes", async () => {
    const { a, pm } = await setup();
    const org = await createPartner(t.db, a.id, "Council", "council");
    const m1 = await createBoardMember(t.db, a.id, org.id, { name: "Director" });
    const m2 = await createBoardMember(t.db, a.id, org.id, { name: "Head of Service" });
    const newUrl = `/a/${a.slug}/partnership/meetings/new`;
    for (const [i, heldOn] of ["2022-11-15", "2022-12-13", "2023-01-17"].entries()) {
      const res = await post(meetingAction, newUrl, { intent: "save", heldOn, decisions: `Decision ${i}\r\n\r\nSecond decision ${i}`, attendeeIds: i === 0 ? [m1.id, m2.id] : [m1.id] }, pm.token, { slug: a.slug, meetingId: "new" });
      expect(res.status).toBe(302);
    }
    const list = await call(meetingsLoader, getRequest(`/a/${a.slug}/partnership/meetings`, { token: pm.token }), { slug: a.slug }, ctx());
    const data = list.data as { pattern: string; meetings: Array<{ id: string; heldOn: string; decisions: string[]; attendees: string[] }> };
    expect(data.meetings.map((m) => m.heldOn)).toEqual(["17 January 2023", "13 December 2022", "15 November 2022"]);
    expect(data.meetings[2]).toMatchObject({ decisions: ["Decision 0", "Second decision 0"], attendees: ["Director (Council)", "Head of Service (Council)"] });
    expect(data.pattern).toBe("Met monthly from November 2022 to January 2023 (3 meetings)");
    const overview = await call(overviewLoader, getRequest(`/a/${a.slug}/partnership?asOf=2023-01-31`, { token: pm.token }), { slug: a.slug }, ctx());
    expect(overview.data).toMatchObject({ meetings: "Meets monthly since November 2022 (3 meetings)", activeMembers: 2, organisations: 1 });

    const id = data.meetings[0].id;
    const url = `/a/${a.slug}/partnership/meetings/${id}`;
    const params = { slug: a.slug, meetingId: id };
    expect((await call(meetingLoader, getRequest(url, { token: pm.token }), params, ctx())).data).toMatchObject({ meeting: { heldOn: "2023-01-17", attendeeIds: [m1.id], version: 1 } });
    expect((await post(meetingAction, url, { intent: "save", heldOn: "2023-01-18", decisions: "", attendeeIds: [m2.id], version: "1" }, pm.token, params)).status).toBe(302);
    expect((await post(meetingAction, url, { intent: "save", heldOn: "2023-01-19", version: "1" }, pm.token, params)).status).toBe(409);
    expect(await t.db.select({ id: boardMeetingAttendance.boardMemberId }).from(boardMeetingAttendance).where(eq(boardMeetingAttendance.meetingId, id))).toEqual([{ id: m2.id }]);
    expect(errors(await post(meetingAction, url, { intent: "save", heldOn: "19/01/2023", version: "2" }, pm.token, params))).toEqual({ heldOn: ["Enter the date of the meeting as a real date"] });
    const foreign = await setup();
    const stranger = await createBoardMember(t.db, foreign.a.id, (await createPartner(t.db, foreign.a.id, "Elsewhere")).id);
    expect(errors(await post(meetingAction, url, { intent: "save", heldOn: "2023-01-18", attendeeIds: [stranger.id], version: "2" }, pm.token, params)).attendeeIds).toBeDefined();
    expect((await post(meetingAction, url, { intent: "delete", version: "1" }, pm.token, params)).status).toBe(409);
    expect((await post(meetingAction, url, { intent: "delete", version: "2" }, pm.token, params)).status).toBe(302);
    expect(await t.db.select().from(boardMeeting).where(eq(boardMeeting.id, id))).toEqual([]);
    const actions = (await t.db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.authorityId, a.id), eq(auditEvent.entityType, "board-meeting"))).orderBy(asc(auditEvent.id))).map((r) => r.action);
    expect(actions).toEqual(["board-meeting.created", "board-meeting.created", "board-meeting.created", "board-meeting.updated", "board-meeting.deleted"]);
  });
});
