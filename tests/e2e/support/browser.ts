import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser tests need Debian's Chromium. CI sets REQUIRE_BROWSER=1 so a missing browser fails the
 * run; on a developer's machine without it the tests are skipped with this reason.
 */
export const browserMissing: string | null = existsSync(CHROMIUM_PATH)
  ? null
  : `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;

if (browserMissing && process.env.REQUIRE_BROWSER === "1") {
  throw new Error(`Browser tests are required (REQUIRE_BROWSER=1) but ${browserMissing}`);
}
if (browserMissing) console.warn(`Skipping browser tests: ${browserMissing}`);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The machine's network is closed: keep Chromium from reaching out on its own.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface BrowserPage {
  page: Page;
  context: BrowserContext;
  /** Errors the page logged or threw; a test fails on any. */
  errors: string[];
}

export async function openPage(
  browser: Browser,
  options: { javaScript: boolean; baseURL: string; session?: { name: string; value: string; url: string } },
): Promise<BrowserPage> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript, baseURL: options.baseURL, locale: "en-GB", timezoneId: "Europe/London" });
  if (options.session) await context.addCookies([{ ...options.session, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    // A form answered with 400/409/422 (validation) or a 404 page is expected; the browser logs it anyway.
    if (m.type() === "error" && !/Failed to load resource: the server responded with a status of (400|404|409|422)/.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, context, errors };
}

/** Run a browser test once with JavaScript on and once with it off. */
export const JS_MODES = [
  { javaScript: true, label: "with JavaScript" },
  { javaScript: false, label: "without JavaScript" },
] as const;
