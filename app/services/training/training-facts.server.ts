import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { booking, staffMember, trainingSession, type Authority } from "../../../db/schema";
import { effectiveThresholds, type Thresholds } from "../../domain/readiness";
import type { PlannedPlace } from "../../domain/training-progress";
import { loadProgrammeThresholds, loadReadinessFacts, type ReadinessFacts } from "../readiness/load-facts.server";

export type ThresholdOverrides = Pick<Authority, "thresholdAdultWorkers" | "thresholdMi" | "thresholdWorkshops">;

export interface TrainingPicture {
  facts: ReadinessFacts;
  thresholds: Thresholds;
  /** staff id → the HR reference. */
  refs: Map<string, string>;
  /** Booked places, and attended ones (for what happened after a past as-of date). */
  places: PlannedPlace[];
}

/**
 * What the training pages compute from: the readiness facts (the same as the readiness
 * dashboard's, so the figures agree), the authority's thresholds, and two lookups the criteria do
 * not need: staff references and which session each place is on. A fixed number of queries.
 */
export async function loadTrainingPicture(tx: Executor, authorityId: string, overrides: ThresholdOverrides): Promise<TrainingPicture> {
  const [facts, programme, refs, places] = await Promise.all([
    loadReadinessFacts(tx, authorityId),
    loadProgrammeThresholds(tx),
    tx.select({ id: staffMember.id, externalRef: staffMember.externalRef }).from(staffMember).where(eq(staffMember.authorityId, authorityId)),
    tx
      .select({ sessionId: booking.sessionId, staffMemberId: booking.staffMemberId, courseId: trainingSession.courseId, startDate: trainingSession.startDate, endDate: trainingSession.endDate, status: booking.status })
      .from(booking)
      .innerJoin(trainingSession, eq(trainingSession.id, booking.sessionId))
      .where(and(eq(booking.authorityId, authorityId), inArray(booking.status, ["booked", "attended"]))),
  ]);
  return {
    facts,
    thresholds: effectiveThresholds(programme, overrides),
    refs: new Map(refs.map((r) => [r.id, r.externalRef])),
    places: places.map((p) => ({ sessionId: p.sessionId, staffMemberId: p.staffMemberId, courseId: p.courseId, startDate: p.startDate, completesOn: p.endDate ?? p.startDate, status: p.status })),
  };
}
