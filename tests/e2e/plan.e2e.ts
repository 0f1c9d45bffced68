import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

const run = useRunningApp();

describe.skipIf(browserMissing)("plan, risks and hubs in Chromium", () => {
  for (const [i, mode] of JS_MODES.entries()) {
    it(`adds a milestone and a risk, sees their derived status and score, and Walsall's hub slippage ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(run.browser, {
        javaScript: mode.javaScript,
        baseURL: run.app.url,
        session: await run.app.sessionCookie("contributor.walsall@example.com"),
      });
      await page.goto("/a/walsall");
      await page.getByRole("link", { name: "Plan", exact: true }).click();
      await page.getByRole("heading", { name: "Implementation plan" }).waitFor();

      // A milestone: the form refuses an empty title beside the field, then takes it.
      const title = `Refresher MI sessions for new starters ${i + 1}`;
      await page.getByRole("link", { name: "Add a milestone", exact: true }).click();
      await page.getByRole("heading", { name: "Add a milestone" }).waitFor();
      await page.getByRole("button", { name: "Add milestone" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter the milestone");
      await expect(page.locator("#milestone-title-error").textContent()).resolves.toContain("Enter the milestone");
      await page.getByLabel("Workstream").selectOption({ label: "Training" });
      await page.getByLabel("Milestone", { exact: true }).fill(title);
      await page.getByLabel("Owner (optional)").fill("Workforce development manager");
      await page.getByLabel("Due date (optional)", { exact: true }).fill("2022-01-31");
      await page.getByLabel("Baseline due date (optional)").fill("2021-12-31");
      await page.getByRole("button", { name: "Add milestone" }).click();
      await page.getByText(`Milestone added: ${title}.`).waitFor();
      const row = page.locator("tr", { hasText: title });
      await expect(row.textContent()).resolves.toMatch(/Overdue.*31 days late/);
      // At the start of January 2022 it was still on track.
      await page.goto("/a/walsall/plan?asOf=2022-01-01");
      await expect(page.locator("tr", { hasText: title }).textContent()).resolves.toMatch(/On track.*31 days late/);

      // A risk: scored likelihood × impact, shown among the top risks on the plan.
      const risk = `Training venue unavailable ${i + 1}`;
      await page.goto("/a/walsall/plan");
      await page.getByRole("link", { name: "Risks and issues", exact: true }).click();
      await page.getByRole("heading", { name: "Risks and issues", level: 1 }).waitFor();
      await page.getByRole("link", { name: "Add a risk" }).click();
      await page.getByLabel("Title").fill(risk);
      await page.getByLabel("Likelihood").selectOption({ label: "4 – Likely" });
      await page.getByLabel("Impact").selectOption({ label: "5 – Severe" });
      await page.getByLabel("Review date (optional)").fill("2022-01-01");
      await page.getByRole("button", { name: "Add risk" }).click();
      await page.getByText(`Risk added: ${risk}.`).waitFor();
      await page.getByRole("heading", { name: risk }).waitFor();
      await expect(page.locator("main").textContent()).resolves.toContain("20 High");
      await expect(page.locator("table", { hasText: "History" }).textContent()).resolves.toContain("Added");
      await page.getByRole("link", { name: "Risks and issues" }).click();
      await expect(page.locator("#risks tr", { hasText: risk }).textContent()).resolves.toMatch(/20 High.*Review overdue/);
      await page.goto("/a/walsall/plan");
      await expect(page.locator("table", { hasText: "highest-scoring open risks" }).locator("tr", { hasText: risk }).textContent()).resolves.toContain("20 High");

      // Walsall's hubs: Darlaston opened later than planned; the others have not opened since.
      await page.getByRole("link", { name: "Hubs", exact: true }).click();
      await page.getByRole("heading", { name: "Locality hubs" }).waitFor();
      await expect(page.locator("#hubs tr", { hasText: "Darlaston" }).textContent()).resolves.toMatch(/153 days late.*Open.*Early Help; Black Country Women's Aid; DWP/);
      await expect(page.locator("#hubs tr", { hasText: "Blakenall" }).textContent()).resolves.toMatch(/181 days late.*Overdue/);
      await page.goto("/a/walsall/hubs?asOf=2022-01-31");
      await expect(page.locator("#hubs tr", { hasText: "Silver Court" }).textContent()).resolves.toMatch(/180 days late.*Slipping/);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
