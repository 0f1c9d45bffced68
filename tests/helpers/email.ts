import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { emailMessage } from "../../db/schema";

export async function latestEmailTo(db: Database, address: string) {
  const [row] = await db.select().from(emailMessage).where(eq(emailMessage.toAddress, address)).orderBy(desc(emailMessage.createdAt)).limit(1);
  return row;
}

/** The token of the first link to `path` in an e-mail's HTML. */
export function linkToken(html: string, path: "invitations" | "reset-password" | "sign"): string {
  const match = new RegExp(`href="[^"]*/${path}/([^"/]+)"`).exec(html);
  if (!match) throw new Error(`no /${path}/ link in the email`);
  return match[1];
}
