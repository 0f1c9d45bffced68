import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../../db/client";
import { appUser, reportNarrative, type Authority } from "../../../db/schema";
import { isIsoDate, type IsoDate, type Quarter } from "../../domain/dates";
import { assembleCommitteeUpdate, assembleQuarterlyReturn, committeeWindow, sectionKeys } from "../../domain/report-sections";
import { NARRATIVE_MAX, normaliseNarrative, parseQuarterSlug, quarterSlug, quarterWindow, withNarratives, type Narrative, type QuarterWindow, type Report, type ReportKind } from "../../domain/reports";
import { ConflictError, InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { memoisedRead, memoPerDatabase } from "../read-models.server";
import { inTenant, type TenantScope } from "../scope.server";
import { loadReportFacts } from "./load-report-facts.server";

/** The narratives saved for one report and period, by section key: one query. */
async function loadNarratives(tx: Executor, authorityId: string, report: ReportKind, period: string): Promise<Map<string, Narrative>> {
  const rows = await tx
    .select({ section: reportNarrative.section, body: reportNarrative.body, version: reportNarrative.version, updatedAt: reportNarrative.updatedAt, updatedBy: appUser.name })
    .from(reportNarrative)
    .leftJoin(appUser, eq(appUser.id, reportNarrative.updatedBy))
    .where(and(eq(reportNarrative.authorityId, authorityId), eq(reportNarrative.report, report), eq(reportNarrative.period, period)));
  return new Map(rows.map((r) => [r.section, { body: r.body, version: r.version, updatedAt: r.updatedAt.toISOString(), updatedBy: r.updatedBy }]));
}

// A report's figures walk the authority's whole record: kept per authority, report, period and
// today until its data changes (ADR 0009). The narratives are read fresh each time: they show
// who last changed them, and a user's name raises no data revision.
const reports = memoPerDatabase<Report>(200);

/** A report's kept figures with its narratives for the period, read fresh. */
async function withFreshNarratives(scope: TenantScope, kind: ReportKind, period: string, today: IsoDate, assemble: (tx: Tx) => Promise<Report>): Promise<Report> {
  const [report, narratives] = await Promise.all([
    memoisedRead(scope, reports, [kind, period, today], assemble),
    inTenant(scope, (tx) => loadNarratives(tx, scope.authorityId, kind, period)),
  ]);
  return { ...report, sections: withNarratives(report.sections, narratives) };
}

/**
 * The quarterly DfE return of a financial-year quarter: the one model the page, the .docx and the
 * CSV are rendered from. Figures are taken at the quarter's end (today while it runs). A quarter
 * that has not started is not found.
 */
export async function buildQuarterlyReturn(scope: TenantScope, authority: Authority, quarter: Quarter, today: IsoDate): Promise<{ report: Report; window: QuarterWindow }> {
  const window = quarterWindow(quarter, today);
  if (!window) throw new NotFoundError("That quarter has not started");
  const report = await withFreshNarratives(scope, "quarterly", quarterSlug(quarter), today, async (tx) => assembleQuarterlyReturn(await loadReportFacts(tx, authority), window));
  return { report, window };
}

/** The committee update as of a date (not after today): the same facts, under the committee headings. */
export async function buildCommitteeUpdate(scope: TenantScope, authority: Authority, asOf: IsoDate, today: IsoDate): Promise<Report> {
  if (!isIsoDate(asOf) || asOf > today) throw new NotFoundError("A committee update is written as of today or an earlier date");
  return withFreshNarratives(scope, "committee", asOf, today, async (tx) => assembleCommitteeUpdate(await loadReportFacts(tx, authority), committeeWindow(asOf), today));
}

export interface NarrativeInput {
  report: ReportKind;
  period: string;
  section: string;
  /** The version the form was loaded with; 0 when there was no text yet. */
  version: number;
  body: string;
}

/** A period a report can hold text for: a quarter that has started, or an as-of date not after today. */
function checkPeriod(report: ReportKind, period: string, today: IsoDate): void {
  const ok = report === "quarterly" ? Boolean(parseQuarterSlug(period) && quarterWindow(parseQuarterSlug(period)!, today)) : isIsoDate(period) && period <= today;
  if (!ok) throw new NotFoundError("No such report");
}

/**
 * Saves the text of one section of a report. Optimistic locking: `version` is the one the form
 * was loaded with, and if someone saved since, nothing is written and ConflictError says so (the
 * caller keeps the typed text). The change is audited with the text before and after.
 */
export async function saveNarrative(scope: TenantScope, input: NarrativeInput, today: IsoDate): Promise<{ id: string; version: number }> {
  checkPeriod(input.report, input.period, today);
  if (!sectionKeys(input.report).includes(input.section)) throw new InvalidError("Choose a section of the report", { section: "Choose a section of the report" });
  const body = normaliseNarrative(input.body);
  if (body.length > NARRATIVE_MAX) throw new InvalidError("The text is too long", { body: `The text must be ${NARRATIVE_MAX.toLocaleString("en-GB")} characters or fewer` });
  const conflict = () =>
    new ConflictError("Someone else saved this section after you opened it. Your text is kept in the box below and theirs is shown above it: combine them and save again.");
  return inTenant(scope, async (tx) => {
    const where = and(
      eq(reportNarrative.authorityId, scope.authorityId),
      eq(reportNarrative.report, input.report),
      eq(reportNarrative.period, input.period),
      eq(reportNarrative.section, input.section),
    );
    const [existing] = await tx.select().from(reportNarrative).where(where).limit(1);
    const audit = { authorityId: scope.authorityId, entityType: "report-narrative" };
    const what = { report: input.report, period: input.period, section: input.section };
    if (!existing) {
      if (input.version !== 0) throw conflict();
      if (!body) throw new InvalidError("Enter the commentary", { body: "Enter the commentary" });
      const [created] = await tx
        .insert(reportNarrative)
        .values({ authorityId: scope.authorityId, ...what, body, updatedBy: scope.actor.userId, createdAt: scope.now, updatedAt: scope.now })
        .onConflictDoNothing()
        .returning({ id: reportNarrative.id, version: reportNarrative.version });
      if (!created) throw conflict();
      await recordAudit(tx, scope.actor, { ...audit, action: "report-narrative.created", entityId: created.id, after: { ...what, body } });
      return created;
    }
    if (existing.version !== input.version) throw conflict();
    if (existing.body === body) return { id: existing.id, version: existing.version };
    const [updated] = await tx
      .update(reportNarrative)
      .set({ body, updatedBy: scope.actor.userId, updatedAt: scope.now, version: sql`${reportNarrative.version} + 1` })
      .where(and(eq(reportNarrative.id, existing.id), eq(reportNarrative.authorityId, scope.authorityId), eq(reportNarrative.version, input.version)))
      .returning({ id: reportNarrative.id, version: reportNarrative.version });
    if (!updated) throw conflict();
    await recordAudit(tx, scope.actor, { ...audit, action: "report-narrative.updated", entityId: existing.id, before: { ...what, body: existing.body }, after: { ...what, body } });
    return updated;
  });
}

/** The periods of each report that have text saved, newest first (for the reports' index): one query. */
export async function listSavedReports(scope: TenantScope): Promise<Record<ReportKind, Array<{ period: string; sections: number; updatedAt: string }>>> {
  const rows = await inTenant(scope, (tx) =>
    tx
      .select({ report: reportNarrative.report, period: reportNarrative.period, sections: sql<number>`count(*)::int`, updatedAt: sql<Date>`max(${reportNarrative.updatedAt})` })
      .from(reportNarrative)
      .where(and(eq(reportNarrative.authorityId, scope.authorityId), sql`${reportNarrative.body} <> ''`))
      .groupBy(reportNarrative.report, reportNarrative.period)
      .orderBy(desc(reportNarrative.period)),
  );
  const result: Record<ReportKind, Array<{ period: string; sections: number; updatedAt: string }>> = { quarterly: [], committee: [] };
  for (const r of rows) result[r.report as ReportKind].push({ period: r.period, sections: r.sections, updatedAt: new Date(r.updatedAt).toISOString() });
  return result;
}
