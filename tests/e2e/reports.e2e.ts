import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { financialQuarterOf, londonDate } from "~/domain/dates";
import { quarterSlug } from "~/domain/reports";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

const run = useRunningApp();

describe.skipIf(browserMissing)("the quarterly DfE return in Chromium", () => {
  for (const [i, mode] of JS_MODES.entries()) {
    it(`puts a new milestone and risk in the current quarter's return, takes commentary and downloads it as .docx ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(run.browser, {
        javaScript: mode.javaScript,
        baseURL: run.app.url,
        session: await run.app.sessionCookie("contributor.walsall@example.com"),
      });
      const today = londonDate(new Date());
      const quarter = financialQuarterOf(today);

      // A milestone achieved today and a risk raised today.
      const title = `Group supervision audit completed ${i + 1}`;
      await page.goto("/a/walsall/plan/milestones/new");
      await page.getByLabel("Workstream").selectOption({ label: "Training" });
      await page.getByLabel("Milestone", { exact: true }).fill(title);
      await page.getByLabel("Due date (optional)", { exact: true }).fill(today);
      await page.getByLabel("Done on (optional)").fill(today);
      await page.getByRole("button", { name: "Add milestone" }).click();
      await page.getByText(`Milestone added: ${title}.`).waitFor();
      const risk = `Locum cover ends before recruitment ${i + 1}`;
      await page.goto("/a/walsall/plan/raid/new");
      await page.getByLabel("Title").fill(risk);
      await page.getByLabel("Likelihood").selectOption({ label: "4 – Likely" });
      await page.getByLabel("Impact").selectOption({ label: "4 – Major" });
      await page.getByRole("button", { name: "Add risk" }).click();
      await page.getByText(`Risk added: ${risk}.`).waitFor();

      // The reports index: the chooser opens the current quarter's return.
      await page.goto("/a/walsall");
      await page.getByRole("link", { name: "Reports", exact: true }).click();
      await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
      await expect(page.getByLabel("Quarter").inputValue()).resolves.toBe(quarterSlug(quarter));
      await page.getByRole("button", { name: "Open the return" }).click();
      await page.getByRole("heading", { name: `Quarterly return to the DfE: ${quarter.label}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/a/walsall/reports/quarterly/${quarterSlug(quarter)}`);
      await expect(page.locator("#report-as-of").textContent()).resolves.toContain("Figures as of");
      await page.locator("#achievements-milestones-done tr", { hasText: title }).waitFor();
      await expect(page.locator("#risks-open tr", { hasText: risk }).textContent()).resolves.toMatch(/16.*High/);
      const readiness = (await page.locator("#readiness-criteria tr", { hasText: "Adult specialist workers in post" }).locator("td").first().textContent())!.trim();
      expect(readiness).toMatch(/^\d+(\.\d)?%$/);

      // Commentary on the achievements.
      const words = `Supervision audit done ${i + 1}; the Workbook is in use in every team.`;
      await page.getByLabel("Commentary: Achievements this quarter").fill(words);
      await page.getByRole("button", { name: "Save the commentary on achievements this quarter" }).click();
      await page.getByText("The commentary has been saved.").waitFor();
      await expect(page.getByLabel("Commentary: Achievements this quarter").inputValue()).resolves.toBe(words);

      // Someone else saves the same section meanwhile: saving over it is refused and nothing is lost.
      const other = await context.newPage();
      await other.goto(page.url());
      await other.getByLabel("Commentary: Achievements this quarter").fill(`Their text ${i + 1}.`);
      await other.getByRole("button", { name: "Save the commentary on achievements this quarter" }).click();
      await other.getByText("The commentary has been saved.").waitFor();
      await other.close();
      const mine = `${words} Also: hub visits planned.`;
      await page.getByLabel("Commentary: Achievements this quarter").fill(mine);
      await page.getByRole("button", { name: "Save the commentary on achievements this quarter" }).click();
      await page.locator(".govuk-error-summary", { hasText: "Someone else saved this section" }).waitFor();
      await page.locator("#narrative-achievements-theirs", { hasText: `Their text ${i + 1}.` }).waitFor();
      await expect(page.getByLabel("Commentary: Achievements this quarter").inputValue()).resolves.toBe(mine);
      // Saving again is a deliberate replacement.
      await page.getByLabel("Commentary: Achievements this quarter").fill(words);
      await page.getByRole("button", { name: "Save the commentary on achievements this quarter" }).click();
      await page.getByText("The commentary has been saved.").waitFor();

      // The Word document: headings, the milestone, the readiness figure and the commentary.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as a Word document (.docx)" }).click()]);
      expect(download.suggestedFilename()).toBe(`walsall-dfe-return-${quarterSlug(quarter)}.docx`);
      const zip = await JSZip.loadAsync(await readFile((await download.path())!));
      const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      for (const heading of [`Quarterly return to the DfE: ${quarter.label}`, "Achievements this quarter", "Risks and issues", "Go-live readiness", "Workforce", "Funding"]) {
        expect(text).toContain(heading);
      }
      expect(text).toContain(title);
      expect(text).toContain(risk);
      expect(text).toContain(readiness);
      expect(text).toContain(words);

      // The CSV of the figures.
      const csv = await page.request.get(`/a/walsall/reports/quarterly/${quarterSlug(quarter)}/download?format=csv`);
      expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      expect((await csv.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Section,Measure,Value,Source");
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("shows a viewer the commentary without a form", async () => {
    const { page, context, errors } = await openPage(run.browser, { javaScript: true, baseURL: run.app.url, session: await run.app.sessionCookie("viewer.walsall@example.com") });
    await page.goto("/a/walsall/reports/committee");
    await page.getByRole("heading", { name: "Family Safeguarding: committee update" }).waitFor();
    for (const heading of ["Aim", "Progress", "Impacts", "Workforce", "Sustainability", "Risks"]) await page.getByRole("heading", { name: heading, level: 2, exact: true }).waitFor();
    await expect(page.locator("textarea").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
