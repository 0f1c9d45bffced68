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

  it("every link on those pages leads somewhere its reader may go", async () => {
    // A link to a page the reader is refused (403/404) or that fails is a dead end: e.g. a
    // viewer's link to a form only editors may open, or to a draft only the programme team sees.
    // Each kind of link is followed once per account (ids, quarters and dates stand for any).
    const kind = (url: string) => url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id").replace(/\d{4}-Q\d/g, ":quarter").replace(/\d{4}-\d\d-\d\d/g, ":date");
    const failures: string[] = [];
    for (const group of await sweepPages(run.app)) {
      const session = group.account ? await run.app.sessionCookie(group.account) : undefined;
      const { page, context } = await openPage(run.browser, { javaScript: false, baseURL: run.app.url, session });
      const followed = new Set<string>();
      for (const url of group.urls) {
        await page.goto(url);
        const hrefs = await page.$$eval("a[href^='/']", (links) => links.map((a) => a.getAttribute("href")!));
        for (const href of hrefs.map((h) => h.split("#")[0])) {
          if (!href || href === "/sign-out" || followed.has(kind(href))) continue;
          followed.add(kind(href));
          const res = await context.request.get(href, { maxRedirects: 0 });
          if (res.status() >= 400) failures.push(`${group.label}: ${url} links to ${href}: ${res.status()}`);
        }
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
