import { asc } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { authority, type Authority } from "../../../db/schema";

/** Every authority, by name: one query whatever their number. */
export async function listAuthorities(db: Executor): Promise<Authority[]> {
  return db.select().from(authority).orderBy(asc(authority.name));
}
