import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordAudit } from "~/services/audit.server";
import { verifyAuditChains } from "~/services/audit/verify-audit-chain.server";
import { auditEvent } from "../../db/schema";
import { createAuthority } from "../factories";
import { useTestDatabase } from "../helpers/db";

const t = useTestDatabase();
const actor = { userId: null, label: "test" };

async function chainOf(authorityId: string) {
  return (await verifyAuditChains(t.db)).find((r) => r.chain === authorityId)!;
}

describe("hash-chained audit trail", () => {
  it("chains each authority's events in order, and the verifier finds them intact", async () => {
    const a = await createAuthority(t.db);
    for (let i = 0; i < 5; i++) await recordAudit(t.db, actor, { authorityId: a.id, action: `test.step-${i}`, entityType: "test", after: { i, text: "£ and ünicode" } });
    const rows = await t.db.select().from(auditEvent).where(eq(auditEvent.authorityId, a.id)).orderBy(asc(auditEvent.chainSeq));
    expect(rows.map((r) => r.chainSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await chainOf(a.id)).toMatchObject({ events: 5, head: rows[4].hash, problems: [] });
  });

  it("keeps the chain whole when many transactions write at once", async () => {
    const a = await createAuthority(t.db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.db.transaction((tx) => recordAudit(tx, actor, { authorityId: a.id, action: `test.concurrent-${i}`, entityType: "test" }))),
    );
    const report = await chainOf(a.id);
    expect(report).toMatchObject({ events: 20, problems: [] });
  });

  it("detects an edited row and a deleted row, even when done behind the app's back", async () => {
    const a = await createAuthority(t.db);
    for (let i = 0; i < 4; i++) await recordAudit(t.db, actor, { authorityId: a.id, action: `test.tamper-${i}`, entityType: "test", after: { amount: 100 } });
    const rows = await t.db.select().from(auditEvent).where(eq(auditEvent.authorityId, a.id)).orderBy(asc(auditEvent.chainSeq));
    // Someone with the power to switch the append-only trigger off rewrites history.
    await t.db.transaction(async (tx) => {
      // As the session's own role (PGlite: the superuser, not the app role tests run as).
      await tx.execute(sql`SET LOCAL ROLE NONE`);
      await tx.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      // The owner is held by row-level security too (ADR 0008) until they lift it.
      await tx.execute(sql`ALTER TABLE audit_event NO FORCE ROW LEVEL SECURITY`);
      await tx.execute(sql`UPDATE audit_event SET after = '{"amount": 1}'::jsonb WHERE id = ${rows[1].id}`);
      await tx.execute(sql`DELETE FROM audit_event WHERE id = ${rows[2].id}`);
      await tx.execute(sql`ALTER TABLE audit_event FORCE ROW LEVEL SECURITY`);
      await tx.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });
    const report = await chainOf(a.id);
    expect(report.problems).toEqual([
      { id: rows[1].id, chainSeq: 2, problem: "content does not match its hash (edited)" },
      { id: rows[3].id, chainSeq: 4, problem: "previous hash does not match (a row before it was removed or changed)" },
    ]);
  });
});
