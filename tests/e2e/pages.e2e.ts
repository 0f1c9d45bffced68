import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { financialQuarterOf, londonDate } from "~/domain/dates";
import { quarterSlug } from "~/domain/reports";
import { appointment, authority, charterVersion, hub, milestone, outcomeIndicator, outcomeObservation, post, raidItem } from "../../db/schema";
import { useRunningApp } from "./support/app";
import { browserMissing, openPage } from "./support/browser";

/**
 * Every page, loaded in full with JavaScript on: it must answer 200 and hydrate without a single
 * console error (a server/browser mismatch shows up only on a full load, not after client-side
 * navigation).
 */
const run = useRunningApp();

async function walsallIds() {
  const [p] = await run.app.handle.db.select({ id: post.id }).from(post).where(eq(post.reference, "WAL-FS-01"));
  const [a] = await run.app.handle.db.select({ id: appointment.id }).from(appointment).where(eq(appointment.postId, p.id));
  const [w] = await run.app.handle.db.select({ id: authority.id }).from(authority).where(eq(authority.slug, "walsall"));
  const [m] = await run.app.handle.db.select({ id: milestone.id }).from(milestone).where(and(eq(milestone.authorityId, w.id), eq(milestone.title, "Ofsted visit")));
  const [r] = await run.app.handle.db.select({ id: raidItem.id }).from(raidItem).where(eq(raidItem.authorityId, w.id)).limit(1);
  const [h] = await run.app.handle.db.select({ id: hub.id }).from(hub).where(and(eq(hub.authorityId, w.id), eq(hub.name, "Darlaston")));
  const [cp] = await run.app.handle.db.select({ id: outcomeIndicator.id }).from(outcomeIndicator).where(eq(outcomeIndicator.key, "cp-plans"));
  const [o] = await run.app.handle.db.select({ id: outcomeObservation.id }).from(outcomeObservation).where(and(eq(outcomeObservation.authorityId, w.id), eq(outcomeObservation.indicatorId, cp.id))).limit(1);
  return { postId: p.id, appointmentId: a.id, milestoneId: m.id, raidItemId: r.id, hubId: h.id, cpIndicatorId: cp.id, observationId: o.id };
}

describe.skipIf(browserMissing)("every page hydrates cleanly", () => {
  it("as Walsall's programme manager", async () => {
    const { postId, appointmentId, milestoneId, raidItemId, hubId } = await walsallIds();
    const pages = [
      "/",
      "/account",
      "/account/api-tokens",
      "/a/walsall",
      "/a/walsall?asOf=2020-09-01",
      "/a/walsall/workforce",
      "/a/walsall/workforce?asOf=2022-03-01",
      "/a/walsall/workforce/posts",
      "/a/walsall/workforce/posts?show=all",
      "/a/walsall/workforce/posts/new",
      `/a/walsall/workforce/posts/${postId}`,
      `/a/walsall/workforce/posts/${postId}/edit`,
      `/a/walsall/workforce/posts/${postId}/holders/${appointmentId}`,
      "/a/walsall/workforce/teams",
      "/a/walsall/plan",
      "/a/walsall/plan?asOf=2021-09-15",
      "/a/walsall/plan/workstreams",
      "/a/walsall/plan/milestones/new",
      `/a/walsall/plan/milestones/${milestoneId}`,
      `/a/walsall/plan/milestones/${milestoneId}/edit`,
      "/a/walsall/plan/raid",
      "/a/walsall/plan/raid?sort=review&show=all",
      "/a/walsall/plan/raid/new?kind=issue",
      `/a/walsall/plan/raid/${raidItemId}`,
      `/a/walsall/plan/raid/${raidItemId}/edit`,
      "/a/walsall/plan/timeline",
      "/a/walsall/hubs",
      "/a/walsall/hubs/new",
      `/a/walsall/hubs/${hubId}`,
      `/a/walsall/hubs/${hubId}/edit`,
      "/a/walsall/reports",
      `/a/walsall/reports/quarterly/${quarterSlug(financialQuarterOf(londonDate(new Date())))}`,
      "/a/walsall/reports/quarterly/2021-Q2",
      "/a/walsall/reports/committee",
      "/a/walsall/reports/committee?asOf=2022-03-31",
      "/a/walsall/settings",
      "/a/walsall/settings/people",
      "/a/walsall/settings/audit",
      "/a/walsall/settings/go-live",
      "/dev/outbox",
    ];
    const { page, context, errors } = await openPage(run.browser, { javaScript: true, baseURL: run.app.url, session: await run.app.sessionCookie("pm.walsall@example.com") });
    const failures: string[] = [];
    for (const url of pages) {
      errors.length = 0;
      const res = await page.goto(url, { waitUntil: "networkidle" });
      if (res?.status() !== 200) failures.push(`${url}: ${res?.status()}`);
      if (errors.length) failures.push(`${url}: ${errors.join(" | ")}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });

  it("as Walsall's programme manager: outcomes", async () => {
    const { cpIndicatorId, observationId } = await walsallIds();
    const { page, context, errors } = await openPage(run.browser, { javaScript: true, baseURL: run.app.url, session: await run.app.sessionCookie("pm.walsall@example.com") });
    const failures: string[] = [];
    for (const url of [
      "/a/walsall/outcomes",
      "/a/walsall/outcomes?asOf=2022-06-30",
      `/a/walsall/outcomes/indicators/${cpIndicatorId}`,
      `/a/walsall/outcomes/figures/${observationId}`,
      "/a/walsall/outcomes/indicators/new",
      "/a/walsall/outcomes/population",
      "/a/walsall/outcomes/import",
    ]) {
      errors.length = 0;
      const res = await page.goto(url, { waitUntil: "networkidle" });
      if (res?.status() !== 200) failures.push(`${url}: ${res?.status()}`);
      if (errors.length) failures.push(`${url}: ${errors.join(" | ")}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });

  it("as Dudley's programme manager: the partnership", async () => {
    const [dudley] = await run.app.handle.db.select({ id: authority.id }).from(authority).where(eq(authority.slug, "dudley"));
    const [version] = await run.app.handle.db.select({ id: charterVersion.id }).from(charterVersion).where(eq(charterVersion.authorityId, dudley.id));
    const { page, context, errors } = await openPage(run.browser, { javaScript: true, baseURL: run.app.url, session: await run.app.sessionCookie("pm.dudley@example.com") });
    const failures: string[] = [];
    for (const url of [
      "/a/dudley/partnership",
      "/a/dudley/partnership/board",
      "/a/dudley/partnership/meetings",
      "/a/dudley/partnership/charter/new",
      `/a/dudley/partnership/charter/${version.id}`,
      `/a/dudley/partnership/charter/${version.id}/certificate`,
    ]) {
      errors.length = 0;
      const res = await page.goto(url, { waitUntil: "networkidle" });
      if (res?.status() !== 200) failures.push(`${url}: ${res?.status()}`);
      if (errors.length) failures.push(`${url}: ${errors.join(" | ")}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });

  it("as a national admin", async () => {
    const { page, context, errors } = await openPage(run.browser, { javaScript: true, baseURL: run.app.url, session: await run.app.sessionCookie("national.admin@example.com") });
    const failures: string[] = [];
    for (const url of ["/", "/national", "/national/settings", "/national/audit", "/national/authorities/new", "/national/indicators", "/national/comparison", "/national/comparison?status=live&sort=gap-this&dir=desc", "/national/compare", "/national/compare?authorities=walsall,dudley,telford-and-wrekin&measure=shortfall&axis=golive", "/a/dudley", "/a/telford-and-wrekin/workforce", "/a/dudley/plan", "/a/dudley/plan/timeline", "/a/dudley/outcomes", "/a/dudley/reports/committee"]) {
      errors.length = 0;
      const res = await page.goto(url, { waitUntil: "networkidle" });
      if (res?.status() !== 200) failures.push(`${url}: ${res?.status()}`);
      if (errors.length) failures.push(`${url}: ${errors.join(" | ")}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });
});
