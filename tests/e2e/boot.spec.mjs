// The page's static boot message (index.html #aclf-boot): hidden while the app loads normally
// (laying it out first delayed the app, make bench), shown when the app cannot start, removed
// when the app mounts.
import { test, expect } from './support/fixtures.mjs';

test.describe('boot message', () => {
  test('stays hidden during a normal load and is removed when the app mounts', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    // Record, from the page itself, whether the message was ever rendered before the mount.
    await page.addInitScript(() => {
      window.__bootShown = false;
      new MutationObserver(() => {
        const boot = document.getElementById('aclf-boot');
        if (boot && boot.checkVisibility()) window.__bootShown = true;
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto('./');
    await expect(page.getByTestId('age')).toBeVisible();
    await expect(page.locator('#aclf-boot')).toHaveCount(0);
    expect(await page.evaluate(() => window.__bootShown)).toBe(false);
    await context.close();
  });

  test('is shown in both languages when the WebAssembly cannot load', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto('./');
    const boot = page.locator('#aclf-boot');
    await expect(boot).toBeVisible();
    await expect(boot).toContainText('this browser cannot run the tool');
    await expect(boot.locator('p[lang="zh-CN"]')).toContainText('无法运行本工具');
    await expect(page.getByTestId('age')).toHaveCount(0);
    expect(errors.length, 'the failed start is reported as an error too').toBeGreaterThan(0);
    await context.close();
  });

  test('is shown by unsupported.js, the nomodule script, which modern browsers never load', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('./');
    await expect(page.getByTestId('age')).toBeVisible();
    expect(requested.filter((p) => p.endsWith('/unsupported.js'))).toEqual([]);
    // What an old browser does: run the classic script against the static page.
    const res = await page.request.get('./unsupported.js');
    expect(res.ok()).toBe(true);
    const script = await res.text();
    await page.setContent('<div id="aclf-boot" hidden><p>Loading…</p></div>');
    await page.evaluate(script);
    await expect(page.locator('#aclf-boot')).toBeVisible();
    await context.close();
  });
});
