import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../../db/client";
import { auditEvent, outcomeBaseline, outcomeIndicator, outcomeObservation } from "../../../db/schema";
import { londonDate, type IsoDate } from "../../domain/dates";
import { observationPeriod } from "../../domain/outcomes";
import { changedFields } from "../../domain/plan";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import type { AuditPage } from "../audit/list-audit-events.server";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { toIndicator, toObservation, type Indicator, type Observation } from "./facts.server";

export interface ObservationInput {
  /** A snapshot's date. */
  date?: IsoDate | null;
  /** A flow's first and last days. */
  periodStart?: IsoDate | null;
  periodEnd?: IsoDate | null;
  value: number;
  source: string | null;
  notes: string | null;
}

const CONFLICT = "Someone else changed this figure after you opened it. Your changes are kept in the form: check them and save again to replace theirs.";

/** An indicator this authority may record against (national or its own), or NotFoundError. */
export async function findIndicator(tx: Executor, scope: Pick<TenantScope, "authorityId">, indicatorId: string): Promise<Indicator> {
  const [row] = await tx
    .select()
    .from(outcomeIndicator)
    .where(and(eq(outcomeIndicator.id, indicatorId), or(isNull(outcomeIndicator.authorityId), eq(outcomeIndicator.authorityId, scope.authorityId))));
  if (!row) throw new NotFoundError("No such indicator");
  return toIndicator(row);
}

async function findObservation(tx: Executor, scope: Pick<TenantScope, "authorityId">, id: string): Promise<Observation> {
  const [row] = await tx
    .select()
    .from(outcomeObservation)
    .where(and(eq(outcomeObservation.id, id), eq(outcomeObservation.authorityId, scope.authorityId)));
  if (!row) throw new NotFoundError("No such figure");
  return toObservation(row);
}

/** Checks a figure against its indicator; returns the values to store. */
function checked(scope: TenantScope, indicator: Indicator, input: ObservationInput) {
  const period = observationPeriod(indicator.periodType, input);
  if (!period.ok) throw new InvalidError(period.message, { [period.field]: period.message });
  const today = londonDate(scope.now);
  if (period.periodEnd > today) {
    const field = indicator.periodType === "snapshot" ? "date" : "periodEnd";
    const message = indicator.periodType === "snapshot" ? "The date cannot be in the future" : "The period cannot end in the future";
    throw new InvalidError(message, { [field]: message });
  }
  if (!Number.isFinite(input.value) || input.value < 0) throw new InvalidError("The figure must be 0 or more", { value: "The figure must be 0 or more" });
  if (indicator.unit === "percent" && input.value > 100) throw new InvalidError("A percentage must be 100 or less", { value: "A percentage must be 100 or less" });
  if (indicator.unit === "count" && !Number.isInteger(input.value)) throw new InvalidError("A count must be a whole number", { value: "A count must be a whole number" });
  return { periodStart: period.periodStart, periodEnd: period.periodEnd, value: input.value, source: input.source, notes: input.notes };
}

/** A figure for the same period is already recorded: refused beside the date. */
async function refuseDuplicate(tx: Executor, scope: TenantScope, indicator: Indicator, values: { periodStart: IsoDate; periodEnd: IsoDate }, exceptId?: string) {
  const [clash] = await tx
    .select({ id: outcomeObservation.id })
    .from(outcomeObservation)
    .where(
      and(
        eq(outcomeObservation.authorityId, scope.authorityId),
        eq(outcomeObservation.indicatorId, indicator.id),
        eq(outcomeObservation.periodStart, values.periodStart),
        eq(outcomeObservation.periodEnd, values.periodEnd),
      ),
    );
  if (clash && clash.id !== exceptId) {
    const message = indicator.periodType === "snapshot" ? "A figure for this date is already recorded: change that one instead" : "A figure for this period is already recorded: change that one instead";
    throw new InvalidError(message, indicator.periodType === "snapshot" ? { date: message } : { periodStart: message });
  }
}

function audited(values: Record<string, unknown>, indicatorId: string) {
  return { indicatorId, ...values };
}

/** Records a figure; `makeBaseline` also makes it the indicator's baseline. */
export async function createObservation(scope: TenantScope, indicatorId: string, input: ObservationInput, options: { makeBaseline?: boolean } = {}): Promise<Observation> {
  return inTenant(scope, async (tx) => {
    const indicator = await findIndicator(tx, scope, indicatorId);
    const values = checked(scope, indicator, input);
    await refuseDuplicate(tx, scope, indicator, values);
    const [row] = await tx
      .insert(outcomeObservation)
      .values({ authorityId: scope.authorityId, indicatorId: indicator.id, ...values })
      .returning();
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "outcome-observation.created", entityType: "outcome-observation", entityId: row.id, after: audited(values, indicator.id) });
    if (options.makeBaseline) await saveBaseline(tx, scope, indicator.id, row.id);
    return toObservation(row);
  });
}

/** Saves changes to a figure loaded at `version`. */
export async function updateObservation(scope: TenantScope, id: string, version: number, input: ObservationInput): Promise<void> {
  await inTenant(scope, async (tx) => {
    const before = await findObservation(tx, scope, id);
    const indicator = await findIndicator(tx, scope, before.indicatorId);
    const values = checked(scope, indicator, input);
    if (before.version !== version) throw new ConflictError(CONFLICT);
    const diff = changedFields(before as unknown as Record<string, unknown>, values);
    if (!diff) return;
    await refuseDuplicate(tx, scope, indicator, values, id);
    const updated = await tx
      .update(outcomeObservation)
      .set({ ...values, version: sql`${outcomeObservation.version} + 1`, updatedAt: scope.now })
      .where(and(eq(outcomeObservation.id, id), eq(outcomeObservation.authorityId, scope.authorityId), eq(outcomeObservation.version, version)))
      .returning({ id: outcomeObservation.id });
    if (!updated.length) throw new ConflictError(CONFLICT);
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "outcome-observation.updated", entityType: "outcome-observation", entityId: id, before: diff.before, after: diff.after });
  });
}

/** Deletes a figure loaded at `version`; if it was the baseline, the indicator has none until another is chosen. */
export async function deleteObservation(scope: TenantScope, id: string, version: number): Promise<{ indicatorId: string }> {
  return inTenant(scope, async (tx) => {
    const before = await findObservation(tx, scope, id);
    if (before.version !== version) throw new ConflictError(CONFLICT);
    const deleted = await tx
      .delete(outcomeObservation)
      .where(and(eq(outcomeObservation.id, id), eq(outcomeObservation.authorityId, scope.authorityId), eq(outcomeObservation.version, version)))
      .returning({ id: outcomeObservation.id });
    if (!deleted.length) throw new ConflictError(CONFLICT);
    const { id: _id, authorityId: _a, version: _v, ...values } = before;
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "outcome-observation.deleted", entityType: "outcome-observation", entityId: id, before: values });
    return { indicatorId: before.indicatorId };
  });
}

async function saveBaseline(tx: Tx, scope: TenantScope, indicatorId: string, observationId: string): Promise<void> {
  const [current] = await tx
    .select()
    .from(outcomeBaseline)
    .where(and(eq(outcomeBaseline.authorityId, scope.authorityId), eq(outcomeBaseline.indicatorId, indicatorId)));
  if (current?.observationId === observationId) return;
  if (current) {
    await tx
      .update(outcomeBaseline)
      .set({ observationId, version: sql`${outcomeBaseline.version} + 1`, updatedAt: scope.now })
      .where(eq(outcomeBaseline.id, current.id));
  } else {
    await tx.insert(outcomeBaseline).values({ authorityId: scope.authorityId, indicatorId, observationId });
  }
  await recordAudit(tx, scope.actor, {
    authorityId: scope.authorityId,
    action: "outcome-baseline.set",
    entityType: "outcome-indicator",
    entityId: indicatorId,
    before: current ? { observationId: current.observationId } : null,
    after: { observationId },
  });
}

/** Makes one of the indicator's figures its baseline. */
export async function setBaseline(scope: TenantScope, indicatorId: string, observationId: string): Promise<void> {
  await inTenant(scope, async (tx) => {
    const indicator = await findIndicator(tx, scope, indicatorId);
    const observation = await findObservation(tx, scope, observationId).catch(() => null);
    if (!observation || observation.indicatorId !== indicator.id) throw new InvalidError("Choose one of this indicator's figures", { observationId: "Choose one of this indicator's figures" });
    await saveBaseline(tx, scope, indicator.id, observation.id);
  });
}

/** A figure with its indicator and its history (newest first), for the change page. */
export async function getObservation(scope: TenantScope, id: string) {
  return inTenant(scope, async (tx) => {
    const observation = await findObservation(tx, scope, id);
    const [indicator, [baseline], events] = await Promise.all([
      findIndicator(tx, scope, observation.indicatorId),
      tx
        .select({ observationId: outcomeBaseline.observationId })
        .from(outcomeBaseline)
        .where(and(eq(outcomeBaseline.authorityId, scope.authorityId), eq(outcomeBaseline.indicatorId, observation.indicatorId))),
      tx
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.authorityId, scope.authorityId), eq(auditEvent.entityType, "outcome-observation"), eq(auditEvent.entityId, id)))
        .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
        .limit(200),
    ]);
    const history: AuditPage = { events: events.map((e) => ({ ...e, authorityName: null })), total: events.length, page: 1, pages: 1 };
    return { observation, indicator, isBaseline: baseline?.observationId === id, history };
  });
}
