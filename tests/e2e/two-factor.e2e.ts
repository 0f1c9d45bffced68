import { describe, expect, it } from "vitest";
import { currentCode } from "~/services/auth/two-factor.server";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

// This install requires two-factor sign-in of programme managers (demo installs make it optional).
const run = useRunningApp({ env: { TWO_FACTOR: "required" } });

describe.skipIf(browserMissing)("two-factor sign-in in Chromium", () => {
  for (const [i, mode] of JS_MODES.entries()) {
    it(`a programme manager sets up an authenticator before reaching the authority ${mode.label}`, async () => {
      const email = ["pm.walsall@example.com", "pm.dudley@example.com"][i];
      const slug = ["walsall", "dudley"][i];
      const { page, context, errors } = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url, session: await run.app.sessionCookie(email) });
      await page.goto(`/a/${slug}`);
      await page.waitForURL(`**/two-factor/set-up?redirectTo=%2Fa%2F${slug}`);
      await page.getByText("I cannot scan the code").click();
      const secret = ((await page.locator(".govuk-details__text code").textContent()) ?? "").replace(/\s/g, "");
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expect(page.locator(".app-qr svg").count()).resolves.toBe(1);

      await page.getByLabel("Code from the app").fill("123456");
      await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await page.getByLabel("Code from the app").fill(currentCode(secret, new Date()));
      await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
      await expect(page.locator(".app-recovery-codes li").count()).resolves.toBe(10);
      await page.getByRole("link", { name: "I have saved them: continue" }).click();
      await page.waitForURL(`**/a/${slug}`);
      await page.getByRole("heading", { name: "Go-live readiness" }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
