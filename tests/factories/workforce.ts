import type { Executor } from "../../db/client";
import { appointment, organisation, post, recruitmentStep, team, type Appointment, type Post } from "../../db/schema";

export async function createTeam(db: Executor, authorityId: string, name: string, sortOrder = 0) {
  const [row] = await db.insert(team).values({ authorityId, name, sortOrder }).returning();
  return row;
}

export async function createOrganisation(db: Executor, authorityId: string, name: string, sector = "health") {
  const [row] = await db.insert(organisation).values({ authorityId, name, sector }).returning();
  return row;
}

export async function createPost(db: Executor, authorityId: string, overrides: Partial<typeof post.$inferInsert> = {}): Promise<Post> {
  const [row] = await db
    .insert(post)
    .values({ authorityId, role: "substance-misuse", fte: 1, adultSpecialist: true, ...overrides })
    .returning();
  return row;
}

export async function createAppointment(db: Executor, p: Pick<Post, "id" | "authorityId" | "fte">, overrides: Partial<typeof appointment.$inferInsert> = {}): Promise<Appointment> {
  const [row] = await db
    .insert(appointment)
    .values({ authorityId: p.authorityId, postId: p.id, holder: "Holder", fte: p.fte, contractType: "permanent", startDate: "2020-01-01", startConfirmed: true, ...overrides })
    .returning();
  return row;
}

export async function createRecruitmentStep(db: Executor, p: Pick<Post, "id" | "authorityId">, stage: string, onDate: string) {
  const [row] = await db.insert(recruitmentStep).values({ authorityId: p.authorityId, postId: p.id, stage, onDate }).returning();
  return row;
}
