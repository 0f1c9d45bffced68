import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { organisation, partnerContribution, reportedFigure } from "../../../db/schema";
import type { ContributionStatus, ReportedMeasure } from "../../domain/funding";
import { InvalidError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { deleteRow, findRow, insertRow, updateRow } from "./rows.server";

export const CONTRIBUTION = { table: partnerContribution, entityType: "partner_contribution", what: "This contribution" };
export const REPORTED = { table: reportedFigure, entityType: "reported_figure", what: "This reported figure" };

export interface ContributionInput {
  /** An organisation of the authority, or null with `newOrganisation` to add one. */
  organisationId: string | null;
  newOrganisation: { name: string; sector: string } | null;
  financialYear: number;
  amountPence: number;
  status: ContributionStatus;
  recurrent: boolean;
  note: string | null;
}

/** The partner of a contribution: one of the authority's organisations, or a new one added to them. */
async function partnerOf(tx: Tx, scope: TenantScope, input: ContributionInput): Promise<string> {
  if (input.newOrganisation) {
    const name = input.newOrganisation.name;
    const [existing] = await tx
      .select({ id: organisation.id })
      .from(organisation)
      .where(and(eq(organisation.authorityId, scope.authorityId), eq(organisation.name, name)))
      .limit(1);
    if (existing) return existing.id;
    const [created] = await tx.insert(organisation).values({ authorityId: scope.authorityId, name, sector: input.newOrganisation.sector }).returning();
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "organisation.created", entityType: "organisation", entityId: created.id, after: { name, sector: created.sector } });
    return created.id;
  }
  const [found] = await tx
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.id, input.organisationId ?? ""), eq(organisation.authorityId, scope.authorityId)))
    .limit(1);
  if (!found) throw new InvalidError("Choose a partner", { organisationId: "Choose a partner from the list, or enter a new one" });
  return found.id;
}

function values(input: ContributionInput, organisationId: string) {
  return { organisationId, financialYear: input.financialYear, amountPence: input.amountPence, status: input.status, recurrent: input.recurrent, note: input.note };
}

export async function createContribution(scope: TenantScope, input: ContributionInput) {
  return inTenant(scope, async (tx) => insertRow(tx, scope, CONTRIBUTION, values(input, await partnerOf(tx, scope, input))));
}

export async function updateContribution(scope: TenantScope, id: string, version: number, input: ContributionInput) {
  return inTenant(scope, async (tx) => {
    const before = await findRow(tx, scope, CONTRIBUTION, id);
    return updateRow(tx, scope, CONTRIBUTION, before, version, values(input, await partnerOf(tx, scope, input)));
  });
}

export async function deleteContribution(scope: TenantScope, id: string, version: number) {
  return inTenant(scope, async (tx) => deleteRow(tx, scope, CONTRIBUTION, await findRow(tx, scope, CONTRIBUTION, id), version));
}

export async function findContribution(scope: TenantScope, id: string) {
  return inTenant(scope, async (tx) => findRow(tx, scope, CONTRIBUTION, id));
}

export interface ReportedInput {
  financialYear: number;
  measure: ReportedMeasure;
  amountPence: number;
  source: string | null;
}

async function assertYearFree(tx: Tx, scope: TenantScope, input: ReportedInput, exceptId?: string) {
  const [clash] = await tx
    .select({ id: reportedFigure.id })
    .from(reportedFigure)
    .where(
      and(
        eq(reportedFigure.authorityId, scope.authorityId),
        eq(reportedFigure.financialYear, input.financialYear),
        eq(reportedFigure.measure, input.measure),
        exceptId ? ne(reportedFigure.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw new InvalidError("That year already has this figure", { financialYear: "There is already a reported figure of this kind for that year: change it instead" });
}

export async function createReported(scope: TenantScope, input: ReportedInput) {
  return inTenant(scope, async (tx) => {
    await assertYearFree(tx, scope, input);
    return insertRow(tx, scope, REPORTED, input);
  });
}

export async function updateReported(scope: TenantScope, id: string, version: number, input: ReportedInput) {
  return inTenant(scope, async (tx) => {
    const before = await findRow(tx, scope, REPORTED, id);
    await assertYearFree(tx, scope, input, id);
    return updateRow(tx, scope, REPORTED, before, version, input);
  });
}

export async function deleteReported(scope: TenantScope, id: string, version: number) {
  return inTenant(scope, async (tx) => deleteRow(tx, scope, REPORTED, await findRow(tx, scope, REPORTED, id), version));
}

export async function findReported(scope: TenantScope, id: string) {
  return inTenant(scope, async (tx) => findRow(tx, scope, REPORTED, id));
}
