import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { course, workshopRequirement } from "../../../db/schema";
import { DEFAULT_REQUIREMENTS, STANDARD_COURSES } from "../../domain/training";

/**
 * Gives an authority Motivational Interviewing and the eight Practice and Change workshops, with
 * the default requirement matrix. Safe to run again: existing courses and requirements are kept.
 */
export async function setUpStandardCourses(tx: Executor, authorityId: string): Promise<void> {
  const rows = await tx
    .insert(course)
    .values(STANDARD_COURSES.map((c, i) => ({ authorityId, code: c.code, name: c.name, kind: c.kind, audience: c.audience, durationDays: c.durationDays, sortOrder: i })))
    .onConflictDoUpdate({ target: [course.authorityId, course.code], set: { code: sql`excluded.code` } })
    .returning({ id: course.id, code: course.code });
  const idByCode = new Map(rows.map((r) => [r.code, r.id]));
  const requirements = Object.entries(DEFAULT_REQUIREMENTS).flatMap(([discipline, codes]) => codes.map((code) => ({ authorityId, discipline, courseId: idByCode.get(code)! })));
  await tx.insert(workshopRequirement).values(requirements).onConflictDoNothing();
}
