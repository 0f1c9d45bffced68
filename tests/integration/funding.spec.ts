import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as overviewLoader } from "~/routes/a.$slug.funding._index";
import { action as contributionsAction, loader as contributionsLoader } from "~/routes/a.$slug.funding.contributions";
import { action as postCostAction, loader as postCostLoader } from "~/routes/a.$slug.funding.costs.$postId";
import { action as costsAction, loader as costsLoader } from "~/routes/a.$slug.funding.costs._index";
import { loader as exportLoader } from "~/routes/a.$slug.funding.export";
import { action as reportedAction } from "~/routes/a.$slug.funding.reported";
import { action as streamAction, loader as streamLoader } from "~/routes/a.$slug.funding.streams.$streamId";
import { action as streamsAction, loader as streamsLoader } from "~/routes/a.$slug.funding.streams._index";
import { countQueries } from "../../db/client";
import { auditEvent, fundingSetting, fundingSpend, fundingStream, organisation, partnerContribution, postCost, reportedFigure, roleCostRate } from "../../db/schema";
import {
  createAppointment,
  createAuthority,
  createContribution,
  createFundingSpend,
  createFundingStream,
  createOrganisation,
  createPost,
  createPostCost,
  createReportedFigure,
  createSignedInUser,
} from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, type Outcome } from "../helpers/requests";

const t = useTestDatabase();
const ctx = () => testContext(t.db);
type Handler = Parameters<typeof call>[0];

/** One adult post costing £600,000 a year from 1 September 2020 and the DfE taper: the finance officer's example. */
async function setup() {
  const a = await createAuthority(t.db);
  const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
  const p = await createPost(t.db, a.id, { reference: "P1", role: "mental-health", fte: 1, establishedOn: "2020-09-01" });
  const cost = await createPostCost(t.db, p, 60_000_000, "2020-09-01");
  const stream = await createFundingStream(t.db, a.id, { totalPence: 1_000_000_000 });
  return { a, pm, p, cost, stream };
}

const get = (handler: Handler, path: string, token: string, params: Record<string, string>) => call(handler, getRequest(path, { token }), params, ctx());
const send = (handler: Handler, path: string, token: string, params: Record<string, string>, form: Record<string, string>) => call(handler, postRequest(path, form, { token }), params, ctx());
const errors = (o: Outcome) => (o.data as { error?: Record<string, string[] | null> }).error ?? {};

interface YearData {
  label: string;
  cost: number;
  grant: number;
  shortfall: number;
  agreed?: number;
  proposed?: number;
  remainingGap?: number;
}
async function overview(slug: string, token: string, query = "asOf=2025-01-01") {
  const o = await get(overviewLoader, `/a/${slug}/funding?${query}`, token, { slug });
  expect(o.status).toBe(200);
  const data = o.data as { financialYears: YearData[]; academicYears: YearData[]; canEdit: boolean; reported: Array<{ label: string; computed: number; difference: number }>; sustainability: { kind: string; from?: string } };
  return { ...data, fy: (label: string) => data.financialYears.find((r) => r.label === label)!, ay: (label: string) => data.academicYears.find((r) => r.label === label)! };
}

async function auditActions(authorityId: string) {
  return t.db.select().from(auditEvent).where(eq(auditEvent.authorityId, authorityId));
}

const streamForm = (o: Record<string, string> = {}) => ({
  intent: "update",
  name: "DfE SFPC grant",
  funder: "Department for Education",
  kind: "tapered",
  total: "£10,000,000",
  startDate: "2020-09-01",
  endDate: "",
  shares: "100, 70, 50",
  note: "",
  ...o,
});

describe("the overview", () => {
  it("computes the finance officer's example: 2021-22 grant £495,000 and shortfall £105,000; 2024-25 £600,000 short", async () => {
    const { a, pm } = await setup();
    const o = await overview(a.slug, pm.token);
    expect(o.canEdit).toBe(true);
    expect(o.fy("2021-22")).toMatchObject({ cost: 60_000_000, grant: 49_500_000, shortfall: 10_500_000 });
    expect(o.fy("2024-25")).toMatchObject({ grant: 0, shortfall: 60_000_000 });
    expect(o.ay("2021/22")).toMatchObject({ grant: 42_000_000, shortfall: 18_000_000 });
    expect(o.sustainability).toMatchObject({ kind: "ends", from: "2023-09-01" });
  });

  it("lets viewers read it without editing, and hides it from other authorities", async () => {
    const { a } = await setup();
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    expect((await overview(a.slug, viewer.token)).canEdit).toBe(false);
    const b = await createAuthority(t.db);
    const foreign = await createSignedInUser(t.db, { authorityId: b.id, role: "programme-manager" });
    expect((await get(overviewLoader, `/a/${a.slug}/funding`, foreign.token, { slug: a.slug })).status).toBe(404);
  });

  it("keeps the number of queries the same with ten times the posts and their history", async () => {
    const { a, pm, stream } = await setup();
    const pages: Array<[Handler, string, Record<string, string>]> = [
      [overviewLoader, `/a/${a.slug}/funding`, { slug: a.slug }],
      [exportLoader, `/a/${a.slug}/funding/export?table=months`, { slug: a.slug }],
      [costsLoader, `/a/${a.slug}/funding/costs`, { slug: a.slug }],
      [streamLoader, `/a/${a.slug}/funding/streams/${stream.id}`, { slug: a.slug, streamId: stream.id }],
      [contributionsLoader, `/a/${a.slug}/funding/contributions`, { slug: a.slug }],
    ];
    const measure = async () => Promise.all(pages.map(async ([h, path, params]) => (await countQueries(() => get(h, path, pm.token, params))).queries));
    let made = 0;
    const addPosts = async (n: number) => {
      for (let i = made; i < made + n; i++) {
        const p = await createPost(t.db, a.id, { role: "substance-misuse", establishedOn: "2020-09-01" });
        await createPostCost(t.db, p, 5_000_000 + i, "2020-09-01");
        await createPostCost(t.db, p, 5_200_000 + i, "2022-04-01");
        await createAppointment(t.db, p, { startDate: "2020-10-01", lastDay: "2022-06-30" });
        const org = await createOrganisation(t.db, a.id, `Partner ${i}`);
        await createContribution(t.db, a.id, org.id, { financialYear: 2022 });
        await createFundingSpend(t.db, stream);
      }
      made += n;
    };
    await addPosts(1);
    const one = await measure();
    await addPosts(9);
    const ten = await measure();
    expect(ten).toEqual(one);
    expect(Math.max(...one)).toBeLessThanOrEqual(16);
  });
});

describe("funding streams", () => {
  it("a programme manager changes a taper share and the shortfall follows; the change is audited", async () => {
    const { a, pm, stream } = await setup();
    const params = { slug: a.slug, streamId: stream.id };
    const saved = await send(streamAction, `/a/${a.slug}/funding/streams/${stream.id}`, pm.token, params, streamForm({ shares: "100, 80, 50", version: String(stream.version) }));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/a/${a.slug}/funding/streams/${stream.id}`);
    // April to August 2021 at 100%, September to March at 80%: £250,000 + 7 × £40,000.
    expect((await overview(a.slug, pm.token)).fy("2021-22")).toMatchObject({ grant: 53_000_000, shortfall: 7_000_000 });
    const [audit] = (await auditActions(a.id)).filter((e) => e.action === "funding_stream.updated");
    expect(audit).toMatchObject({ entityType: "funding_stream", entityId: stream.id, actorUserId: pm.user.id });
    expect(audit.before).toMatchObject({ sharesBp: [10_000, 7_000, 5_000], version: 1 });
    expect(audit.after).toMatchObject({ sharesBp: [10_000, 8_000, 5_000], version: 2 });
  });

  it("refuses a change made on a stale page, and keeps the other person's change", async () => {
    const { a, pm, stream } = await setup();
    const params = { slug: a.slug, streamId: stream.id };
    const path = `/a/${a.slug}/funding/streams/${stream.id}`;
    expect((await send(streamAction, path, pm.token, params, streamForm({ shares: "100, 60", version: "1" }))).status).toBe(302);
    const stale = await send(streamAction, path, pm.token, params, streamForm({ shares: "100, 90", version: "1" }));
    expect(stale.status).toBe(409);
    expect((stale.data as { error: Record<string, string[]> }).error[""]).toEqual(["This funding stream was changed by someone else after you opened this page. Check it and try again."]);
    const [row] = await t.db.select().from(fundingStream).where(eq(fundingStream.id, stream.id));
    expect(row).toMatchObject({ sharesBp: [10_000, 6_000], version: 2 });
    await createFundingSpend(t.db, stream, { amountPence: 123, description: "Kept in the audit" });
    const deleteStale = await send(streamAction, path, pm.token, params, { intent: "delete", version: "1" });
    expect(deleteStale.status).toBe(409);
    const deleted = await send(streamAction, path, pm.token, params, { intent: "delete", version: "2" });
    expect(deleted).toMatchObject({ status: 302, location: `/a/${a.slug}/funding/streams` });
    const [gone] = (await auditActions(a.id)).filter((e) => e.action === "funding_stream.deleted");
    expect(gone.before).toMatchObject({ id: stream.id, sharesBp: [10_000, 6_000], spend: [expect.objectContaining({ amountPence: 123, description: "Kept in the audit" })] });
    expect(await t.db.select().from(fundingSpend).where(eq(fundingSpend.streamId, stream.id))).toEqual([]);
  });

  it("adds a stream, validating money, dates and the schedule beside their fields", async () => {
    const { a, pm } = await setup();
    const path = `/a/${a.slug}/funding/streams`;
    const bad = await send(streamsAction, path, pm.token, { slug: a.slug }, streamForm({ intent: "add", name: "", total: "£1,23", startDate: "2023-02-30", shares: "100, 70, x" }));
    expect(bad.status).toBe(400);
    expect(errors(bad)).toMatchObject({
      name: ["Enter the name of the stream"],
      total: ["Enter the total in pounds, like £1,234.56"],
      startDate: ["The start date must be a real date, like 1/9/2020"],
      shares: ["Enter each year's share as a percentage, separated by commas, like 100, 70, 50"],
    });
    const noShares = await send(streamsAction, path, pm.token, { slug: a.slug }, streamForm({ intent: "add", name: "Top-up", shares: "" }));
    expect(errors(noShares)).toEqual({ shares: ["Enter the share of each year, like 100, 70, 50"] });
    const backwards = await send(streamsAction, path, pm.token, { slug: a.slug }, streamForm({ intent: "add", name: "Reserves", kind: "reserves", startDate: "2023-07-10", endDate: "2023-07-09" }));
    expect(errors(backwards)).toEqual({ endDate: ["The end date must be on or after the start date"] });
    const clash = await send(streamsAction, path, pm.token, { slug: a.slug }, streamForm({ intent: "add" }));
    expect(clash.status).toBe(422);
    expect(errors(clash)).toEqual({ name: ["There is already a funding stream with this name"] });

    const added = await send(streamsAction, path, pm.token, { slug: a.slug }, streamForm({ intent: "add", name: "Public Health reserves", kind: "reserves", total: "1800000.00", startDate: "10/7/2023", endDate: "9 July 2025", shares: "100" }));
    expect(added.status).toBe(302);
    const [row] = await t.db.select().from(fundingStream).where(and(eq(fundingStream.authorityId, a.id), eq(fundingStream.name, "Public Health reserves")));
    // A reserves stream keeps no schedule.
    expect(row).toMatchObject({ kind: "reserves", totalPence: 180_000_000, endDate: "2025-07-09", sharesBp: [] });
    expect(added.location).toBe(`/a/${a.slug}/funding/streams/${row.id}`);
    const list = await get(streamsLoader, path, pm.token, { slug: a.slug });
    expect((list.data as { streams: unknown[] }).streams).toHaveLength(2);
  });

  it("only programme managers change streams; other authorities' streams are not found", async () => {
    const { a, stream } = await setup();
    const params = { slug: a.slug, streamId: stream.id };
    const path = `/a/${a.slug}/funding/streams/${stream.id}`;
    for (const role of ["contributor", "viewer", "board-member"] as const) {
      const u = await createSignedInUser(t.db, { authorityId: a.id, role });
      expect((await send(streamAction, path, u.token, params, streamForm({ version: "1" }))).status, role).toBe(403);
      expect((await send(streamsAction, `/a/${a.slug}/funding/streams`, u.token, { slug: a.slug }, streamForm({ intent: "add", name: "X" }))).status, role).toBe(403);
    }
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    expect((await get(streamLoader, path, viewer.token, params)).status).toBe(200);

    const b = await setup();
    // Another authority's programme manager: the authority does not exist for them.
    expect((await send(streamAction, path, b.pm.token, params, streamForm({ version: "1" }))).status).toBe(404);
    // Their own authority in the URL with this authority's stream: not found either.
    const crossed = { slug: b.a.slug, streamId: stream.id };
    expect((await get(streamLoader, `/a/${b.a.slug}/funding/streams/${stream.id}`, b.pm.token, crossed)).status).toBe(404);
    expect((await send(streamAction, `/a/${b.a.slug}/funding/streams/${stream.id}`, b.pm.token, crossed, streamForm({ version: "1" }))).status).toBe(404);
    expect((await send(streamAction, `/a/${b.a.slug}/funding/streams/not-a-uuid`, b.pm.token, { slug: b.a.slug, streamId: "not-a-uuid" }, streamForm({ version: "1" }))).status).toBe(404);
    const [row] = await t.db.select().from(fundingStream).where(eq(fundingStream.id, stream.id));
    expect(row.version).toBe(1);
  });

  it("records spend against a fixed allocation, and keeps it to its own stream", async () => {
    const { a, pm } = await setup();
    const fixed = await createFundingStream(t.db, a.id, { name: "Start-up", kind: "fixed", totalPence: 30_000_000, startDate: "2020-06-01", endDate: "2023-08-31", sharesBp: [] });
    const params = { slug: a.slug, streamId: fixed.id };
    const path = `/a/${a.slug}/funding/streams/${fixed.id}`;
    const add = await send(streamAction, path, pm.token, params, { intent: "add-spend", spentOn: "2020-07-15", amount: "£45,000.50", description: "MI training" });
    expect(add.status).toBe(302);
    const [spend] = await t.db.select().from(fundingSpend).where(eq(fundingSpend.streamId, fixed.id));
    expect(spend).toMatchObject({ amountPence: 4_500_050, spentOn: "2020-07-15" });
    const changed = await send(streamAction, path, pm.token, params, { intent: "update-spend", id: spend.id, version: "1", spentOn: "2023-09-15", amount: "50000", description: "MI training" });
    expect(changed.status).toBe(302);
    const page = await get(streamLoader, path, pm.token, params);
    expect((page.data as { allocation: unknown }).allocation).toEqual({ budget: 30_000_000, spent: 5_000_000, remaining: 25_000_000, spentLate: 5_000_000, byYear: [{ label: "2023-24", spent: 5_000_000 }] });

    const other = await createFundingStream(t.db, a.id, { name: "Other", kind: "fixed", sharesBp: [] });
    const elsewhere = await send(streamAction, `/a/${a.slug}/funding/streams/${other.id}`, pm.token, { slug: a.slug, streamId: other.id }, { intent: "delete-spend", id: spend.id, version: "2" });
    expect(elsewhere.status).toBe(404);
    expect((await send(streamAction, path, pm.token, params, { intent: "delete-spend", id: spend.id, version: "2" })).status).toBe(302);
    expect((await auditActions(a.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["funding_spend.created", "funding_spend.updated", "funding_spend.deleted"]));
  });
});

describe("costs", () => {
  it("changes a post's cost and the overview follows; a second cost from the same date is refused", async () => {
    const { a, pm, p, cost } = await setup();
    const params = { slug: a.slug, postId: p.id };
    const path = `/a/${a.slug}/funding/costs/${p.id}`;
    const changed = await send(postCostAction, path, pm.token, params, { intent: "update", id: cost.id, version: "1", effectiveFrom: "2020-09-01", amount: "£720,000", note: "Regraded" });
    expect(changed.status).toBe(302);
    expect((await overview(a.slug, pm.token)).fy("2021-22")).toMatchObject({ cost: 72_000_000, grant: 59_400_000, shortfall: 12_600_000 });
    const added = await send(postCostAction, path, pm.token, params, { intent: "add", effectiveFrom: "2022-04-01", amount: "600000", note: "" });
    expect(added.status).toBe(302);
    expect((await overview(a.slug, pm.token)).fy("2022-23").cost).toBe(60_000_000);
    const again = await send(postCostAction, path, pm.token, params, { intent: "add", effectiveFrom: "2022-04-01", amount: "1", note: "" });
    expect(again.status).toBe(422);
    expect(errors(again)).toEqual({ effectiveFrom: ["This post already has a cost from that date: change that one instead"] });
    const stale = await send(postCostAction, path, pm.token, params, { intent: "delete", id: cost.id, version: "1" });
    expect(stale.status).toBe(409);
    const page = await get(postCostLoader, path, pm.token, params);
    expect((page.data as { entries: Array<{ annualPence: number }> }).entries.map((e) => e.annualPence)).toEqual([72_000_000, 60_000_000]);
    const [audit] = (await auditActions(a.id)).filter((e) => e.action === "post_cost.updated");
    expect(audit.before).toMatchObject({ annualPence: 60_000_000 });
    expect(audit.after).toMatchObject({ annualPence: 72_000_000, note: "Regraded" });
  });

  it("costs only the authority's own adult posts", async () => {
    const { a, pm } = await setup();
    const b = await setup();
    const social = await createPost(t.db, a.id, { role: "social-worker", adultSpecialist: false });
    for (const postId of [b.p.id, social.id]) {
      const params = { slug: a.slug, postId };
      expect((await get(postCostLoader, `/a/${a.slug}/funding/costs/${postId}`, pm.token, params)).status).toBe(404);
      expect((await send(postCostAction, `/a/${a.slug}/funding/costs/${postId}`, pm.token, params, { intent: "add", effectiveFrom: "2022-04-01", amount: "1" })).status).toBe(404);
    }
    expect(await t.db.select().from(postCost).where(eq(postCost.authorityId, a.id))).toHaveLength(1);
  });

  it("sets the cost basis and uplift once, then only at the version shown", async () => {
    const { a, pm } = await setup();
    const path = `/a/${a.slug}/funding/costs`;
    const params = { slug: a.slug };
    const tooMuch = await send(costsAction, path, pm.token, params, { intent: "settings", costBasis: "in-post", uplift: "25" });
    expect(errors(tooMuch)).toEqual({ uplift: ["The uplift must be 20% or less"] });
    expect((await send(costsAction, path, pm.token, params, { intent: "settings", costBasis: "in-post", uplift: "2.5%" })).status).toBe(302);
    const [row] = await t.db.select().from(fundingSetting).where(eq(fundingSetting.authorityId, a.id));
    expect(row).toMatchObject({ costBasis: "in-post", upliftBp: 250, costsFrom: null, version: 1 });
    // Someone else saved first: a form opened before there were settings is stale.
    expect((await send(costsAction, path, pm.token, params, { intent: "settings", costBasis: "establishment", uplift: "0" })).status).toBe(409);
    expect((await send(costsAction, path, pm.token, params, { intent: "settings", costBasis: "establishment", uplift: "3", costsFrom: "2021-04-01", version: "1" })).status).toBe(302);
    const o = await overview(a.slug, pm.token);
    expect(o.fy("2020-21")).toBeUndefined();
    expect(o.fy("2021-22")).toMatchObject({ cost: 61_800_000 });
  });

  it("sets a role's default cost, refusing a second one for the same role", async () => {
    const { a, pm } = await setup();
    await createPost(t.db, a.id, { role: "health-worker", fte: 0.5, establishedOn: "2020-09-01" });
    const path = `/a/${a.slug}/funding/costs`;
    const params = { slug: a.slug };
    expect((await send(costsAction, path, pm.token, params, { intent: "set-rate", role: "health-worker", amount: "£48,000", priceBase: "2020-09-01" })).status).toBe(302);
    const twice = await send(costsAction, path, pm.token, params, { intent: "set-rate", role: "health-worker", amount: "£50,000", priceBase: "2020-09-01" });
    expect(errors(twice)).toEqual({ role: ["This role already has a cost: change it in the table"] });
    const [rate] = await t.db.select().from(roleCostRate).where(eq(roleCostRate.authorityId, a.id));
    expect((await send(costsAction, path, pm.token, params, { intent: "set-rate", role: "health-worker", amount: "£50,000", priceBase: "2020-09-01", version: "1" })).status).toBe(302);
    // A 0.5 FTE post at £50,000 for 1 FTE adds £25,000 a year.
    expect((await overview(a.slug, pm.token)).fy("2021-22").cost).toBe(62_500_000);
    expect((await send(costsAction, path, pm.token, params, { intent: "delete-rate", id: rate.id, version: "1" })).status).toBe(409);
    expect((await send(costsAction, path, pm.token, params, { intent: "delete-rate", id: rate.id, version: "2" })).status).toBe(302);
    const page = await get(costsLoader, path, pm.token, params);
    const posts = (page.data as { posts: Array<{ role: string; cost: { source: string | null } }> }).posts;
    expect(posts.find((p) => p.role === "health-worker")!.cost.source).toBeNull();
    for (const role of ["contributor", "viewer"] as const) {
      const u = await createSignedInUser(t.db, { authorityId: a.id, role });
      expect((await send(costsAction, path, u.token, params, { intent: "set-rate", role: "health-worker", amount: "1", priceBase: "2020-09-01" })).status).toBe(403);
    }
  });
});

describe("partner contributions and reported figures", () => {
  it("records contributions against the shortfall, adding a new partner when asked", async () => {
    const { a, pm } = await setup();
    const path = `/a/${a.slug}/funding/contributions`;
    const params = { slug: a.slug };
    const both = await send(contributionsAction, path, pm.token, params, { intent: "add", newOrganisation: "X", organisationId: "00000000-0000-4000-8000-000000000000", financialYear: "2021-22", amount: "1", status: "agreed" });
    expect(errors(both)).toEqual({ newOrganisation: ["Choose a partner from the list or enter a new one, not both"] });
    const bad = await send(contributionsAction, path, pm.token, params, { intent: "add", financialYear: "2021-23", amount: "lots", status: "maybe" });
    expect(errors(bad)).toMatchObject({ financialYear: ["Enter a financial year like 2021-22"], amount: ["Enter the amount in pounds, like £1,234.56"], status: ["Select whether it is proposed, agreed or received"] });

    const added = await send(contributionsAction, path, pm.token, params, { intent: "add", newOrganisation: "Police and Crime Commissioner", newSector: "police", financialYear: "2021-22", amount: "£80,000", status: "agreed", recurrent: "yes" });
    expect(added.status).toBe(302);
    const [org] = await t.db.select().from(organisation).where(and(eq(organisation.authorityId, a.id), eq(organisation.name, "Police and Crime Commissioner")));
    expect(org.sector).toBe("police");
    const council = await createOrganisation(t.db, a.id, "The council", "council");
    expect((await send(contributionsAction, path, pm.token, params, { intent: "add", organisationId: council.id, financialYear: "2021", amount: "20000", status: "proposed" })).status).toBe(302);
    const o = await overview(a.slug, pm.token);
    expect(o.fy("2021-22")).toMatchObject({ shortfall: 10_500_000, agreed: 8_000_000, proposed: 2_000_000, remainingGap: 2_500_000 });
    // Recurrent: it counts again every later year.
    expect(o.fy("2024-25")).toMatchObject({ agreed: 8_000_000, remainingGap: 52_000_000 });

    const [row] = await t.db.select().from(partnerContribution).where(and(eq(partnerContribution.authorityId, a.id), eq(partnerContribution.organisationId, org.id)));
    const changed = await send(contributionsAction, path, pm.token, params, { intent: "update", id: row.id, version: "1", organisationId: org.id, financialYear: "2021-22", amount: "80000", status: "received" });
    expect(changed.status).toBe(302);
    expect((await overview(a.slug, pm.token)).fy("2024-25").agreed).toBe(0);
    expect((await send(contributionsAction, path, pm.token, params, { intent: "delete", id: row.id, version: "1" })).status).toBe(409);
    expect((await send(contributionsAction, path, pm.token, params, { intent: "delete", id: row.id, version: "2" })).status).toBe(302);
    expect((await auditActions(a.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["organisation.created", "partner_contribution.created", "partner_contribution.updated", "partner_contribution.deleted"]));

    const b = await createAuthority(t.db);
    const theirs = await createOrganisation(t.db, b.id, "Their partner");
    const foreign = await send(contributionsAction, path, pm.token, params, { intent: "add", organisationId: theirs.id, financialYear: "2021-22", amount: "1", status: "agreed" });
    expect(foreign.status).toBe(422);
    expect(errors(foreign)).toEqual({ organisationId: ["Choose a partner from the list, or enter a new one"] });
    const viewer = await createSignedInUser(t.db, { authorityId: a.id, role: "viewer" });
    expect((await send(contributionsAction, path, viewer.token, params, { intent: "add", organisationId: council.id, financialYear: "2021-22", amount: "1", status: "agreed" })).status).toBe(403);
  });

  it("keeps reported figures beside the computed ones, with the difference", async () => {
    const { a, pm } = await setup();
    const path = `/a/${a.slug}/funding/reported`;
    const params = { slug: a.slug };
    expect((await send(reportedAction, path, pm.token, params, { intent: "add", financialYear: "2021-22", measure: "shortfall", amount: "£77,786", source: "Committee report" })).status).toBe(302);
    const twice = await send(reportedAction, path, pm.token, params, { intent: "add", financialYear: "2021/22", measure: "shortfall", amount: "1" });
    expect(errors(twice)).toEqual({ financialYear: ["There is already a reported figure of this kind for that year: change it instead"] });
    const o = await overview(a.slug, pm.token);
    expect(o.reported).toEqual([expect.objectContaining({ label: "2021-22", amountPence: 7_778_600, computed: 10_500_000, difference: 10_500_000 - 7_778_600 })]);
    const [row] = await t.db.select().from(reportedFigure).where(eq(reportedFigure.authorityId, a.id));
    expect((await send(reportedAction, path, pm.token, params, { intent: "update", id: row.id, version: "1", financialYear: "2021-22", measure: "shortfall", amount: "£77,000" })).status).toBe(302);
    expect((await send(reportedAction, path, pm.token, params, { intent: "update", id: row.id, version: "1", financialYear: "2021-22", measure: "shortfall", amount: "£1" })).status).toBe(409);
    const [after] = await t.db.select().from(reportedFigure).where(eq(reportedFigure.id, row.id));
    expect(after.amountPence).toBe(7_700_000);
  });
});

describe("CSV export", () => {
  it("downloads the year table and the months, to the penny", async () => {
    const { a, pm, stream } = await setup();
    await createReportedFigure(t.db, a.id, 2021, 7_778_600);
    const years = await get(exportLoader, `/a/${a.slug}/funding/export?table=years&asOf=2025-01-01`, pm.token, { slug: a.slug });
    expect(years.status).toBe(200);
    expect(years.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(years.headers.get("Content-Disposition")).toBe(`attachment; filename="${a.slug}-funding-financial-years-2025-01-01.csv"`);
    const lines = (years.data as string).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(
      "Financial year,Cost (£),Grant (£),Shortfall (£),Agreed contributions (£),Proposed contributions (£),Remaining gap (£),Not covered even if proposed are agreed (£),Reported shortfall (£),Cost basis",
    );
    expect(lines).toContain("2021-22,600000,495000,105000,0,0,105000,105000,77786,establishment");
    const academic = await get(exportLoader, `/a/${a.slug}/funding/export?table=years&view=academic&asOf=2025-01-01`, pm.token, { slug: a.slug });
    expect(academic.data as string).toContain("2021/22,600000,420000,180000");
    const months = await get(exportLoader, `/a/${a.slug}/funding/export?table=months&asOf=2025-01-01`, pm.token, { slug: a.slug });
    const monthLines = (months.data as string).trim().split("\r\n");
    expect(monthLines[0]).toContain(`of which ${stream.name} (£)`);
    expect(monthLines).toContain("2021-09,2021-22,2021/22,50000,35000,35000,15000");
  });
});
