import { addMonths, type IsoDate } from "../../domain/dates";
import { adultWorkersCriterion, readinessTrend } from "../../domain/readiness";
import { CONTRACT_WINDOW_MONTHS, contractsEnding, establishmentSummary, overdueContracts, roleLabel, vacancies, type CountRow } from "../../domain/workforce";
import type { Tx } from "../../../db/client";
import { memoisedRead, memoPerDatabase } from "../read-models.server";
import type { TenantScope } from "../scope.server";
import { loadWorkforce } from "./load-workforce.server";



/**
 * The workforce overview at a date: establishment against in post against pipeline by role and by
 * team, vacancies with their stage and age, contracts ending in the next six months, and the
 * monthly trend of adult specialist FTE in post.
 */
export async function getWorkforceSummary(scope: TenantScope, input: SummaryInput): Promise<WorkforceSummary> {
  return memoisedRead(scope, summaries, [input.asOf, String(input.threshold), input.trendFrom ?? ""], (tx) => computeSummary(tx, scope.authorityId, input));
}

interface SummaryInput {
  asOf: IsoDate;
  threshold: number;
  trendFrom: IsoDate | null;
}

export type WorkforceSummary = Awaited<ReturnType<typeof computeSummary>>;

// Kept per authority and inputs until the authority's data changes (app/services/read-models.server.ts).
const summaries = memoPerDatabase<WorkforceSummary>(500);

async function computeSummary(tx: Tx, authorityId: string, input: SummaryInput) {
  const records = await loadWorkforce(tx, authorityId);
  const { posts, appointments, steps, teams, organisations } = records;
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const adultPosts = posts.filter((p) => p.adultSpecialist);
  const label = (rows: CountRow[], name: (k: string) => string) => rows.map((r) => ({ ...r, label: name(r.key) })).sort((a, b) => a.label.localeCompare(b.label));
  const earliest = [input.trendFrom, ...posts.map((p) => p.establishedOn), ...appointments.map((a) => a.startDate)].filter((d): d is string => Boolean(d)).sort()[0];
  const trendStart = earliest && earliest < input.asOf ? earliest : addMonths(input.asOf, -11);
  const postById = new Map(posts.map((p) => [p.id, p]));
  return {
    criterion: adultWorkersCriterion({ posts, appointments }, input.asOf, input.threshold),
    byRole: label(establishmentSummary(adultPosts, appointments, input.asOf, (p) => p.role), roleLabel),
    byTeam: label(establishmentSummary(adultPosts, appointments, input.asOf, (p) => p.teamId ?? ""), (k) => teamName.get(k) ?? "No team"),
    otherPosts: label(establishmentSummary(posts.filter((p) => !p.adultSpecialist), appointments, input.asOf, (p) => p.role), roleLabel),
    vacancies: vacancies(adultPosts, appointments, steps, input.asOf).map((v) => ({
      ...v,
      roleLabel: roleLabel(v.role),
      team: v.teamId ? (teamName.get(v.teamId) ?? "") : "No team",
      reference: postById.get(v.postId)?.reference ?? null,
    })),
    otherVacancies: vacancies(posts.filter((p) => !p.adultSpecialist), appointments, steps, input.asOf).length,
    contractsEnding: contractsEnding(appointments, input.asOf, addMonths(input.asOf, CONTRACT_WINDOW_MONTHS)).map((c) => {
      const p = postById.get(c.postId);
      return { ...c, reference: p?.reference ?? null, roleLabel: p ? roleLabel(p.role) : "", team: p?.teamId ? (teamName.get(p.teamId) ?? "") : "No team" };
    }),
    overdueContracts: overdueContracts(appointments, input.asOf).map((a) => {
      const p = postById.get(a.postId);
      return { appointmentId: a.id, postId: a.postId, holder: a.holder, contractEnd: a.contractEnd!, reference: p?.reference ?? null, roleLabel: p ? roleLabel(p.role) : "" };
    }),
    trend: readinessTrend({ posts, appointments }, { staff: [], attendance: [], miCourseIds: [], requirements: {} }, { adultWorkers: input.threshold, mi: 70, workshops: 70 }, trendStart, input.asOf).map((p) => ({
      date: p.date,
      inPost: p.adultWorkers.numerator,
      establishment: p.adultWorkers.denominator,
      percent: p.adultWorkers.percent,
    })),
    counts: { posts: posts.length, teams: teams.length, organisations: organisations.length },
  };
}
