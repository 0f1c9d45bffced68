import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { organisation, post, team, type Post } from "../../../db/schema";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";

export interface PostInput {
  reference: string | null;
  role: string;
  title: string | null;
  fte: number;
  teamId: string | null;
  hostOrganisationId: string | null;
  /** A partner organisation to create and host the post (instead of choosing one). */
  newOrganisation: { name: string; sector: string } | null;
  adultSpecialist: boolean;
  fundedBy: string | null;
  establishedOn: string | null;
  disestablishedOn: string | null;
  notes: string | null;
}

/** Team and host must be this authority's: ids from a form are never trusted. */
async function resolveReferences(tx: Tx, scope: TenantScope, input: PostInput): Promise<{ teamId: string | null; hostOrganisationId: string | null }> {
  if (input.teamId) {
    const [t] = await tx.select({ id: team.id }).from(team).where(and(eq(team.id, input.teamId), eq(team.authorityId, scope.authorityId)));
    if (!t) throw new InvalidError("Choose a team", { teamId: "Choose one of the authority's teams" });
  }
  if (input.newOrganisation) {
    const [created] = await tx
      .insert(organisation)
      .values({ authorityId: scope.authorityId, name: input.newOrganisation.name, sector: input.newOrganisation.sector })
      .onConflictDoUpdate({ target: [organisation.authorityId, organisation.name], set: { name: sql`excluded.name` } })
      .returning({ id: organisation.id });
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "organisation.created", entityType: "organisation", entityId: created.id, after: input.newOrganisation });
    return { teamId: input.teamId, hostOrganisationId: created.id };
  }
  if (input.hostOrganisationId) {
    const [o] = await tx.select({ id: organisation.id }).from(organisation).where(and(eq(organisation.id, input.hostOrganisationId), eq(organisation.authorityId, scope.authorityId)));
    if (!o) throw new InvalidError("Choose an organisation", { hostOrganisationId: "Choose one of the authority's partner organisations" });
  }
  return { teamId: input.teamId, hostOrganisationId: input.hostOrganisationId };
}

function values(input: PostInput, refs: { teamId: string | null; hostOrganisationId: string | null }) {
  return {
    reference: input.reference,
    role: input.role,
    title: input.title,
    fte: input.fte,
    teamId: refs.teamId,
    hostOrganisationId: refs.hostOrganisationId,
    adultSpecialist: input.adultSpecialist,
    fundedBy: input.fundedBy,
    establishedOn: input.establishedOn,
    disestablishedOn: input.disestablishedOn,
    notes: input.notes,
  };
}

function duplicateReference(error: unknown): never {
  if (isUniqueViolation(error, "post_authority_reference_unique")) throw new InvalidError("That post reference is in use", { reference: "Another post already has this reference" });
  throw error;
}

export async function createPost(scope: TenantScope, input: PostInput): Promise<Post> {
  try {
    return await inTenant(scope, async (tx) => {
      const refs = await resolveReferences(tx, scope, input);
      const [created] = await tx
        .insert(post)
        .values({ authorityId: scope.authorityId, ...values(input, refs) })
        .returning();
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "post.created", entityType: "post", entityId: created.id, after: values(input, refs) });
      return created;
    });
  } catch (error) {
    duplicateReference(error);
  }
}

export async function getPost(tx: Tx, scope: TenantScope, postId: string): Promise<Post> {
  const [row] = await tx.select().from(post).where(and(eq(post.id, postId), eq(post.authorityId, scope.authorityId))).limit(1);
  if (!row) throw new NotFoundError("Post not found");
  return row;
}

/** Saves changes to a post; `version` is the one the form was loaded with. */
export async function updatePost(scope: TenantScope, postId: string, version: number, input: PostInput): Promise<void> {
  try {
    await inTenant(scope, async (tx) => {
      const before = await getPost(tx, scope, postId);
      if (before.version !== version) throw new ConflictError("Someone else changed this post after you opened it. Their changes are shown; yours are kept in the form.");
      const refs = await resolveReferences(tx, scope, input);
      const next = values(input, refs);
      const updated = await tx
        .update(post)
        .set({ ...next, version: sql`${post.version} + 1`, updatedAt: scope.now })
        .where(and(eq(post.id, postId), eq(post.version, version)))
        .returning({ id: post.id });
      if (!updated.length) throw new ConflictError();
      const { id: _id, authorityId: _a, version: _v, createdAt: _c, updatedAt: _u, ...old } = before;
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "post.updated", entityType: "post", entityId: postId, before: old, after: next });
    });
  } catch (error) {
    duplicateReference(error);
  }
}
