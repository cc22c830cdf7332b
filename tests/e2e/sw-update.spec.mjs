// Service worker update: a rebuilt dist/ (new cache name in sw.js, a changed file) replaces the
// old version. The page that an old worker controls shows the "new version" banner with a
// Reload button, and Cache Storage ends up holding only the new cache.
// Each test serves its own temporary copy of dist/ (on its own port) and edits it in place.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/fixtures.mjs';
import { startServer } from './serve.mjs';
import { CACHE_NAME, isControlled, waitUntilControlled } from './support/sw.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';
// The browser checks sw.js asynchronously (TOOLCHAIN.md: ~1.5 s after load, new cache ~2.6 s).
const UPDATE_TIMEOUT = 20_000;

/** A temporary copy of the build, served on its own port (dist at "/" only). */
async function servedCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'aclf-sw-update-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await startServer({ port: 0, mounts: { '/': dir } });
  return {
    dir,
    server,
    async dispose() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Simulates a rebuilt dist/ in `dir`: a new cache name in sw.js and a changed CSS file (a custom
 * property on the widget's wrapper, so the new version is observable). As a real rebuild would,
 * index.html gets the CSS's new subresource-integrity hash (otherwise the browser blocks the
 * changed file). Returns { oldCache, newCache, cssFile, marker }.
 */
function rebuild(dir) {
  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const oldCache = sw.match(CACHE_NAME)?.[0];
  if (!oldCache) throw new Error('no aclf-screen-<hex> cache name in sw.js');
  const newCache = `aclf-screen-${Date.now().toString(16).padStart(16, '0').slice(-16)}`;
  writeFileSync(swPath, sw.split(oldCache).join(newCache));

  const cssFile = readdirSync(dir).find((f) => /^main-.*\.css$/.test(f));
  if (!cssFile) throw new Error('no main-*.css in the build');
  const marker = newCache.slice(-8);
  const oldCss = readFileSync(join(dir, cssFile));
  const newCss = Buffer.concat([oldCss, Buffer.from(`\n/* rebuilt */ .aclf { --aclf-rebuilt: "${marker}"; }\n`)]);
  writeFileSync(join(dir, cssFile), newCss);
  const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
  const indexPath = join(dir, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  if (index.includes(sri(oldCss))) writeFileSync(indexPath, index.split(sri(oldCss)).join(sri(newCss)));
  return { oldCache, newCache, cssFile, marker };
}

const cacheNames = (page) => page.evaluate(() => caches.keys());
const updateBanner = (page) => page.getByRole('status').filter({ hasText: /new version/i });

test.describe('service worker update', () => {
  test('a page controlled by the old worker (second visit) shows the update banner; only the new cache remains; Reload serves the new files', async ({ openWidget }, testInfo) => {
    const copy = await servedCopy();
    try {
      const widget = await openWidget({ contextOptions: { baseURL: copy.server.url } });
      const { page } = widget;
      await waitUntilControlled(page, { afterReload: () => widget.ready() });
      // A later visit: the page was controlled from the start (as after any earlier visit).
      await page.reload();
      await widget.ready();
      expect(await isControlled(page), 'controlled at load').toBe(true);
      const before = await cacheNames(page);

      const { oldCache, newCache, cssFile, marker } = rebuild(copy.dir);
      expect(before, 'the old cache before the update').toEqual([oldCache]);
      await expect(updateBanner(page), 'no banner before the update').toHaveCount(0);

      const started = Date.now();
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await expect.poll(() => updateBanner(page).isVisible(), { timeout: UPDATE_TIMEOUT, message: 'update banner shown' }).toBe(true);
      const bannerAfter = Date.now() - started;
      await expect(updateBanner(page)).toContainText('A new version of this tool is available.');
      const reload = updateBanner(page).getByRole('button', { name: 'Reload' });
      await expect(reload).toBeVisible();

      await expect.poll(() => cacheNames(page), { timeout: UPDATE_TIMEOUT, message: 'only the new cache' }).toEqual([newCache]);
      const cacheAfter = Date.now() - started;

      // The form is untouched by the update; Reload loads the new version.
      await reload.click();
      await page.waitForLoadState('load');
      await widget.ready();
      await expect(updateBanner(page), 'no banner after the reload').toHaveCount(0);
      const applied = await widget.locator('.aclf').evaluate((el) => getComputedStyle(el).getPropertyValue('--aclf-rebuilt').trim());
      expect(applied, `the reloaded page applies the rebuilt ${cssFile}`).toBe(`"${marker}"`);
      expect(await cacheNames(page), 'still only the new cache').toEqual([newCache]);

      testInfo.annotations.push({ type: 'timing', description: `banner ${bannerAfter} ms after update(); caches [${oldCache}] -> [${newCache}] after ${cacheAfter} ms` });
    } finally {
      await copy.dispose();
    }
  });

  test('first visit (page controlled through clients.claim(), no reload) also shows the banner when an update activates', async ({ openWidget }, testInfo) => {
    const copy = await servedCopy();
    try {
      // The contract: the event fires "when a NEW service worker activates while an old one
      // controlled the page" - here the old worker controls the page through clients.claim().
      const widget = await openWidget({
        contextOptions: { baseURL: copy.server.url },
        initScript: () => {
          globalThis.__controlledAtLoad = null;
          globalThis.__updateEvents = 0;
          addEventListener('aclf-screen:update-available', () => { globalThis.__updateEvents += 1; });
          addEventListener('DOMContentLoaded', () => { globalThis.__controlledAtLoad = navigator.serviceWorker.controller !== null; });
        },
      });
      const { page } = widget;
      const { reloaded } = await waitUntilControlled(page, { afterReload: () => widget.ready() });
      const before = await cacheNames(page);

      const { newCache } = rebuild(copy.dir);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await expect.poll(() => cacheNames(page), { timeout: UPDATE_TIMEOUT, message: 'only the new cache' }).toEqual([newCache]);
      expect(await isControlled(page), 'still controlled (by the new worker)').toBe(true);
      const banner = await expect
        .poll(() => updateBanner(page).isVisible(), { timeout: 5_000, message: 'update banner shown' })
        .toBe(true)
        .then(() => null, (e) => e);
      const state = await page.evaluate(() => ({ controlledAtLoad: globalThis.__controlledAtLoad, updateEvents: globalThis.__updateEvents }));
      testInfo.annotations.push({
        type: 'observed',
        description: `controlled ${reloaded ? 'after one reload' : 'by clients.claim() without a reload'}; controller at load: ${state.controlledAtLoad}; caches ${JSON.stringify(before)} -> ${JSON.stringify([newCache])}; aclf-screen:update-available events: ${state.updateEvents}`,
      });
      if (banner) throw banner;
    } finally {
      await copy.dispose();
    }
  });
});
