import type { Database, Executor } from "../../../db/client";
import type { Actor } from "../audit.server";
import { nationalRead } from "../scope.server";
import { COHORTS, cohortLabel } from "../../domain/authority";
import {
  comparisonRow,
  gapYears,
  goLiveOffsets,
  MEASURES,
  monthEnds,
  rankValues,
  seriesTable,
  unionOfXs,
  type Axis,
  type AuthorityComparisonFacts,
  type ComparisonRow,
  type MeasureKey,
  type Series,
} from "../../domain/comparison";
import { addMonths, minDate, type IsoDate } from "../../domain/dates";
import { fundingOverview, monthOf } from "../../domain/funding";
import { readinessOn } from "../../domain/readiness";
import { outcomeChangesForAuthorities } from "../outcomes/changes.server";
import { loadIndicators } from "../outcomes/facts.server";
import { dataVersions, memoKey, memoPerDatabase } from "../read-models.server";
import { loadComparisonFacts } from "./load-facts.server";

/** Who reads across authorities and why: the national read path audits both (ADR 0008). */
export interface NationalReader {
  actor: Actor;
  purpose: string;
}

/** A national outcome indicator, as a column: its change since the baseline per 10,000 children. */
export interface OutcomeColumn {
  key: string;
  name: string;
  direction: "lower" | "higher";
}

export interface NationalComparison {
  indicators: OutcomeColumn[];
  asOf: IsoDate;
  today: IsoDate;
  years: { thisYear: string; nextYear: string };
  rows: ComparisonRow[];
  cohorts: Array<{ value: string; label: string }>;
  regions: string[];
}

function options(rows: ComparisonRow[]) {
  const cohorts = [...new Set(rows.map((r) => r.cohort))].sort((a, b) => {
    const order = Object.keys(COHORTS);
    return (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b);
  });
  return {
    cohorts: cohorts.map((value) => ({ value, label: cohortLabel(value) })),
    regions: [...new Set(rows.map((r) => r.region))].sort((a, b) => a.localeCompare(b, "en-GB")),
  };
}

/**
 * The national comparison: one row per visible authority, kept until its data changes, else
 * computed from whole sets loaded in a fixed number of queries per group of authorities (however
 * many posts, people and records they have).
 */
export async function loadNationalComparison(db: Database, authorityIds: readonly string[], input: { asOf: IsoDate; today: IsoDate; reader: NationalReader }): Promise<NationalComparison> {
  // One national read (audited, read only): a consistent picture of every authority (ADR 0008).
  const { rows, indicators } = await nationalRead(db, input.reader.actor, input.reader.purpose, (tx) => comparisonRows(db, tx, authorityIds, input));
  const years = gapYears(input.asOf);
  return { asOf: input.asOf, today: input.today, indicators, years: { thisYear: years.thisYear.label, nextYear: years.nextYear.label }, rows, ...options(rows) };
}

// A row walks all of an authority's posts, people, attendance, funding and outcome figures:
// kept per authority and date until its data changes (150 authorities' records are ~1.5 million rows).
const rowMemos = memoPerDatabase<ComparisonRow>(2_000);

/**
 * Authorities whose facts are loaded together when their rows are not kept (after a restart, or
 * for those whose data changed). The facts of all 150 of the bench's authorities at once were
 * ~300 MB of transient heap on top of the server's own; a group's are a sixth of that, whatever
 * the number of authorities (ADR 0011). Each group is the same fixed set of queries.
 */
export const COLD_READ_GROUP = 25;

/**
 * Every visible authority's row, with its outcome changes since the baseline (per 10,000
 * children) from the outcomes service, read in the caller's national read: the data versions,
 * then, for the authorities whose rows are not kept for their current version, their facts, a
 * group at a time, each group in a fixed number of queries (however many records it has).
 */
async function comparisonRows(db: Database, tx: Executor, authorityIds: readonly string[], input: { asOf: IsoDate; today: IsoDate }): Promise<{ rows: ComparisonRow[]; indicators: OutcomeColumn[] }> {
  const key = (id: string) => memoKey(id, input.asOf, input.today);
  const rowMemo = rowMemos(db);
  const versions = await dataVersions(tx, authorityIds);
  const kept = new Map<string, ComparisonRow>();
  for (const id of authorityIds) {
    const row = rowMemo.get(key(id), versions.get(id));
    if (row) kept.set(id, row);
  }
  const stale = authorityIds.filter((id) => !kept.has(id));
  const indicators: OutcomeColumn[] = (await loadIndicators(tx, null)).map((i) => ({ key: i.key ?? i.id, name: i.name, direction: i.direction }));
  for (let start = 0; start < stale.length; start += COLD_READ_GROUP) {
    const group = stale.slice(start, start + COLD_READ_GROUP);
    const [loaded, outcomes] = await Promise.all([loadComparisonFacts(tx, group, input.today), outcomeChangesForAuthorities(tx, group, input.asOf)]);
    const changesOf = new Map(outcomes.authorities.map((a) => [a.authorityId, a.changes]));
    for (const a of loaded.authorities) {
      const row = comparisonRow(loaded.facts.get(a.id)!, input.asOf, input.today);
      for (const c of changesOf.get(a.id) ?? []) row.outcomes[c.indicatorKey] = { changePer10k: c.changePer10k, assessment: c.assessment };
      rowMemo.set(key(a.id), versions.get(a.id)!, row);
      kept.set(a.id, row);
    }
  }
  // By name, as the authorities are listed everywhere.
  const rows = [...kept.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return { rows, indicators };
}

// ---------------------------------------------------------------------------------------------
// The compare view

/** Ranked measures: the figure on the as-of date, best first. */
export const RANK_MEASURES = [
  { key: "adult-workers", label: "Adult specialist workers in post", unit: "percent", better: "higher", value: (r: ComparisonRow) => r.now.criteria["adult-workers"].percent },
  { key: "mi", label: "Staff trained in MI", unit: "percent", better: "higher", value: (r: ComparisonRow) => r.now.criteria.mi.percent },
  { key: "workshops", label: "Staff who attended the workshops", unit: "percent", better: "higher", value: (r: ComparisonRow) => r.now.criteria.workshops.percent },
  { key: "charter", label: "Partners signed the charter", unit: "percent", better: "higher", value: (r: ComparisonRow) => (r.charter.partners ? (100 * r.charter.signed) / r.charter.partners : null) },
  { key: "hubs", label: "Hubs open", unit: "percent", better: "higher", value: (r: ComparisonRow) => (r.hubs.total ? (100 * r.hubs.open) / r.hubs.total : null) },
  { key: "gap-this", label: "Funding gap this financial year", unit: "pence", better: "lower", value: (r: ComparisonRow) => r.fundingGap.thisYear.pence },
  { key: "gap-next", label: "Funding gap next financial year", unit: "pence", better: "lower", value: (r: ComparisonRow) => r.fundingGap.nextYear.pence },
] as const;

/** A measure's value for one authority on a date (the shortfall: of the month the date falls in). */
function measureOn(f: AuthorityComparisonFacts, measure: MeasureKey, date: IsoDate, shortfallByMonth: () => Map<IsoDate, number>): number | null {
  if (measure === "shortfall") return shortfallByMonth().get(monthOf(date)) ?? null;
  const r = readinessOn(f.workforce, f.training, f.thresholds, date);
  return r.criteria.find((c) => c.key === measure)!.percent;
}

export async function loadNationalCompare(
  db: Database,
  authorityIds: readonly string[],
  input: { slugs: string[]; measure: MeasureKey; axis: Axis; asOf: IsoDate; today: IsoDate; reader: NationalReader },
) {
  const { asOf, today, measure, axis } = input;
  // One national read, as for the comparison: the ranks and the series come from the same snapshot.
  const { rows, indicators, chosen, facts } = await nationalRead(db, input.reader.actor, input.reader.purpose, async (tx) => {
    const { rows, indicators } = await comparisonRows(db, tx, authorityIds, { asOf, today });
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    const chosen = input.slugs.map((s) => bySlug.get(s)).filter((r): r is ComparisonRow => Boolean(r));
    // The series need the chosen authorities' dated facts (a handful: the page caps the choice).
    const { facts } = await loadComparisonFacts(tx, chosen.map((r) => r.id), today);
    return { rows, indicators, chosen, facts };
  });
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const unknown = input.slugs.filter((s) => !bySlug.has(s));

  const measures = [
    ...RANK_MEASURES,
    ...indicators.map((i) => ({
      key: `outcome:${i.key}`,
      label: `${i.name}: change since the baseline per 10,000 children`,
      unit: "per10k" as const,
      better: i.direction,
      value: (r: ComparisonRow) => r.outcomes[i.key]?.changePer10k ?? null,
    })),
  ];
  const ranks = measures.map((m) => {
    const ranked = new Map(rankValues(rows, m.value, m.better).map((x) => [x.item.slug, x]));
    return { key: m.key, label: m.label, unit: m.unit, better: m.better, cells: chosen.map((r) => ranked.get(r.slug)!) .map((x) => ({ slug: x.item.slug, value: x.value, rank: x.rank, quartile: x.quartile, of: x.of })) };
  });

  const series: Series[] = [];
  const withoutGoLive: string[] = [];
  for (const r of chosen) {
    const f = facts.get(r.id)!;
    let months: Map<IsoDate, number> | undefined;
    const shortfall = () => {
      if (!months) {
        const model = fundingOverview(f.funding, asOf).model;
        months = new Map(model.months.filter((m) => m.month >= monthOf(model.costsFrom)).map((m) => [m.month, m.shortfall]));
      }
      return months;
    };
    const goLive = r.actualGoLive ?? r.plannedGoLive;
    const points = new Map<string | number, number | null>();
    if (axis === "golive") {
      if (!goLive) {
        withoutGoLive.push(r.name);
        continue;
      }
      for (const p of goLiveOffsets(goLive, asOf)) points.set(p.offset, measureOn(f, measure, p.date, shortfall));
    } else {
      const from = chosen.map((c) => addMonths(c.actualGoLive ?? c.plannedGoLive ?? asOf, -12)).reduce(minDate, addMonths(asOf, -24));
      for (const d of monthEnds(from, asOf)) points.set(d, measureOn(f, measure, d, shortfall));
    }
    series.push({ slug: r.slug, name: r.name, points });
  }
  const xs = unionOfXs(series);
  return {
    asOf,
    today,
    measure,
    measureLabel: MEASURES[measure].label,
    unit: MEASURES[measure].unit,
    axis,
    all: rows.map((r) => ({ slug: r.slug, name: r.name })),
    chosen: chosen.map((r) => ({ slug: r.slug, name: r.name, goLive: r.actualGoLive ?? r.plannedGoLive, actual: Boolean(r.actualGoLive), threshold: measure === "shortfall" ? null : r.now.criteria[measure].threshold })),
    unknown,
    ranks,
    series: series.map((s) => ({ slug: s.slug, name: s.name })),
    table: seriesTable(series, xs),
    withoutGoLive,
  };
}
