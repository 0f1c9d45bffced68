import { randomBytes } from "node:crypto";
import type { Executor } from "../../db/client";
import { authority, type Authority, type NewAuthority } from "../../db/schema";
import { setUpDefaultWorkstreams } from "../../app/services/plan/workstreams.server";
import { setUpStandardCourses } from "../../app/services/training/set-up-courses.server";

/** A unique slug per call, so tests share one database without stepping on each other. */
export function uniqueSlug(prefix = "test") {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createAuthority(db: Executor, overrides: Partial<NewAuthority> = {}): Promise<Authority> {
  const slug = overrides.slug ?? uniqueSlug("authority");
  const [row] = await db
    .insert(authority)
    .values({
      slug,
      name: overrides.name ?? `Test authority ${slug}`,
      region: "West Midlands",
      cohort: "self-funded",
      ...overrides,
    })
    .returning();
  await setUpStandardCourses(db, row.id);
  await setUpDefaultWorkstreams(db, row.id);
  return row;
}
