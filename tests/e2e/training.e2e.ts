import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";
import { browserMissing, JS_MODES, launchBrowser, openPage } from "./support/browser";

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  if (!browserMissing) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** "69 of 76 people in scope and in post" → [69, 76] */
async function miFigure(page: Page): Promise<[number, number]> {
  const text = (await page.locator("#mi-figure").textContent()) ?? "";
  const match = /(\d+) of (\d+)/.exec(text);
  if (!match) throw new Error(`no MI figure in "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(browserMissing)("training in Chromium", () => {
  for (const mode of JS_MODES) {
    it(`adds an MI session, books someone, records attendance and sees the MI figure move; downloads the gaps ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(browser, { javaScript: mode.javaScript, baseURL: app.url, session: await app.sessionCookie("contributor.walsall@example.com") });
      await page.goto("/a/walsall/training");
      await page.getByRole("heading", { name: /Training on \d/ }).waitFor();
      const [before, counted] = await miFigure(page);

      await page.getByRole("navigation", { name: "Training" }).getByRole("link", { name: "Courses and sessions" }).click();
      await page.getByRole("link", { name: "Motivational Interviewing", exact: true }).click();
      await page.getByRole("heading", { name: "Motivational Interviewing" }).waitFor();
      // A session that has just taken place: two days, ending yesterday.
      await page.getByLabel("Start date", { exact: true }).fill(isoDaysAgo(2));
      await page.getByLabel("End date (optional)").fill(isoDaysAgo(1));
      await page.getByRole("radio", { name: "Virtual" }).check();
      await page.getByLabel("Places (optional)").fill("4");
      await page.getByRole("button", { name: "Add the session" }).click();
      await page.getByText(/Session on .* added: book people on it below\./).waitFor();

      // Someone counted who still needs MI: a social worker not marked as having completed it.
      const candidate = page.locator(".govuk-checkboxes__item").filter({ hasText: "Social worker" }).filter({ hasNotText: "already completed" }).filter({ hasNotText: "not in scope" }).first();
      const label = ((await candidate.locator("label").textContent()) ?? "").trim();
      const name = label.replace(/ \(.*\)$/, "");
      await candidate.locator("input").check();
      await page.getByRole("button", { name: "Book the people selected" }).click();
      await page.getByText("1 person booked.").waitFor();

      await page.getByRole("row", { name: new RegExp(name) }).getByRole("radio", { name: "Attended" }).check();
      await page.getByRole("button", { name: "Save attendance" }).click();
      await page.getByText("Attendance saved for 1 person.").waitFor();

      await page.getByRole("navigation", { name: "Training" }).getByRole("link", { name: "Overview" }).click();
      await page.getByRole("heading", { name: /Training on \d/ }).waitFor();
      expect(await miFigure(page)).toEqual([before + 1, counted]);
      await expect(page.locator("#needs-mi").textContent()).resolves.not.toContain(name);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download everyone's gaps (CSV)" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^walsall-training-gaps-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path())!, "utf8");
      expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("external_ref,name,team,discipline,needs_mi,workshops_missing,booked");
      // They still miss workshops, so they are listed, but no longer as needing MI.
      expect(csv.split("\r\n").find((line) => line.includes(`,${name},`))).toMatch(new RegExp(`,${name},[^,]*,Social worker,no,`));
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("shows a viewer the figures without the forms, and a foreign session as not found", async () => {
    const { page, context, errors } = await openPage(browser, { javaScript: true, baseURL: app.url, session: await app.sessionCookie("viewer.walsall@example.com") });
    await page.goto("/a/walsall/training/requirements");
    await page.getByRole("heading", { name: "Workshop requirements" }).waitFor();
    await expect(page.getByRole("checkbox", { name: "Social worker: Thresholds, duties and family rights" }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole("checkbox", { name: "Social worker: Thresholds, duties and family rights" }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Save the requirements" }).count()).resolves.toBe(0);
    const missing = await page.goto("/a/walsall/training/sessions/00000000-0000-4000-8000-000000000000");
    expect(missing?.status()).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });
});
