import type { Database } from "../../db/client";
import { createApiToken } from "../../app/services/api/tokens.server";

/** A personal API token for a user (through the service, so stored as the app stores it): the token text. */
export async function createApiTokenFor(db: Database, user: { id: string; email: string }, overrides: { name?: string; expiresOn?: string | null; now?: Date } = {}): Promise<string> {
  const { token } = await createApiToken({ db, actor: { userId: user.id, label: user.email }, now: overrides.now ?? new Date() }, { name: overrides.name ?? "Test token", expiresOn: overrides.expiresOn ?? null });
  return token;
}
