import { eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { authority, charterVersion } from "../../../db/schema";
import { currentVersionOn } from "../../domain/charter";
import { londonDate } from "../../domain/dates";
import type { Env } from "../../env.server";
import type { Actor } from "../audit.server";
import { asSystem } from "../scope.server";
import { sendReminders } from "./signing-requests.server";

export const REMINDER_JOB_ACTOR: Actor = { userId: null, label: "reminder job" };

export interface ReminderJobResult {
  authorities: number;
  reminded: Array<{ slug: string; sent: number; failed: number }>;
}

/**
 * The scheduled reminders (npm run jobs:reminders): for each authority with a published charter,
 * remind the board members of partners that have not signed whose last e-mail went N or more
 * days ago (N set per charter). Each reminder is logged in charter_reminder and the audit trail;
 * running it again the same day reminds nobody twice.
 */
export async function runReminderJob(db: Database, env: Env, now: Date): Promise<ReminderJobResult> {
  // Which authorities have a published charter spans tenants; each reminder then runs in its own.
  const rows = await asSystem(db, "reminder job", (tx) => tx
    .select({ authorityId: authority.id, slug: authority.slug, versionId: charterVersion.id, number: charterVersion.number, title: charterVersion.title, publishedAt: charterVersion.publishedAt, reviewIntervalMonths: charterVersion.reviewIntervalMonths })
    .from(charterVersion)
    .innerJoin(authority, eq(authority.id, charterVersion.authorityId))
    .where(isNotNull(charterVersion.publishedAt)));
  const bySlug = new Map<string, { authorityId: string; versions: typeof rows }>();
  for (const r of rows) {
    const entry = bySlug.get(r.slug) ?? { authorityId: r.authorityId, versions: [] };
    entry.versions.push(r);
    bySlug.set(r.slug, entry);
  }
  const reminded: ReminderJobResult["reminded"] = [];
  for (const [slug, { authorityId, versions }] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
    const current = currentVersionOn(
      versions.map((v) => ({ id: v.versionId, number: v.number, title: v.title, publishedAt: v.publishedAt, reviewIntervalMonths: v.reviewIntervalMonths })),
      londonDate(now),
    );
    if (!current) continue;
    const outcome = await sendReminders({ db, authorityId, actor: REMINDER_JOB_ACTOR, now }, env, current.id, "scheduled");
    if (outcome.sent > 0) reminded.push({ slug, ...outcome });
  }
  return { authorities: bySlug.size, reminded };
}
