import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server";
import { londonDate } from "~/domain/dates";
import { action as versionAction, loader as versionLoader } from "~/routes/a.$slug.partnership.charter.$versionId._index";
import { loader as certificateLoader } from "~/routes/a.$slug.partnership.charter.$versionId.certificate";
import { loader as exportLoader } from "~/routes/a.$slug.partnership.charter.$versionId.export";
import { action as editAction } from "~/routes/a.$slug.partnership.charter.$versionId.edit";
import { action as inAppAction, loader as inAppLoader } from "~/routes/a.$slug.partnership.charter.$versionId.sign";
import { action as newDraftAction, loader as newDraftLoader } from "~/routes/a.$slug.partnership.charter.new";
import { loader as overviewLoader } from "~/routes/a.$slug.partnership._index";
import { action as signAction, loader as signLoader } from "~/routes/sign.$token";
import { runReminderJob } from "~/services/partnership/reminder-job.server";
import { sendReminders } from "~/services/partnership/signing-requests.server";
import { countQueries } from "../../db/client";
import { auditEvent, charterReminder, charterSignature, charterVersion, charterWithdrawal, emailMessage, signingRequest, verification } from "../../db/schema";
import { addMembership, createAuthority, createBoardMember, createPartner, createSignedInUser, createUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { latestEmailTo, linkToken } from "../helpers/email";
import { call, getRequest, postRequest } from "../helpers/requests";

const t = useTestDatabase();
const ctx = (now?: Date) => testContext(t.db, now ? { now: () => now } : {});
const DAY = 24 * 60 * 60 * 1000;

const DRAFT = {
  title: "Partnership charter",
  body: "# Purpose\r\n\r\nWe work together.  \r\n",
  commitments: "Keep families together\nShare information\n",
  minimumTermMonths: "24",
  reviewIntervalMonths: "12",
};

/** An authority with a programme manager, three partners (police with two members, NHS, charity) and a former member. */
async function setup() {
  const a = await createAuthority(t.db);
  const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
  const police = await createPartner(t.db, a.id, "West Midlands Police", "police");
  const nhs = await createPartner(t.db, a.id, "NHS trust", "health");
  const charity = await createPartner(t.db, a.id, "Domestic abuse charity", "voluntary");
  const members = {
    police1: await createBoardMember(t.db, a.id, police.id, { name: "Chief Superintendent", jobTitle: "Chief Superintendent" }),
    police2: await createBoardMember(t.db, a.id, police.id, { name: "Detective Inspector", jobTitle: "Detective Inspector" }),
    nhs: await createBoardMember(t.db, a.id, nhs.id, { name: "Chief Nurse", jobTitle: "Chief Nurse" }),
    charity: await createBoardMember(t.db, a.id, charity.id, { name: "Charity Director", jobTitle: "Director" }),
    former: await createBoardMember(t.db, a.id, charity.id, { name: "Former Member", activeTo: "2023-01-31" }),
  };
  return { a, pm, orgs: { police, nhs, charity }, members };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function draftAndPublish(s: Setup, draft = DRAFT, sendRequests = true, now?: Date) {
  const created = await call(newDraftAction, postRequest(`/a/${s.a.slug}/partnership/charter/new`, draft, { token: s.pm.token }), { slug: s.a.slug }, ctx(now));
  expect(created.status).toBe(302);
  const versionId = created.location!.split("/").at(-1)!;
  const form: Record<string, string> = { intent: "publish", version: "1" };
  if (sendRequests) form.sendRequests = "yes";
  const published = await call(versionAction, postRequest(`/a/${s.a.slug}/partnership/charter/${versionId}`, form, { token: s.pm.token }), { slug: s.a.slug, versionId }, ctx(now));
  expect(published.status).toBe(302);
  const [version] = await t.db.select().from(charterVersion).where(eq(charterVersion.id, versionId));
  return version;
}

async function tokenFor(email: string) {
  return linkToken((await latestEmailTo(t.db, email)).html, "sign");
}

function signForm(versionId: string, textHash: string, o: Partial<Record<string, string>> = {}) {
  return { intent: "sign", versionId, textHash, signerName: "Ann Signer", signerRole: "Chief Superintendent", organisationName: "West Midlands Police", consent: "yes", ...o };
}

function signByLink(token: string, form: Record<string, string>, now?: Date) {
  const request = postRequest(`/sign/${token}`, form);
  request.headers.set("User-Agent", "Test browser/1.0");
  return call(signAction, request, { token }, ctx(now));
}

/** The partnership page today, or as it stands on a later day (?asOf). */
async function overview(s: Setup, later?: Date) {
  const query = later ? `?asOf=${londonDate(later)}` : "";
  const res = await call(overviewLoader, getRequest(`/a/${s.a.slug}/partnership${query}`, { token: s.pm.token }), { slug: s.a.slug }, ctx());
  expect(res.status).toBe(200);
  return res.data as { summary: { signed: number; partners: number; overdueRequests: number; fullySigned: boolean; current: { id: string; reviewDue: boolean } | null }; partners: Array<{ organisationName: string; status: string }> };
}

const trail = async (versionId: string) =>
  (await t.db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.entityType, "charter-version"), eq(auditEvent.entityId, versionId))).orderBy(asc(auditEvent.id))).map((r) => r.action);

describe("drafting and publishing", () => {
  it("publishes a draft with its canonical text and SHA-256, and e-mails a personal link to every active board member", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    expect(v.publishedAt).not.toBeNull();
    expect(v.canonicalText).toContain("Title: Partnership charter\nMinimum term: 24 months\nReview interval: 12 months\n\nCommitments:\n1. Keep families together\n2. Share information\n\nText:\n# Purpose\n\nWe work together.");
    expect(v.textHash).toBe(createHash("sha256").update(v.canonicalText!, "utf8").digest("hex"));
    for (const m of [s.members.police1, s.members.police2, s.members.nhs, s.members.charity]) {
      const email = await latestEmailTo(t.db, m.email);
      expect(email.subject).toBe(`Please sign the ${s.a.name} partnership charter`);
      expect(email.text).toContain(v.textHash!);
      expect(linkToken(email.html, "sign")).toMatch(/^[A-Za-z0-9_-]{32}$/);
    }
    expect(await latestEmailTo(t.db, s.members.former.email)).toBeUndefined();
    const links = await t.db.select().from(verification).where(and(eq(verification.authorityId, s.a.id), eq(verification.purpose, "charter-signing")));
    expect(links).toHaveLength(4);
    expect(links[0].expiresAt.getTime() - links[0].createdAt.getTime()).toBe(30 * DAY);
    expect(await trail(v.id)).toEqual(["charter.draft-created", "charter.published", ...Array(4).fill("charter.request-sent")]);
    expect(await overview(s)).toMatchObject({ summary: { signed: 0, partners: 3, current: { id: v.id } } });
  });

  it("shows a draft only to the programme team and refuses a change made on a stale page", async () => {
    const s = await setup();
    const created = await call(newDraftAction, postRequest(`/a/${s.a.slug}/partnership/charter/new`, DRAFT, { token: s.pm.token }), { slug: s.a.slug }, ctx());
    const versionId = created.location!.split("/").at(-1)!;
    const viewer = await createSignedInUser(t.db, { authorityId: s.a.id, role: "viewer" });
    expect((await call(versionLoader, getRequest(`/a/${s.a.slug}/partnership/charter/${versionId}`, { token: viewer.token }), { slug: s.a.slug, versionId }, ctx())).status).toBe(404);
    // The partnership page lists it for the programme team only (nobody else could open it).
    const listed = async (token: string) => ((await call(overviewLoader, getRequest(`/a/${s.a.slug}/partnership`, { token }), { slug: s.a.slug }, ctx())).data as { versions: Array<{ id: string }> }).versions.map((v) => v.id);
    await expect(listed(s.pm.token)).resolves.toContain(versionId);
    await expect(listed(viewer.token)).resolves.not.toContain(versionId);
    const page = await call(versionLoader, getRequest(`/a/${s.a.slug}/partnership/charter/${versionId}`, { token: s.pm.token }), { slug: s.a.slug, versionId }, ctx());
    expect(page.data).toMatchObject({ state: "draft", version: { title: "Partnership charter", commitments: ["Keep families together", "Share information"] } });
    // Starting another draft carries on with this one.
    const again = await call(newDraftLoader, getRequest(`/a/${s.a.slug}/partnership/charter/new`, { token: s.pm.token }), { slug: s.a.slug }, ctx());
    expect(again.location).toBe(`/a/${s.a.slug}/partnership/charter/${versionId}/edit`);
    const edit = (form: Record<string, string>) => call(editAction, postRequest(`/a/${s.a.slug}/partnership/charter/${versionId}/edit`, form, { token: s.pm.token }), { slug: s.a.slug, versionId }, ctx());
    expect((await edit({ ...DRAFT, title: "Revised", version: "1" })).status).toBe(302);
    const stale = await edit({ ...DRAFT, title: "Lost update", version: "1" });
    expect(stale.status).toBe(409);
    expect((stale.data as { error: Record<string, string[]> }).error[""][0]).toContain("changed by someone else");
    const bad = await edit({ title: "", body: "", commitments: "\n", minimumTermMonths: "0", reviewIntervalMonths: "x", version: "2" });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as { error: Record<string, string[]> }).error).sort()).toEqual(["body", "commitments", "minimumTermMonths", "reviewIntervalMonths", "title"]);
    const [row] = await t.db.select().from(charterVersion).where(eq(charterVersion.id, versionId));
    expect(row).toMatchObject({ title: "Revised", version: 2, publishedAt: null });
  });

  it("publishing a new version supersedes the old one: everyone awaits again and old links stop working", async () => {
    const s = await setup();
    const v1 = await draftAndPublish(s);
    const police = await tokenFor(s.members.police1.email);
    const nhsOldToken = await tokenFor(s.members.nhs.email);
    expect((await signByLink(police, signForm(v1.id, v1.textHash!))).status).toBe(200);
    expect((await overview(s)).summary).toMatchObject({ signed: 1, partners: 3 });

    const v2 = await draftAndPublish(s, { ...DRAFT, title: "Partnership charter (revised)" });
    expect(v2.number).toBe(2);
    expect(v2.textHash).not.toBe(v1.textHash);
    const o = await overview(s);
    expect(o.summary).toMatchObject({ signed: 0, partners: 3, current: { id: v2.id } });
    expect(o.partners.map((p) => p.status)).toEqual(["awaiting", "awaiting", "awaiting"]);
    // The link for version 1 no longer opens or signs.
    expect((await call(signLoader, getRequest(`/sign/${nhsOldToken}`), { token: nhsOldToken }, ctx())).data).toEqual({ page: null });
    expect((await signByLink(nhsOldToken, signForm(v1.id, v1.textHash!, { organisationName: "NHS trust" }))).status).toBe(422);
    // Version 1 keeps its signature on its certificate, marked superseded.
    const cert = await call(certificateLoader, getRequest(`/a/${s.a.slug}/partnership/charter/${v1.id}/certificate`, { token: s.pm.token }), { slug: s.a.slug, versionId: v1.id }, ctx());
    expect(cert.data).toMatchObject({ state: "superseded", signatures: [{ organisationName: "West Midlands Police" }] });
    expect(await trail(v1.id)).toContain("charter.superseded");
  });
});

describe("signing by e-mailed link", () => {
  it("shows the text and hash without using the link, records the view, then signs once", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const token = await tokenFor(s.members.police1.email);
    for (let i = 0; i < 2; i++) {
      const page = await call(signLoader, getRequest(`/sign/${token}`), { token }, ctx());
      expect(page.data).toMatchObject({
        page: { state: "ready", version: { id: v.id, textHash: v.textHash, canonicalText: v.canonicalText }, member: { name: "Chief Superintendent", organisationName: "West Midlands Police" } },
      });
    }
    // Viewed once in the trail (at most hourly), and noted on the request.
    expect((await trail(v.id)).filter((a) => a === "charter.viewed")).toHaveLength(1);
    const [request] = await t.db.select().from(signingRequest).where(eq(signingRequest.boardMemberId, s.members.police1.id));
    expect(request.firstViewedAt).not.toBeNull();

    const res = await signByLink(token, signForm(v.id, v.textHash!));
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ signed: { organisationName: "West Midlands Police", signerName: "Ann Signer", signedCount: 1, partnerCount: 3 } });
    const [sig] = await t.db.select().from(charterSignature).where(eq(charterSignature.charterVersionId, v.id));
    expect(sig).toMatchObject({
      boardMemberId: s.members.police1.id,
      organisationId: s.orgs.police.id,
      organisationName: "West Midlands Police",
      signerName: "Ann Signer",
      signerRole: "Chief Superintendent",
      signerEmail: s.members.police1.email,
      textHash: v.textHash,
      consentStatement: "I sign this charter on behalf of West Midlands Police and I am authorised by the organisation to do so.",
      method: "link",
      userAgent: "Test browser/1.0",
    });
    expect(sig.ip).toMatch(/^10\./);

    // Twice: refused, nothing more recorded.
    const again = await signByLink(token, signForm(v.id, v.textHash!));
    expect(again.status).toBe(422);
    expect((again.data as { error: Record<string, string[]> }).error[""][0]).toContain("already been used");
    expect(await t.db.select().from(charterSignature).where(eq(charterSignature.charterVersionId, v.id))).toHaveLength(1);
    expect((await call(signLoader, getRequest(`/sign/${token}`), { token }, ctx())).data).toEqual({ page: null });

    // Receipts: to the signer and to the programme manager.
    expect((await latestEmailTo(t.db, s.members.police1.email)).subject).toBe(`Receipt: you signed the ${s.a.name} partnership charter`);
    expect((await latestEmailTo(t.db, s.pm.user.email)).subject).toBe(`West Midlands Police signed the ${s.a.name} partnership charter`);
    expect(await trail(v.id)).toContain("charter.signed");
  });

  it("a partner signs once: a colleague's link then shows it signed and cannot sign again", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const first = await tokenFor(s.members.police1.email);
    const second = await tokenFor(s.members.police2.email);
    expect((await signByLink(first, signForm(v.id, v.textHash!))).status).toBe(200);
    const page = await call(signLoader, getRequest(`/sign/${second}`), { token: second }, ctx());
    expect(page.data).toMatchObject({ page: { state: "already-signed", signedBy: { signerName: "Ann Signer" } } });
    const res = await signByLink(second, signForm(v.id, v.textHash!, { signerName: "Colleague" }));
    expect(res.status).toBe(422);
    expect((res.data as { error: Record<string, string[]> }).error[""][0]).toContain("has already signed");
    // The refused attempt did not use the link up.
    expect((await call(signLoader, getRequest(`/sign/${second}`), { token: second }, ctx())).data).toMatchObject({ page: { state: "already-signed" } });
  });

  it("validates the form beside the fields, refuses another organisation, another version and a changed text, keeping the link", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const token = await tokenFor(s.members.nhs.email);
    const missing = await signByLink(token, { intent: "sign", versionId: v.id, textHash: v.textHash!, signerName: "", signerRole: "", organisationName: "" });
    expect(missing.status).toBe(400);
    expect((missing.data as { error: Record<string, string[]> }).error).toEqual({
      signerName: ["Enter your full name"],
      signerRole: ["Enter your job title"],
      organisationName: ["Enter your organisation"],
      consent: ["Tick the statement to confirm you sign on behalf of your organisation"],
    });
    const otherOrg = await signByLink(token, signForm(v.id, v.textHash!, { organisationName: "West Midlands Police" }));
    expect(otherOrg.status).toBe(422);
    expect((otherOrg.data as { error: Record<string, string[]> }).error.organisationName[0]).toContain("This request is for NHS trust");
    const otherVersion = await signByLink(token, signForm(crypto.randomUUID(), v.textHash!, { organisationName: "nhs  TRUST" }));
    expect(otherVersion.status).toBe(422);
    expect((otherVersion.data as { error: Record<string, string[]> }).error[""][0]).toContain("another version");
    const changed = await signByLink(token, signForm(v.id, "0".repeat(64), { organisationName: "NHS trust" }));
    expect(changed.status).toBe(422);
    expect((changed.data as { error: Record<string, string[]> }).error[""][0]).toContain("not the one this page showed");
    expect(await t.db.select().from(charterSignature).where(eq(charterSignature.charterVersionId, v.id))).toEqual([]);
    // Case and spacing of the organisation do not matter; the link still works.
    expect((await signByLink(token, signForm(v.id, v.textHash!, { organisationName: "nhs  TRUST" }))).status).toBe(200);
  });

  it("expires after 30 days", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const token = await tokenFor(s.members.charity.email);
    const later = new Date(Date.now() + 30 * DAY + 60_000);
    expect((await call(signLoader, getRequest(`/sign/${token}`), { token }, ctx(later))).data).toEqual({ page: null });
    expect((await signByLink(token, signForm(v.id, v.textHash!, { organisationName: "Domestic abuse charity" }), later)).status).toBe(422);
    expect((await call(signLoader, getRequest(`/sign/${token}`), { token }, ctx(new Date(Date.now() + 29 * DAY)))).data).toMatchObject({ page: { state: "ready" } });
  });

  it("a link of one authority cannot sign another authority's charter", async () => {
    const s = await setup();
    const other = await setup();
    const mine = await draftAndPublish(s);
    const theirs = await draftAndPublish(other);
    const token = await tokenFor(s.members.police1.email);
    const res = await signByLink(token, signForm(theirs.id, theirs.textHash!));
    expect(res.status).toBe(422);
    expect(await t.db.select().from(charterSignature).where(eq(charterSignature.authorityId, other.a.id))).toEqual([]);
    expect((await signByLink(token, signForm(mine.id, mine.textHash!))).status).toBe(200);
  });

  it("rate-limits signing attempts per IP address", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const token = await tokenFor(s.members.nhs.email);
    const fixed = testContext(t.db);
    let last = 0;
    for (let i = 0; i < 31; i++) {
      last = (await call(signAction, postRequest(`/sign/${token}`, signForm(v.id, "0".repeat(64), { organisationName: "NHS trust" })), { token }, fixed)).status;
    }
    expect(last).toBe(429);
  });
});

describe("signing in the app", () => {
  async function boardUser(s: Setup, email: string) {
    const user = await createUser(t.db, { email });
    await addMembership(t.db, user.id, s.a.id, "board-member");
    const { token } = await createSession(t.db, user.id, new Date());
    return { user, token };
  }

  it("signs as the board member whose e-mail the signed-in person has, then withdraws, then signs again", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const me = await boardUser(s, s.members.nhs.email.toUpperCase().replace("@EXAMPLE.TEST", "@example.test"));
    const url = `/a/${s.a.slug}/partnership/charter/${v.id}/sign`;
    const params = { slug: s.a.slug, versionId: v.id };
    const page = await call(inAppLoader, getRequest(url, { token: me.token }), params, ctx());
    expect(page.data).toMatchObject({ page: { state: "ready", member: { organisationName: "NHS trust" } } });
    const signed = await call(inAppAction, postRequest(url, signForm(v.id, v.textHash!, { organisationName: "NHS trust" }), { token: me.token }), params, ctx());
    expect(signed.status).toBe(200);
    const [sig] = await t.db.select().from(charterSignature).where(eq(charterSignature.charterVersionId, v.id));
    expect(sig).toMatchObject({ method: "app", userId: me.user.id, boardMemberId: s.members.nhs.id });

    const noReason = await call(inAppAction, postRequest(url, { intent: "withdraw", reason: " " }, { token: me.token }), params, ctx());
    expect(noReason.status).toBe(400);
    const withdrawn = await call(inAppAction, postRequest(url, { intent: "withdraw", reason: "Our board has not approved funding" }, { token: me.token }), params, ctx());
    expect(withdrawn.status).toBe(302);
    const [w] = await t.db.select().from(charterWithdrawal).where(eq(charterWithdrawal.signatureId, sig.id));
    expect(w).toMatchObject({ reason: "Our board has not approved funding", boardMemberId: s.members.nhs.id, organisationId: s.orgs.nhs.id });
    expect((await overview(s)).partners.find((p) => p.organisationName === "NHS trust")?.status).toBe("withdrawn");
    const cert = await call(certificateLoader, getRequest(`/a/${s.a.slug}/partnership/charter/${v.id}/certificate`, { token: s.pm.token }), params, ctx());
    expect(cert.data).toMatchObject({ signatures: [{ signerName: "Ann Signer", withdrawalReason: "Our board has not approved funding" }] });

    // Signing again: a new signature; the first and its withdrawal stay.
    expect((await call(inAppAction, postRequest(url, signForm(v.id, v.textHash!, { organisationName: "NHS trust" }), { token: me.token }), params, ctx())).status).toBe(200);
    expect(await t.db.select().from(charterSignature).where(eq(charterSignature.charterVersionId, v.id))).toHaveLength(2);
    expect((await overview(s)).partners.find((p) => p.organisationName === "NHS trust")?.status).toBe("signed");
    expect(await trail(v.id)).toEqual(expect.arrayContaining(["charter.signed", "charter.withdrawn"]));
  });

  it("a board member of authority A cannot sign for authority B", async () => {
    const s = await setup();
    const other = await setup();
    const theirs = await draftAndPublish(other);
    await draftAndPublish(s);
    const me = await boardUser(s, s.members.police1.email);
    const url = `/a/${other.a.slug}/partnership/charter/${theirs.id}/sign`;
    const params = { slug: other.a.slug, versionId: theirs.id };
    expect((await call(inAppLoader, getRequest(url, { token: me.token }), params, ctx())).status).toBe(404);
    expect((await call(inAppAction, postRequest(url, signForm(theirs.id, theirs.textHash!), { token: me.token }), params, ctx())).status).toBe(404);
    // Through my own authority's URL with their version: not found in mine.
    const mine = await call(inAppAction, postRequest(`/a/${s.a.slug}/partnership/charter/${theirs.id}/sign`, signForm(theirs.id, theirs.textHash!), { token: me.token }), { slug: s.a.slug, versionId: theirs.id }, ctx());
    expect(mine.status).toBe(404);
    expect(await t.db.select().from(charterSignature).where(eq(charterSignature.authorityId, other.a.id))).toEqual([]);
  });

  it("tells a board member whose e-mail is not on the board list that they cannot sign", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const stranger = await createSignedInUser(t.db, { authorityId: s.a.id, role: "board-member" });
    const url = `/a/${s.a.slug}/partnership/charter/${v.id}/sign`;
    const params = { slug: s.a.slug, versionId: v.id };
    expect((await call(inAppLoader, getRequest(url, { token: stranger.token }), params, ctx())).data).toMatchObject({ page: null });
    expect((await call(inAppAction, postRequest(url, signForm(v.id, v.textHash!), { token: stranger.token }), params, ctx())).status).toBe(422);
  });
});

describe("the evidence cannot be changed, even with SQL through the app's own connection", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of signatures, withdrawals and reminders", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    expect((await signByLink(await tokenFor(s.members.police1.email), signForm(v.id, v.textHash!))).status).toBe(200);
    const [sig] = await t.db.select().from(charterSignature).where(eq(charterSignature.charterVersionId, v.id));
    await expect(t.db.execute(sql`update charter_signature set signer_name = 'Someone else' where id = ${sig.id}`)).rejects.toThrow();
    await expect(t.db.update(charterSignature).set({ textHash: "0".repeat(64) }).where(eq(charterSignature.id, sig.id))).rejects.toThrow();
    await expect(t.db.execute(sql`delete from charter_signature where id = ${sig.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate charter_signature cascade`)).rejects.toThrow();
    await t.db.insert(charterWithdrawal).values({ authorityId: s.a.id, signatureId: sig.id, charterVersionId: v.id, organisationId: s.orgs.police.id, withdrawnAt: new Date(), reason: "r", recordedByLabel: "test" });
    await expect(t.db.execute(sql`update charter_withdrawal set reason = 'changed' where signature_id = ${sig.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from charter_withdrawal where signature_id = ${sig.id}`)).rejects.toThrow();
    await sendReminders({ db: t.db, authorityId: s.a.id, actor: { userId: null, label: "test" }, now: new Date() }, testContext(t.db).env, v.id, "manual", [s.members.nhs.id]);
    await expect(t.db.execute(sql`delete from charter_reminder where authority_id = ${s.a.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`update charter_reminder set trigger = 'x' where authority_id = ${s.a.id}`)).rejects.toThrow();
    const [still] = await t.db.select().from(charterSignature).where(eq(charterSignature.id, sig.id));
    expect(still).toEqual(sig);
  });

  it("refuses any change to a published version, while a draft stays editable", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    await expect(t.db.execute(sql`update charter_version set body = 'Something else' where id = ${v.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`update charter_version set published_at = null where id = ${v.id}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from charter_version where id = ${v.id}`)).rejects.toThrow();
    const created = await call(newDraftAction, postRequest(`/a/${s.a.slug}/partnership/charter/new`, DRAFT, { token: s.pm.token }), { slug: s.a.slug }, ctx());
    const draftId = created.location!.split("/").at(-1)!;
    await t.db.execute(sql`update charter_version set body = 'Edited draft' where id = ${draftId}`);
    // Publishing must store the hash of the stored text.
    await expect(t.db.execute(sql`update charter_version set published_at = now(), canonical_text = 'x', text_hash = ${"0".repeat(64)} where id = ${draftId}`)).rejects.toThrow();
    const [unchanged] = await t.db.select().from(charterVersion).where(eq(charterVersion.id, v.id));
    expect(unchanged.body).toBe(v.body);
  });

  it("refuses a signature with another hash, of a draft, or by a member of another authority", async () => {
    const s = await setup();
    const other = await setup();
    const v = await draftAndPublish(s);
    const base = {
      authorityId: s.a.id,
      charterVersionId: v.id,
      boardMemberId: s.members.police1.id,
      organisationId: s.orgs.police.id,
      organisationName: "West Midlands Police",
      signerName: "X",
      signerRole: "Y",
      signerEmail: "x@example.test",
      signedAt: new Date(),
      textHash: v.textHash!,
      consentStatement: "c",
      method: "link",
    };
    await expect(t.db.insert(charterSignature).values({ ...base, textHash: "0".repeat(64) })).rejects.toThrow();
    await expect(t.db.insert(charterSignature).values({ ...base, boardMemberId: other.members.police1.id, organisationId: other.orgs.police.id })).rejects.toThrow();
    await expect(t.db.insert(charterSignature).values({ ...base, organisationId: s.orgs.nhs.id })).rejects.toThrow();
    await expect(t.db.insert(charterSignature).values({ ...base, authorityId: other.a.id })).rejects.toThrow();
    expect(await t.db.select().from(charterSignature).where(eq(charterSignature.charterVersionId, v.id))).toEqual([]);
  });
});

describe("reminders", () => {
  it("a manual reminder sends a fresh link (the old one stops working) and is logged", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const old = await tokenFor(s.members.nhs.email);
    const res = await call(versionAction, postRequest(`/a/${s.a.slug}/partnership/charter/${v.id}`, { intent: "remind", memberId: s.members.nhs.id }, { token: s.pm.token }), { slug: s.a.slug, versionId: v.id }, ctx());
    expect(res.status).toBe(302);
    const email = await latestEmailTo(t.db, s.members.nhs.email);
    expect(email.subject).toBe(`Reminder: please sign the ${s.a.name} partnership charter`);
    const fresh = linkToken(email.html, "sign");
    expect(fresh).not.toBe(old);
    expect((await call(signLoader, getRequest(`/sign/${old}`), { token: old }, ctx())).data).toEqual({ page: null });
    expect((await call(signLoader, getRequest(`/sign/${fresh}`), { token: fresh }, ctx())).data).toMatchObject({ page: { state: "ready" } });
    expect(await t.db.select().from(charterReminder).where(eq(charterReminder.boardMemberId, s.members.nhs.id))).toEqual([expect.objectContaining({ trigger: "manual", sentByLabel: s.pm.user.email })]);
    expect(await trail(v.id)).toContain("charter.reminded");
  });

  it("the job reminds those unsigned after N days, once per N days, and nobody whose partner signed", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    expect((await signByLink(await tokenFor(s.members.police1.email), signForm(v.id, v.textHash!))).status).toBe(200);
    const env = testContext(t.db).env;
    const ours = async (now: Date) => (await runReminderJob(t.db, env, now)).reminded.find((r) => r.slug === s.a.slug)?.sent ?? 0;
    expect(await ours(new Date(Date.now() + 13 * DAY))).toBe(0);
    // Day 14: the NHS and charity members (not the police: their partner signed; not the former member).
    expect(await ours(new Date(Date.now() + 14 * DAY))).toBe(2);
    expect(await ours(new Date(Date.now() + 14 * DAY + 3_600_000))).toBe(0);
    expect(await ours(new Date(Date.now() + 27 * DAY))).toBe(0);
    expect(await ours(new Date(Date.now() + 28 * DAY + 3_600_000))).toBe(2);
    const log = await t.db.select().from(charterReminder).where(eq(charterReminder.charterVersionId, v.id));
    expect(log).toHaveLength(4);
    expect(new Set(log.map((r) => r.boardMemberId))).toEqual(new Set([s.members.nhs.id, s.members.charity.id]));
    expect(log.every((r) => r.trigger === "scheduled" && r.sentByLabel === "reminder job")).toBe(true);
    const [req] = await t.db.select().from(signingRequest).where(eq(signingRequest.boardMemberId, s.members.nhs.id));
    expect(req.reminderCount).toBe(2);
  });

  it("counts overdue requests and uses the number of days set for the charter", async () => {
    const s = await setup();
    await draftAndPublish(s);
    expect((await overview(s, new Date(Date.now() + 14 * DAY))).summary.overdueRequests).toBe(4);
    const set = await call((await import("~/routes/a.$slug.partnership._index")).action, postRequest(`/a/${s.a.slug}/partnership`, { reminderAfterDays: "30", version: "1" }, { token: s.pm.token }), { slug: s.a.slug }, ctx());
    expect(set.status).toBe(302);
    expect((await overview(s, new Date(Date.now() + 14 * DAY))).summary.overdueRequests).toBe(0);
    const stale = await call((await import("~/routes/a.$slug.partnership._index")).action, postRequest(`/a/${s.a.slug}/partnership`, { reminderAfterDays: "7", version: "1" }, { token: s.pm.token }), { slug: s.a.slug }, ctx());
    expect(stale.status).toBe(409);
  });
});

describe("status, receipts and the certificate", () => {
  it("says review is due once the interval has passed since publication", async () => {
    const s = await setup();
    await draftAndPublish(s, { ...DRAFT, reviewIntervalMonths: "6" });
    expect((await overview(s, new Date(Date.now() + 170 * DAY))).summary.current?.reviewDue).toBe(false);
    expect((await overview(s, new Date(Date.now() + 190 * DAY))).summary.current?.reviewDue).toBe(true);
  });

  it("e-mails everyone when the last partner signs, and the certificate lists every signature, its hash and the trail", async () => {
    const s = await setup();
    const v = await draftAndPublish(s);
    const sign = async (email: string, organisationName: string) => expect((await signByLink(await tokenFor(email), signForm(v.id, v.textHash!, { organisationName }))).status).toBe(200);
    await sign(s.members.police1.email, "West Midlands Police");
    await sign(s.members.nhs.email, "NHS trust");
    const before = await t.db.select().from(emailMessage).where(eq(emailMessage.tag, "charter-fully-signed"));
    await sign(s.members.charity.email, "Domestic abuse charity");
    expect((await overview(s)).summary).toMatchObject({ signed: 3, partners: 3, fullySigned: true });
    const full = (await t.db.select().from(emailMessage).where(eq(emailMessage.tag, "charter-fully-signed"))).filter((e) => !before.some((b) => b.id === e.id));
    expect(full.map((e) => e.toAddress).sort()).toEqual([s.members.charity.email, s.members.nhs.email, s.members.police1.email, s.pm.user.email].sort());

    const url = `/a/${s.a.slug}/partnership/charter/${v.id}/certificate`;
    const params = { slug: s.a.slug, versionId: v.id };
    const viewer = await createSignedInUser(t.db, { authorityId: s.a.id, role: "viewer" });
    const page = await call(certificateLoader, getRequest(url, { token: viewer.token }), params, ctx());
    const data = page.data as { version: { textHash: string; canonicalText: string }; signatures: Array<{ organisationName: string; ip: string | null; signerEmail: string | null }>; trail: Array<{ action: string; who: string | null }> };
    expect(data.version.textHash).toBe(v.textHash);
    expect(data.signatures.map((x) => x.organisationName)).toEqual(["West Midlands Police", "NHS trust", "Domestic abuse charity"]);
    // Personal details are for the programme team.
    expect(data.signatures.every((x) => x.ip === null && x.signerEmail === null)).toBe(true);
    expect(data.trail.every((e) => e.who === null)).toBe(true);
    expect([...new Set(data.trail.map((e) => e.action))]).toEqual(["charter.draft-created", "charter.published", "charter.request-sent", "charter.signed"]);

    const files = `/a/${s.a.slug}/partnership/charter/${v.id}/export`;
    const txt = await call(exportLoader, getRequest(`${files}?format=txt`, { token: viewer.token }), params, ctx());
    expect(txt.data).toBe(v.canonicalText);
    expect(createHash("sha256").update(txt.data as string).digest("hex")).toBe(v.textHash);
    const viewerCsv = await call(exportLoader, getRequest(`${files}?format=csv`, { token: viewer.token }), params, ctx());
    expect(viewerCsv.data as string).toContain(`West Midlands Police,Ann Signer,Chief Superintendent`);
    expect(viewerCsv.data as string).not.toContain("IP address");
    const csv = await call(exportLoader, getRequest(`${files}?format=csv`, { token: s.pm.token }), params, ctx());
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.data as string).toContain("Organisation,Signer name,Signer job title,Signed at (UTC),Method,SHA-256 of text shown");
    expect(csv.data as string).toContain(`West Midlands Police,Ann Signer,Chief Superintendent`);
    expect(csv.data as string).toContain("IP address");
    const trailCsv = await call(exportLoader, getRequest(`${files}?format=trail-csv`, { token: s.pm.token }), params, ctx());
    expect(trailCsv.data as string).toContain("charter.signed");
    expect((await call(exportLoader, getRequest(`${files}?format=pdf`, { token: s.pm.token }), params, ctx())).status).toBe(404);
  });

  it("a draft has no certificate", async () => {
    const s = await setup();
    const created = await call(newDraftAction, postRequest(`/a/${s.a.slug}/partnership/charter/new`, DRAFT, { token: s.pm.token }), { slug: s.a.slug }, ctx());
    const versionId = created.location!.split("/").at(-1)!;
    expect((await call(certificateLoader, getRequest(`/a/${s.a.slug}/partnership/charter/${versionId}/certificate`, { token: s.pm.token }), { slug: s.a.slug, versionId }, ctx())).status).toBe(404);
    expect((await call(exportLoader, getRequest(`/a/${s.a.slug}/partnership/charter/${versionId}/export?format=txt`, { token: s.pm.token }), { slug: s.a.slug, versionId }, ctx())).status).toBe(404);
  });

  it("the partnership page's query count does not grow with the board", async () => {
    const small = await setup();
    await draftAndPublish(small);
    const large = await setup();
    for (let i = 0; i < 20; i++) {
      const org = await createPartner(t.db, large.a.id, `Partner ${i}`);
      await createBoardMember(t.db, large.a.id, org.id);
    }
    await draftAndPublish(large);
    const count = async (s: Setup) => (await countQueries(() => call(overviewLoader, getRequest(`/a/${s.a.slug}/partnership`, { token: s.pm.token }), { slug: s.a.slug }, ctx()))).queries;
    expect(await count(large)).toBe(await count(small));
    const v = (await overview(large)).summary.current!.id;
    const cert = async (s: Setup, id: string) => (await countQueries(() => call(certificateLoader, getRequest(`/a/${s.a.slug}/partnership/charter/${id}/certificate`, { token: s.pm.token }), { slug: s.a.slug, versionId: id }, ctx()))).queries;
    expect(await cert(large, v)).toBe(await cert(small, (await overview(small)).summary.current!.id));
  });
});

