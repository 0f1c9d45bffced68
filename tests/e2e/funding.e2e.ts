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

/** A financial year's row of the overview's year table (the table the stacked chart links to): cost, grant, shortfall, …, remaining gap. */
async function yearRow(page: Page, label: string) {
  const cells = await page.locator("#funding-years tbody tr", { has: page.locator("th", { hasText: label }) }).locator("td").allTextContents();
  return { cost: cells[0], grant: cells[1], shortfall: cells[2], remainingGap: cells[5] };
}

/** The stacked chart as drawn (JavaScript on): its pixels, once chart.js has drawn something. */
async function chartPixels(page: Page) {
  const canvas = page.locator("canvas").first();
  await page.waitForFunction(() => {
    const c = document.querySelector("canvas");
    if (!c || c.width === 0) return false;
    const blank = document.createElement("canvas");
    blank.width = c.width;
    blank.height = c.height;
    return c.toDataURL() !== blank.toDataURL();
  });
  return canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
}

/**
 * Submits the form a button is in and waits until the page has answered: the form is replaced
 * (its id carries the row's version or the number of rows), with or without JavaScript.
 */
async function submit(page: Page, button: string) {
  const form = page.locator("form", { has: page.getByRole("button", { name: button }) });
  const id = await form.getAttribute("id");
  await page.getByRole("button", { name: button }).click();
  await page.locator(`form[id="${id}"]`).waitFor({ state: "detached" });
}

async function toOverview(page: Page) {
  await page.getByRole("navigation", { name: "Funding pages" }).getByRole("link", { name: "Overview" }).click();
  await page.getByRole("heading", { name: "Funding and the grant taper" }).waitFor();
  await page.locator("#funding-years").waitFor();
}

async function setShares(page: Page, shares: string) {
  await page.getByRole("navigation", { name: "Funding pages" }).getByRole("link", { name: "Funding streams" }).click();
  await page.getByRole("link", { name: "DfE SFPC grant: adult specialist workers" }).click();
  // The list page has a form with the same fields: fill only once the stream's own page is there.
  await page.getByRole("heading", { name: "Change the stream" }).waitFor();
  await page.getByLabel("Share of adult worker costs in each 12-month period").fill(shares);
  await submit(page, "Save changes");
  await page.getByText("Changes to the stream saved.").waitFor();
}

/** WAL-FS-01's page with its cost from 1 September 2020 in the form (the page's add form has the same fields: wait for the change form). */
async function changeFirstPostCost(page: Page) {
  await page.getByRole("navigation", { name: "Funding pages" }).getByRole("link", { name: "Costs of adult posts" }).click();
  await page.getByRole("link", { name: "WAL-FS-01" }).click();
  await page.getByRole("link", { name: "Change cost from 1 September 2020" }).click();
  await page.getByRole("heading", { name: "Change the cost from 1 September 2020" }).waitFor();
}

async function setPostCost(page: Page, amount: string) {
  await changeFirstPostCost(page);
  await page.getByLabel("Annual cost of 1 FTE, salary plus on-costs").fill(amount);
  await submit(page, "Save the change");
  await page.getByText("Cost from 1 September 2020 saved.").waitFor();
}

describe.skipIf(browserMissing)("funding in Chromium", () => {
  for (const mode of JS_MODES) {
    it(`a programme manager changes a taper share and a post's cost, and the shortfall table and chart follow ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(browser, { javaScript: mode.javaScript, baseURL: app.url, session: await app.sessionCookie("pm.walsall@example.com") });
      await page.goto("/a/walsall/funding");
      await page.locator("#funding-years").waitFor();
      // Walsall's demo: £899,335 of cost in 2022-23; the grant pays 70% to August 2022 and 50% from September.
      expect(await yearRow(page, "2022-23")).toEqual({ cost: "£899,335", grant: "£524,612", shortfall: "£374,723", remainingGap: "£114,723" });
      await expect(page.locator("#sustainability").textContent()).resolves.toContain("From 1 September 2023 no funding stream pays towards the adult specialist workers");
      const drawn = mode.javaScript ? await chartPixels(page) : null;
      if (!mode.javaScript) expect(await page.locator("a[href='#funding-years']").first().textContent()).toBe("The same figures as a table");

      // Year 2 of the taper at 80% instead of 70%: April to August 2022 is paid at 80%.
      await setShares(page, "100, 80, 50");
      await toOverview(page);
      expect(await yearRow(page, "2022-23")).toEqual({ cost: "£899,335", grant: "£562,084", shortfall: "£337,251", remainingGap: "£77,251" });
      await expect(page.locator("table[id^='taper-']").first().textContent()).resolves.toContain("80%");
      if (mode.javaScript) expect(await chartPixels(page)).not.toBe(drawn);
      await setShares(page, "100, 70, 50");

      // A mistyped amount is refused beside the field, and what was typed is kept.
      await changeFirstPostCost(page);
      await page.getByLabel("Annual cost of 1 FTE, salary plus on-costs").fill("£70,00");
      await page.getByRole("button", { name: "Save the change" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter the annual cost of 1 FTE in pounds, like £1,234.56");
      await expect(page.getByLabel("Annual cost of 1 FTE, salary plus on-costs").inputValue()).resolves.toBe("£70,00");

      // WAL-FS-01 at £70,000 for 1 FTE instead of £58,000: £12,607.50 more in 2022-23 after two uplifts of 2.5%.
      await setPostCost(page, "£70,000");
      await toOverview(page);
      expect(await yearRow(page, "2022-23")).toEqual({ cost: "£911,943", grant: "£531,967", shortfall: "£379,976", remainingGap: "£119,976" });
      if (mode.javaScript) expect(await chartPixels(page)).not.toBe(drawn);
      await setPostCost(page, "58000");
      await toOverview(page);
      expect(await yearRow(page, "2022-23")).toMatchObject({ cost: "£899,335", shortfall: "£374,723" });
      if (mode.javaScript) expect(await chartPixels(page)).toBe(drawn);

      // The academic-year view, switched by a link (no JavaScript needed).
      await page.getByRole("link", { name: "Academic years (September to August), as the grant runs" }).click();
      await page.locator("#funding-years caption", { hasText: "By academic year" }).waitFor();
      const ay = await page.locator("#funding-years tbody tr", { has: page.locator("th", { hasText: "2022/23" }) }).locator("td").allTextContents();
      expect(ay).toEqual(["£908,703", "£454,352", "£454,352"]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const mode of JS_MODES) {
    it(`a programme manager records a reported figure, sees it beside the model's, and deletes it ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(browser, { javaScript: mode.javaScript, baseURL: app.url, session: await app.sessionCookie("pm.walsall@example.com") });
      await page.goto("/a/walsall/funding/reported");
      await page.getByLabel("Financial year").fill("2025-26");
      await page.getByLabel("Amount reported").fill("£1,000,000");
      await page.getByLabel("Source (optional)").fill(`Test ${mode.label}`);
      await submit(page, "Record the figure");
      await page.getByText("Reported shortfall for 2025-26 added.").waitFor();
      // The form is empty again for the next figure.
      await expect(page.getByLabel("Amount reported").inputValue()).resolves.toBe("");
      await toOverview(page);
      const row = await page.locator("#reported tbody tr", { has: page.locator("th", { hasText: "2025-26" }) }).locator("td").allTextContents();
      // The model's 2025-26 shortfall is £968,485: £31,515 less than the figure recorded.
      expect(row.slice(0, 4)).toEqual(["Shortfall", "£1,000,000", "£968,485", "−£31,515"]);
      await page.getByRole("navigation", { name: "Funding pages" }).getByRole("link", { name: "Reported figures" }).click();
      await page.getByRole("button", { name: "Delete shortfall 2025-26" }).click();
      await page.locator("#reported tbody tr", { hasText: "2025-26" }).waitFor({ state: "detached" });
      await page.getByText("Reported figure deleted.").waitFor();
      expect(await page.locator("#reported tbody tr").count()).toBe(4);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("a viewer reads the funding pages but has no forms to change them", async () => {
    const { page, context, errors } = await openPage(browser, { javaScript: false, baseURL: app.url, session: await app.sessionCookie("viewer.walsall@example.com") });
    await page.goto("/a/walsall/funding/streams");
    await page.getByRole("heading", { name: "Funding streams" }).waitFor();
    expect(await page.getByRole("heading", { name: "Add a funding stream" }).count()).toBe(0);
    await page.getByText("Only programme managers can add or change funding streams.").waitFor();
    await page.goto("/a/walsall/funding/costs");
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0);
    const csv = await page.request.get("/a/walsall/funding/export?table=years");
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("2021-22,877400,723855.08,153544.92,80000,0,73544.92");
    expect(errors).toEqual([]);
    await context.close();
  });
});
