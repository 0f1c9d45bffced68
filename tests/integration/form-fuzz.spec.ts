/// <reference types="vite/client" />
import fc from "fast-check";
import { and, count, notLike } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NATIONAL_ROLES, permissionsFor, TENANT_ROLES, type Permission } from "~/domain/permissions";
import { auditEvent } from "../../db/schema";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, postRequest } from "../helpers/requests";
import { buildRouteFixture, MATRIX, routes, urlFor, type Access, type Fixture } from "./support/route-table";

/**
 * Every action, posted malformed, oversized, wrong-type, missing and hostile input by the person
 * allowed to use it, answers with a status below 500, and a refusal (4xx) stores nothing: every
 * change here writes an audit event in the same transaction, so an unchanged audit count means
 * nothing was written (failed sign-ins and two-factor codes are recorded on purpose).
 */

const sources = import.meta.glob<string>("/app/{routes,schemas,domain}/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });

/** The field names and literal values (intents, kinds) an action's own code mentions. */
function vocabularyOf(routeId: string): { fields: string[]; literals: string[] } {
  const own = sources[`/app/routes/${routeId}.tsx`] ?? sources[`/app/routes/${routeId}.ts`] ?? "";
  const imported = [...own.matchAll(/from "~\/(schemas|domain)\/([\w-]+)"/g)].map((m) => sources[`/app/${m[1]}/${m[2]}.ts`] ?? "");
  const text = [own, ...imported].join("\n");
  const fields = new Set(["intent", "version", "id"]);
  for (const m of text.matchAll(/\b([a-zA-Z][\w]*)\s*:\s*z\b/g)) fields.add(m[1]);
  for (const m of text.matchAll(/name=["{]"?([a-zA-Z][\w.[\]]*)"/g)) fields.add(m[1]);
  const literals = new Set<string>();
  for (const m of text.matchAll(/z\.(?:literal|enum)\(\[?([^)\]]*)/g)) for (const l of m[1].matchAll(/"([\w-]+)"/g)) literals.add(l[1]);
  for (const m of text.matchAll(/value="([\w-]+)"/g)) literals.add(m[1]);
  return { fields: [...fields], literals: [...literals] };
}

const hostile = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "x".repeat(100_000),
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "=HYPERLINK(\"http://evil.test\")",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "0.0000001",
  "2024-02-30",
  "31/12/2024",
  "0000-00-00",
  "9999-12-31",
  "2024-13-01",
  "true",
  "null",
  "[object Object]",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "🙂👩🏽‍⚕️",
  "\u202e",
  "%00",
  "../../etc/passwd",
];

/** A plausible value for a field, judged by its name, so that hostile values reach the services too. */
function plausibleValue(field: string, literals: string[], fixtureIds: string[]) {
  if (field === "version") return fc.constantFrom("1", "2");
  if (field === "intent" || /kind|role|status|type|discipline|table/i.test(field)) return literals.length ? fc.constantFrom(...literals) : fc.constant("x");
  if (/Id$|^id$/.test(field)) return fc.constantFrom(...fixtureIds, "not-a-uuid", "00000000-0000-0000-0000-000000000000");
  if (/date|On$|^from$|^to$|asOf|opening|start|end/i.test(field)) return fc.constantFrom("2024-01-15", "2023-04-01", "2025-03-31");
  if (/fte|count|number|amount|pence|pounds|percent|likelihood|impact|score|year|rate|cost|total|target/i.test(field)) return fc.constantFrom("1", "0.5", "3", "100");
  if (/email/i.test(field)) return fc.constant("someone@example.test");
  return fc.string({ minLength: 1, maxLength: 20 });
}

function formArbitrary(vocabulary: { fields: string[]; literals: string[] }, fixtureIds: string[]) {
  const hostileValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostile) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
  );
  // Every field the action knows, with a plausible value …
  const plausible = fc.record(Object.fromEntries(vocabulary.fields.map((f) => [f, plausibleValue(f, vocabulary.literals, fixtureIds)])) as Record<string, fc.Arbitrary<string>>);
  // … then some fields made hostile, sent twice (an array where one value is expected) or left out.
  const damage = fc.dictionary(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...vocabulary.fields) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
    fc.oneof({ weight: 4, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.array(hostileValue, { minLength: 2, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant(null) }),
    { minKeys: 1, maxKeys: 3 },
  );
  return fc.tuple(plausible, damage).map(([base, changes]) => {
    const form: Record<string, string | string[]> = { ...base };
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) delete form[k];
      else form[k] = v;
    }
    return form;
  });
}

const t = useTestDatabase();
let f: Fixture;

beforeAll(async () => {
  f = await buildRouteFixture(t.db);
});

/** The API takes no forms; its other methods answer 405 and its unknown paths 404 (the route matrix proves it). */
const takesForms = (access: Access | undefined): access is Access =>
  !!access && access !== "read-only" && access !== "no-such-endpoint" && !(typeof access === "object" && "api" in access);

function tokenFor(f: Fixture, access: Access): string | null {
  if (access === "public" || access === "read-only" || access === "no-such-endpoint") return null;
  if (access === "signed-in") return f.tenant.viewer;
  if ("api" in access) return null;
  if ("national" in access) return f.national["national-admin"];
  const role = TENANT_ROLES.find((r) => permissionsFor(r, null).has(access.tenant as Permission));
  if (role) return f.tenant[role];
  const national = NATIONAL_ROLES.find((r) => permissionsFor(null, r).has(access.tenant as Permission));
  return national ? f.national[national] : null;
}

// Failed sign-ins and codes are recorded on purpose (security events), not data written.
const fixtureIds = (f: Fixture) => [f.postId, f.appointmentId, f.boardMemberId, f.organisationId, f.charterVersionId, f.streamId, f.milestoneId, f.workstreamId, f.hubId, f.raidItemId, f.training.staffId, f.training.courseId, f.training.sessionId, f.outcomes.indicatorId, f.outcomes.observationId];

const auditCount = async () =>
  (await t.db.select({ n: count() }).from(auditEvent).where(and(notLike(auditEvent.action, "%.sign-in-failed"), notLike(auditEvent.action, "%.failed"))))[0].n;

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
let requests = 0;
const statuses = new Map<number, number>();

describe("form fuzzing: every action refuses bad input with a 4xx and stores nothing", () => {
  afterAll(() => {
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(", ");
    console.info(`form fuzzing: ${requests} requests to ${routes.filter((r) => takesForms(MATRIX[r.id]?.action)).length} actions (${byStatus})`);
  });

  for (const route of routes) {
    const access = MATRIX[route.id]?.action;
    if (!takesForms(access)) continue;
    it(`action of ${route.id}`, async () => {
      const handler = (await route.load()).action!;
      const entry = MATRIX[route.id];
      const params = { slug: f.a.slug, ...(entry.params?.(f) ?? {}) };
      const url = urlFor(route.id, params) + (entry.query ?? "");
      const token = tokenFor(f, access);
      const ids = fixtureIds(f);
      const context = testContext(t.db);
      await fc.assert(
        fc.asyncProperty(formArbitrary(vocabularyOf(route.id), ids), async (form) => {
          const before = await auditCount();
          requests++;
          let outcome;
          try {
            outcome = await call(handler, postRequest(url, form, { token }), params, context);
          } catch (error) {
            throw new Error(`threw (a 500) for ${JSON.stringify(form).slice(0, 300)}: ${String(error)}`);
          }
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          expect(outcome.status, JSON.stringify(form).slice(0, 300)).toBeLessThan(500);
          if (outcome.status >= 400) expect(await auditCount(), `a ${outcome.status} stored something`).toBe(before);
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123), endOnFailure: true },
      );
    });
  }

  // A null byte in every text field of an otherwise plausible form (PostgreSQL refuses it in text).
  for (const route of routes) {
    const access = MATRIX[route.id]?.action;
    if (!takesForms(access)) continue;
    it(`action of ${route.id} with a null byte in its text fields`, async () => {
      const handler = (await route.load()).action!;
      const entry = MATRIX[route.id];
      const params = { slug: f.a.slug, ...(entry.params?.(f) ?? {}) };
      const url = urlFor(route.id, params) + (entry.query ?? "");
      const vocabulary = vocabularyOf(route.id);
      const intents = vocabulary.literals.length ? vocabulary.literals : [""];
      for (const intent of intents) {
        const [plausible] = fc.sample(fc.record(Object.fromEntries(vocabulary.fields.map((name) => [name, plausibleValue(name, vocabulary.literals, fixtureIds(f))]))), { numRuns: 1, seed: 1 });
        const form: Record<string, string> = { ...(plausible as Record<string, string>), intent };
        for (const name of vocabulary.fields) if (!/^(intent|version|id)$|Id$|date|On$|kind|role|status|type/i.test(name)) form[name] = "a\u0000b";
        const before = await auditCount();
        const outcome = await call(handler, postRequest(url, form, { token: tokenFor(f, access) }), params, testContext(t.db));
        expect(outcome.status, `intent ${intent}`).toBeLessThan(500);
        if (outcome.status >= 400) expect(await auditCount()).toBe(before);
      }
    });
  }
});
