import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { boardMeeting, boardMeetingAttendance, boardMember } from "../../../db/schema";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { inTenant, type TenantScope } from "../scope.server";

export interface MeetingRow {
  id: string;
  heldOn: string;
  decisions: string[];
  attendeeIds: string[];
  version: number;
}

const splitDecisions = (text: string) => text.split("\n").map((d) => d.trim()).filter(Boolean);

/** Every meeting, newest first, with who attended: two queries whatever their number. */
export async function listMeetings(scope: TenantScope): Promise<MeetingRow[]> {
  return inTenant(scope, async (tx) => {
    const meetings = await tx.select().from(boardMeeting).where(eq(boardMeeting.authorityId, scope.authorityId)).orderBy(desc(boardMeeting.heldOn));
    const attendance = await tx.select().from(boardMeetingAttendance).where(eq(boardMeetingAttendance.authorityId, scope.authorityId));
    const attendees = new Map<string, string[]>();
    for (const a of attendance) attendees.set(a.meetingId, [...(attendees.get(a.meetingId) ?? []), a.boardMemberId]);
    return meetings.map((m) => ({ id: m.id, heldOn: m.heldOn, decisions: splitDecisions(m.decisions), attendeeIds: attendees.get(m.id) ?? [], version: m.version }));
  });
}

async function findMeeting(tx: Tx, scope: TenantScope, meetingId: string) {
  const [row] = await tx
    .select()
    .from(boardMeeting)
    .where(and(eq(boardMeeting.id, meetingId), eq(boardMeeting.authorityId, scope.authorityId)))
    .limit(1);
  if (!row) throw new NotFoundError("Meeting not found");
  return row;
}

export async function getMeeting(scope: TenantScope, meetingId: string): Promise<MeetingRow & { decisionsText: string }> {
  return inTenant(scope, async (tx) => {
    const m = await findMeeting(tx, scope, meetingId);
    const attendance = await tx
      .select({ id: boardMeetingAttendance.boardMemberId })
      .from(boardMeetingAttendance)
      .where(and(eq(boardMeetingAttendance.authorityId, scope.authorityId), eq(boardMeetingAttendance.meetingId, m.id)));
    return { id: m.id, heldOn: m.heldOn, decisions: splitDecisions(m.decisions), decisionsText: m.decisions, attendeeIds: attendance.map((a) => a.id), version: m.version };
  });
}

export interface MeetingInput {
  heldOn: string;
  decisions: string;
  attendeeIds: string[];
  version?: number;
}

/** Records a meeting or changes one (version-checked); attendance is replaced as a whole. */
export async function saveMeeting(scope: TenantScope, meetingId: string | null, input: MeetingInput): Promise<{ id: string }> {
  return inTenant(scope, async (tx) => {
    const attendeeIds = [...new Set(input.attendeeIds)];
    if (attendeeIds.length) {
      const known = await tx
        .select({ id: boardMember.id })
        .from(boardMember)
        .where(and(eq(boardMember.authorityId, scope.authorityId), inArray(boardMember.id, attendeeIds)));
      if (known.length !== attendeeIds.length) throw new InvalidError("Choose attendees from the list", { attendeeIds: "Choose attendees from the list of board members" });
    }
    const decisions = splitDecisions(input.decisions.replace(/\r\n?/g, "\n")).join("\n");
    const after = { heldOn: input.heldOn, decisions: splitDecisions(decisions), attendees: attendeeIds.length };
    let id: string;
    if (!meetingId) {
      const [row] = await tx.insert(boardMeeting).values({ authorityId: scope.authorityId, heldOn: input.heldOn, decisions }).returning({ id: boardMeeting.id });
      id = row.id;
      await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "board-meeting.created", entityType: "board-meeting", entityId: id, after });
    } else {
      const current = await findMeeting(tx, scope, meetingId);
      const updated = await tx
        .update(boardMeeting)
        .set({ heldOn: input.heldOn, decisions, version: sql`${boardMeeting.version} + 1`, updatedAt: scope.now })
        .where(and(eq(boardMeeting.id, current.id), eq(boardMeeting.version, input.version ?? -1)))
        .returning({ id: boardMeeting.id });
      if (updated.length === 0) throw new ConflictError("This meeting was changed by someone else after you opened it. Check it and try again.");
      id = current.id;
      const before = await tx.select({ id: boardMeetingAttendance.boardMemberId }).from(boardMeetingAttendance).where(eq(boardMeetingAttendance.meetingId, id));
      await tx.delete(boardMeetingAttendance).where(eq(boardMeetingAttendance.meetingId, id));
      await recordAudit(tx, scope.actor, {
        authorityId: scope.authorityId,
        action: "board-meeting.updated",
        entityType: "board-meeting",
        entityId: id,
        before: { heldOn: current.heldOn, decisions: splitDecisions(current.decisions), attendees: before.length },
        after,
      });
    }
    if (attendeeIds.length) await tx.insert(boardMeetingAttendance).values(attendeeIds.map((boardMemberId) => ({ authorityId: scope.authorityId, meetingId: id, boardMemberId })));
    return { id };
  });
}

/** Deletes a meeting recorded by mistake (version-checked). */
export async function deleteMeeting(scope: TenantScope, meetingId: string, version: number): Promise<{ heldOn: string }> {
  return inTenant(scope, async (tx) => {
    const current = await findMeeting(tx, scope, meetingId);
    if (current.version !== version) throw new ConflictError("This meeting was changed by someone else after you opened it. Check it and try again.");
    await tx.delete(boardMeeting).where(and(eq(boardMeeting.id, current.id), eq(boardMeeting.version, version)));
    await recordAudit(tx, scope.actor, { authorityId: scope.authorityId, action: "board-meeting.deleted", entityType: "board-meeting", entityId: current.id, before: { heldOn: current.heldOn, decisions: splitDecisions(current.decisions) } });
    return { heldOn: current.heldOn };
  });
}

/** The dates of every meeting, oldest first (for the pattern on the overview). */
export async function meetingDates(tx: Tx, authorityId: string): Promise<string[]> {
  const rows = await tx.select({ heldOn: boardMeeting.heldOn }).from(boardMeeting).where(eq(boardMeeting.authorityId, authorityId)).orderBy(asc(boardMeeting.heldOn));
  return rows.map((r) => r.heldOn);
}
