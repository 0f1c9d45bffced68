import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { hub, milestone, raidItem, workstream, type Hub, type Milestone, type RaidItem, type Workstream } from "../../db/schema";

/** The authority's workstream of that name (the defaults every authority gets), else a new one at the end. */
export async function createWorkstream(db: Executor, authorityId: string, name: string, overrides: Partial<typeof workstream.$inferInsert> = {}): Promise<Workstream> {
  const [existing] = await db
    .select()
    .from(workstream)
    .where(and(eq(workstream.authorityId, authorityId), eq(workstream.name, name)));
  if (existing) return existing;
  const [{ next }] = await db
    .select({ next: sql<number>`coalesce(max(${workstream.sortOrder}), -1)::int + 1` })
    .from(workstream)
    .where(eq(workstream.authorityId, authorityId));
  const [row] = await db
    .insert(workstream)
    .values({ authorityId, name, sortOrder: next, ...overrides })
    .returning();
  return row;
}

export async function firstWorkstream(db: Executor, authorityId: string): Promise<Workstream> {
  const [row] = await db.select().from(workstream).where(eq(workstream.authorityId, authorityId)).orderBy(asc(workstream.sortOrder)).limit(1);
  return row;
}

export async function createMilestone(db: Executor, ws: Pick<Workstream, "id" | "authorityId">, overrides: Partial<typeof milestone.$inferInsert> = {}): Promise<Milestone> {
  const dueDate = overrides.dueDate === undefined ? "2021-06-30" : overrides.dueDate;
  const [row] = await db
    .insert(milestone)
    .values({ authorityId: ws.authorityId, workstreamId: ws.id, title: "A milestone", dueDate, baselineDueDate: dueDate, ...overrides })
    .returning();
  return row;
}

export async function createHub(db: Executor, authorityId: string, overrides: Partial<typeof hub.$inferInsert> = {}): Promise<Hub> {
  const [row] = await db
    .insert(hub)
    .values({ authorityId, name: `Hub ${Math.random().toString(36).slice(2, 8)}`, plannedOpening: "2021-09-01", ...overrides })
    .returning();
  return row;
}

/** A risk (likelihood 3 × impact 3) unless told otherwise, numbered after the authority's last of its kind. */
export async function createRaidItem(db: Executor, authorityId: string, overrides: Partial<typeof raidItem.$inferInsert> = {}): Promise<RaidItem> {
  const kind = overrides.kind ?? "risk";
  const [{ next }] = await db
    .select({ next: sql<number>`coalesce(max(${raidItem.number}), 0)::int + 1` })
    .from(raidItem)
    .where(and(eq(raidItem.authorityId, authorityId), eq(raidItem.kind, kind)));
  const [row] = await db
    .insert(raidItem)
    .values({ authorityId, kind, number: next, title: `A ${kind}`, likelihood: kind === "risk" ? 3 : null, impact: 3, raisedOn: "2021-01-04", ...overrides })
    .returning();
  return row;
}

/** One of each plan record, for tests that need ids. */
export async function createPlanRecords(db: Executor, authorityId: string) {
  const ws = await firstWorkstream(db, authorityId);
  return {
    workstream: ws,
    milestone: await createMilestone(db, ws),
    hub: await createHub(db, authorityId),
    risk: await createRaidItem(db, authorityId),
    issue: await createRaidItem(db, authorityId, { kind: "issue" }),
  };
}
