import { eq, sql } from "drizzle-orm";
import { setLocalScope } from "../access";
import type { Database, Tx } from "../client";
import { seedRun } from "../schema";
import { DEMO_PASSWORD } from "./demo-accounts";
import { demoAuthorities } from "./demo-authorities";
import { demoPartnership } from "./demo-partnership";
import { demoFunding } from "./demo-funding";
import { demoOutcomes } from "./demo-outcomes";
import { demoPlan } from "./demo-plan";
import { demoReports } from "./demo-reports";
import { demoUsers } from "./demo-users";
import { demoTraining } from "./demo-training";
import { demoWorkforce } from "./demo-workforce";

/**
 * The demo data, in parts. Each part is loaded once, in its own transaction, and recorded in
 * seed_run: seeding twice changes nothing, and a part added by a later release is loaded on the
 * next start of an existing demo database.
 */
export interface SeedPart {
  name: string;
  run(tx: Tx): Promise<void>;
}

export const DEMO_PARTS: SeedPart[] = [demoAuthorities, demoUsers, demoWorkforce, demoTraining, demoPartnership, demoFunding, demoPlan, demoOutcomes, demoReports];

export interface SeedResult {
  loaded: string[];
  /** Lines for the console: where to go and how to sign in. */
  signInHelp: string[];
}

export async function seedDemo(db: Database, parts: SeedPart[] = DEMO_PARTS): Promise<SeedResult> {
  const loaded: string[] = [];
  for (const part of parts) {
    const done = await db.transaction(async (tx) => {
      // Two instances starting together on one server: the second waits, then finds the part done.
      await tx.execute(sql`select pg_advisory_xact_lock(7214032)`);
      // Demo data spans authorities: the seed is one of the named system paths (ADR 0008).
      await setLocalScope(tx, "system");
      const [already] = await tx.select().from(seedRun).where(eq(seedRun.name, part.name)).limit(1);
      if (already) return false;
      await part.run(tx);
      await tx.insert(seedRun).values({ name: part.name });
      return true;
    });
    if (done) loaded.push(part.name);
  }
  return {
    loaded,
    signInHelp: [
      `Sign in with a demo account, for example pm.walsall@example.com (Walsall programme manager) or national.admin@example.com, password: ${DEMO_PASSWORD}`,
      "The sign-in page lists one demo account for each role.",
    ],
  };
}
