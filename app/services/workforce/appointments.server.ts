import { and, eq, sql } from "drizzle-orm";
import { appointment, type Appointment } from "../../../db/schema";
import { ConflictError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";
import { getPost } from "./posts.server";

export interface AppointmentInput {
  holder: string;
  fte: number;
  contractType: string;
  contractEnd: string | null;
  startDate: string;
  startConfirmed: boolean;
  lastDay: string | null;
  leavingReason: string | null;
}

/** Records who holds (or will hold) a post: an agreed start is pipeline until the date comes. */
export async function addAppointment(scope: TenantScope, postId: string, input: AppointmentInput): Promise<Appointment> {
  return inTenant(scope, async (tx) => {
    await getPost(tx, scope, postId);
    const [created] = await tx
      .insert(appointment)
      .values({ authorityId: scope.authorityId, postId, ...input })
      .returning();
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "appointment.created", entityType: "appointment", entityId: created.id, after: { postId, ...input } });
    return created;
  });
}

export async function getAppointment(scope: TenantScope, appointmentId: string): Promise<Appointment> {
  return inTenant(scope, async (tx) => {
    const [row] = await tx.select().from(appointment).where(and(eq(appointment.id, appointmentId), eq(appointment.authorityId, scope.authorityId))).limit(1);
    if (!row) throw new NotFoundError("Appointment not found");
    return row;
  });
}

/** Changes a holder's record: confirming the start, extending a contract, recording the last day and why they left. */
export async function updateAppointment(scope: TenantScope, appointmentId: string, version: number, input: AppointmentInput): Promise<void> {
  await inTenant(scope, async (tx) => {
    const [before] = await tx.select().from(appointment).where(and(eq(appointment.id, appointmentId), eq(appointment.authorityId, scope.authorityId))).limit(1);
    if (!before) throw new NotFoundError("Appointment not found");
    if (before.version !== version) throw new ConflictError("Someone else changed this record after you opened it. Check it and try again; your entries are kept in the form.");
    const updated = await tx
      .update(appointment)
      .set({ ...input, version: sql`${appointment.version} + 1`, updatedAt: scope.now })
      .where(and(eq(appointment.id, appointmentId), eq(appointment.version, version)))
      .returning({ id: appointment.id });
    if (!updated.length) throw new ConflictError();
    const old = { holder: before.holder, fte: before.fte, contractType: before.contractType, contractEnd: before.contractEnd, startDate: before.startDate, startConfirmed: before.startConfirmed, lastDay: before.lastDay, leavingReason: before.leavingReason };
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: before.lastDay === null && input.lastDay ? "appointment.left" : "appointment.updated", entityType: "appointment", entityId: appointmentId, before: old, after: input });
  });
}
