import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as overviewLoader } from "~/routes/a.$slug.training._index";
import { loader as exportLoader } from "~/routes/a.$slug.training.export.$list";
import { action as confirmAction, loader as previewLoader } from "~/routes/a.$slug.training.import.$batchId";
import { action as uploadAction, loader as importsLoader } from "~/routes/a.$slug.training.import._index";
import { auditEvent, booking, importBatch, staffMember, trainingSession } from "../../db/schema";
import { courseByCode, createAuthority, createSignedInUser, createStaffMember, createTeam, createTrainingSession } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest } from "../helpers/requests";
import { uploadRequest } from "../helpers/upload";

const t = useTestDatabase();
const ctx = () => testContext(t.db);
type Data = Record<string, any>;

async function setup() {
  const a = await createAuthority(t.db);
  const { token } = await createSignedInUser(t.db, { authorityId: a.id, role: "contributor" });
  await createTeam(t.db, a.id, "FS team 1", 0);
  await createTeam(t.db, a.id, "FS team 2", 1);
  return { a, token };
}

/** Upload → the preview page's data; the batch id from the redirect. */
async function upload(slug: string, token: string, kind: "staff" | "attendance", content: string, name = `${kind}.csv`) {
  const res = await call(uploadAction, uploadRequest(`/a/${slug}/training/import`, { name, content }, { kind }, { token }), { slug }, ctx());
  if (res.status !== 302) return { res, batchId: null, preview: null };
  const batchId = res.location!.split("/").pop()!;
  const page = await call(previewLoader, getRequest(res.location!, { token }), { slug, batchId }, ctx());
  return { res, batchId, preview: (page.data as Data).preview as Data };
}

function confirm(slug: string, token: string, batchId: string) {
  return call(confirmAction, postRequest(`/a/${slug}/training/import/${batchId}`, { intent: "confirm" }, { token }), { slug, batchId }, ctx());
}

const count = async (table: typeof staffMember | typeof booking | typeof trainingSession, authorityId: string) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.authorityId, authorityId)))[0].n;
const audits = async (authorityId: string) => (await t.db.select().from(auditEvent).where(eq(auditEvent.authorityId, authorityId))).length;

const STAFF = [
  "external_ref,name,discipline,team,start_date,leave_date,in_scope",
  "TW-SW-001,Social worker 001,Social worker,FS team 1,04/01/2021,,yes",
  "TW-SW-002,Social worker 002,social-worker,fs team 2,2021-01-04,,Y",
  "TW-TM-001,Team manager 001,TEAM MANAGER,FS team 1,2021-01-04,31/05/2021,1",
  "TW-BS-001,,Business support,,2021-02-01,,",
  "TW-OT-001,Agency worker,other,FS team 2,2021-01-04,,no",
].join("\r\n");

describe("importing staff", () => {
  it("an invalid file: every problem by line, nothing written, the batch left previewed", async () => {
    const { a, token } = await setup();
    await createStaffMember(t.db, a.id, { externalRef: "KEEP" });
    const before = { staff: await count(staffMember, a.id), audits: await audits(a.id) };
    const bad = [
      "external_ref,name,discipline,team,start_date,leave_date,in_scope",
      "TW-SW-001,Fine,Social worker,FS team 1,2021-01-04,,yes",
      ",No reference,Social worker,FS team 1,2021-01-04,,yes",
      "TW-SW-003,Bad discipline,Plumber,FS team 1,2021-01-04,,yes",
      "TW-SW-004,Bad date,Social worker,FS team 1,31/02/2021,,yes",
      "TW-SW-005,Unknown team,Social worker,Atlantis,2021-01-04,,yes",
      "TW-SW-001,Repeated,Social worker,FS team 1,2021-01-04,,yes",
      "TW-SW-007,Leaves before starting,Social worker,FS team 1,2021-01-04,2020-12-31,maybe",
    ].join("\n");
    const { preview, batchId } = await upload(a.slug, token, "staff", bad);
    expect(preview!.status).toBe("previewed");
    expect(preview!.issues).toEqual([
      { line: 3, column: "external_ref", message: "Enter the external reference" },
      { line: 4, column: "discipline", message: '"Plumber" is not a discipline: use one of Social worker, Team manager, Adult specialist, Business support, Other' },
      { line: 5, column: "start_date", message: '"31/02/2021" is not a real date: use YYYY-MM-DD or DD/MM/YYYY' },
      { line: 6, column: "team", message: 'No team called "Atlantis": the teams are FS team 1, FS team 2' },
      { line: 7, column: "external_ref", message: "This external reference is also on line 2" },
      { line: 8, column: "in_scope", message: '"maybe" is not yes or no' },
    ]);
    const refused = await confirm(a.slug, token, batchId!);
    expect(refused.status).toBe(422);
    expect((refused.data as Data).message).toBe("The file has 6 problems: nothing has been imported.");
    expect({ staff: await count(staffMember, a.id), audits: await audits(a.id) }).toEqual(before);
    const [batch] = await t.db.select().from(importBatch).where(eq(importBatch.id, batchId!));
    expect(batch).toMatchObject({ status: "previewed", kind: "training-staff", rowCount: 7, appliedAt: null });
  });

  it("a valid file creates the staff; the same file again changes nothing and writes no audit", async () => {
    const { a, token } = await setup();
    const first = await upload(a.slug, token, "staff", STAFF);
    expect(first.preview!.issues).toEqual([]);
    expect(first.preview!.summary).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(first.preview!.sample[3]).toMatchObject({ line: 5, action: "create", externalRef: "TW-BS-001", description: "TW-BS-001, Business support, no team" });
    expect(await count(staffMember, a.id)).toBe(0);
    const applied = await confirm(a.slug, token, first.batchId!);
    expect(applied.status).toBe(302);
    const rows = await t.db.select().from(staffMember).where(eq(staffMember.authorityId, a.id)).orderBy(staffMember.externalRef);
    expect(rows.map((r) => [r.externalRef, r.name, r.discipline, r.startDate, r.leaveDate, r.inScope, r.version])).toEqual([
      ["TW-BS-001", "TW-BS-001", "business-support", "2021-02-01", null, true, 1],
      ["TW-OT-001", "Agency worker", "other", "2021-01-04", null, false, 1],
      ["TW-SW-001", "Social worker 001", "social-worker", "2021-01-04", null, true, 1],
      ["TW-SW-002", "Social worker 002", "social-worker", "2021-01-04", null, true, 1],
      ["TW-TM-001", "Team manager 001", "team-manager", "2021-01-04", "2021-05-31", true, 1],
    ]);
    const importAudits = await t.db.select().from(auditEvent).where(and(eq(auditEvent.authorityId, a.id), eq(auditEvent.action, "training.staff-imported")));
    expect(importAudits).toHaveLength(1);
    expect(importAudits[0].after).toEqual({ filename: "staff.csv", rows: 5, created: 5, updated: 0, unchanged: 0 });
    // Applying the same batch twice (a double click) is refused.
    expect((await confirm(a.slug, token, first.batchId!)).status).toBe(422);

    const auditsBefore = await audits(a.id);
    const second = await upload(a.slug, token, "staff", STAFF);
    expect(second.preview!.summary).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect((await confirm(a.slug, token, second.batchId!)).status).toBe(302);
    expect(await audits(a.id)).toBe(auditsBefore);
    expect((await t.db.select().from(staffMember).where(eq(staffMember.authorityId, a.id))).every((r) => r.version === 1)).toBe(true);
    const [batch] = await t.db.select().from(importBatch).where(eq(importBatch.id, second.batchId!));
    expect(batch).toMatchObject({ status: "applied", summary: { created: 0, updated: 0, unchanged: 5 } });

    // A changed row is an update; the roster exported and imported back changes nothing.
    const third = await upload(a.slug, token, "staff", STAFF.replace("TW-SW-002,Social worker 002,social-worker,fs team 2,2021-01-04,,Y", "TW-SW-002,Social worker 002,social-worker,fs team 2,2021-01-04,2021-08-31,Y"));
    expect(third.preview!.summary).toEqual({ created: 0, updated: 1, unchanged: 4 });
    await confirm(a.slug, token, third.batchId!);
    expect((await t.db.select().from(staffMember).where(eq(staffMember.externalRef, "TW-SW-002")))[0]).toMatchObject({ leaveDate: "2021-08-31", version: 2 });
    const exported = await call(exportLoader, getRequest(`/a/${a.slug}/training/export/staff`, { token }), { slug: a.slug, list: "staff" }, ctx());
    const roundTrip = await upload(a.slug, token, "staff", exported.data as string);
    expect(roundTrip.preview!.summary).toEqual({ created: 0, updated: 0, unchanged: 5 });

    const list = await call(importsLoader, getRequest(`/a/${a.slug}/training/import`, { token }), { slug: a.slug }, ctx());
    expect((list.data as Data).imports.map((i: Data) => i.status)).toEqual(["previewed", "applied", "applied", "applied"]);
  });

  it("refuses what is not a CSV, an empty upload, a missing column and too many rows", async () => {
    const { a, token } = await setup();
    const notCsv = await upload(a.slug, token, "staff", 'a,b\n"unterminated');
    expect(notCsv.res.status).toBe(400);
    expect((notCsv.res.data as Data).message).toMatch(/^The file is not valid CSV/);
    const empty = await call(uploadAction, postRequest(`/a/${a.slug}/training/import`, { kind: "staff" }, { token }), { slug: a.slug }, ctx());
    expect(empty.status).toBe(400);
    expect((empty.data as Data).message).toBe("Choose a CSV file to upload");
    const missing = await upload(a.slug, token, "staff", "name,team\nA,B");
    expect(missing.preview!.issues).toEqual([{ line: 1, message: 'The header row is missing "external_ref", "discipline".' }]);
    const huge = await upload(a.slug, token, "staff", ["external_ref,discipline", ...Array.from({ length: 10_001 }, (_, i) => `R${i},other`)].join("\n"));
    expect(huge.res.status).toBe(400);
    expect((huge.res.data as Data).message).toBe("The file has 10001 rows; the most one import takes is 10000.");
    expect(await t.db.select().from(importBatch).where(eq(importBatch.authorityId, a.id))).toHaveLength(1);
  });

  it("imports 10,000 people well within five seconds, and again with nothing to change", async () => {
    const { a, token } = await setup();
    const csv = ["external_ref,name,discipline,team,start_date,leave_date,in_scope", ...Array.from({ length: 10_000 }, (_, i) => `BULK-${i},Person ${i},${i % 5 === 0 ? "Team manager" : "Social worker"},FS team ${(i % 2) + 1},01/0${(i % 9) + 1}/2021,,yes`)].join("\n");
    const started = performance.now();
    const first = await upload(a.slug, token, "staff", csv);
    expect(first.preview!.summary).toEqual({ created: 10_000, updated: 0, unchanged: 0 });
    const previewed = performance.now();
    expect((await confirm(a.slug, token, first.batchId!)).status).toBe(302);
    const applied = performance.now();
    expect(await count(staffMember, a.id)).toBe(10_000);
    const again = await upload(a.slug, token, "staff", csv);
    expect(again.preview!.summary).toEqual({ created: 0, updated: 0, unchanged: 10_000 });
    expect((await confirm(a.slug, token, again.batchId!)).status).toBe(302);
    const reapplied = performance.now();
    console.info(`10,000 staff rows: upload and preview ${Math.round(previewed - started)} ms, confirm ${Math.round(applied - previewed)} ms; again unchanged ${Math.round(reapplied - applied)} ms`);
    expect(applied - previewed).toBeLessThan(5000);
    expect(applied - started).toBeLessThan(10_000);
  });
});

describe("importing attendance", () => {
  it("records attendance (creating sessions), which moves the MI criterion; re-importing changes nothing", async () => {
    const { a, token } = await setup();
    await confirm(a.slug, token, (await upload(a.slug, token, "staff", STAFF)).batchId!);
    const mi = await courseByCode(t.db, a.id, "mi");
    const existing = await createTrainingSession(t.db, a.id, mi.id, { startDate: "2021-03-01", endDate: "2021-03-02" });
    const overview = async () => (await call(overviewLoader, getRequest(`/a/${a.slug}/training?asOf=2021-05-31`, { token }), { slug: a.slug }, ctx())).data as Data;
    expect((await overview()).mi).toMatchObject({ numerator: 0, denominator: 4 });
    const csv = [
      "external_ref,course,session_date,end_date,status,mode",
      "TW-SW-001,mi,01/03/2021,,attended,",
      "TW-SW-002,Motivational Interviewing,2021-03-01,,attended,",
      "TW-TM-001,MI,2021-04-12,2021-04-13,attended,virtual",
      "TW-BS-001,mi,2021-04-12,,did not attend,",
      "TW-SW-001,ws1,2021-03-15,,attended,in person",
      "TW-SW-002,ws1,2021-06-15,,booked,",
    ].join("\n");
    const first = await upload(a.slug, token, "attendance", csv);
    expect(first.preview!.issues).toEqual([]);
    expect(first.preview!.summary).toEqual({ created: 6, updated: 0, unchanged: 0, sessionsCreated: 3 });
    expect(first.preview!.sample[2].description).toBe("Attended: Motivational Interviewing, 12 April 2021 (new session)");
    expect((await confirm(a.slug, token, first.batchId!)).status).toBe(302);
    const sessions = await t.db.select().from(trainingSession).where(eq(trainingSession.authorityId, a.id)).orderBy(trainingSession.startDate);
    expect(sessions.map((s) => [s.startDate, s.endDate, s.mode])).toEqual([
      ["2021-03-01", "2021-03-02", "virtual"],
      ["2021-03-15", null, "in-person"],
      ["2021-04-12", "2021-04-13", "virtual"],
      ["2021-06-15", null, "in-person"],
    ]);
    expect((await t.db.select().from(booking).where(eq(booking.sessionId, existing.id))).map((b) => b.status)).toEqual(["attended", "attended"]);
    // Three of the four counted (the agency worker is out of scope) completed MI.
    expect((await overview()).mi).toMatchObject({ numerator: 3, denominator: 4, percent: 75, met: true });

    const auditsBefore = await audits(a.id);
    const bookingsBefore = await t.db.select().from(booking).where(eq(booking.authorityId, a.id));
    const again = await upload(a.slug, token, "attendance", csv);
    expect(again.preview!.summary).toEqual({ created: 0, updated: 0, unchanged: 6, sessionsCreated: 0 });
    expect((await confirm(a.slug, token, again.batchId!)).status).toBe(302);
    expect(await audits(a.id)).toBe(auditsBefore);
    expect(await t.db.select().from(booking).where(eq(booking.authorityId, a.id))).toEqual(bookingsBefore);
    expect(await count(trainingSession, a.id)).toBe(4);

    // The export is in the import's own format: importing it back changes nothing.
    const exported = await call(exportLoader, getRequest(`/a/${a.slug}/training/export/attendance`, { token }), { slug: a.slug, list: "attendance" }, ctx());
    expect((await upload(a.slug, token, "attendance", exported.data as string)).preview!.summary).toEqual({ created: 0, updated: 0, unchanged: 6, sessionsCreated: 0 });

    // A later file that records the booked workshop as attended updates one place.
    const later = await upload(a.slug, token, "attendance", "external_ref,course,session_date,status\nTW-SW-002,ws1,15/06/2021,attended\nTW-XX-999,ws1,15/06/2021,attended");
    expect(later.preview!.issues).toEqual([{ line: 3, column: "external_ref", message: 'No staff member has the reference "TW-XX-999": import the staff first' }]);
    const fixed = await upload(a.slug, token, "attendance", "external_ref,course,session_date,status\nTW-SW-002,ws1,15/06/2021,attended");
    expect(fixed.preview!.summary).toEqual({ created: 0, updated: 1, unchanged: 0, sessionsCreated: 0 });
  });

  it("a viewer can see a preview but not confirm it; another authority cannot see it at all", async () => {
    const { a, token } = await setup();
    const { batchId } = await upload(a.slug, token, "staff", STAFF);
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    const other = await createAuthority(t.db);
    const stranger = await createSignedInUser(t.db, { authorityId: other.id, role: "programme-manager" });
    expect((await call(previewLoader, getRequest(`/a/${a.slug}/training/import/${batchId}`, { token: viewer.token }), { slug: a.slug, batchId: batchId! }, ctx())).status).toBe(200);
    expect((await confirm(a.slug, viewer.token, batchId!)).status).toBe(403);
    expect((await call(uploadAction, uploadRequest(`/a/${a.slug}/training/import`, { name: "s.csv", content: STAFF }, { kind: "staff" }, { token: viewer.token }), { slug: a.slug }, ctx())).status).toBe(403);
    expect((await call(previewLoader, getRequest(`/a/${a.slug}/training/import/${batchId}`, { token: stranger.token }), { slug: a.slug, batchId: batchId! }, ctx())).status).toBe(404);
    // Their own authority's URL with this batch id: still not found.
    expect((await call(previewLoader, getRequest(`/a/${other.slug}/training/import/${batchId}`, { token: stranger.token }), { slug: other.slug, batchId: batchId! }, ctx())).status).toBe(404);
    expect((await confirm(other.slug, stranger.token, batchId!)).status).toBe(404);
    expect(await count(staffMember, a.id)).toBe(0);
  });
});
