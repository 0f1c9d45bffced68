import { createHash } from "node:crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { course, workshopRequirement } from "../../../db/schema";
import { defaultRequirements, requirementPairs, requirementsByCode, requirementsFromPairs } from "../../domain/training";
import { ConflictError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";

/**
 * Which courses each discipline must attend to count as having "attended the workshops". The
 * matrix has no version column of its own: the form carries a fingerprint of the matrix it showed,
 * and saving over a matrix someone else changed meanwhile is a conflict.
 */
function fingerprint(pairs: string[]): string {
  return createHash("sha256").update(pairs.join("\n")).digest("hex").slice(0, 20);
}

async function load(tx: Tx, scope: TenantScope) {
  const [courses, rows] = await Promise.all([
    tx
      .select({ id: course.id, code: course.code, name: course.name, kind: course.kind, active: course.active, audience: course.audience })
      .from(course)
      .where(and(eq(course.authorityId, scope.authorityId), ne(course.kind, "mi")))
      .orderBy(asc(course.sortOrder), asc(course.name)),
    tx.select({ discipline: workshopRequirement.discipline, courseId: workshopRequirement.courseId }).from(workshopRequirement).where(eq(workshopRequirement.authorityId, scope.authorityId)),
  ]);
  const requirements: Record<string, string[]> = {};
  for (const r of rows) (requirements[r.discipline] ??= []).push(r.courseId);
  const pairs = requirementPairs(requirements);
  return { courses, requirements, pairs, version: fingerprint(pairs) };
}

/** The grid: workshops and local courses (active ones, and any inactive one still required) by discipline. */
export async function getRequirementMatrix(scope: TenantScope) {
  return inTenant(scope, async (tx) => {
    const m = await load(tx, scope);
    const required = new Set(m.pairs.map((p) => p.split(":")[1]));
    return { courses: m.courses.filter((c) => c.active || required.has(c.id)), pairs: m.pairs, version: m.version };
  });
}

async function replace(scope: TenantScope, version: string, next: (courses: Array<{ id: string; code: string }>) => Record<string, string[]>, action: string) {
  return inTenant(scope, async (tx) => {
    const m = await load(tx, scope);
    if (m.version !== version) throw new ConflictError("Someone else changed the requirements after you opened this page. The page now shows what is saved: make your changes again.");
    const after = next(m.courses);
    const afterPairs = requirementPairs(after);
    if (afterPairs.join() === m.pairs.join()) return { changed: false };
    await tx.delete(workshopRequirement).where(eq(workshopRequirement.authorityId, scope.authorityId));
    const values = Object.entries(after).flatMap(([discipline, ids]) => ids.map((courseId) => ({ authorityId: scope.authorityId, discipline, courseId })));
    if (values.length) await tx.insert(workshopRequirement).values(values);
    await recordAudit(tx, scope.actor, {
      authorityId: scope.authorityId,
      action,
      entityType: "workshop_requirement",
      before: requirementsByCode(m.requirements, m.courses),
      after: requirementsByCode(after, m.courses),
    });
    return { changed: true };
  });
}

/** Saves the grid as submitted ("discipline:courseId" pairs). */
export function saveRequirements(scope: TenantScope, version: string, pairs: string[]) {
  return replace(scope, version, (courses) => requirementsFromPairs(pairs, courses.map((c) => c.id)), "training.requirements-changed");
}

/** Back to the default matrix read from the workshop audiences. */
export function resetRequirements(scope: TenantScope, version: string) {
  return replace(scope, version, (courses) => defaultRequirements(courses), "training.requirements-reset");
}
