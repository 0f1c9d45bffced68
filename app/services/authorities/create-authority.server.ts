import { authority, type Authority, type NewAuthority } from "../../../db/schema";
import { isUniqueViolation } from "../../../db/errors";
import { InvalidError } from "../../errors";
import { recordAudit } from "../audit.server";
import { setUpDefaultWorkstreams } from "../plan/workstreams.server";
import { setUpStandardCourses } from "../training/set-up-courses.server";
import { enterTenant, type UserScope } from "../scope.server";

export type AuthorityInput = Pick<NewAuthority, "slug" | "name" | "region" | "cohort" | "onsCode" | "childPopulation" | "fundingSummary" | "programmeStart" | "plannedGoLive" | "actualGoLive">;

/** A national admin adds an adopting authority (a new tenant). */
export async function createAuthority(scope: UserScope, input: AuthorityInput): Promise<Authority> {
  try {
    return await scope.db.transaction(async (tx) => {
      const [created] = await tx.insert(authority).values(input).returning();
      // Its standard courses and workstreams are the new tenant's own rows.
      await enterTenant(tx, created.id);
      await setUpStandardCourses(tx, created.id);
      await setUpDefaultWorkstreams(tx, created.id);
      await recordAudit(tx, scope.actor, { authorityId: created.id, action: "authority.created", entityType: "authority", entityId: created.id, after: input });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidError("That web address is taken", { slug: "Another authority already uses this web address" });
    throw error;
  }
}
