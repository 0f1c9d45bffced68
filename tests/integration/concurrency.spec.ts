import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as signAction } from "~/routes/a.$slug.partnership.charter.$versionId.sign";
import { action as confirmAction } from "~/routes/a.$slug.training.import.$batchId";
import { action as uploadAction } from "~/routes/a.$slug.training.import._index";
import { action as editPostAction } from "~/routes/a.$slug.workforce.posts.$postId.edit";
import { charterSignature, post, staffMember } from "../../db/schema";
import { addMembership, createAuthority, createBoardMember, createCharterVersion, createPartner, createPost, createSignedInUser, createTeam, createUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, postRequest, type Outcome } from "../helpers/requests";
import { uploadRequest } from "../helpers/upload";
import { createSession } from "~/auth/session.server";

/**
 * Many people at once, through the real actions: on PostgreSQL these run on separate connections
 * at the same time; on PGlite they interleave on its one connection. Nothing is lost or doubled.
 */
const t = useTestDatabase();
const ctx = () => testContext(t.db);
const N = 50;

const countWhere = async (table: typeof charterSignature | typeof staffMember, authorityId: string) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.authorityId, authorityId)))[0].n;

/** A board member of their own partner who can sign in the app. */
async function boardSigner(authorityId: string, i: number) {
  const partner = await createPartner(t.db, authorityId, `Partner ${i}`);
  const user = await createUser(t.db, { email: `signer-${i}-${authorityId.slice(0, 8)}@example.test` });
  await addMembership(t.db, user.id, authorityId, "board-member");
  await createBoardMember(t.db, authorityId, partner.id, { email: user.email, name: `Signer ${i}` });
  const { token } = await createSession(t.db, user.id, new Date());
  return { partner, token };
}

function sign(slug: string, versionId: string, textHash: string, token: string, organisationName: string): Promise<Outcome> {
  const form = { intent: "sign", versionId, textHash, signerName: "A Signer", signerRole: "Director", organisationName, consent: "yes" };
  return call(signAction, postRequest(`/a/${slug}/partnership/charter/${versionId}/sign`, form, { token }), { slug, versionId }, ctx());
}

describe("concurrency", () => {
  it(`${N} partners sign the charter at once: ${N} signatures, none lost or doubled`, async () => {
    const a = await createAuthority(t.db);
    const version = await createCharterVersion(t.db, a.id);
    const signers = [];
    for (let i = 0; i < N; i++) signers.push(await boardSigner(a.id, i));
    const outcomes = await Promise.all(signers.map((s) => sign(a.slug, version.id, version.textHash!, s.token, s.partner.name)));
    expect(outcomes.map((o) => o.status).filter((s) => s >= 400)).toEqual([]);
    const rows = await t.db.select().from(charterSignature).where(eq(charterSignature.charterVersionId, version.id));
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.organisationId)).size).toBe(N);
  });

  it(`one partner submits the signature ${N} times at once: exactly one signature, the rest told it is signed`, async () => {
    const a = await createAuthority(t.db);
    const version = await createCharterVersion(t.db, a.id);
    const signer = await boardSigner(a.id, 0);
    const outcomes = await Promise.all(Array.from({ length: N }, () => sign(a.slug, version.id, version.textHash!, signer.token, signer.partner.name)));
    expect(outcomes.every((o) => o.status < 500)).toBe(true);
    expect(await countWhere(charterSignature, a.id)).toBe(1);
  });

  it(`${N} staff lists imported at once: every row there once; one upload confirmed ${N} times at once is applied once`, async () => {
    const a = await createAuthority(t.db);
    await createTeam(t.db, a.id, "FS team 1", 0);
    const { token } = await createSignedInUser(t.db, { authorityId: a.id, role: "contributor" });
    const csv = (batch: number) => ["external_ref,name,discipline,team,start_date,leave_date,in_scope", ...Array.from({ length: 5 }, (_, i) => `B${batch}-${i},Person ${batch}-${i},Social worker,FS team 1,01/09/2021,,yes`)].join("\n");
    const uploads = await Promise.all(
      Array.from({ length: N }, (_, b) => call(uploadAction, uploadRequest(`/a/${a.slug}/training/import`, { name: `s${b}.csv`, content: csv(b) }, { kind: "staff" }, { token }), { slug: a.slug }, ctx())),
    );
    expect(uploads.map((u) => u.status)).toEqual(Array(N).fill(302));
    const batchIds = uploads.map((u) => u.location!.split("/").pop()!);
    const confirm = (batchId: string) => call(confirmAction, postRequest(`/a/${a.slug}/training/import/${batchId}`, { intent: "confirm" }, { token }), { slug: a.slug, batchId }, ctx());
    const confirmed = await Promise.all(batchIds.map(confirm));
    expect(confirmed.map((o) => o.status).filter((s) => s >= 400)).toEqual([]);
    expect(await countWhere(staffMember, a.id)).toBe(N * 5);

    const extra = await call(uploadAction, uploadRequest(`/a/${a.slug}/training/import`, { name: "again.csv", content: csv(N) }, { kind: "staff" }, { token }), { slug: a.slug }, ctx());
    const again = await Promise.all(Array.from({ length: N }, () => confirm(extra.location!.split("/").pop()!)));
    expect(again.every((o) => o.status < 500)).toBe(true);
    expect(await countWhere(staffMember, a.id)).toBe(N * 5 + 5);
  });

  it("two people edit the same post from the same version at once: one wins, the other is told of the conflict", async () => {
    const a = await createAuthority(t.db);
    const p = await createPost(t.db, a.id);
    const first = await createSignedInUser(t.db, { authorityId: a.id, role: "contributor" });
    const second = await createSignedInUser(t.db, { authorityId: a.id, role: "contributor" });
    const edit = (token: string, title: string) =>
      call(
        editPostAction,
        postRequest(`/a/${a.slug}/workforce/posts/${p.id}/edit`, { title, role: p.role, fte: "1", adultSpecialist: p.adultSpecialist ? "yes" : "no", version: String(p.version) }, { token }),
        { slug: a.slug, postId: p.id },
        ctx(),
      );
    const outcomes = await Promise.all([edit(first.token, "First edit"), edit(second.token, "Second edit")]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 409]);
    const [row] = await t.db.select().from(post).where(and(eq(post.id, p.id), eq(post.authorityId, a.id)));
    expect(row.version).toBe(p.version + 1);
  });
});
