import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useRunningApp } from "./support/app";
import { browserMissing, JS_MODES, openPage } from "./support/browser";
import { sweepPages, TWO_FACTOR_ACCOUNT, type SweepIds } from "./support/pages";

/**
 * WCAG 2.2 AA, checked by axe-core on every page of the shared sweep (support/pages.ts: a page
 * added there is checked here too), on forms after a failed submission, and by keyboard: the skip
 * link, Tab through every control with a visible focus indicator and no trap, focus on the error
 * summary. Zero violations is the bar: a finding is fixed in the app, not switched off here.
 */
const run = useRunningApp();

/** A11Y_PAGES=regex checks only the sweep's URLs that match (while fixing a page). */
const ONLY = new RegExp(process.env.A11Y_PAGES ?? "");

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe's findings on the page as it is now, one line per rule and element. */
async function axeFindings(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    // The developer outbox shows each e-mail in an iframe sandboxed with no scripts (the HTML is
    // the e-mail's, not ours to run): axe cannot run inside it and would wait forever. The frame
    // itself (its title) is still checked through the page.
    .exclude("iframe[sandbox='']")
    .analyze();
  if (results.passes.length === 0) return [`${where}: axe checked nothing`];
  return results.violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}): ${v.help} at ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ")}`));
}

/** Every chart: a name for screen readers, and a link and aria-details to the table with its figures. */
async function chartFindings(page: Page, where: string): Promise<string[]> {
  return page.$$eval(
    "canvas",
    (canvases, w) =>
      canvases.flatMap((canvas) => {
        const problems: string[] = [];
        const name = canvas.getAttribute("aria-label")?.trim();
        if (canvas.getAttribute("role") !== "img" || !name) problems.push("has no role=img with an aria-label");
        const detailsId = canvas.getAttribute("aria-details");
        const table = detailsId ? document.getElementById(detailsId) : null;
        if (!table || table.tagName !== "TABLE") problems.push(`aria-details does not point to a table (${detailsId})`);
        else if (!/\d/.test(table.querySelector("tbody")?.textContent ?? "")) problems.push(`its table #${detailsId} has no figures`);
        const link = canvas.closest("figure")?.querySelector<HTMLAnchorElement>("figcaption a[href^='#']");
        if (!link || link.getAttribute("href") !== `#${detailsId}`) problems.push("its caption does not link to the table");
        return problems.map((p) => `${w}: chart "${name ?? "?"}" ${p}`);
      }),
    where,
  );
}

describe.skipIf(browserMissing)("accessibility (WCAG 2.2 AA)", () => {
  it("the check itself finds known problems (so zero findings means something)", async () => {
    const { page, context } = await openPage(run.browser, { javaScript: true, baseURL: run.app.url });
    await page.setContent(
      `<html lang="en-GB"><head><title>Broken</title></head><body><main><h1>Broken</h1><img src="x.png"><p style="color:#aaa">Pale text</p><input type="text"><canvas role="img"></canvas></main></body></html>`,
    );
    const rules = new Set((await axeFindings(page, "broken")).map((f) => f.split(": ")[1].split(" ")[0]));
    expect([...rules].sort()).toEqual(expect.arrayContaining(["color-contrast", "image-alt", "label", "role-img-alt"]));
    await expect(chartFindings(page, "broken")).resolves.toEqual([
      'broken: chart "?" has no role=img with an aria-label',
      "broken: chart \"?\" aria-details does not point to a table (null)",
      'broken: chart "?" its caption does not link to the table',
    ]);
    await context.close();
  });

  it("every page of the sweep passes axe, and every chart names itself and points to its table", async () => {
    const findings: string[] = [];
    let charts = 0;
    for (const group of await sweepPages(run.app)) {
      const session = group.account ? await run.app.sessionCookie(group.account) : undefined;
      const { page, context, errors } = await openPage(run.browser, { javaScript: true, baseURL: run.app.url, session });
      for (const url of group.urls.filter((u) => ONLY.test(u))) {
        const started = Date.now();
        await page.goto(url, { waitUntil: "networkidle" });
        const found = [...(await axeFindings(page, `${group.label}: ${url}`)), ...(await chartFindings(page, url))];
        // Shown as they are found: the whole sweep takes minutes.
        console.log(`${url}: ${found.length} findings, ${Date.now() - started} ms${found.length ? `\n${found.join("\n")}` : ""}`);
        findings.push(...found);
        charts += await page.locator("canvas").count();
      }
      findings.push(...errors);
      await context.close();
    }
    expect(findings).toEqual([]);
    // The dashboards draw charts: the check above did look at some.
    if (!process.env.A11Y_PAGES) expect(charts).toBeGreaterThan(4);
  }, 1_800_000);

  it("the page-not-found and permission pages pass axe", async () => {
    const viewer = await openPage(run.browser, { javaScript: true, baseURL: run.app.url, session: await run.app.sessionCookie("viewer.walsall@example.com") });
    const findings: string[] = [];
    for (const [url, status] of [
      ["/no-such-page", 404],
      ["/a/walsall/workforce/posts/new", 403],
    ] as const) {
      const res = await viewer.page.goto(url, { waitUntil: "networkidle" });
      expect(res?.status()).toBe(status);
      findings.push(...(await axeFindings(viewer.page, url)));
    }
    expect(findings).toEqual([]);
    await viewer.context.close();
  });
});

interface FailedForm {
  account: string | null;
  url: (ids: SweepIds) => string;
  button: string;
  /** Values that make the submission fail where empty fields would not. */
  fill?: Array<[label: string, value: string]>;
}

/** A representative set of forms, each submitted so that it fails. */
const FAILED_FORMS: FailedForm[] = [
  { account: null, url: () => "/sign-in", button: "Sign in" },
  { account: null, url: () => "/forgot-password", button: "Send the link" },
  { account: null, url: (ids) => `/reset-password/${ids.tokens.reset}`, button: "Change password" },
  { account: null, url: (ids) => `/invitations/${ids.tokens.invitation}`, button: "Accept and sign in" },
  { account: null, url: (ids) => `/sign/${ids.tokens.signing}`, button: "Sign the charter" },
  { account: TWO_FACTOR_ACCOUNT, url: () => "/two-factor", button: "Continue", fill: [["Code", "000000"]] },
  { account: "pm.walsall@example.com", url: () => "/two-factor/set-up", button: "Turn on two-factor sign-in", fill: [["Code from the app", "000000"]] },
  { account: "pm.walsall@example.com", url: () => "/account", button: "Change password" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/workforce/posts/new", button: "Add post" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/workforce/teams", button: "Add team" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/training/staff/new", button: "Add the person" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/funding/streams", button: "Add the stream" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/plan/milestones/new", button: "Add milestone" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/plan/raid/new?kind=issue", button: "Add issue" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/hubs/new", button: "Add hub" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/settings/people", button: "Send invitation" },
  { account: "pm.walsall@example.com", url: () => "/a/walsall/settings/go-live", button: "Save", fill: [["Staff trained in MI (%)", "150"]] },
  { account: "pm.dudley@example.com", url: () => "/a/dudley/partnership/charter/new", button: "Save the draft", fill: [["Title", ""]] },
  { account: "board.dudley@example.com", url: (ids) => `/a/dudley/partnership/charter/${ids.dudleyVersionId}/sign`, button: "Sign the charter" },
  { account: "national.admin@example.com", url: () => "/national/authorities/new", button: "Add authority" },
];

/**
 * axe needs JavaScript in the page; a page answered with JavaScript off is checked as served:
 * its HTML, with the app's styles and without its scripts, in a page that allows axe to run.
 */
async function axeServerPage(page: Page, where: string): Promise<string[]> {
  const html = await page.content();
  const checker = await openPage(run.browser, { javaScript: true, baseURL: run.app.url });
  await checker.page.route(`${run.app.url}/build/**`, (r) => r.abort());
  await checker.page.route(`${run.app.url}/a11y-served-page`, (r) => r.fulfill({ status: 200, contentType: "text/html", body: html.replace(/<script\b[\s\S]*?<\/script>/g, "") }));
  await checker.page.goto("/a11y-served-page", { waitUntil: "load" });
  const found = await axeFindings(checker.page, where);
  await checker.context.close();
  return found;
}

/** Ids for the URLs: the sweep made them (links, previews); read them back from its groups. */
async function sweepIds(): Promise<SweepIds> {
  const groups = await sweepPages(run.app);
  const urls = groups.flatMap((g) => g.urls);
  const pick = (re: RegExp) => urls.map((u) => re.exec(u)?.[1]).find(Boolean)!;
  return {
    tokens: { reset: pick(/^\/reset-password\/(?!no-such)(.+)$/), invitation: pick(/^\/invitations\/(?!no-such)(.+)$/), signing: pick(/^\/sign\/(?!no-such)(.+)$/) },
    dudleyVersionId: pick(/^\/a\/dudley\/partnership\/charter\/([^/]+)\/sign$/),
  } as SweepIds;
}

describe.skipIf(browserMissing)("forms after a failed submission", () => {
  for (const mode of JS_MODES) {
    it(`show the error summary and the field errors accessibly ${mode.label}${mode.javaScript ? ", with focus on the summary" : ""}`, async () => {
      const ids = await sweepIds();
      const findings: string[] = [];
      for (const form of FAILED_FORMS) {
        const url = form.url(ids);
        const session = form.account ? await run.app.sessionCookie(form.account) : undefined;
        const { page, context, errors } = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url, session });
        await page.goto(url, { waitUntil: "networkidle" });
        for (const [label, value] of form.fill ?? []) await page.getByLabel(label, { exact: true }).fill(value);
        await page.getByRole("button", { name: form.button, exact: true }).click();
        const summary = page.locator(".govuk-error-summary");
        await summary.waitFor();
        await page.waitForLoadState("networkidle");
        if ((await page.locator(".govuk-error-message").count()) === 0 && !(await summary.textContent())?.includes("There is a problem")) findings.push(`${url}: no field error shown`);
        if (mode.javaScript) {
          const focused = await page.evaluate(() => Boolean(document.activeElement?.closest(".govuk-error-summary")));
          if (!focused) findings.push(`${url}: focus is not on the error summary`);
        }
        const found = [...(mode.javaScript ? await axeFindings(page, `${url} (failed submission)`) : await axeServerPage(page, `${url} (failed submission)`)), ...errors.map((e) => `${url}: ${e}`)];
        console.log(`${url} after a failed submission: ${found.length} findings${found.length ? `\n${found.join("\n")}` : ""}`);
        findings.push(...found);
        await context.close();
      }
      expect(findings).toEqual([]);
    }, 300_000);
  }
});

/** What the keyboard reaches, and whether each focused element shows it. */
interface Stop {
  key: string;
  /** Tag, id, type and classes, for messages. */
  what: string;
  visible: boolean;
  inMain: boolean;
}

/**
 * Marks every control a keyboard user should reach (one per radio group) and returns their keys.
 * Controls in closed <details> or hidden are left out: they are not reachable until shown.
 */
async function markControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
    const keys: string[] = [];
    const radioGroups = new Set<string>();
    document.querySelectorAll<HTMLElement>(selector).forEach((el, i) => {
      const style = getComputedStyle(el);
      const hiddenInput = el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox");
      // GOV.UK radios and checkboxes are transparent inputs drawn by their label.
      if (!hiddenInput && (!el.checkVisibility({ visibilityProperty: true }) || style.display === "none")) return;
      if (hiddenInput && !el.closest("label, .govuk-radios__item, .govuk-checkboxes__item")?.checkVisibility()) return;
      if (el.closest("details:not([open])") && el.tagName !== "SUMMARY") return;
      let key = `c${i}`;
      if (el instanceof HTMLInputElement && el.type === "radio") {
        key = `radio:${el.form?.id ?? ""}:${el.name}`;
        if (radioGroups.has(key)) {
          el.dataset.kbKey = key;
          return;
        }
        radioGroups.add(key);
      }
      el.dataset.kbKey = key;
      keys.push(key);
    });
    return keys;
  });
}

/** The focused element: its key, and whether an outline or box-shadow (on it, or on its drawn label) shows focus. */
async function currentStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const shows = (s: CSSStyleDeclaration) =>
      (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== "rgba(0, 0, 0, 0)" && s.outlineColor !== "transparent") || (s.boxShadow !== "none" && s.boxShadow !== "");
    // A date input's focus is inside its own parts, so the input matches :focus but not :focus-visible.
    let visible = el.matches(":focus-visible, input:focus, select:focus, textarea:focus") && shows(getComputedStyle(el));
    // Past its day, month and year, a date input's calendar button takes a Tab stop: the input then
    // does not match :focus and Chromium reports no style for the button (a pseudo-element), which
    // app.scss gives the GOV.UK focus ring.
    if (!visible && el instanceof HTMLInputElement && el.type === "date" && !el.matches(":focus")) visible = true;
    if (!visible && el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
      const label = el.labels?.[0];
      if (label) visible = shows(getComputedStyle(label, "::before")) || shows(getComputedStyle(label, "::after"));
    }
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("type") ? `[type=${el.getAttribute("type")}]` : ""}.${el.className}`;
    return { key: el.dataset.kbKey ?? `unmarked ${what}`, what, visible, inMain: Boolean(el.closest("main")) };
  });
}

/** Tabs from the top of the page to past its last control and back again: every control reached, focus always shown, never stuck. */
async function tabThrough(page: Page, where: string): Promise<string[]> {
  const expected = await markControls(page);
  const problems: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: string[] = [];
  let left = false;
  let repeats = 0;
  // A date input takes a Tab per part (day, month, year): a few presses per control at most.
  for (let i = 0; i < expected.length * 4 + 10; i++) {
    await page.keyboard.press("Tab");
    const stop = await currentStop(page);
    if (!stop) {
      left = true; // focus left the page after the last control: no trap
      break;
    }
    if (!stop.visible) problems.push(`${where}: ${stop.what} has no visible focus indicator`);
    if (seen.length && stop.key === seen[seen.length - 1]) {
      if (++repeats > 3) {
        problems.push(`${where}: focus stuck on ${stop.key}`);
        break;
      }
      continue;
    }
    repeats = 0;
    seen.push(stop.key);
  }
  if (!left) problems.push(`${where}: Tab never left the page (trap?): last stops ${seen.slice(-5).join(", ")}`);
  const missed = expected.filter((k) => !seen.includes(k));
  if (missed.length) {
    const labels = await page.evaluate((keys) => keys.map((k) => document.querySelector(`[data-kb-key="${k}"]`)?.outerHTML.slice(0, 120)), missed);
    problems.push(`${where}: not reached by Tab: ${labels.join(" | ")}`);
  }
  const unexpected = seen.filter((k) => !expected.includes(k));
  if (unexpected.length) problems.push(`${where}: Tab stopped on what is not a visible control: ${unexpected.join(", ")}`);
  // And back: Shift+Tab from the last control reaches the first.
  await page.locator(`[data-kb-key="${expected[expected.length - 1]}"]`).first().focus();
  let back = 0;
  for (; back < expected.length * 4 + 10; back++) {
    const stop = await currentStop(page);
    if (stop?.key === expected[0]) break;
    await page.keyboard.press("Shift+Tab");
  }
  if (back >= expected.length * 4 + 10) problems.push(`${where}: Shift+Tab from the last control never reached the first`);
  return problems;
}

describe.skipIf(browserMissing)("keyboard", () => {
  for (const mode of JS_MODES) {
    it(`the skip link is the first stop and lands on the main content ${mode.label}`, async () => {
      const { page, context, errors } = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url, session: await run.app.sessionCookie("pm.walsall@example.com") });
      await page.goto("/a/walsall", { waitUntil: "networkidle" });
      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => ({ text: document.activeElement?.textContent, visible: document.activeElement!.getBoundingClientRect().height > 10 }));
      expect(skip).toEqual({ text: "Skip to main content", visible: true });
      await page.keyboard.press("Enter");
      await expect(page.evaluate(() => [location.hash, document.activeElement?.id])).resolves.toEqual(["#main-content", "main-content"]);
      await page.keyboard.press("Tab");
      const next = await currentStop(page);
      expect(next?.inMain).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`every control on key pages is reached by Tab with a visible focus indicator, and nothing traps focus ${mode.label}`, async () => {
      const ids = await sweepIds();
      const problems: string[] = [];
      for (const [account, url] of [
        ["pm.walsall@example.com", "/a/walsall"],
        ["pm.walsall@example.com", "/a/walsall/plan/milestones/new"],
        ["pm.walsall@example.com", "/a/walsall/workforce/posts/new"],
        ["board.dudley@example.com", `/a/dudley/partnership/charter/${ids.dudleyVersionId}/sign`],
        [null, `/sign/${ids.tokens.signing}`],
      ] as const) {
        const session = account ? await run.app.sessionCookie(account) : undefined;
        const { page, context, errors } = await openPage(run.browser, { javaScript: mode.javaScript, baseURL: run.app.url, session });
        await page.goto(url, { waitUntil: "networkidle" });
        problems.push(...(await tabThrough(page, url)), ...errors);
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 180_000);
  }
});
