import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSTREAMS } from "~/domain/plan";
import { createAuthority as createAuthorityService } from "~/services/authorities/create-authority.server";
import { loader as hubLoader } from "~/routes/a.$slug.hubs.$hubId._index";
import { action as editHubAction } from "~/routes/a.$slug.hubs.$hubId.edit";
import { loader as hubsLoader } from "~/routes/a.$slug.hubs._index";
import { action as newHubAction } from "~/routes/a.$slug.hubs.new";
import { loader as planLoader } from "~/routes/a.$slug.plan._index";
import { loader as exportLoader } from "~/routes/a.$slug.plan.export";
import { action as milestoneAction, loader as milestoneLoader } from "~/routes/a.$slug.plan.milestones.$milestoneId._index";
import { action as editMilestoneAction, loader as editMilestoneLoader } from "~/routes/a.$slug.plan.milestones.$milestoneId.edit";
import { action as newMilestoneAction } from "~/routes/a.$slug.plan.milestones.new";
import { loader as raidItemLoader } from "~/routes/a.$slug.plan.raid.$itemId._index";
import { action as editRaidAction } from "~/routes/a.$slug.plan.raid.$itemId.edit";
import { loader as registerLoader } from "~/routes/a.$slug.plan.raid._index";
import { action as newRaidAction } from "~/routes/a.$slug.plan.raid.new";
import { loader as timelineLoader } from "~/routes/a.$slug.plan.timeline";
import { action as workstreamsAction, loader as workstreamsLoader } from "~/routes/a.$slug.plan.workstreams";
import { countQueries } from "../../db/client";
import { auditEvent, authority, hub, milestone, raidItem, workstream } from "../../db/schema";
import { createAuthority, createHub, createMilestone, createRaidItem, createSignedInUser, createTeam, firstWorkstream } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { call, getRequest, postRequest, type Outcome } from "../helpers/requests";

const t = useTestDatabase();
const TODAY = "2021-07-15";
const ctx = () => testContext(t.db, { now: () => new Date(`${TODAY}T12:00:00Z`) });

async function setup(role: "programme-manager" | "contributor" | "viewer" = "contributor", overrides: Parameters<typeof createAuthority>[1] = {}) {
  const a = await createAuthority(t.db, overrides);
  const u = await createSignedInUser(t.db, { authorityId: a.id, role });
  return { a, token: u.token, user: u.user, ws: await firstWorkstream(t.db, a.id) };
}

type Handler = Parameters<typeof call>[0];
const get = (handler: Handler, url: string, params: Record<string, string>, token: string) => call(handler, getRequest(url, { token }), params, ctx());
const post = (handler: Handler, url: string, params: Record<string, string>, token: string, form: Record<string, string | string[]>) =>
  call(handler, postRequest(url, form, { token }), params, ctx());
const errors = (o: Outcome) => (o.data as { error: Record<string, string[]> }).error;
const audits = (entityId: string) => t.db.select().from(auditEvent).where(eq(auditEvent.entityId, entityId)).orderBy(asc(auditEvent.id));

type Overview = Awaited<ReturnType<typeof planLoader>>;

describe("plan overview", () => {
  it("derives each milestone's status and slippage at the as-of date, with counts and the top risks", async () => {
    const { a, token, ws } = await setup("viewer");
    await createMilestone(t.db, ws, { title: "Done on time", dueDate: "2021-06-30", doneOn: "2021-06-28" });
    await createMilestone(t.db, ws, { title: "Done late", dueDate: "2021-06-30", doneOn: "2021-07-05" });
    await createMilestone(t.db, ws, { title: "Slipped and overdue", dueDate: "2021-07-10", baselineDueDate: "2021-06-30" });
    await createMilestone(t.db, ws, { title: "Due soon", dueDate: "2021-08-01" });
    await createMilestone(t.db, ws, { title: "On track", dueDate: "2021-12-01" });
    await createMilestone(t.db, ws, { title: "Unscheduled", dueDate: null });
    await createRaidItem(t.db, a.id, { title: "Small", likelihood: 1, impact: 2 });
    await createRaidItem(t.db, a.id, { title: "Big", likelihood: 4, impact: 5 });
    await createRaidItem(t.db, a.id, { kind: "issue", title: "Happened", impact: 3 });
    await createRaidItem(t.db, a.id, { title: "Closed", likelihood: 5, impact: 5, status: "closed", closedOn: "2021-07-01" });

    const view = async (asOf: string) => {
      const res = await get(planLoader, `/a/${a.slug}/plan?asOf=${asOf}`, { slug: a.slug }, token);
      expect(res.status).toBe(200);
      return res.data as Overview;
    };
    const d = await view("2021-07-15");
    const own = d.workstreams.find((w) => w.id === ws.id)!;
    expect(own.milestones.map((m) => [m.title, m.status, m.slippageDays])).toEqual([
      ["Done late", "done-late", 5],
      ["Done on time", "done", -2],
      ["Slipped and overdue", "overdue", 10],
      ["Due soon", "due-soon", 0],
      ["On track", "on-track", 0],
      ["Unscheduled", "not-scheduled", null],
    ]);
    expect(d.counts).toMatchObject({ total: 6, done: 1, "done-late": 1, overdue: 1, "due-soon": 1, "on-track": 1, "not-scheduled": 1 });
    expect(d.topRaid.map((i) => [i.reference, i.title, i.score, i.rating])).toEqual([
      ["R2", "Big", 20, "high"],
      ["I1", "Happened", 15, "high"],
      ["R1", "Small", 2, "low"],
    ]);
    expect(d).toMatchObject({ openRisks: 2, openIssues: 1, highRated: 2, canEdit: false });
    // The same plan a month earlier: nothing done yet, the closed risk still open.
    const earlier = await view("2021-06-15");
    expect(earlier.workstreams.find((w) => w.id === ws.id)!.milestones.map((m) => m.status)).toEqual(["due-soon", "due-soon", "due-soon", "on-track", "on-track", "not-scheduled"]);
    expect(earlier.topRaid[0]).toMatchObject({ title: "Closed", score: 25 });
    // The default workstreams are all there, in order.
    expect(d.workstreams.map((w) => w.name)).toEqual(DEFAULT_WORKSTREAMS.map((w) => w.name));
  });

  it("answers with the same number of queries for ten times the milestones, hubs, risks and issues", async () => {
    const make = async (n: number) => {
      const { a, token, ws } = await setup("viewer");
      for (let i = 0; i < n; i++) {
        await createMilestone(t.db, ws, { title: `M${i}`, dueDate: `2021-0${(i % 9) + 1}-15` });
        await createHub(t.db, a.id, { name: `Hub ${i}` });
        await createRaidItem(t.db, a.id, { title: `R${i}`, reviewDate: "2021-07-01" });
        await createRaidItem(t.db, a.id, { kind: "issue", title: `I${i}` });
      }
      return { a, token };
    };
    const small = await make(2);
    const large = await make(20);
    for (const [handler, path] of [
      [planLoader, "/plan"],
      [registerLoader, "/plan/raid?show=all&sort=review"],
      [hubsLoader, "/hubs"],
      [timelineLoader, "/plan/timeline"],
      [workstreamsLoader, "/plan/workstreams"],
    ] as const) {
      const run = async (x: { a: { slug: string }; token: string }) => (await countQueries(() => get(handler, `/a/${x.a.slug}${path}`, { slug: x.a.slug }, x.token))).queries;
      const q1 = await run(small);
      expect(q1).toBeGreaterThan(0);
      expect(await run(large)).toBe(q1);
    }
  });
});

describe("milestones", () => {
  it("adds a milestone (the baseline is the due date), audited, and shows it on the plan", async () => {
    const { a, token, ws } = await setup();
    const res = await post(newMilestoneAction, `/a/${a.slug}/plan/milestones/new`, { slug: a.slug }, token, {
      workstreamId: ws.id,
      title: "Board signs the charter",
      owner: "Chair",
      dueDate: "2021-08-31",
    });
    expect(res.status).toBe(302);
    const [m] = await t.db.select().from(milestone).where(eq(milestone.authorityId, a.id));
    expect(m).toMatchObject({ title: "Board signs the charter", owner: "Chair", dueDate: "2021-08-31", baselineDueDate: "2021-08-31", doneOn: null, version: 1 });
    const [created] = await audits(m.id);
    expect(created).toMatchObject({
      action: "milestone.created",
      entityType: "milestone",
      before: null,
      after: expect.objectContaining({ title: "Board signs the charter", baselineDueDate: "2021-08-31" }),
    });
    const plan = (await get(planLoader, `/a/${a.slug}/plan`, { slug: a.slug }, token)).data as Overview;
    expect(plan.workstreams[0].milestones).toEqual([expect.objectContaining({ title: "Board signs the charter", status: "on-track" })]);
  });

  it("shows errors beside the fields and writes nothing: missing title, bad date, a done date in the future, a foreign workstream", async () => {
    const { a, token, ws } = await setup();
    const url = `/a/${a.slug}/plan/milestones/new`;
    const bad = await post(newMilestoneAction, url, { slug: a.slug }, token, { dueDate: "2021-02-30" });
    expect(bad.status).toBe(400);
    expect(errors(bad)).toMatchObject({ workstreamId: ["Select the workstream"], title: ["Enter the milestone"], dueDate: ["The due date must be a real date"] });
    // A baseline after the due date is fine (brought forward); a done date in the future is not.
    const future = await post(newMilestoneAction, url, { slug: a.slug }, token, {
      workstreamId: ws.id,
      title: "X",
      dueDate: "2021-07-01",
      baselineDueDate: "2021-09-01",
      doneOn: "2021-07-16",
    });
    expect(future.status).toBe(422);
    expect(errors(future)).toEqual({ doneOn: ["The done date cannot be in the future"] });
    expect((future.data as { initialValue: Record<string, string> }).initialValue).toMatchObject({ title: "X", doneOn: "2021-07-16" });
    const other = await createAuthority(t.db);
    const foreign = await post(newMilestoneAction, url, { slug: a.slug }, token, { workstreamId: (await firstWorkstream(t.db, other.id)).id, title: "X" });
    expect(foreign.status).toBe(422);
    expect(errors(foreign)).toEqual({ workstreamId: ["Choose one of the authority's workstreams"] });
    expect(await t.db.select().from(milestone).where(eq(milestone.authorityId, a.id))).toEqual([]);
    // Today itself is fine.
    const today = await post(newMilestoneAction, url, { slug: a.slug }, token, {
      workstreamId: ws.id,
      title: "X",
      dueDate: "2021-07-01",
      baselineDueDate: "2021-09-01",
      doneOn: TODAY,
    });
    expect(today.status).toBe(302);
  });

  it("saves an edit with its changes audited before and after, refuses a stale version with the input kept, and lists the history", async () => {
    const { a, token, ws } = await setup();
    const m = await createMilestone(t.db, ws, { title: "Peer review", dueDate: "2021-06-30" });
    const url = `/a/${a.slug}/plan/milestones/${m.id}/edit`;
    const params = { slug: a.slug, milestoneId: m.id };
    const form = (o: Record<string, string>) => ({ version: "1", workstreamId: ws.id, title: "Peer review", dueDate: "2021-06-30", baselineDueDate: "2021-06-30", ...o });
    const loaded = await get(editMilestoneLoader, url, params, token);
    expect(loaded.data).toMatchObject({ version: 1, values: { title: "Peer review", dueDate: "2021-06-30", doneOn: "" } });

    expect((await post(editMilestoneAction, url, params, token, form({ dueDate: "2021-07-31", owner: "Head of service" }))).status).toBe(302);
    const stale = await post(editMilestoneAction, url, params, token, form({ title: "Peer review by Hertfordshire" }));
    expect(stale.status).toBe(409);
    expect((stale.data as { initialValue: Record<string, string> }).initialValue.title).toBe("Peer review by Hertfordshire");
    expect((stale.data as { error: Record<string, string[]> }).error[""]?.[0]).toMatch(/Someone else changed this milestone/);
    const [now] = await t.db.select().from(milestone).where(eq(milestone.id, m.id));
    expect(now).toMatchObject({ title: "Peer review", dueDate: "2021-07-31", baselineDueDate: "2021-06-30", owner: "Head of service", version: 2 });

    const updated = (await audits(m.id)).find((e) => e.action === "milestone.updated")!;
    expect(updated.before).toEqual({ dueDate: "2021-06-30", owner: null });
    expect(updated.after).toEqual({ dueDate: "2021-07-31", owner: "Head of service" });

    // Marked done: a separate intent, version-checked, future refused.
    const detail = `/a/${a.slug}/plan/milestones/${m.id}`;
    const tomorrow = await post(milestoneAction, detail, params, token, { version: "2", doneOn: "2021-07-16" });
    expect(errors(tomorrow)).toEqual({ doneOn: ["The done date cannot be in the future"] });
    expect((await post(milestoneAction, detail, params, token, { version: "1", doneOn: "2021-07-14" })).status).toBe(409);
    expect((await post(milestoneAction, detail, params, token, { version: "2", doneOn: "2021-07-14" })).status).toBe(302);

    const page = (await get(milestoneLoader, detail, params, token)).data as Awaited<ReturnType<typeof milestoneLoader>>;
    expect(page.milestone).toMatchObject({ status: "done", slippageDays: 14, doneBy: "2021-07-14" });
    expect(page.history.map((h) => [h.action, h.before, h.after])).toEqual([
      ["milestone.done", { doneOn: null }, { doneOn: "2021-07-14" }],
      ["milestone.updated", { dueDate: "2021-06-30", owner: null }, { dueDate: "2021-07-31", owner: "Head of service" }],
    ]);
    expect(page.history[0].actorLabel).toMatch(/@example\.test$/);
    expect(page.workstreamNames[ws.id]).toBe(ws.name);
  });
});

describe("risks and issues", () => {
  it("adds a risk and an issue, numbered, scored and audited", async () => {
    const { a, token } = await setup();
    const url = `/a/${a.slug}/plan/raid/new`;
    const risk = await post(newRaidAction, url, { slug: a.slug }, token, {
      kind: "risk",
      title: "Workers leave",
      likelihood: "4",
      impact: "4",
      status: "open",
      raisedOn: "2021-07-01",
      reviewDate: "2021-07-10",
    });
    expect(risk.status).toBe(302);
    const issue = await post(newRaidAction, url, { slug: a.slug }, token, {
      kind: "issue",
      title: "Hub late",
      likelihood: "2",
      impact: "3",
      status: "open",
      raisedOn: "2021-07-01",
    });
    expect(issue.status).toBe(302);
    const rows = await t.db.select().from(raidItem).where(eq(raidItem.authorityId, a.id)).orderBy(asc(raidItem.kind));
    expect(rows.map((r) => [r.kind, r.number, r.likelihood, r.impact])).toEqual([
      ["issue", 1, null, 3],
      ["risk", 1, 4, 4],
    ]);
    const register = (await get(registerLoader, `/a/${a.slug}/plan/raid`, { slug: a.slug }, token)).data as Awaited<ReturnType<typeof registerLoader>>;
    expect(register.risks).toEqual([expect.objectContaining({ reference: "R1", score: 16, rating: "high", reviewOverdue: true })]);
    expect(register.issues).toEqual([expect.objectContaining({ reference: "I1", score: 15, rating: "high", reviewOverdue: false })]);
    expect((await audits(rows[1].id)).map((e) => e.action)).toEqual(["raid-item.created"]);
  });

  it("validates beside the fields: likelihood for a risk, closed dates", async () => {
    const { a, token } = await setup();
    const url = `/a/${a.slug}/plan/raid/new`;
    const base = { kind: "risk", title: "A risk", impact: "3", status: "open", raisedOn: "2021-07-01" };
    const noLikelihood = await post(newRaidAction, url, { slug: a.slug }, token, base);
    expect(noLikelihood.status).toBe(400);
    expect(errors(noLikelihood)).toEqual({ likelihood: ["Select the likelihood"] });
    const badScale = await post(newRaidAction, url, { slug: a.slug }, token, { ...base, likelihood: "6", impact: "0" });
    expect(errors(badScale)).toMatchObject({ likelihood: ["Select the likelihood"], impact: ["Select the impact"] });
    const openWithDate = await post(newRaidAction, url, { slug: a.slug }, token, { ...base, likelihood: "2", closedOn: "2021-07-02" });
    expect(openWithDate.status).toBe(422);
    expect(errors(openWithDate)).toEqual({ closedOn: ["Remove the closed date, or mark it closed"] });
    const before = await post(newRaidAction, url, { slug: a.slug }, token, { ...base, likelihood: "2", status: "closed", closedOn: "2021-06-30" });
    expect(errors(before)).toEqual({ closedOn: ["The closed date must be on or after the date raised"] });
    const future = await post(newRaidAction, url, { slug: a.slug }, token, { ...base, likelihood: "2", raisedOn: "2021-08-01" });
    expect(errors(future)).toEqual({ raisedOn: ["The date raised cannot be in the future"] });
    expect(await t.db.select().from(raidItem).where(eq(raidItem.authorityId, a.id))).toEqual([]);
    // Closed without a date: closed today.
    expect((await post(newRaidAction, url, { slug: a.slug }, token, { ...base, likelihood: "2", status: "closed" })).status).toBe(302);
    const [closed] = await t.db.select().from(raidItem).where(eq(raidItem.authorityId, a.id));
    expect(closed).toMatchObject({ status: "closed", closedOn: TODAY });
  });

  it("sorts the register by score or review date and filters open and closed, from the query string", async () => {
    const { a, token } = await setup("viewer");
    await createRaidItem(t.db, a.id, { title: "Low, soon", likelihood: 1, impact: 2, reviewDate: "2021-07-20" });
    await createRaidItem(t.db, a.id, { title: "High, later", likelihood: 5, impact: 4, reviewDate: "2021-09-01" });
    await createRaidItem(t.db, a.id, { title: "Closed", likelihood: 3, impact: 3, status: "closed", closedOn: "2021-07-01" });
    await createRaidItem(t.db, a.id, { kind: "issue", title: "Resolved", impact: 2, status: "closed", closedOn: "2021-07-02" });
    const titles = async (query: string) => {
      const d = (await get(registerLoader, `/a/${a.slug}/plan/raid${query}`, { slug: a.slug }, token)).data as Awaited<ReturnType<typeof registerLoader>>;
      return [...d.risks, ...d.issues].map((i) => i.title);
    };
    expect(await titles("")).toEqual(["High, later", "Low, soon"]);
    expect(await titles("?sort=review")).toEqual(["Low, soon", "High, later"]);
    expect(await titles("?show=closed")).toEqual(["Closed", "Resolved"]);
    expect(await titles("?show=all&sort=score")).toEqual(["High, later", "Closed", "Low, soon", "Resolved"]);
    expect(await titles("?show=open&asOf=2021-06-30")).toEqual(["High, later", "Closed", "Low, soon", "Resolved"]);
    expect(await titles("?sort=nonsense&show=nonsense")).toEqual(["High, later", "Low, soon"]);
  });

  it("edits with a version check and shows the item's history, before and after, who and when", async () => {
    const { a, token, user } = await setup();
    const r = await createRaidItem(t.db, a.id, { title: "Funding shortfall", likelihood: 4, impact: 5 });
    const url = `/a/${a.slug}/plan/raid/${r.id}/edit`;
    const params = { slug: a.slug, itemId: r.id };
    const form = (o: Record<string, string>) => ({
      version: "1",
      kind: "risk",
      title: "Funding shortfall",
      likelihood: "4",
      impact: "5",
      status: "open",
      raisedOn: "2021-01-04",
      ...o,
    });
    expect((await post(editRaidAction, url, params, token, form({ likelihood: "3", mitigation: "Partners contribute" }))).status).toBe(302);
    const stale = await post(editRaidAction, url, params, token, form({ status: "closed", closedOn: "2021-07-01" }));
    expect(stale.status).toBe(409);
    expect((stale.data as { initialValue: Record<string, string> }).initialValue).toMatchObject({ status: "closed", closedOn: "2021-07-01" });
    // Posting "issue" does not turn a risk into one, nor lose its likelihood.
    const sneaky = await post(editRaidAction, url, params, token, { ...form({ version: "2", kind: "issue" }), likelihood: "" });
    expect(sneaky.status).toBe(422);
    expect(errors(sneaky)).toEqual({ likelihood: ["Select the likelihood"] });
    expect(
      (await post(editRaidAction, url, params, token, form({ version: "2", likelihood: "3", mitigation: "Partners contribute", status: "closed", closedOn: "2021-07-01" }))).status,
    ).toBe(302);

    const page = (await get(raidItemLoader, `/a/${a.slug}/plan/raid/${r.id}`, params, token)).data as Awaited<ReturnType<typeof raidItemLoader>>;
    expect(page.item).toMatchObject({ reference: "R1", score: 15, rating: "high", statusLabel: "Closed", open: false });
    expect(page.history.map((h) => [h.action, h.actorLabel, h.before, h.after])).toEqual([
      ["raid-item.updated", user.email, { status: "open", closedOn: null }, { status: "closed", closedOn: "2021-07-01" }],
      ["raid-item.updated", user.email, { likelihood: 4, mitigation: null }, { likelihood: 3, mitigation: "Partners contribute" }],
    ]);
    expect(page.history[0].occurredAt).toMatch(/\d{4} at \d/);
  });
});

describe("hubs", () => {
  it("adds a hub linked to a team, shows its status and slippage, and edits it with a version check", async () => {
    const { a, token } = await setup();
    const team = await createTeam(t.db, a.id, "Darlaston");
    const res = await post(newHubAction, `/a/${a.slug}/hubs/new`, { slug: a.slug }, token, {
      name: "Darlaston",
      teamId: team.id,
      plannedOpening: "2021-04-01",
      forecastOpening: "2021-09-01",
      coLocatedServices: "Early Help\nBlack Country Women's Aid\nDWP",
    });
    expect(res.status).toBe(302);
    const [h] = await t.db.select().from(hub).where(eq(hub.authorityId, a.id));
    expect(h.coLocatedServices).toEqual(["Early Help", "Black Country Women's Aid", "DWP"]);
    const list = async (asOf: string) => ((await get(hubsLoader, `/a/${a.slug}/hubs?asOf=${asOf}`, { slug: a.slug }, token)).data as Awaited<ReturnType<typeof hubsLoader>>).hubs;
    expect(await list("2021-07-01")).toEqual([expect.objectContaining({ name: "Darlaston", locality: "Darlaston", status: "slipping", slippageDays: 153 })]);

    const url = `/a/${a.slug}/hubs/${h.id}/edit`;
    const params = { slug: a.slug, hubId: h.id };
    const form = { version: "1", name: "Darlaston", teamId: team.id, plannedOpening: "2021-04-01", forecastOpening: "2021-09-01", coLocatedServices: "Early Help; DWP" };
    expect(errors(await post(editHubAction, url, params, token, { ...form, actualOpening: "2021-09-01" }))).toEqual({
      actualOpening: ["The actual opening cannot be in the future"],
    });
    expect((await post(editHubAction, url, params, token, { ...form, actualOpening: "2021-07-12" })).status).toBe(302);
    expect((await post(editHubAction, url, params, token, { ...form, notes: "Late" })).status).toBe(409);
    expect(await list(TODAY)).toEqual([expect.objectContaining({ status: "open", slippageDays: 102 })]);
    const page = (await get(hubLoader, `/a/${a.slug}/hubs/${h.id}`, params, token)).data as Awaited<ReturnType<typeof hubLoader>>;
    expect(page.history.map((e) => [e.action, e.before, e.after])).toEqual([
      [
        "hub.updated",
        { actualOpening: null, coLocatedServices: ["Early Help", "Black Country Women's Aid", "DWP"] },
        { actualOpening: "2021-07-12", coLocatedServices: ["Early Help", "DWP"] },
      ],
      ["hub.created", null, expect.objectContaining({ name: "Darlaston", teamId: team.id })],
    ]);
  });

  it("refuses another authority's team and a duplicate name", async () => {
    const { a, token } = await setup();
    const other = await createAuthority(t.db);
    const theirs = await createTeam(t.db, other.id, "Theirs");
    const foreign = await post(newHubAction, `/a/${a.slug}/hubs/new`, { slug: a.slug }, token, { name: "Hub", teamId: theirs.id });
    expect(errors(foreign)).toEqual({ teamId: ["Choose one of the authority's teams"] });
    await createHub(t.db, a.id, { name: "Blakenall" });
    expect(errors(await post(newHubAction, `/a/${a.slug}/hubs/new`, { slug: a.slug }, token, { name: "Blakenall" }))).toEqual({ name: ["There is already a hub with this name"] });
  });
});

describe("workstreams", () => {
  it("adds, renames with a version check, refuses duplicates and reorders, every change audited", async () => {
    const { a, token } = await setup();
    const url = `/a/${a.slug}/plan/workstreams`;
    const params = { slug: a.slug };
    expect((await post(workstreamsAction, url, params, token, { intent: "add", name: "Leadership development", lead: "Director" })).status).toBe(302);
    const names = async () => (await t.db.select().from(workstream).where(eq(workstream.authorityId, a.id)).orderBy(asc(workstream.sortOrder))).map((w) => w.name);
    expect((await names()).at(-1)).toBe("Leadership development");
    expect(errors(await post(workstreamsAction, url, params, token, { intent: "add", name: "Finance" }))).toEqual({ name: ["There is already a workstream with this name"] });

    const [training] = await t.db
      .select()
      .from(workstream)
      .where(and(eq(workstream.authorityId, a.id), eq(workstream.name, "Training")));
    const rename = (version: string, name: string) =>
      post(workstreamsAction, url, params, token, { intent: "update", workstreamId: training.id, version, name, lead: "Workforce development manager" });
    expect((await rename("1", "Training and development")).status).toBe(302);
    const stale = await rename("1", "Training (MI and workshops)");
    expect(stale.status).toBe(409);
    expect((stale.data as { initialValue: Record<string, string> }).initialValue.name).toBe("Training (MI and workshops)");

    const move = (id: string, version: string, direction: string) => post(workstreamsAction, url, params, token, { intent: "move", workstreamId: id, version, direction });
    expect((await move(training.id, "2", "up")).status).toBe(302);
    expect((await names()).slice(2, 4)).toEqual(["Training and development", "Workforce and recruitment"]);
    expect((await move(training.id, "2", "down")).status).toBe(409);
    const moved = (await audits(training.id)).map((e) => [e.action, e.before, e.after]);
    expect(moved).toEqual([
      ["workstream.updated", { name: "Training", lead: null }, { name: "Training and development", lead: "Workforce development manager" }],
      ["workstream.moved", { sortOrder: 3 }, { sortOrder: 2 }],
    ]);
    const page = (await get(workstreamsLoader, url, params, token)).data as Awaited<ReturnType<typeof workstreamsLoader>>;
    expect(page.workstreams[2]).toMatchObject({ name: "Training and development", lead: "Workforce development manager", version: 3, milestones: 0 });
  });

  it("gives an authority added by a national admin the default workstreams", async () => {
    const { user } = await createSignedInUser(t.db, { nationalRole: "national-admin" });
    const slug = `new-${Math.random().toString(36).slice(2, 8)}`;
    const created = await createAuthorityService(
      { db: t.db, actor: { userId: user.id, label: user.email }, now: new Date() },
      { slug, name: "New", region: "London", cohort: "self-funded" },
    );
    expect(await t.db.select().from(workstream).where(eq(workstream.authorityId, created.id))).toHaveLength(9);
  });
});

describe("access", () => {
  it("lets a viewer read but not change, and answers 404 for another authority's records", async () => {
    const { a, token, ws } = await setup("viewer");
    const m = await createMilestone(t.db, ws);
    const r = await createRaidItem(t.db, a.id);
    expect((await get(milestoneLoader, `/a/${a.slug}/plan/milestones/${m.id}`, { slug: a.slug, milestoneId: m.id }, token)).status).toBe(200);
    expect((await post(milestoneAction, `/a/${a.slug}/plan/milestones/${m.id}`, { slug: a.slug, milestoneId: m.id }, token, { version: "1", doneOn: "2021-07-01" })).status).toBe(
      403,
    );
    expect(
      (
        await post(newRaidAction, `/a/${a.slug}/plan/raid/new`, { slug: a.slug }, token, {
          kind: "risk",
          title: "X",
          likelihood: "1",
          impact: "1",
          status: "open",
          raisedOn: "2021-07-01",
        })
      ).status,
    ).toBe(403);

    // A contributor of another authority: their own slug with this authority's ids finds nothing.
    const other = await setup("contributor");
    const ids = { milestoneId: m.id, itemId: r.id };
    expect((await get(milestoneLoader, `/a/${other.a.slug}/plan/milestones/${m.id}`, { slug: other.a.slug, ...ids }, other.token)).status).toBe(404);
    expect((await get(raidItemLoader, `/a/${other.a.slug}/plan/raid/${r.id}`, { slug: other.a.slug, ...ids }, other.token)).status).toBe(404);
    const edit = await post(editRaidAction, `/a/${other.a.slug}/plan/raid/${r.id}/edit`, { slug: other.a.slug, ...ids }, other.token, {
      version: "1",
      kind: "risk",
      title: "Taken over",
      likelihood: "1",
      impact: "1",
      status: "open",
      raisedOn: "2021-07-01",
    });
    expect(edit.status).toBe(404);
    const done = await post(milestoneAction, `/a/${other.a.slug}/plan/milestones/${m.id}`, { slug: other.a.slug, ...ids }, other.token, { version: "1", doneOn: "2021-07-01" });
    expect(done.status).toBe(404);
    // And this authority's own pages: 404 to them.
    expect((await get(planLoader, `/a/${a.slug}/plan`, { slug: a.slug }, other.token)).status).toBe(404);
    const [unchanged] = await t.db.select().from(raidItem).where(eq(raidItem.id, r.id));
    expect(unchanged).toMatchObject({ title: "A risk", version: 1 });
    expect((await t.db.select().from(milestone).where(eq(milestone.id, m.id)))[0].doneOn).toBeNull();
  });
});

describe("timeline and exports", () => {
  it("lists milestones, hub openings and go-live by financial quarter", async () => {
    const { a, token, ws } = await setup("viewer", { plannedGoLive: "2020-09-01", actualGoLive: "2020-09-01" });
    await t.db.update(authority).set({ dfeConfirmedOn: "2020-08-14" }).where(eq(authority.id, a.id));
    await createMilestone(t.db, ws, { title: "Peer review", dueDate: "2021-06-30", doneOn: "2021-06-30" });
    await createMilestone(t.db, ws, { title: "Ofsted visit", dueDate: "2021-09-30" });
    await createHub(t.db, a.id, { name: "Darlaston", plannedOpening: "2021-04-01", actualOpening: "2021-07-01" });
    await createHub(t.db, a.id, { name: "Unplanned", plannedOpening: null });
    const d = (await get(timelineLoader, `/a/${a.slug}/plan/timeline`, { slug: a.slug }, token)).data as Awaited<ReturnType<typeof timelineLoader>>;
    expect(d.quarters.map((q) => [q.quarter.label, q.entries.map((e) => e.label)])).toEqual([
      ["Q2 2020-21", ["DfE confirmed go-live", "Planned go-live", "Went live"]],
      ["Q1 2021-22", ["Peer review"]],
      ["Q2 2021-22", ["Darlaston hub opens", "Ofsted visit"]],
    ]);
    expect(d.unscheduled.map((e) => e.label)).toEqual(["Unplanned hub opens"]);
  });

  it("downloads milestones, hubs and the register as CSV, with statuses at the as-of date", async () => {
    const { a, token, ws } = await setup("viewer");
    await createMilestone(t.db, ws, { title: "Peer review", dueDate: "2021-06-30", baselineDueDate: "2021-06-15" });
    await createHub(t.db, a.id, { name: "Darlaston", plannedOpening: "2021-04-01", forecastOpening: "2021-09-01", coLocatedServices: ["Early Help", "DWP"] });
    await createRaidItem(t.db, a.id, { title: "Funding, shortfall", likelihood: 4, impact: 5, reviewDate: "2021-07-01" });
    const csv = async (table: string) => {
      const res = await get(exportLoader, `/a/${a.slug}/plan/export?table=${table}&asOf=2021-07-01`, { slug: a.slug }, token);
      expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("Content-Disposition")).toContain(`${a.slug}-`);
      return String(res.data);
    };
    const milestones = await csv("milestones");
    expect(milestones).toContain("Workstream,Milestone,Owner,Due date,Baseline due date,Done on,Status,Slippage (days),Days overdue,Notes");
    expect(milestones).toContain("Partnership,Peer review,,2021-06-30,2021-06-15,,Overdue,15,1,");
    expect(await csv("hubs")).toContain("Darlaston,,2021-04-01,2021-09-01,,Slipping,153,Early Help; DWP,");
    const raid = await csv("raid");
    expect(raid).toContain('R1,Risk,"Funding, shortfall",,,4,5,20,High,,Open,2021-01-04,2021-07-01,no,');
    expect((await get(exportLoader, `/a/${a.slug}/plan/export?table=nope`, { slug: a.slug }, token)).status).toBe(404);
  });
});
