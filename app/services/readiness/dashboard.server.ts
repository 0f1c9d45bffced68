import type { Authority } from "../../../db/schema";
import { addMonths, type IsoDate } from "../../domain/dates";
import { forecastCriteria, miGaps, readinessOn, readinessTrend, vacanciesClosingGap, workshopGaps, type CriterionKey } from "../../domain/readiness";
import { disciplineLabel } from "../../domain/training";
import { roleLabel, vacancies } from "../../domain/workforce";
import type { Tx } from "../../../db/client";
import { memoisedRead, memoPerDatabase } from "../read-models.server";
import type { TenantScope } from "../scope.server";
import { loadReadinessFacts } from "./load-facts.server";
import { authorityThresholds } from "./thresholds.server";

const GAP_ROWS = 10;

/**
 * The readiness dashboard at a date: the three criteria with their breakdowns, whether each will
 * be met on current plans (forecast from today), the month-by-month trend, readiness on go-live
 * day, and the posts and people that would close each gap. A fixed number of queries.
 */
export async function getReadinessDashboard(scope: TenantScope, authority: Authority, input: { asOf: IsoDate; today: IsoDate }): Promise<ReadinessDashboard> {
  return memoisedRead(scope, dashboards, [input.asOf, input.today], (tx) => computeDashboard(tx, scope.authorityId, authority, input));
}

export type ReadinessDashboard = Awaited<ReturnType<typeof computeDashboard>>;

// Computing a dashboard walks every post, person and attendance record for each date of the
// trend and the forecast: kept per authority, date and today until its data changes.
const dashboards = memoPerDatabase<ReadinessDashboard>(500);

async function computeDashboard(tx: Tx, authorityId: string, authority: Authority, input: { asOf: IsoDate; today: IsoDate }) {
  const { asOf, today } = input;
  const [facts, thresholds] = await Promise.all([loadReadinessFacts(tx, authorityId), authorityThresholds(tx, authority)]);
  const { workforce, training } = facts;
  const teamName = new Map(facts.teams.map((t) => [t.id, t.name]));
  const courseName = new Map(facts.courses.map((c) => [c.id, c.name]));
  const readiness = readinessOn(workforce, training, thresholds, asOf);
  const [adult, mi, workshops] = readiness.criteria;
  const label = <R extends { key: string }>(rows: R[], name: (k: string) => string) => rows.map((r) => ({ ...r, label: name(r.key) }));

  const goLiveDate = authority.actualGoLive ?? authority.plannedGoLive;
  const goLiveFuture = goLiveDate ? goLiveDate > today : false;
  const goLive = goLiveDate ? readinessOn(workforce, training, thresholds, goLiveDate, goLiveFuture ? today : null) : null;

  const dates = [authority.programmeStart, ...workforce.posts.map((p) => p.establishedOn), ...workforce.appointments.map((a) => a.startDate), ...training.staff.map((s) => s.startDate)]
    .filter((d): d is string => Boolean(d) && d! <= asOf)
    .sort();
  const trendFrom = dates[0] ?? addMonths(asOf, -11);

  const adultVacancies = vacancies(workforce.posts.filter((p) => p.adultSpecialist), workforce.appointments, workforce.steps, asOf);
  const referenceOf = new Map(workforce.posts.map((p) => [p.id, p.reference]));
  return {
    asOf,
    today,
    thresholds,
    ready: readiness.ready,
    criteria: readiness.criteria.map((c) => ({
      ...c,
      byTeam: label(c.byTeam, (k) => teamName.get(k) ?? "No team"),
      byGroup: label(c.byGroup, c.key === "adult-workers" ? roleLabel : disciplineLabel),
    })),
    forecast: forecastCriteria(workforce, training, thresholds, today) as Record<CriterionKey, ReturnType<typeof forecastCriteria>[CriterionKey]>,
    trend: readinessTrend(workforce, training, thresholds, trendFrom, asOf),
    goLive: goLiveDate
      ? {
          date: goLiveDate,
          actual: Boolean(authority.actualGoLive),
          onPlans: goLiveFuture,
          ready: goLive!.ready,
          criteria: goLive!.criteria.map((c) => ({ key: c.key, numerator: c.numerator, denominator: c.denominator, percent: c.percent, met: c.met })),
        }
      : null,
    record: { plannedGoLive: authority.plannedGoLive, dfeConfirmedOn: authority.dfeConfirmedOn, actualGoLive: authority.actualGoLive },
    gaps: {
      adultWorkers: {
        shortfall: adult.shortfall,
        total: adultVacancies.length,
        rows: vacanciesClosingGap(adultVacancies, adult.shortfall)
          .slice(0, GAP_ROWS)
          .map((v) => ({ ...v, roleLabel: roleLabel(v.role), team: v.teamId ? (teamName.get(v.teamId) ?? "") : "No team", reference: referenceOf.get(v.postId) ?? null })),
      },
      mi: (() => {
        const all = miGaps(training, asOf);
        return { shortfall: mi.shortfall, total: all.length, rows: all.slice(0, GAP_ROWS).map((g) => ({ ...g, disciplineLabel: disciplineLabel(g.discipline), team: g.teamId ? (teamName.get(g.teamId) ?? "") : "No team", bookedOn: Object.values(g.booked)[0] ?? null })) };
      })(),
      workshops: (() => {
        const all = workshopGaps(training, asOf);
        return {
          shortfall: workshops.shortfall,
          total: all.length,
          rows: all.slice(0, GAP_ROWS).map((g) => ({ ...g, disciplineLabel: disciplineLabel(g.discipline), team: g.teamId ? (teamName.get(g.teamId) ?? "") : "No team", missingNames: g.missing.map((id) => courseName.get(id) ?? id) })),
        };
      })(),
    },
  };
}
