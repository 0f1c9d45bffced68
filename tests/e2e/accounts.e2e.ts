import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-accounts";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";

const run = useRunningApp();

describe("the server refuses cross-site form posts", () => {
  it("403 when Origin is foreign or missing; the service's own origin passes", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${run.app.url}/sign-in`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: "email=a%40b.test&password=x",
        redirect: "manual",
      });
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ Origin: "null" })).status).toBe(403);
    expect((await post({ Origin: run.app.url })).status).toBe(400);
  });

  it("sends security headers", async () => {
    const res = await fetch(`${run.app.url}/sign-in`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(csp).not.toContain("'unsafe-inline' 'nonce");
    expect(csp).toContain("frame-ancestors 'none'");
    // Every inline script carries this response's nonce, and the nonce changes per response.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await res.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((attrs) => attrs.includes(`nonce="${nonce}"`))).toBe(true);
    const again = await fetch(`${run.app.url}/sign-in`);
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
  });
});

describe.skipIf(browserMissing)("accounts in Chromium", () => {
  for (const mode of JS_MODES) {
    it(`signs in through the form, lands where it was going, and signs out ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url });
      await page.goto("/a/walsall");
      await page.waitForURL("**/sign-in?redirectTo=%2Fa%2Fwalsall");
      await page.getByRole("heading", { name: "Demo accounts" }).waitFor();

      await page.getByLabel("Email address").fill("pm.walsall@example.com");
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter a correct email address and password");
      await expect(page.locator("#sign-in-email-error").textContent()).resolves.toContain("Enter a correct email address and password");
      await expect(page.getByLabel("Email address").inputValue()).resolves.toBe("pm.walsall@example.com");

      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL("**/a/walsall");
      await page.locator("h1", { hasText: "Walsall" }).waitFor();
      await expect(page.locator("header").textContent()).resolves.toContain("Pat Manager (Walsall)");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/sign-in");
      await page.goto("/a/walsall");
      await page.waitForURL("**/sign-in?redirectTo=%2Fa%2Fwalsall");
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`invites a person who reads the email, accepts and lands in the authority ${mode.label}`, async () => {
      const invitee = `invitee-${mode.javaScript ? "js" : "nojs"}@example.test`;
      const pm = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url, session: await run.app.sessionCookie("pm.walsall@example.com") });
      await pm.page.goto("/a/walsall/settings/people");
      await pm.page.getByLabel("Email address").fill(invitee);
      await pm.page.getByRole("radio", { name: "Contributor" }).check();
      await pm.page.getByRole("button", { name: "Send invitation" }).click();
      await pm.page.getByText(`Invitation sent to ${invitee}.`).waitFor();
      await pm.page.locator("table", { hasText: invitee }).waitFor();

      // The developer's outbox holds the email; its link is the invitation.
      await pm.page.goto("/dev/outbox");
      await pm.page
        .getByRole("row", { name: new RegExp(invitee) })
        .getByRole("link")
        .click();
      await pm.page.getByRole("heading", { name: "You have been invited to Walsall on the Family Safeguarding tracker" }).waitFor();
      const link = await pm.page.locator("a.app-email-link").first().getAttribute("href");
      expect(link).toMatch(new RegExp(`^${run.app.url}/invitations/`));
      await pm.context.close();

      const newcomer = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url });
      await newcomer.page.goto(link!);
      await newcomer.page.getByRole("heading", { name: "Accept your invitation" }).waitFor();
      await newcomer.page.getByLabel("Full name").fill("Ina Vitee");
      await newcomer.page.getByLabel("Choose a password").fill("a long new password");
      await newcomer.page.getByLabel("Confirm the password").fill("a different password");
      await newcomer.page.getByRole("button", { name: "Accept and sign in" }).click();
      await newcomer.page.getByText("The passwords do not match").first().waitFor();
      await expect(newcomer.page.getByLabel("Full name").inputValue()).resolves.toBe("Ina Vitee");

      await newcomer.page.getByLabel("Choose a password").fill("a long new password");
      await newcomer.page.getByLabel("Confirm the password").fill("a long new password");
      await newcomer.page.getByRole("button", { name: "Accept and sign in" }).click();
      await newcomer.page.waitForURL("**/a/walsall");
      await newcomer.page.getByText("Welcome: you have joined the authority.").waitFor();
      await expect(newcomer.page.locator("header").textContent()).resolves.toContain("Ina Vitee");

      // The link worked once.
      await newcomer.page.goto(link!);
      await newcomer.page.getByRole("heading", { name: "This invitation has expired or has been used" }).waitFor();
      expect([...pm.errors, ...newcomer.errors]).toEqual([]);
      await newcomer.context.close();
    });
  }
});
