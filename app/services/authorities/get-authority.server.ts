import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { authority, type Authority } from "../../../db/schema";
import { NotFoundError } from "../../errors";

export async function getAuthorityBySlug(db: Executor, slug: string): Promise<Authority> {
  const [row] = await db.select().from(authority).where(eq(authority.slug, slug)).limit(1);
  if (!row) throw new NotFoundError("Authority not found");
  return row;
}
