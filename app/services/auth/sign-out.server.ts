import type { Database } from "../../../db/client";
import { invalidateSession } from "../../auth/session.server";
import { recordAudit, type Actor } from "../audit.server";

export async function signOut(db: Database, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await invalidateSession(tx, sessionId);
    await recordAudit(tx, actor, { authorityId: null, action: "user.signed-out", entityType: "user", entityId: actor.userId });
  });
}
