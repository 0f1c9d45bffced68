import type { Executor } from "../../../db/client";
import type { Authority } from "../../../db/schema";
import type { ReportFacts } from "../../domain/report-sections";
import { raidReference, type RaidKind } from "../../domain/plan";
import { loadFundingFacts } from "../funding/load-funding-facts.server";
import { loadAuthorityFacts, loadIndicators } from "../outcomes/facts.server";
import { loadPlan } from "../plan/plan-views.server";
import { loadReadinessFacts } from "../readiness/load-facts.server";
import { authorityThresholds } from "../readiness/thresholds.server";

/**
 * Everything the reports are computed from, loaded with the very loaders the plan, readiness,
 * workforce and funding pages use (so a report cannot disagree with the pages it cites): a fixed
 * number of queries, however many records there are. A new report section that needs other
 * facts adds its loader here.
 */
export async function loadReportFacts(tx: Executor, authority: Authority): Promise<ReportFacts> {
  const [plan, readiness, thresholds, funding, indicators, outcomeFacts] = await Promise.all([
    loadPlan(tx, authority.id),
    loadReadinessFacts(tx, authority.id),
    authorityThresholds(tx, authority),
    loadFundingFacts(tx, authority.id),
    loadIndicators(tx, authority.id),
    loadAuthorityFacts(tx, [authority.id]),
  ]);
  const workstreamName = new Map(plan.workstreams.map((w) => [w.id, w.name]));
  const teamName = new Map(plan.teams.map((t) => [t.id, t.name]));
  return {
    slug: authority.slug,
    authority: { name: authority.name, programmeStart: authority.programmeStart, plannedGoLive: authority.plannedGoLive, dfeConfirmedOn: authority.dfeConfirmedOn, actualGoLive: authority.actualGoLive },
    milestones: plan.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      owner: m.owner,
      workstream: workstreamName.get(m.workstreamId) ?? "",
      dueDate: m.dueDate,
      baselineDueDate: m.baselineDueDate,
      doneOn: m.doneOn,
    })),
    hubs: plan.hubs.map((h) => ({
      id: h.id,
      name: h.name,
      locality: h.teamId ? (teamName.get(h.teamId) ?? null) : null,
      plannedOpening: h.plannedOpening,
      forecastOpening: h.forecastOpening,
      actualOpening: h.actualOpening,
    })),
    raid: plan.raidItems.map((i) => ({
      id: i.id,
      kind: i.kind as RaidKind,
      reference: raidReference(i.kind as RaidKind, i.number),
      title: i.title,
      owner: i.owner,
      mitigation: i.mitigation,
      likelihood: i.likelihood,
      impact: i.impact,
      raisedOn: i.raisedOn,
      reviewDate: i.reviewDate,
      closedOn: i.closedOn,
    })),
    workforce: readiness.workforce,
    training: readiness.training,
    teams: readiness.teams,
    thresholds,
    funding,
    outcomes: {
      indicators,
      observations: outcomeFacts.observations,
      baselines: Object.fromEntries([...outcomeFacts.baselines].map(([key, observationId]) => [key.split("|")[1], observationId])),
      populations: outcomeFacts.populations.get(authority.id) ?? [],
    },
  };
}
