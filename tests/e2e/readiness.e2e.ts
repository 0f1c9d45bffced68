import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

const run = useRunningApp();

async function adultFte(page: Page): Promise<{ inPost: number; establishment: number; percent: string }> {
  const card = page.locator("section.app-criterion", { hasText: "Adult specialist workers in post" });
  await card.waitFor();
  const text = (await card.textContent()) ?? "";
  const m = /([\d.]+) of ([\d.]+) FTE/.exec(text)!;
  return { inPost: Number(m[1]), establishment: Number(m[2]), percent: /([\d.]+%)/.exec(text)![1] };
}

describe.skipIf(browserMissing)("readiness in Chromium", () => {
  for (const [i, mode] of JS_MODES.entries()) {
    it(`records a new appointment and the dashboard's adult workers criterion moves ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(run.browser, {
        javaScript: mode.javaScript,
        baseURL: run.app.url,
        session: await run.app.sessionCookie("pm.dudley@example.com"),
      });
      await page.goto("/a/dudley");
      await page.getByRole("heading", { name: "Go-live readiness" }).waitFor();
      const before = await adultFte(page);
      expect(before.establishment).toBe(15);

      // Dudley's health worker posts are vacant: fill one.
      const reference = `DUD-AW-${13 + i}`;
      const start = ["2024-01-08", "2024-02-05"][i];
      const dayBefore = ["2024-01-07", "2024-02-04"][i];
      await page.getByRole("link", { name: "Workforce", exact: true }).click();
      await page.getByRole("heading", { name: "Workforce" }).waitFor();
      await page.getByRole("link", { name: reference }).first().click();
      await page.getByRole("heading", { name: "Record an appointment" }).waitFor();
      const form = page.locator("form", { has: page.getByRole("heading", { name: "Record an appointment" }) });
      await form.getByRole("button", { name: "Record appointment" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter the holder's name or reference");

      await form.getByLabel("Holder", { exact: true }).fill(`Health worker ${i + 1}`);
      await form.getByLabel("FTE", { exact: true }).fill("1");
      await form.getByRole("radio", { name: "Secondment" }).check();
      await form.getByLabel("Contract or secondment ends (if not permanent)").fill("2027-03-31");
      await form.getByLabel("Start date", { exact: true }).fill(start);
      await form.getByRole("radio", { name: "Yes, started" }).check();
      await form.getByRole("button", { name: "Record appointment" }).click();
      await page.getByText("The holder has been recorded.").waitFor();
      await page.locator("table", { hasText: `Health worker ${i + 1}` }).waitFor();

      await page.getByRole("link", { name: "Readiness", exact: true }).click();
      await page.getByRole("heading", { name: "Go-live readiness" }).waitFor();
      const after = await adultFte(page);
      expect(after.inPost).toBeCloseTo(before.inPost + 1, 5);
      expect(after.percent).toBe(`${((after.inPost / 15) * 100).toFixed(1)}%`);

      // The day before the start, the new holder does not count yet.
      await page.goto(`/a/dudley?asOf=${dayBefore}`);
      expect((await adultFte(page)).inPost).toBeCloseTo(after.inPost - 1, 5);
      await page.goto("/a/dudley?asOf=2023-07-31");
      await expect(adultFte(page)).resolves.toEqual({ inPost: 9.2, establishment: 15, percent: "61.3%" });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
