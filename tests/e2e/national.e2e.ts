import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";
import { createSyntheticAuthorities } from "../factories/national";

const run = useRunningApp();

describe.skipIf(browserMissing)("national comparison in Chromium", () => {
  for (const mode of JS_MODES) {
    it(`filters and sorts the table, downloads it and compares authorities over time ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(run.browser, {
        javaScript: mode.javaScript,
        baseURL: run.app.url,
        session: await run.app.sessionCookie("national.viewer@example.com"),
      });
      await page.goto("/national");
      await page.getByRole("link", { name: "Compare authorities", exact: true }).click();
      await page.getByRole("heading", { name: "Compare authorities", level: 1 }).waitFor();
      const table = page.locator("#comparison");
      await expect(table.locator("caption").textContent()).resolves.toMatch(/All 3 authorities/);
      const names = () => table.locator("tbody th[scope=row]").allTextContents();
      // With JavaScript the URL changes before the new rows arrive: wait for the rows themselves.
      const rowsAre = async (expected: string[]) => {
        await page.waitForFunction((want) => [...document.querySelectorAll("#comparison tbody th[scope=row]")].map((th) => th.textContent).join("|") === want, expected.join("|"));
        await expect(names()).resolves.toEqual(expected);
      };
      await rowsAre(["Dudley", "Telford and Wrekin", "Walsall"]);
      // A figure below its threshold says so in words, not only by its style.
      await expect(table.locator(".app-below").first().textContent()).resolves.toMatch(/below \d+%/);

      // Filter: the cohort of the SFPC second wave, then only the live ones.
      await page.getByLabel("Cohort").selectOption({ label: "SFPC second wave" });
      await page.getByRole("button", { name: "Show" }).click();
      await page.waitForURL(/cohort=sfpc-wave-2/);
      await rowsAre(["Telford and Wrekin", "Walsall"]);
      await page.getByLabel("Status").selectOption({ label: "Live" });
      await page.getByRole("button", { name: "Show" }).click();
      await page.waitForURL(/status=live/);
      await rowsAre(["Walsall"]);
      await page.getByRole("link", { name: "Clear the filters" }).click();
      await page.waitForURL((url) => !url.search.includes("cohort"));
      await rowsAre(["Dudley", "Telford and Wrekin", "Walsall"]);

      // Sort by name, then the other way; the header says how the table is sorted.
      await table.locator("a[data-sort=name]").click();
      await page.waitForURL(/dir=desc/);
      await rowsAre(["Walsall", "Telford and Wrekin", "Dudley"]);
      await expect(table.locator("th[aria-sort=descending]").textContent()).resolves.toContain("Authority");
      await table.locator("a[data-sort=actual]").click();
      await page.waitForURL(/sort=actual/);
      // Walsall went live in 2020, Dudley in 2023; Telford and Wrekin has no actual date (last).
      await rowsAre(["Walsall", "Dudley", "Telford and Wrekin"]);

      // The CSV holds exactly the rows shown, in the same order.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download these 3 rows/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/^authorities-comparison-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path())!, "utf8");
      const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
      expect(lines[0]).toMatch(/^Authority,Slug,Cohort,Region/);
      expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["Walsall", "Dudley", "Telford and Wrekin"]);

      // Another date with a filter on: "Back to today" drops the date and keeps the filter.
      await page.goto("/national/comparison?cohort=sfpc-wave-2&asOf=2022-01-31");
      await expect(page.getByRole("link", { name: "Back to today" }).getAttribute("href")).resolves.toBe("?cohort=sfpc-wave-2");

      // The compare view: two authorities on one chart, aligned on their go-live days.
      await page.goto("/national/compare");
      await page.getByRole("heading", { name: "Compare authorities over time" }).waitFor();
      await page.getByLabel("Walsall").check();
      await page.getByLabel("Dudley").check();
      await page.getByLabel("Measure").selectOption({ label: "Staff trained in Motivational Interviewing (%)" });
      await page.getByLabel("Months since go-live").check();
      await page.getByRole("button", { name: "Compare" }).click();
      await page.waitForURL(/axis=golive/);
      const figures = page.locator("#compare-table");
      await expect(figures.locator("thead").textContent()).resolves.toMatch(/Dudley.*Walsall|Walsall.*Dudley/);
      await expect(figures.locator("tbody th", { hasText: "Go-live" }).count()).resolves.toBe(1);
      const ranks = page.locator("#ranks");
      await expect(ranks.locator("caption").textContent()).resolves.toContain("among all 3 authorities");
      await expect(ranks.textContent()).resolves.toMatch(/(1st|2nd|3rd) of \d/);
      await expect(ranks.textContent()).resolves.toMatch(/(Top|Second|Third|Bottom) quarter/);
      if (mode.javaScript) await page.locator("canvas").waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

// Last in the file: it adds authorities the tests above do not expect.
describe.skipIf(browserMissing)("national comparison pages in Chromium", () => {
  for (const mode of JS_MODES) {
    it(`shows 50 authorities a page, with numbered pages and all on one page ${mode.label}`, async () => {
      const region = `Paged region ${mode.javaScript ? "js" : "nojs"}`;
      const made = await run.app.maintenance((db) => createSyntheticAuthorities(db, 53, { region, prefix: `Paged ${mode.javaScript ? "js" : "nojs"}` }));
      const names = made.map((a) => a.name).sort((a, b) => a.localeCompare(b));
      const { page, context, errors } = await openPage(run.browser, {
        javaScript: mode.javaScript,
        baseURL: run.app.url,
        session: await run.app.sessionCookie("national.viewer@example.com"),
      });
      await page.goto(`/national/comparison?region=${encodeURIComponent(region)}`);
      const table = page.locator("#comparison");
      await expect(table.locator("caption").textContent()).resolves.toMatch(/^53 of \d+ authorities on .*: 1 to 50$/);
      const rowNames = () => table.locator("tbody th[scope=row]").allTextContents();
      await expect(rowNames()).resolves.toEqual(names.slice(0, 50));
      const pages = page.getByRole("navigation", { name: "Pages of authorities" });
      await expect(pages.getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).resolves.toBe("page");

      await pages.getByRole("link", { name: "Next page" }).click();
      await page.waitForURL(/page=2/);
      await page.waitForFunction(() => document.querySelector("#comparison caption")?.textContent?.endsWith("51 to 53"));
      await expect(rowNames()).resolves.toEqual(names.slice(50));
      await expect(pages.getByRole("link", { name: "Previous page" }).isVisible()).resolves.toBe(true);

      await page.getByRole("link", { name: "Show all 53 on one page" }).click();
      await page.waitForURL(/page=all/);
      await page.waitForFunction(() => document.querySelectorAll("#comparison tbody tr").length === 53);
      await expect(page.getByRole("navigation", { name: "Pages of authorities" }).count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
