import type { IsoDate } from "../../domain/dates";
import { forecastCriteria, miCriterion, workshopsCriterion, type CriterionResult, type Forecast, type Thresholds } from "../../domain/readiness";
import { disciplineLabel } from "../../domain/training";
import { breakdownByDiscipline, breakdownByTeam, trainingGaps, type BreakdownRow } from "../../domain/training-progress";
import type { Tx } from "../../../db/client";
import { memoisedRead, memoPerDatabase } from "../read-models.server";
import type { TenantScope } from "../scope.server";
import { loadTrainingPicture, type ThresholdOverrides, type TrainingPicture } from "./training-facts.server";

export interface GapRow {
  staffId: string;
  externalRef: string;
  name: string;
  team: string | null;
  discipline: string;
  needsMi: boolean;
  missingWorkshops: Array<{ id: string; name: string }>;
  /** Places on the courses still needed; `mi` marks those on an MI course. */
  planned: Array<{ sessionId: string; course: string; startDate: IsoDate; status: string; mi: boolean }>;
}

export interface TrainingOverview {
  asOf: IsoDate;
  thresholds: Thresholds;
  mi: CriterionResult;
  workshops: CriterionResult;
  forecast: { mi: Forecast; workshops: Forecast };
  byTeam: BreakdownRow[];
  byDiscipline: BreakdownRow[];
  gaps: GapRow[];
}

/** Who still needs what on a date, with names a reader understands. */
export function gapRows(p: TrainingPicture, asOf: IsoDate): GapRow[] {
  const courseName = new Map(p.facts.courses.map((c) => [c.id, c.name]));
  const teamName = new Map(p.facts.teams.map((t) => [t.id, t.name]));
  const mi = new Set(p.facts.training.miCourseIds);
  return trainingGaps(p.facts.training, asOf, p.places).map((g) => ({
    staffId: g.staff.id,
    externalRef: p.refs.get(g.staff.id) ?? "",
    name: g.staff.name,
    team: g.staff.teamId ? (teamName.get(g.staff.teamId) ?? null) : null,
    discipline: disciplineLabel(g.staff.discipline),
    needsMi: g.needsMi,
    missingWorkshops: g.missingWorkshops.map((id) => ({ id, name: courseName.get(id) ?? "" })),
    planned: g.planned.map((pl) => ({ sessionId: pl.sessionId, course: courseName.get(pl.courseId) ?? "", startDate: pl.startDate, status: pl.status, mi: mi.has(pl.courseId) })),
  }));
}

/**
 * The training position on a date: both criteria with the authority's thresholds, their forecast
 * on current plans, the breakdowns and everyone's gaps. The same number of queries whatever the
 * number of staff and bookings.
 */
export async function loadTrainingOverview(scope: TenantScope, overrides: ThresholdOverrides, asOf: IsoDate): Promise<TrainingOverview> {
  // The overrides are the authority's own thresholds: part of its data version.
  return memoisedRead(scope, overviews, [asOf], (tx) => computeOverview(tx, scope.authorityId, overrides, asOf));
}

// Kept per authority and date until the authority's data changes (app/services/read-models.server.ts).
const overviews = memoPerDatabase<TrainingOverview>(500);

async function computeOverview(tx: Tx, authorityId: string, overrides: ThresholdOverrides, asOf: IsoDate): Promise<TrainingOverview> {
  const p = await loadTrainingPicture(tx, authorityId, overrides);
  const { training, workforce, teams } = p.facts;
  const mi = miCriterion(training, asOf, p.thresholds.mi);
  const workshops = workshopsCriterion(training, asOf, p.thresholds.workshops);
  const forecast = forecastCriteria(workforce, training, p.thresholds, asOf);
  return {
    asOf,
    thresholds: p.thresholds,
    mi,
    workshops,
    forecast: { mi: forecast.mi, workshops: forecast.workshops },
    byTeam: breakdownByTeam(mi.byTeam, workshops.byTeam, teams),
    byDiscipline: breakdownByDiscipline(mi.byGroup, workshops.byGroup),
    gaps: gapRows(p, asOf),
  };
}
