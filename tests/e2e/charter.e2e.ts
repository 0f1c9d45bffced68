import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

const run = useRunningApp();

/** Clicks a download link; the file's name must match, and its text is returned. */
async function download(page: Page, link: string, name: RegExp): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  expect(file.suggestedFilename()).toMatch(name);
  return readFile((await file.path())!, "utf8");
}

const SIGNER = "police.dudley@example.com";

describe.skipIf(browserMissing)("the partnership charter in Chromium", () => {
  for (const mode of JS_MODES) {
    it(`publishes a new version, e-mails the link, a board member signs it, the partnership page counts it and the certificate lists it ${mode.label}`, async () => {
      // The programme manager drafts a new version from the current one and publishes it.
      const pm = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url, session: await run.app.sessionCookie("pm.dudley@example.com") });
      await pm.page.goto("/a/dudley/partnership");
      await pm.page.getByRole("link", { name: "Draft a new version" }).click();
      await pm.page.getByRole("heading", { name: "Draft a new version of the charter" }).waitFor();
      const title = `Dudley partnership charter, revised ${mode.javaScript ? "in spring" : "in autumn"}`;
      await pm.page.getByLabel("Title").fill("");
      await pm.page.getByRole("button", { name: "Save the draft" }).click();
      await pm.page.locator(".govuk-error-summary").getByText("Enter a title").waitFor();
      await pm.page.getByLabel("Title").fill(title);
      await pm.page.getByRole("button", { name: "Save the draft" }).click();
      await pm.page.getByText(/Draft version \d+ saved/).waitFor();
      await pm.page.getByRole("heading", { name: title }).waitFor();
      await expect(pm.page.getByRole("checkbox", { name: "E-mail a signing request to every board member now" }).isChecked()).resolves.toBe(true);
      await pm.page.getByRole("button", { name: /^Publish version \d+$/ }).click();
      await pm.page.getByText(/Version \d+ is published; every partner must now sign it\. 16 signing requests sent\./).waitFor();
      const hash = (await pm.page.getByTestId("charter-hash").textContent())!.trim();
      expect(hash).toMatch(/^[0-9a-f]{64}$/);

      // The request is in the outbox, with the board member's personal link.
      await pm.page.goto("/dev/outbox");
      await pm.page.getByRole("row", { name: new RegExp(`${SIGNER}.*Please sign the Dudley partnership charter`) }).first().getByRole("link").click();
      await pm.page.getByRole("heading", { name: "Please sign the Dudley partnership charter" }).waitFor();
      await expect(pm.page.locator(".app-email-text").textContent()).resolves.toContain(hash);
      const link = await pm.page.locator("a.app-email-link", { hasText: "/sign/" }).first().getAttribute("href");
      expect(link).toMatch(new RegExp(`^${run.app.url}/sign/`));

      // The board member, not signed in, opens the link, reads the text and hash, and signs.
      const member = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url });
      await member.page.goto(link!);
      await member.page.getByRole("heading", { name: title }).waitFor();
      await expect(member.page.getByTestId("charter-hash").textContent()).resolves.toBe(hash);
      await expect(member.page.getByLabel("The organisation you sign for").inputValue()).resolves.toBe("West Midlands Police");
      await member.page.getByLabel("Your full name").fill("Superintendent, Public Protection");
      await member.page.getByRole("button", { name: "Sign the charter" }).click();
      await member.page.locator(".govuk-error-summary").getByText("Tick the statement to confirm you sign on behalf of your organisation").waitFor();
      await expect(member.page.getByLabel("Your full name").inputValue()).resolves.toBe("Superintendent, Public Protection");
      await member.page.getByLabel("I sign this charter on behalf of West Midlands Police").check();
      await member.page.getByRole("button", { name: "Sign the charter" }).click();
      await member.page.getByRole("heading", { name: "You have signed the charter" }).waitFor();
      await expect(member.page.locator("main").textContent()).resolves.toContain("1 of 13 partners have now signed");
      // The link worked once.
      await member.page.goto(link!);
      await member.page.getByRole("heading", { name: "This signing link has expired or has been used" }).waitFor();

      // Status at a glance, on the dashboard and the partnership page: 1 of 13 partners signed the new version.
      await pm.page.goto("/a/dudley");
      await expect(pm.page.getByTestId("charter-signed").textContent()).resolves.toBe("1 of 13");
      await pm.page.goto("/a/dudley/partnership");
      await expect(pm.page.getByTestId("charter-signed").textContent()).resolves.toBe("1 of 13");
      await pm.page.locator("#partners").getByRole("row", { name: /West Midlands Police.*Signed/ }).waitFor();

      // The certificate lists the signature, the hash and the trail.
      await pm.page.getByRole("link", { name: "Certificate of signatures" }).click();
      await pm.page.getByRole("heading", { name: new RegExp(`Certificate of signatures: ${title}`) }).waitFor();
      await expect(pm.page.getByTestId("charter-hash").textContent()).resolves.toBe(hash);
      const row = pm.page.locator("#signatures").getByRole("row", { name: /West Midlands Police/ });
      await expect(row.textContent()).resolves.toContain("Superintendent, Public Protection");
      await expect(row.textContent()).resolves.toContain("E-mailed link");
      await pm.page.locator("#trail").getByText("Signed by Superintendent, Public Protection").waitFor();

      // Its downloads: the text fingerprints to the hash; the signatures and the trail as CSV.
      const text = await download(pm.page, "Download the text exactly as fingerprinted (.txt)", /^dudley-charter-v\d+\.txt$/);
      expect(createHash("sha256").update(text).digest("hex")).toBe(hash);
      const signatures = await download(pm.page, "Download the signatures (CSV)", /^dudley-charter-v\d+-signatures\.csv$/);
      expect(signatures).toContain("West Midlands Police");
      expect(signatures).toContain(hash);
      await expect(download(pm.page, "Download the audit trail (CSV)", /^dudley-charter-v\d+-audit-trail\.csv$/)).resolves.toContain("charter.signed");
      await pm.page.goto("/a/dudley/partnership/board");
      await expect(download(pm.page, "Download the board members (CSV)", /^dudley-board-members-\d{4}-\d{2}-\d{2}\.csv$/)).resolves.toMatch(/^(\uFEFF)?Name,Job title,Organisation,Sector,Email,/);
      expect([...pm.errors, ...member.errors]).toEqual([]);
      await pm.context.close();
      await member.context.close();
    });
  }

  it("a board member signed in to the app sees the charter to sign for their organisation", async () => {
    const { page, context, errors } = await openPage(run.browser, { javaScript: false, baseURL: run.app.url, session: await run.app.sessionCookie("board.dudley@example.com") });
    await page.goto("/a/dudley");
    await page.waitForURL("**/a/dudley/partnership");
    await page.getByRole("link", { name: "Read and sign the charter" }).click();
    await expect(page.getByLabel("The organisation you sign for").inputValue()).resolves.toBe("Dudley Council: housing");
    await page.getByLabel("I sign this charter on behalf of Dudley Council: housing").check();
    await page.getByRole("button", { name: "Sign the charter" }).click();
    await page.getByRole("heading", { name: "You have signed the charter" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
