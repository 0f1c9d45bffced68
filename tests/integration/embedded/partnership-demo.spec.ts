import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { londonDate } from "~/domain/dates";
import { getCharterStatus, getPartnershipOverview } from "~/services/partnership/views.server";
import { appUser, authority, boardMember, charterVersion, membership } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/demo";
import { openTestDatabase } from "../../helpers/db";

/** The demo board and charter (fixed slugs: a database of its own, so PGlite only). */
describe("demo partnership", () => {
  it("gives Dudley its 16-member board meeting monthly since November 2022 and a published charter signed by 9 of 13 partners", async () => {
    const fresh = await openTestDatabase();
    try {
      await seedDemo(fresh.db);
      const [dudley] = await fresh.db.select().from(authority).where(eq(authority.slug, "dudley"));
      const now = new Date();
      const scope = { db: fresh.db, authorityId: dudley.id, actor: { userId: null, label: "test" }, now };
      const o = await getPartnershipOverview(scope, londonDate(now), "board.dudley@example.com");
      expect(o.boardName).toBe("Family Safeguarding Strategic Partnership Board");
      expect(o.activeMembers).toBe(16);
      expect(o.meetings.sentence).toMatch(/^Meets monthly since November 2022 \(\d+ meetings\)$/);
      expect(o.meetings.count).toBeGreaterThanOrEqual(9);
      expect(o.summary).toMatchObject({ signed: 9, partners: 13, awaiting: 4, fullySigned: false, current: { number: 1, publishedOn: "2023-03-15", reviewDueOn: "2024-03-15", reviewDue: true } });
      expect(o.summary.overdueRequests).toBe(4);
      // The demo board member signs for housing, which has not signed yet.
      expect(o.viewer).toEqual({ name: "Head of Housing Options", organisationName: "Dudley Council: housing", active: true, partnerStatus: "awaiting" });
      expect(await getCharterStatus(scope)).toMatchObject({ signed: 9, partners: 13 });

      const [v] = await fresh.db.select().from(charterVersion).where(eq(charterVersion.authorityId, dudley.id));
      expect(v).toMatchObject({ minimumTermMonths: 24, reviewIntervalMonths: 12 });
      expect(v.commitments).toHaveLength(7);
      expect(createHash("sha256").update(v.canonicalText!).digest("hex")).toBe(v.textHash);

      const [account] = await fresh.db.select({ role: membership.role }).from(appUser).innerJoin(membership, eq(membership.userId, appUser.id)).where(eq(appUser.email, "board.dudley@example.com"));
      expect(account.role).toBe("board-member");
      const titles = (await fresh.db.select({ jobTitle: boardMember.jobTitle }).from(boardMember).where(eq(boardMember.authorityId, dudley.id))).map((m) => m.jobTitle);
      expect(titles).toContain("Independent Scrutineer");

      const [walsall] = await fresh.db.select().from(authority).where(eq(authority.slug, "walsall"));
      const w = await getPartnershipOverview({ ...scope, authorityId: walsall.id }, londonDate(now), "board.walsall@example.com");
      expect(w).toMatchObject({ boardName: "Walsall Safeguarding Partnership Board", activeMembers: 5, summary: { current: null } });
      expect(w.versions).toMatchObject([{ state: "draft", number: 1 }]);
    } finally {
      await fresh.close();
    }
  });
});
