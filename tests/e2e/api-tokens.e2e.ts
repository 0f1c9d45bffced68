import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

const run = useRunningApp();

describe.skipIf(browserMissing)("personal API tokens in Chromium", () => {
  for (const [i, mode] of JS_MODES.entries()) {
    it(`creates a token shown once, reads the API with it, revokes it ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(run.browser, {
        javaScript: mode.javaScript,
        baseURL: run.app.url,
        session: await run.app.sessionCookie("viewer.walsall@example.com"),
      });
      await page.goto("/account");
      await page.getByRole("link", { name: "Manage your API tokens" }).click();
      await page.getByRole("heading", { name: "API tokens", level: 1 }).waitFor();

      // A name is needed; the error is beside the field and in the summary.
      await page.getByRole("button", { name: "Create token" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter a name for the token");

      const name = `Power BI ${i + 1}`;
      await page.getByLabel("Name").fill(name);
      await page.getByLabel("Expires on (optional)").fill("31/3/2027");
      await page.getByRole("button", { name: "Create token" }).click();
      await page.getByText(`Copy the token “${name}” now: it will not be shown again`).waitFor();
      const token = await page.getByLabel(/^Token \(expires on 31 March 2027\)/).inputValue();
      expect(token).toMatch(/^fsk_[A-Za-z0-9_-]{43}$/);
      const row = page.locator("tr", { hasText: name });
      await expect(row.textContent()).resolves.toMatch(/Active/);
      await expect(row.textContent()).resolves.toContain(token.slice(0, 8));

      // Shown once: opening the page again shows only its start.
      await page.goto("/account/api-tokens");
      await expect(page.locator("main").textContent()).resolves.not.toContain(token);

      const call = (path: string, accept = "application/json") => fetch(`${run.app.url}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
      const list = await call("/api/v1/authorities");
      expect(list.status).toBe(200);
      expect(((await list.json()) as { data: Array<{ slug: string }> }).data.map((a) => a.slug)).toEqual(["walsall"]);
      const csv = await call("/api/v1/authorities/walsall/readiness?asOf=2020-09-01", "text/csv");
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(await csv.text()).toContain("walsall,2020-09-01,adult-workers");
      expect((await call("/api/v1/authorities/dudley/funding")).status).toBe(404);
      // The API is read-only: no Origin check stands in the way, the method does.
      expect((await fetch(`${run.app.url}/api/v1/authorities`, { method: "POST", headers: { Authorization: `Bearer ${token}` } })).status).toBe(405);
      // The last use shows in the list.
      await page.goto("/account/api-tokens");
      await expect(page.locator("tr", { hasText: name }).textContent()).resolves.not.toContain("Never");

      await page.locator("tr", { hasText: name }).getByRole("button", { name: /^Revoke/ }).click();
      await page.getByText(`The token “${name}” is revoked: it no longer works.`).waitFor();
      await expect(page.locator("tr", { hasText: name }).textContent()).resolves.toContain("Revoked");
      const after = await call("/api/v1/authorities");
      expect(after.status).toBe(401);
      expect(after.headers.get("www-authenticate")).toMatch(/^Bearer/);

      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
