// Offline use and installability: after one visit the service worker serves the app, so a reload
// without network still computes; the web app manifest names the app and its icons load.
// A server of this file's own (any free port, dist at "/"), shut down for the offline part, so
// that everything the page then gets can only come from the service worker's cache.
import { test, expect } from './support/fixtures.mjs';
import { startServer } from './serve.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';
import { waitUntilControlled } from './support/sw.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';

/** Width and height from a PNG's IHDR chunk (null if not a PNG). */
function pngSize(buf) {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(sig) || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test.describe('offline and installable', () => {
  let server;
  test.beforeAll(async () => {
    server = await startServer({ port: 0, mounts: { '/': DIST } });
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('after one visit, an offline reload still screens the refer patient (MELD 26, both refer)', async ({ openWidget }, testInfo) => {
    const widget = await openWidget({ contextOptions: { baseURL: server.url } });
    const { page } = widget;
    const { reloaded } = await waitUntilControlled(page, { afterReload: () => widget.ready() });
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      return Promise.all(names.map(async (n) => `${n}: ${(await (await caches.open(n)).keys()).length}`));
    });

    // Truly offline: the server is shut down (Chromium's network emulation alone does not cover
    // the browser's own update check of sw.js), and the context is set offline.
    await server.close();
    server = null;
    await page.context().setOffline(true);
    await page.reload();
    await widget.ready();
    expect(await page.evaluate(() => navigator.onLine), 'navigator.onLine').toBe(false);
    // The network really is gone: a file that is not cached cannot be fetched.
    const uncached = await page.evaluate(() => fetch(`./not-cached-${Date.now()}.txt`).then((r) => `status ${r.status}`, () => 'failed'));
    expect(uncached, 'fetching an uncached file offline').toBe('failed');

    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(1, 'refer');
    await widget.expectVerdict(2, 'refer');

    // A query string (?lang=) is the same cached page.
    await page.goto('./?lang=zh-CN');
    await widget.ready();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    testInfo.annotations.push({ type: 'service worker', description: `controlled ${reloaded ? 'after one reload' : 'without a reload (clients.claim)'}; Cache Storage: ${cached.join(', ')}; served with the server shut down and the context offline` });
    await page.context().setOffline(false);
    server = await startServer({ port: 0, mounts: { '/': DIST } });
  });

  test('the manifest names the app and lists 192, 512 and maskable PNG icons that load', async ({ playwright, browser }, testInfo) => {
    const api = await playwright.request.newContext({ baseURL: server.url });
    try {
      // The page links the manifest, a favicon and an apple-touch-icon.
      const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto('./');
      const links = await page.evaluate(() => Object.fromEntries(
        ['manifest', 'icon', 'apple-touch-icon'].map((rel) => [rel, document.querySelector(`link[rel="${rel}"]`)?.href ?? null]),
      ));
      expect(links.manifest, 'link rel=manifest').toBe(`${server.url}manifest.webmanifest`);

      const res = await api.get(links.manifest);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
      const manifest = await res.json();
      expect(manifest.name, 'name').toMatch(/ACLF/);
      expect(manifest.short_name, 'short_name').toBeTruthy();
      expect(manifest.start_url, 'start_url').toBe('./');
      expect(manifest.display, 'display').toBe('standalone');

      const icons = manifest.icons ?? [];
      const has = (sizes, purpose) => icons.some((i) => i.sizes === sizes && (i.purpose ?? 'any').split(/\s+/).includes(purpose));
      expect(has('192x192', 'any'), 'a 192x192 icon').toBe(true);
      expect(has('512x512', 'any'), 'a 512x512 icon').toBe(true);
      expect(has('512x512', 'maskable'), 'a maskable 512x512 icon').toBe(true);

      const urls = [
        ...icons.map((i) => ({ url: new URL(i.src, links.manifest).href, sizes: i.sizes })),
        { url: links.icon, sizes: '32x32' },
        { url: links['apple-touch-icon'], sizes: '192x192' },
      ];
      const seen = [];
      for (const { url, sizes } of urls) {
        const r = await api.get(url);
        expect(r.status(), `${url} status`).toBe(200);
        expect(r.headers()['content-type'], `${url} content-type`).toBe('image/png');
        const size = pngSize(await r.body());
        expect(size, `${url} is a PNG`).not.toBeNull();
        expect(`${size.width}x${size.height}`, `${url} pixel size`).toBe(sizes);
        // And the browser decodes it under the page's CSP (img-src 'self').
        const natural = await page.evaluate(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return `${img.naturalWidth}x${img.naturalHeight}`;
        }, url);
        expect(natural, `${url} decoded by the browser`).toBe(sizes);
        seen.push(`${new URL(url).pathname} ${sizes}`);
      }
      testInfo.annotations.push({ type: 'icons', description: seen.join(', ') });
      await context.close();
    } finally {
      await api.dispose();
    }
  });
});
