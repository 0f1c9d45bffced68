import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { hub, team, type Hub } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { InvalidError } from "../../errors";
import { inTenant, type TenantScope } from "../scope.server";
import { auditCreated, entityHistory, findOwned, refuseFutureDates, saveVersioned } from "./records.server";

export interface HubInput {
  name: string;
  teamId: string | null;
  plannedOpening: IsoDate | null;
  forecastOpening: IsoDate | null;
  actualOpening: IsoDate | null;
  coLocatedServices: string[];
  notes: string | null;
}

const ACTUAL = (value: IsoDate | null) => ({ actualOpening: { value, label: "The actual opening" } });

/** A team id from a form is trusted only if it is this authority's. */
async function checkTeam(tx: Executor, scope: TenantScope, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const [t] = await tx
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.id, teamId), eq(team.authorityId, scope.authorityId)));
  if (!t) throw new InvalidError("Choose a locality", { teamId: "Choose one of the authority's teams" });
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error, "hub_authority_name_unique")) throw new InvalidError("That hub exists", { name: "There is already a hub with this name" });
  throw error;
}

export async function createHub(scope: TenantScope, input: HubInput): Promise<Hub> {
  refuseFutureDates(scope, ACTUAL(input.actualOpening));
  try {
    return await inTenant(scope, async (tx) => {
      await checkTeam(tx, scope, input.teamId);
      const [created] = await tx
        .insert(hub)
        .values({ authorityId: scope.authorityId, ...input })
        .returning();
      await auditCreated(tx, scope, "hub", created.id, { ...input });
      return created;
    });
  } catch (error) {
    duplicateName(error);
  }
}

/** Saves changes to a hub; `version` is the one the form was loaded with. */
export async function updateHub(scope: TenantScope, id: string, version: number, input: HubInput): Promise<void> {
  refuseFutureDates(scope, ACTUAL(input.actualOpening));
  try {
    await inTenant(scope, async (tx) => {
      const before = await findOwned(tx, scope, "hub", id);
      await checkTeam(tx, scope, input.teamId);
      await saveVersioned(tx, scope, "hub", before, version, input);
    });
  } catch (error) {
    duplicateName(error);
  }
}

export async function listTeams(tx: Executor, authorityId: string) {
  return tx.select({ id: team.id, name: team.name }).from(team).where(eq(team.authorityId, authorityId)).orderBy(asc(team.sortOrder), asc(team.name));
}

/** A hub with the authority's teams (for its form and its locality) and its history. */
export async function getHubDetail(scope: TenantScope, id: string) {
  return inTenant(scope, async (tx) => {
    const h = await findOwned(tx, scope, "hub", id);
    const [teams, history] = await Promise.all([listTeams(tx, scope.authorityId), entityHistory(tx, scope, "hub", id)]);
    return { hub: h, teams, locality: teams.find((t) => t.id === h.teamId)?.name ?? null, history };
  });
}
