import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, openPage } from "./support/browser";
import { routesNotSwept, sweepPages } from "./support/pages";

/**
 * Every page, loaded in full with JavaScript on: it must answer 200 and hydrate without a single
 * console error (a server/browser mismatch shows up only on a full load, not after client-side
 * navigation). The list of pages is shared with the accessibility sweep: support/pages.ts.
 */
const run = useRunningApp();

describe.skipIf(browserMissing)("every page hydrates cleanly", () => {
  it("the sweep has a URL for every page route", async () => {
    expect(routesNotSwept(await sweepPages(run.app))).toEqual([]);
  });

  it("every page of the sweep, as the account that sees it", async () => {
    const failures: string[] = [];
    for (const group of await sweepPages(run.app)) {
      const session = group.account ? await run.app.sessionCookie(group.account) : undefined;
      const { page, context, errors } = await openPage(run.browser, { javaScript: true, baseURL: run.app.url, session });
      for (const url of group.urls) {
        errors.length = 0;
        const res = await page.goto(url, { waitUntil: "networkidle" });
        if (res?.status() !== 200) failures.push(`${group.label}: ${url}: ${res?.status()}`);
        if (errors.length) failures.push(`${group.label}: ${url}: ${errors.join(" | ")}`);
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
