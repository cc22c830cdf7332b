// Helpers for the service worker, the app files of a build and the browser's storage.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/** Is the page controlled by a service worker? */
export function isControlled(page) {
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

/**
 * Waits until the service worker is ready and controls the page. The app's worker calls
 * clients.claim(), so the page usually becomes controlled without a reload; if it is still not
 * controlled after `claimWaitMs`, the page is reloaded once (then `afterReload(page)` runs, e.g.
 * widget.ready()). Returns { reloaded }.
 */
export async function waitUntilControlled(page, { timeout = 15_000, claimWaitMs = 3_000, afterReload } = {}) {
  await page.waitForFunction(() => 'serviceWorker' in navigator, null, { timeout });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  let reloaded = false;
  const claimed = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: claimWaitMs })
    .then(() => true, () => false);
  if (!claimed) {
    await page.reload();
    reloaded = true;
    if (afterReload) await afterReload(page);
  }
  await expect.poll(() => isControlled(page), { timeout, message: 'page controlled by the service worker' }).toBe(true);
  return { reloaded };
}

/** Every cache of Cache Storage: [{ name, urls }]. */
export function cacheDump(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out.push({ name, urls: (await cache.keys()).map((r) => r.url) });
    }
    return out;
  });
}

/** localStorage, sessionStorage (as [key, value] pairs), document.cookie, IndexedDB names. */
export function storageDump(page) {
  return page.evaluate(async () => {
    const dump = (s) => Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]);
    const dbs = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : ['(indexedDB.databases unsupported)'];
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, indexedDB: dbs };
  });
}

/** The files of a build folder, as URL paths under `prefix` (plus `prefix` itself for index.html). */
export function appPaths(dir, prefix = '/') {
  const paths = new Set([prefix]);
  for (const name of readdirSync(dir)) {
    if (statSync(join(dir, name)).isFile()) paths.add(`${prefix}${name}`);
  }
  return paths;
}

/** The `aclf-screen-<hex>` cache name written into a build's sw.js. */
export const CACHE_NAME = /aclf-screen-[0-9a-f]{8,}/;
