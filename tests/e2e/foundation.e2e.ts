import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

const run = useRunningApp();

describe.skipIf(browserMissing)("home page and an authority's area in Chromium", () => {
  for (const mode of JS_MODES) {
    it(`lists the demo authorities and opens Walsall ${mode.label}`, async () => {
      const session = await run.app.sessionCookie("national.viewer@example.com");
      const { page, context, errors } = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url, session });
      await page.goto("/");
      await expect(page.title()).resolves.toBe("Authorities – Family Safeguarding tracker");
      const names = await page.locator("table tbody th").allTextContents();
      expect(names).toEqual(["Dudley", "Telford and Wrekin", "Walsall"]);
      await expect(page.locator("tr", { hasText: "Walsall" }).textContent()).resolves.toContain("Live since 1 September 2020");

      await page.getByRole("link", { name: "Walsall" }).click();
      await page.waitForURL("**/a/walsall");
      await page.locator("h1", { hasText: "Walsall" }).waitFor();
      await expect(page.getByRole("navigation", { name: "Walsall sections" }).getByRole("link").allTextContents()).resolves.toEqual([
        "Readiness",
        "Workforce",
        "Training",
        "Hubs",
        "Partnership",
        "Funding",
        "Outcomes",
        "Plan",
        "Reports",
        "Settings",
      ]);

      await page.getByRole("link", { name: "Reports" }).click();
      await page.waitForURL("**/a/walsall/reports");
      await page.locator("main", { hasText: "This section is not available yet" }).waitFor();

      expect(errors).toEqual([]);
      const missing = await page.goto("/a/nowhere");
      expect(missing?.status()).toBe(404);
      await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
      await context.close();
    });
  }
});
