import { desc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { asSystem } from "../scope.server";
import { emailMessage, type EmailMessage } from "../../../db/schema";
import type { Env } from "../../env.server";

/**
 * The developer's outbox: only where e-mail is not really sent (no RESEND_API_KEY) and the install
 * is for development or a demo. Anywhere else the pages do not exist.
 */
export function outboxEnabled(env: Env): boolean {
  return !env.RESEND_API_KEY && (env.NODE_ENV !== "production" || env.DEMO_DATA);
}

// The developer's outbox lists every authority's messages: the system path (never in production).
export async function listOutbox(db: Database, limit = 100): Promise<Array<Pick<EmailMessage, "id" | "toAddress" | "subject" | "tag" | "createdAt">>> {
  return asSystem(db, "e-mail outbox", (tx) => tx
    .select({ id: emailMessage.id, toAddress: emailMessage.toAddress, subject: emailMessage.subject, tag: emailMessage.tag, createdAt: emailMessage.createdAt })
    .from(emailMessage)
    .orderBy(desc(emailMessage.createdAt))
    .limit(limit));
}

export async function getOutboxMessage(db: Database, id: string): Promise<EmailMessage | null> {
  const [row] = await asSystem(db, "e-mail outbox", (tx) => tx.select().from(emailMessage).where(eq(emailMessage.id, id)).limit(1));
  return row ?? null;
}
