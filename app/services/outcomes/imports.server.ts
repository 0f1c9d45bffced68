import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../../db/client";
import { importBatch, outcomeObservation } from "../../../db/schema";
import { CsvFormatError, parseCsv, validateRows, type ParsedCsv } from "../../csv.server";
import { londonDate } from "../../domain/dates";
import { formatOutcomeValue, periodLabel } from "../../domain/outcomes";
import { MAX_OUTCOMES_IMPORT_ROWS, OUTCOMES_REQUIRED_COLUMNS, outcomeRowSchema, planOutcomesImport, type FigureChange } from "../../domain/outcomes-import";
import { countActions, type ImportAction, type ImportIssue } from "../../domain/training-import";
import { InvalidError, NotFoundError } from "../../errors";
import { recordAudit } from "../audit.server";
import { claimImportBatch, saveImportPreview } from "../imports/import-batches.server";
import { inTenant, type TenantScope } from "../scope.server";
import { loadIndicators } from "./facts.server";

const BATCH_KIND = "outcomes";
const SAMPLE_SIZE = 20;
const CHUNK = 5000;

export interface OutcomeSampleRow {
  line: number;
  action: ImportAction;
  indicator: string;
  description: string;
}

function parse(text: string): ParsedCsv {
  try {
    return parseCsv(text, { maxRows: MAX_OUTCOMES_IMPORT_ROWS });
  } catch (error) {
    if (error instanceof CsvFormatError) throw new InvalidError(error.message, { file: error.message });
    throw error;
  }
}

/** Checks a file against the indicators and figures as they are now: three queries whatever its length. */
async function analyse(tx: Executor, scope: TenantScope, text: string) {
  const parsed = parse(text);
  const { valid, issues } = validateRows(parsed, outcomeRowSchema, OUTCOMES_REQUIRED_COLUMNS);
  const [indicators, existing] = await Promise.all([
    loadIndicators(tx, scope.authorityId),
    tx
      .select({ id: outcomeObservation.id, indicatorId: outcomeObservation.indicatorId, periodStart: outcomeObservation.periodStart, periodEnd: outcomeObservation.periodEnd, value: outcomeObservation.value, source: outcomeObservation.source, notes: outcomeObservation.notes })
      .from(outcomeObservation)
      .where(eq(outcomeObservation.authorityId, scope.authorityId)),
  ]);
  const plan = planOutcomesImport(valid, parsed.headers, { indicators, existing: existing.map((e) => ({ ...e, value: Number(e.value) })), today: londonDate(scope.now) });
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const sample: OutcomeSampleRow[] = plan.changes.slice(0, SAMPLE_SIZE).map((c) => {
    const i = byId.get(c.values.indicatorId)!;
    return {
      line: c.line,
      action: c.action,
      indicator: i.name,
      description: `${periodLabel(i.periodType, c.values.periodStart, c.values.periodEnd)}: ${formatOutcomeValue(c.values.value, i.unit)}${c.existing && c.existing.value !== c.values.value ? ` (was ${formatOutcomeValue(c.existing.value, i.unit)})` : ""}`,
    };
  });
  return { issues: [...issues, ...plan.issues].sort((a, b) => a.line - b.line), changes: plan.changes, sample };
}

/** Step one: keep the uploaded file (nothing else is written) and return the batch to preview. */
export async function uploadOutcomesImport(scope: TenantScope, filename: string, text: string): Promise<{ id: string }> {
  const parsed = parse(text);
  const batch = await saveImportPreview(scope, { kind: BATCH_KIND, filename, content: text, rowCount: parsed.rows.length });
  return { id: batch.id };
}

function summaryOf(changes: FigureChange[]): Record<string, number> {
  const counts = countActions(changes);
  return { created: counts.create, updated: counts.update, unchanged: counts.unchanged };
}

async function findBatch(tx: Tx, scope: TenantScope, batchId: string) {
  const [row] = await tx
    .select()
    .from(importBatch)
    .where(and(eq(importBatch.id, batchId), eq(importBatch.authorityId, scope.authorityId), eq(importBatch.kind, BATCH_KIND)))
    .limit(1);
  if (!row) throw new NotFoundError("Import not found");
  return row;
}

export interface OutcomesImportPreview {
  id: string;
  filename: string;
  rowCount: number;
  status: string;
  createdAt: Date;
  appliedAt: Date | null;
  issues: ImportIssue[];
  summary: Record<string, number>;
  sample: OutcomeSampleRow[];
}

/** Step two: the preview, checked against the records as they are now. */
export async function previewOutcomesImport(scope: TenantScope, batchId: string): Promise<OutcomesImportPreview> {
  return inTenant(scope, async (tx) => {
    const batch = await findBatch(tx, scope, batchId);
    const base = { id: batch.id, filename: batch.filename, rowCount: batch.rowCount, status: batch.status, createdAt: batch.createdAt, appliedAt: batch.appliedAt };
    if (batch.status === "applied") return { ...base, issues: [], summary: (batch.summary as Record<string, number>) ?? {}, sample: [] };
    let analysis: Awaited<ReturnType<typeof analyse>>;
    try {
      analysis = await analyse(tx, scope, batch.content);
    } catch (error) {
      if (error instanceof InvalidError) return { ...base, issues: [{ line: 1, message: error.message }], summary: {}, sample: [] };
      throw error;
    }
    return { ...base, issues: analysis.issues, summary: analysis.issues.length ? {} : summaryOf(analysis.changes), sample: analysis.issues.length ? [] : analysis.sample };
  });
}

/**
 * Step three: checks the file again and applies every row in one transaction, or none (any problem
 * and nothing is written). One audit row for the batch, with its counts.
 */
export async function applyOutcomesImport(scope: TenantScope, batchId: string): Promise<{ summary: Record<string, number> }> {
  return inTenant(scope, async (tx) => {
    const batch = await findBatch(tx, scope, batchId);
    if (batch.status === "applied") throw new InvalidError("This import has already been applied.");
    const analysis = await analyse(tx, scope, batch.content);
    if (analysis.issues.length) throw new InvalidError(`The file has ${analysis.issues.length} ${analysis.issues.length === 1 ? "problem" : "problems"}: nothing has been imported.`);
    const summary = summaryOf(analysis.changes);
    await claimImportBatch(tx, scope, batch.id, batch.kind, summary);
    const writes = analysis.changes
      .filter((c) => c.action !== "unchanged")
      .map(({ values: v }) => ({ indicator_id: v.indicatorId, period_start: v.periodStart, period_end: v.periodEnd, value: v.value, source: v.source, notes: v.notes }));
    for (let i = 0; i < writes.length; i += CHUNK) {
      await tx.execute(sql`
        insert into ${outcomeObservation} (authority_id, indicator_id, period_start, period_end, value, source, notes, updated_at)
        select ${scope.authorityId}::uuid, x.indicator_id, x.period_start, x.period_end, x.value, x.source, x.notes, ${scope.now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(writes.slice(i, i + CHUNK))}::jsonb)
          as x(indicator_id uuid, period_start date, period_end date, value numeric, source text, notes text)
        on conflict (authority_id, indicator_id, period_start, period_end) do update set
          value = excluded.value, source = excluded.source, notes = excluded.notes, version = ${outcomeObservation.version} + 1, updated_at = excluded.updated_at`);
    }
    if (summary.created + summary.updated > 0) {
      await recordAudit(tx, scope.actor, {
        authorityId: scope.authorityId,
        action: "outcomes.imported",
        entityType: "import_batch",
        entityId: batch.id,
        after: { filename: batch.filename, rows: batch.rowCount, ...summary },
      });
    }
    return { summary };
  });
}

/** The authority's outcomes imports, newest first. */
export async function listOutcomesImports(scope: TenantScope, limit = 20) {
  return inTenant(scope, async (tx) => {
    const rows = await tx
      .select({ id: importBatch.id, filename: importBatch.filename, rowCount: importBatch.rowCount, status: importBatch.status, summary: importBatch.summary, createdAt: importBatch.createdAt })
      .from(importBatch)
      .where(and(eq(importBatch.authorityId, scope.authorityId), inArray(importBatch.kind, [BATCH_KIND])))
      .orderBy(desc(importBatch.createdAt))
      .limit(limit);
    return rows.map((r) => ({ ...r, summary: (r.summary as Record<string, number> | null) ?? null }));
  });
}
