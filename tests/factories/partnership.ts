import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { boardMeeting, boardMember, charter, charterVersion, organisation, type BoardMember, type CharterVersion, type Organisation } from "../../db/schema";
import type { CharterContent } from "../../app/domain/charter";
import { fingerprint } from "../../app/services/partnership/charter-hash.server";

export const SAMPLE_CHARTER: CharterContent = {
  title: "Family Safeguarding partnership charter",
  body: "# Purpose\n\nThe partners agree to work together so that more children stay safely with their families.",
  commitments: ["Keep more children safely at home", "Place adult specialists in children's services teams", "Take part in evaluation"],
  minimumTermMonths: 24,
  reviewIntervalMonths: 12,
};

export async function createPartner(db: Executor, authorityId: string, name: string, sector = "health"): Promise<Organisation> {
  const [row] = await db.insert(organisation).values({ authorityId, name, sector }).returning();
  return row;
}

let memberCount = 0;

export async function createBoardMember(db: Executor, authorityId: string, organisationId: string, overrides: Partial<typeof boardMember.$inferInsert> = {}): Promise<BoardMember> {
  memberCount += 1;
  const [row] = await db
    .insert(boardMember)
    .values({
      authorityId,
      organisationId,
      name: `Board member ${memberCount}`,
      jobTitle: "Director",
      email: `board-${memberCount}-${Math.random().toString(36).slice(2, 8)}@example.test`,
      activeFrom: "2022-11-01",
      ...overrides,
    })
    .returning();
  return row;
}

/** A version of the authority's charter, published at `publishedAt` unless that is null (a draft). */
export async function createCharterVersion(
  db: Executor,
  authorityId: string,
  options: { number?: number; content?: Partial<CharterContent>; publishedAt?: Date | null } = {},
): Promise<CharterVersion> {
  await db.insert(charter).values({ authorityId }).onConflictDoNothing();
  const [c] = await db.select().from(charter).where(eq(charter.authorityId, authorityId));
  const content = { ...SAMPLE_CHARTER, ...options.content };
  const publishedAt = options.publishedAt === undefined ? new Date() : options.publishedAt;
  const fixed = publishedAt ? fingerprint(content) : { canonicalText: null, textHash: null };
  const [row] = await db
    .insert(charterVersion)
    .values({ authorityId, charterId: c.id, number: options.number ?? 1, ...content, ...fixed, publishedAt, publishedByLabel: publishedAt ? "test" : null, createdByLabel: "test" })
    .returning();
  return row;
}

export async function createBoardMeeting(db: Executor, authorityId: string, heldOn: string, decisions = "") {
  const [row] = await db.insert(boardMeeting).values({ authorityId, heldOn, decisions }).returning();
  return row;
}
