import { inArray } from "drizzle-orm";
import type { Database, Executor, Tx } from "../../db/client";
import { dataRevision } from "../../db/schema";
import { inTenant } from "./scope.server";

/**
 * Memoised read models: figures computed from an authority's whole record (its readiness
 * dashboard, its national comparison row) are kept in memory against the authority's data
 * revision, which statement triggers raise in the same transaction as any change to its rows
 * (migration 0016), and the programme's (national settings). One indexed query tells whether a
 * kept result is still the truth, so every instance serves fresh figures after any write, by
 * any instance or tool; nothing is ever served from memory without that check. ADR 0009.
 */

const PROGRAMME = "programme";
const MANY = 20;

/** Each authority's version of its data (its revision and the programme's), in one query. */
export async function dataVersions(tx: Executor, authorityIds: readonly string[]): Promise<Map<string, string>> {
  // Many authorities (the national pages): the whole table, one row per authority, is cheaper to
  // read than to ask for each by name (150 parameters to build, send and bind on every view).
  const rows = await tx
    .select({ key: dataRevision.key, revision: dataRevision.revision })
    .from(dataRevision)
    .where(authorityIds.length > MANY ? undefined : inArray(dataRevision.key, [PROGRAMME, ...authorityIds]));
  const revisionOf = new Map(rows.map((r) => [r.key, r.revision]));
  const programme = revisionOf.get(PROGRAMME) ?? 0;
  return new Map(authorityIds.map((id) => [id, `${revisionOf.get(id) ?? 0}.${programme}`]));
}

/** One authority's data version. */
export async function dataVersion(db: Executor, authorityId: string): Promise<string> {
  return (await dataVersions(db, [authorityId])).get(authorityId)!;
}

/**
 * A bounded map of results by key, each kept with the data version it was computed from. The
 * oldest entry goes first when full. Values are shared between requests: never mutate one.
 */
export class ReadModelMemo<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly capacity: number) {}

  get(key: string, version: string | undefined): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || version === undefined || entry.version !== version) return undefined;
    // Most recently used last, so eviction takes the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: T): void {
    // Outside production, a caller that changes a shared value fails at once instead of
    // quietly changing what the next request is shown.
    if (process.env.NODE_ENV !== "production") deepFreeze(value);
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * One memo per database handle: two databases (tests, a restored copy) may hold the same
 * authority at the same revision with different data.
 */
export function memoPerDatabase<T>(capacity: number): (db: object) => ReadModelMemo<T> {
  const memos = new WeakMap<object, ReadModelMemo<T>>();
  return (db) => {
    let memo = memos.get(db);
    if (!memo) memos.set(db, (memo = new ReadModelMemo<T>(capacity)));
    return memo;
  };
}

/**
 * A tenant read memoised for the authority. The version is read first, outside any transaction
 * (the revision table holds no tenant data): a kept result costs that one query. Otherwise
 * `compute` runs in the tenant's transaction. Data read after the version can only be as new or
 * newer, and any newer data raised the version, so a result is never kept under a version it
 * does not show. `parts`: every input besides the data.
 */
export async function memoisedRead<T>(
  scope: { db: Database; authorityId: string; dataVersion?: () => Promise<string> },
  memo: (db: object) => ReadModelMemo<T>,
  parts: string[],
  compute: (tx: Tx) => Promise<T>,
): Promise<T> {
  const version = scope.dataVersion ? await scope.dataVersion() : await dataVersion(scope.db, scope.authorityId);
  const key = memoKey(scope.authorityId, ...parts);
  const kept = memo(scope.db).get(key, version);
  if (kept !== undefined) return kept;
  const value = await inTenant(scope, compute);
  memo(scope.db).set(key, version, value);
  return value;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** Memo keys always start with the authority, so one authority's result can never answer another's. */
export function memoKey(authorityId: string, ...parts: string[]): string {
  return [authorityId, ...parts].join("|");
}
