import { it } from "vitest";
import { startApp } from "./support/app";
import { launchBrowser, openPage } from "./support/browser";
it("shots", async () => {
  const app = await startApp();
  const browser = await launchBrowser();
  const { page, errors } = await openPage(browser, { javaScript: true, baseURL: app.url, session: await app.sessionCookie("contributor.walsall@example.com") });
  const paths = (process.env.SHOTS ?? "/a/walsall/training").split(",");
  for (const [i, p] of paths.entries()) {
    const res = await page.goto(p);
    console.log(p, res?.status());
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/fscheck/shot-${i}.png`, fullPage: true });
    if (res?.status() !== 200) console.log((await page.content()).slice(0, 3000));
  }
  console.log("errors", errors);
  await browser.close();
  await app.stop();
}, 120000);
