import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

const run = useRunningApp();

// Each mode adds a later figure to Walsall's children on a CP plan (baseline 370 in December 2019,
// child population 67,900): the change since the baseline and the rate per 10,000 follow it.
const FIGURES = [
  { date: "2022-03-31", value: "200", summary: "Down 170 (−45.9%) since the baseline: improving", rates: "54.5 at the baseline, 29.5 latest: −25.0 per 10,000" },
  { date: "2022-04-30", value: "190", summary: "Down 180 (−48.6%) since the baseline: improving", rates: "54.5 at the baseline, 28.0 latest: −26.5 per 10,000" },
];

describe.skipIf(browserMissing)("outcomes in Chromium", () => {
  for (const [i, mode] of JS_MODES.entries()) {
    it(`records a figure, sees the change since the baseline and the rate per 10,000 move, and downloads the figures ${mode.label}`, async () => {
      const f = FIGURES[i];
      const { page, context, errors } = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url, session: await run.app.sessionCookie("contributor.walsall@example.com") });
      await page.goto("/a/walsall");
      await page.getByRole("link", { name: "Outcomes", exact: true }).click();
      await page.getByRole("heading", { name: "Outcomes scorecard" }).waitFor();
      const cpRow = page.locator("#scorecard tbody tr").filter({ has: page.getByRole("link", { name: "Children on a child protection plan", exact: true }) });
      await expect(cpRow.textContent()).resolves.toMatch(/370.*December 2019.*Improving/);

      await cpRow.getByRole("link", { name: "Children on a child protection plan", exact: true }).click();
      await page.getByRole("heading", { name: "Children on a child protection plan", level: 1 }).waitFor();
      if (i === 0) await expect(page.locator("#change-summary").textContent()).resolves.toContain("Down 143 (−38.6%) since the baseline: improving");
      await expect(page.locator("#figures").textContent()).resolves.toMatch(/31 December 2019.*370.*54\.5.*Baseline/);

      // The form refuses a figure without its date, beside the field.
      await page.getByLabel("Figure", { exact: true }).fill(f.value);
      await page.getByRole("button", { name: "Record the figure" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await expect(page.locator("#add-figure-date-error").textContent()).resolves.toContain("Enter the date the count is for");
      await page.getByLabel("Date", { exact: true }).fill(f.date);
      await page.getByLabel("Figure", { exact: true }).fill(f.value);
      await page.getByLabel("Source (optional)").fill("Monthly performance report");
      await page.getByRole("button", { name: "Record the figure" }).click();
      await page.getByText("The figure has been recorded.").waitFor();
      await expect(page.locator("#change-summary").textContent()).resolves.toContain(f.summary);
      await expect(page.locator("main").textContent()).resolves.toContain(f.rates);

      await page.getByRole("link", { name: "Outcomes scorecard" }).first().click();
      await page.getByRole("heading", { name: "Outcomes scorecard" }).waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all figures (CSV)" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^walsall-outcomes-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path())!, "utf8");
      expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("indicator,indicator_name,period_type,unit,period_start,period_end,value,source,notes,baseline");
      expect(csv).toContain(`cp-plans,Children on a child protection plan,snapshot,count,${f.date},${f.date},${f.value},Monthly performance report,,no`);
      expect(csv).toContain("cp-plans,Children on a child protection plan,snapshot,count,2019-12-31,2019-12-31,370,");
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
