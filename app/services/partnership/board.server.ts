import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { boardMember, organisation, partnershipBoard } from "../../../db/schema";
import { normaliseEmail } from "../../domain/email";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { DEFAULT_BOARD_NAME } from "./load.server";

async function findOrganisation(tx: Tx, scope: TenantScope, organisationId: string) {
  const [row] = await tx
    .select()
    .from(organisation)
    .where(and(eq(organisation.id, organisationId), eq(organisation.authorityId, scope.authorityId)))
    .limit(1);
  if (!row) throw new NotFoundError("Organisation not found");
  return row;
}

export async function getOrganisation(scope: TenantScope, organisationId: string) {
  return inTenant(scope, (tx) => findOrganisation(tx, scope, organisationId));
}

export interface OrganisationInput {
  name: string;
  sector: string;
  /** The version the form was loaded with; absent when adding. */
  version?: number;
}

/** Adds a partner organisation, or renames / re-sectors one (version-checked). */
export async function saveOrganisation(scope: TenantScope, organisationId: string | null, input: OrganisationInput): Promise<{ id: string }> {
  const after = { name: input.name, sector: input.sector };
  try {
    return await inTenant(scope, async (tx) => {
      if (!organisationId) {
        const [row] = await tx.insert(organisation).values({ authorityId: scope.authorityId, ...after }).returning({ id: organisation.id });
        await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "organisation.created", entityType: "organisation", entityId: row.id, after });
        return row;
      }
      const current = await findOrganisation(tx, scope, organisationId);
      const updated = await tx
        .update(organisation)
        .set({ ...after, version: sql`${organisation.version} + 1` })
        .where(and(eq(organisation.id, current.id), eq(organisation.version, input.version ?? -1)))
        .returning({ id: organisation.id });
      if (updated.length === 0) throw new ConflictError(`${current.name} was changed by someone else after you opened this page. Check it and try again.`);
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "organisation.updated", entityType: "organisation", entityId: current.id, before: { name: current.name, sector: current.sector }, after });
      return updated[0];
    });
  } catch (error) {
    if (isUniqueViolation(error, "organisation_authority_name_unique")) throw new InvalidError("That organisation is already recorded", { name: `${input.name} is already a partner organisation` });
    throw error;
  }
}

async function findMember(tx: Tx, scope: TenantScope, memberId: string) {
  const [row] = await tx
    .select()
    .from(boardMember)
    .where(and(eq(boardMember.id, memberId), eq(boardMember.authorityId, scope.authorityId)))
    .limit(1);
  if (!row) throw new NotFoundError("Board member not found");
  return row;
}

export async function getBoardMember(scope: TenantScope, memberId: string) {
  return inTenant(scope, (tx) => findMember(tx, scope, memberId));
}

export interface MemberInput {
  name: string;
  jobTitle: string;
  email: string;
  organisationId: string;
  activeFrom: string;
  activeTo: string | null;
  version?: number;
}

/**
 * Adds a board member, or changes one (version-checked). Members are never deleted, because
 * signatures and attendance refer to them: a member who leaves gets an "active to" date.
 */
export async function saveBoardMember(scope: TenantScope, memberId: string | null, input: MemberInput): Promise<{ id: string }> {
  if (input.activeTo && input.activeTo < input.activeFrom) throw new InvalidError("The end date is before the start date", { activeTo: "The last day on the board must be on or after the first day" });
  const after = { name: input.name, jobTitle: input.jobTitle, email: normaliseEmail(input.email), organisationId: input.organisationId, activeFrom: input.activeFrom, activeTo: input.activeTo };
  try {
    return await inTenant(scope, async (tx) => {
      await findOrganisation(tx, scope, input.organisationId).catch(() => {
        throw new InvalidError("Choose an organisation", { organisationId: "Choose an organisation from the list" });
      });
      if (!memberId) {
        const [row] = await tx.insert(boardMember).values({ authorityId: scope.authorityId, ...after }).returning({ id: boardMember.id });
        await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "board-member.created", entityType: "board-member", entityId: row.id, after });
        return row;
      }
      const current = await findMember(tx, scope, memberId);
      const updated = await tx
        .update(boardMember)
        .set({ ...after, version: sql`${boardMember.version} + 1`, updatedAt: scope.now })
        .where(and(eq(boardMember.id, current.id), eq(boardMember.version, input.version ?? -1)))
        .returning({ id: boardMember.id });
      if (updated.length === 0) throw new ConflictError(`${current.name}'s details were changed by someone else after you opened this page. Check them and try again.`);
      const before = { name: current.name, jobTitle: current.jobTitle, email: current.email, organisationId: current.organisationId, activeFrom: current.activeFrom, activeTo: current.activeTo };
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "board-member.updated", entityType: "board-member", entityId: current.id, before, after });
      return updated[0];
    });
  } catch (error) {
    if (isUniqueViolation(error, "board_member_authority_email_unique")) throw new InvalidError("That e-mail address is already on the board", { email: `${after.email} is already a board member` });
    throw error;
  }
}

/** Names the board (created on first use); version-checked. */
export async function renameBoard(scope: TenantScope, input: { name: string; version: number }): Promise<void> {
  await inTenant(scope, async (tx) => {
    const [current] = await tx.select().from(partnershipBoard).where(eq(partnershipBoard.authorityId, scope.authorityId));
    if ((current?.version ?? 0) !== input.version) throw new ConflictError("The board's name was changed by someone else after you opened this page. Check it and try again.");
    if (!current) {
      await tx.insert(partnershipBoard).values({ authorityId: scope.authorityId, name: input.name });
    } else {
      const updated = await tx
        .update(partnershipBoard)
        .set({ name: input.name, version: sql`${partnershipBoard.version} + 1` })
        .where(and(eq(partnershipBoard.id, current.id), eq(partnershipBoard.version, input.version)))
        .returning({ id: partnershipBoard.id });
      if (updated.length === 0) throw new ConflictError();
    }
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "partnership-board.renamed", entityType: "partnership-board", entityId: scope.authorityId, before: current ? { name: current.name } : null, after: { name: input.name } });
  });
}

/** The board page: its name, partner organisations and members. Three queries whatever their number. */
export async function getBoard(scope: TenantScope) {
  return inTenant(scope, async (tx) => {
    const [board] = await tx.select().from(partnershipBoard).where(eq(partnershipBoard.authorityId, scope.authorityId));
    const organisations = await tx.select().from(organisation).where(eq(organisation.authorityId, scope.authorityId)).orderBy(asc(organisation.name));
    const members = await tx.select().from(boardMember).where(eq(boardMember.authorityId, scope.authorityId)).orderBy(asc(boardMember.name));
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    return {
      boardName: board?.name ?? DEFAULT_BOARD_NAME,
      boardVersion: board?.version ?? 0,
      organisations,
      members: members.map((m) => ({ ...m, organisationName: names.get(m.organisationId) ?? "" })),
    };
  });
}
