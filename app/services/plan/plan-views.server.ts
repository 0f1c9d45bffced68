import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { hub, milestone, raidItem, type Hub, type Milestone, type RaidItem, type Workstream } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import {
  buildTimeline,
  countMilestones,
  daysOverdue,
  hubExpectedOpening,
  hubSlippage,
  hubStatus,
  isDoneBy,
  isRaidOpenOn,
  milestoneSlippage,
  milestoneStatus,
  raidReference,
  raidScore,
  raidStatusLabel,
  reviewOverdue,
  riskRating,
  sortRaid,
  topRaid,
  type GoLiveFacts,
  type HubStatus,
  type RaidKind,
  type RaidSort,
} from "../../domain/plan";
import { inTenant, type TenantScope } from "../scope.server";
import { listTeams } from "./hubs.server";
import { listWorkstreams } from "./workstreams.server";

export interface PlanRecords {
  workstreams: Workstream[];
  milestones: Milestone[];
  hubs: Hub[];
  raidItems: RaidItem[];
  teams: Array<{ id: string; name: string }>;
}

/** Every workstream, milestone, hub, risk, issue and team of an authority: five queries, whatever the numbers. */
export async function loadPlan(tx: Executor, authorityId: string): Promise<PlanRecords> {
  const [workstreams, milestones, hubs, raidItems, teams] = await Promise.all([
    listWorkstreams(tx, authorityId),
    tx
      .select()
      .from(milestone)
      .where(eq(milestone.authorityId, authorityId))
      .orderBy(sql`${milestone.dueDate} asc nulls last`, asc(milestone.title)),
    tx
      .select()
      .from(hub)
      .where(eq(hub.authorityId, authorityId))
      .orderBy(sql`coalesce(${hub.actualOpening}, ${hub.forecastOpening}, ${hub.plannedOpening}) asc nulls last`, sql`${hub.plannedOpening} asc nulls last`, asc(hub.name)),
    tx.select().from(raidItem).where(eq(raidItem.authorityId, authorityId)).orderBy(asc(raidItem.kind), asc(raidItem.number)),
    listTeams(tx, authorityId),
  ]);
  return { workstreams, milestones, hubs, raidItems, teams };
}

/** A milestone with what it derives at the date: status, slippage against the baseline, days overdue. */
export function milestoneView(m: Milestone, asOf: IsoDate, workstreamName: string) {
  return {
    ...m,
    workstream: workstreamName,
    status: milestoneStatus(m, asOf),
    slippageDays: milestoneSlippage(m, asOf),
    daysOverdue: daysOverdue(m, asOf),
    /** The done date if it was done by the date (a later one was still to come then). */
    doneBy: isDoneBy(m, asOf) ? m.doneOn : null,
  };
}
export type MilestoneView = ReturnType<typeof milestoneView>;

export function hubView(h: Hub, asOf: IsoDate, teams: PlanRecords["teams"]) {
  return {
    ...h,
    locality: teams.find((t) => t.id === h.teamId)?.name ?? null,
    status: hubStatus(h, asOf) as HubStatus,
    slippageDays: hubSlippage(h, asOf),
    expectedOpening: hubExpectedOpening(h, asOf),
  };
}
export type HubView = ReturnType<typeof hubView>;

export function raidView(i: RaidItem, asOf: IsoDate) {
  const kind = i.kind as RaidKind;
  const score = raidScore({ kind, likelihood: i.likelihood, impact: i.impact });
  const facts = { ...i, kind };
  return {
    ...facts,
    reference: raidReference(kind, i.number),
    score,
    rating: riskRating(score),
    open: isRaidOpenOn(i, asOf),
    statusLabel: raidStatusLabel(facts, asOf),
    reviewOverdue: reviewOverdue(i, asOf),
  };
}
export type RaidView = ReturnType<typeof raidView>;

function milestoneViews(p: PlanRecords, asOf: IsoDate): MilestoneView[] {
  const names = new Map(p.workstreams.map((w) => [w.id, w.name]));
  return p.milestones.map((m) => milestoneView(m, asOf, names.get(m.workstreamId) ?? ""));
}

/**
 * The plan on a date: each workstream with its milestones and their derived status, the counts,
 * the top open risks and issues by score, and the hubs' statuses.
 */
export async function getPlanOverview(scope: TenantScope, asOf: IsoDate, top = 5) {
  const p = await inTenant(scope, (tx) => loadPlan(tx, scope.authorityId));
  const milestones = milestoneViews(p, asOf);
  const items = p.raidItems.map((i) => raidView(i, asOf));
  const open = items.filter((i) => i.open);
  const hubStatuses = p.hubs.map((h) => hubStatus(h, asOf));
  return {
    workstreams: p.workstreams.map((w) => {
      const own = milestones.filter((m) => m.workstreamId === w.id);
      return { id: w.id, name: w.name, lead: w.lead, milestones: own, counts: countMilestones(own, asOf) };
    }),
    counts: countMilestones(p.milestones, asOf),
    topRaid: topRaid(items, asOf, top),
    openRisks: open.filter((i) => i.kind === "risk").length,
    openIssues: open.filter((i) => i.kind === "issue").length,
    highRated: open.filter((i) => i.rating === "high").length,
    reviewsOverdue: open.filter((i) => i.reviewOverdue).length,
    hubs: { total: p.hubs.length, open: hubStatuses.filter((s) => s === "open").length, late: hubStatuses.filter((s) => s === "slipping" || s === "overdue").length },
  };
}

export type RaidShow = "open" | "closed" | "all";

/** The register on a date: risks and issues (the issue log) apart, filtered and sorted. */
export async function getRaidRegister(scope: TenantScope, options: { asOf: IsoDate; sort: RaidSort; show: RaidShow }) {
  const p = await inTenant(scope, (tx) => loadPlan(tx, scope.authorityId));
  const { asOf, sort, show } = options;
  const shown = p.raidItems.map((i) => raidView(i, asOf)).filter((i) => i.raisedOn <= asOf && (show === "all" || (show === "open") === i.open));
  const sorted = sortRaid(shown, sort);
  return { risks: sorted.filter((i) => i.kind === "risk"), issues: sorted.filter((i) => i.kind === "issue") };
}

/** The hubs on a date with their status and slippage, and the teams they can be linked to. */
export async function getHubs(scope: TenantScope, asOf: IsoDate) {
  const p = await inTenant(scope, (tx) => loadPlan(tx, scope.authorityId));
  return { hubs: p.hubs.map((h) => hubView(h, asOf, p.teams)), teams: p.teams };
}

/** Milestones, hub openings and go-live in date order, by financial quarter. */
export async function getTimeline(scope: TenantScope, asOf: IsoDate, goLive: GoLiveFacts) {
  const p = await inTenant(scope, (tx) => loadPlan(tx, scope.authorityId));
  const names = new Map(p.workstreams.map((w) => [w.id, w.name]));
  const teams = new Map(p.teams.map((t) => [t.id, t.name]));
  return buildTimeline({
    asOf,
    goLive,
    milestones: p.milestones.map((m) => ({ ...m, workstream: names.get(m.workstreamId) ?? null })),
    hubs: p.hubs.map((h) => ({ ...h, locality: h.teamId ? (teams.get(h.teamId) ?? null) : null })),
  });
}

/** Everything the CSV exports need, derived at the date. */
export async function getPlanExport(scope: TenantScope, asOf: IsoDate) {
  const p = await inTenant(scope, (tx) => loadPlan(tx, scope.authorityId));
  return { milestones: milestoneViews(p, asOf), hubs: p.hubs.map((h) => hubView(h, asOf, p.teams)), raid: p.raidItems.map((i) => raidView(i, asOf)) };
}
