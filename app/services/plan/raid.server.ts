import { and, eq, sql } from "drizzle-orm";
import { isUniqueViolation } from "../../../db/errors";
import { raidItem, type RaidItem } from "../../../db/schema";
import { londonDate, type IsoDate } from "../../domain/dates";
import type { RaidKind } from "../../domain/plan";
import { ConflictError, InvalidError } from "../../errors";
import { inTenant, type TenantScope } from "../scope.server";
import { auditCreated, entityHistory, findOwned, refuseFutureDates, saveVersioned } from "./records.server";

export interface RaidInput {
  title: string;
  description: string | null;
  owner: string | null;
  /** Null for an issue (it has happened). */
  likelihood: number | null;
  impact: number;
  mitigation: string | null;
  status: "open" | "closed";
  raisedOn: IsoDate;
  reviewDate: IsoDate | null;
  /** When closed (resolved); a closed item without one is closed today. */
  closedOn: IsoDate | null;
}

/** The stored values: closing without a date closes today; the dates are checked against today. */
function values(scope: TenantScope, kind: RaidKind, input: RaidInput) {
  if (kind === "risk" && input.likelihood === null) throw new InvalidError("A risk needs a likelihood", { likelihood: "Select the likelihood" });
  const closedOn = input.status === "closed" ? (input.closedOn ?? londonDate(scope.now)) : null;
  if (input.status === "open" && input.closedOn) throw new InvalidError("An open item has no closed date", { closedOn: "Remove the closed date, or mark it closed" });
  if (closedOn && closedOn < input.raisedOn) throw new InvalidError("Closed before it was raised", { closedOn: "The closed date must be on or after the date raised" });
  refuseFutureDates(scope, { raisedOn: { value: input.raisedOn, label: "The date raised" }, closedOn: { value: closedOn, label: "The closed date" } });
  return { ...input, likelihood: kind === "issue" ? null : input.likelihood, closedOn };
}

/** Adds a risk or an issue, numbered after the authority's last of that kind (R1, R2…; I1…). */
export async function createRaidItem(scope: TenantScope, kind: RaidKind, input: RaidInput): Promise<RaidItem> {
  const v = values(scope, kind, input);
  try {
    return await inTenant(scope, async (tx) => {
      const [{ next }] = await tx
        .select({ next: sql<number>`coalesce(max(${raidItem.number}), 0)::int + 1` })
        .from(raidItem)
        .where(and(eq(raidItem.authorityId, scope.authorityId), eq(raidItem.kind, kind)));
      const [created] = await tx
        .insert(raidItem)
        .values({ authorityId: scope.authorityId, kind, number: next, ...v })
        .returning();
      await auditCreated(tx, scope, "raid", created.id, { kind, number: next, ...v });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, "raid_item_authority_number_unique")) throw new ConflictError("Someone added an item at the same moment. Please submit again.");
    throw error;
  }
}

/** Saves changes to a risk or issue; `version` is the one the form was loaded with. */
export async function updateRaidItem(scope: TenantScope, id: string, version: number, input: RaidInput): Promise<void> {
  await inTenant(scope, async (tx) => {
    const before = await findOwned(tx, scope, "raid", id);
    await saveVersioned(tx, scope, "raid", before, version, values(scope, before.kind as RaidKind, input));
  });
}

/** A risk or issue and its history. */
export async function getRaidItemDetail(scope: TenantScope, id: string) {
  return inTenant(scope, async (tx) => {
    const item = await findOwned(tx, scope, "raid", id);
    return { item, history: await entityHistory(tx, scope, "raid", id) };
  });
}
