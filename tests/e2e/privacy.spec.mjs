// Privacy. The rule, now that the app has a service worker:
// - nothing ever goes to another origin;
// - after load, the only requests are same-origin GETs of the app's own files (the service
//   worker's precache and update fetches, the manifest, icons, favicon), with no query string and
//   no body - whatever the user types, selects, copies or switches;
// - nothing typed ends up in localStorage, sessionStorage, IndexedDB, cookies, the URL or Cache
//   Storage (only the language choice may be stored; the caches hold the app's files only).
// What was counted is recorded as annotations (and an attached JSON report) of each test.
import { test, expect } from './support/fixtures.mjs';
import { startServer } from './serve.mjs';
import { appPaths, cacheDump, storageDump, waitUntilControlled } from './support/sw.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';

// Distinctive values, so that finding one of them anywhere is unambiguous.
const TYPED = {
  age: '47',
  sex: 'female',
  etiology: 'hbv',
  chronic: 'yes',
  tbil: '342.7',
  'tbil-earlier': '271.9',
  inr: '2.13',
  pta: '31.5',
  creatinine: '91.3',
  dialysis: true,
  sodium: '133.4',
  albumin: '29.6',
  he: 'present',
  'he-grade': '2',
  hrs: 'absent',
  'bleeding-signs': 'yes',
  consent: 'yes',
  contraception: 'yes',
};
const NEEDLES = ['47', '342.7', '271.9', '2.13', '31.5', '91.3', '133.4', '29.6', 'female', 'hbv'];

/**
 * Does `text` contain `needle` as a value of its own (not inside a longer number, word or hex
 * hash)? '47' must not match 'ab47cd' (a file hash) or '1470', but matches 'age=47' or '"47"'.
 */
function containsValue(text, needle) {
  const esc = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^0-9A-Za-z.])${esc}($|[^0-9A-Za-z])`).test(text);
}

function expectNoValues(text, where) {
  const found = NEEDLES.filter((n) => containsValue(text, n));
  expect(found, `typed values found in ${where}: ${text.slice(0, 500)}`).toEqual([]);
}

/** Waits until loading is over: load event, network idle, the service worker in control. */
async function settle(page) {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle');
  await waitUntilControlled(page);
  await page.waitForLoadState('networkidle');
}

test.describe('privacy', () => {
  test('the initial load stays on this origin', async ({ openWidget, baseURL }) => {
    const urls = [];
    await openWidget({
      beforeGoto: (context) => context.on('request', (r) => urls.push(r.url())),
    });
    const origin = new URL(baseURL).origin;
    const foreign = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign, 'requests to other origins during load').toEqual([]);
  });

  test('after load only same-origin GETs of app files (no query, no body) while filling, switching language and copying; nothing typed is stored anywhere', async ({ openWidget }, testInfo) => {
    // A server of this test's own, so that its log is the ground truth (it also sees requests
    // the browser makes by itself, which Playwright's request events never report).
    const server = await startServer({ root: DIST, port: 0, mounts: { '/': DIST } });
    try {
      await runPrivacyScenario(openWidget, server, testInfo);
    } finally {
      await server.close();
    }
  });

  test('a reload starts with an empty form (nothing clinical restored)', async ({ widget }) => {
    await widget.fillPatient({ ...TYPED });
    await widget.page.reload();
    await widget.ready();
    for (const field of ['age', 'tbil', 'tbil-earlier', 'inr', 'pta', 'creatinine', 'sodium', 'albumin']) {
      await expect(widget.get(field), `${field} after reload`).toHaveValue('');
    }
    await expect(widget.get('sex')).toHaveValue('');
    await expect(widget.get('dialysis')).not.toBeChecked();
  });
});

async function runPrivacyScenario(openWidget, server, testInfo) {
  const origin = new URL(server.url).origin;
  const allowed = appPaths(DIST, '/');

  // Every request the browser context reports (pages and, in Chromium, the service worker),
  // from before the first navigation on; `loaded` marks the load event of that navigation.
  const seen = [];
  let loaded = false;
  const record = (r) => seen.push({
    afterLoad: loaded,
    method: r.method(),
    url: r.url(),
    body: r.postDataBuffer()?.length ?? 0,
    fromServiceWorker: Boolean(r.serviceWorker?.()),
    type: r.resourceType(),
  });

  let hitsAtLoad = 0;
  const widget = await openWidget({
    contextOptions: { baseURL: server.url, permissions: ['clipboard-read', 'clipboard-write'] },
    beforeGoto: (context, page) => {
      context.on('request', record);
      page.once('load', () => { loaded = true; hitsAtLoad = server.hits.length; });
    },
  });
  const { page } = widget;
  await settle(page);
  const initialUrl = page.url();
  const seenBeforeTyping = seen.length;
  const hitsBeforeTyping = server.hits.length;

  await widget.fillPatient({
    ...TYPED,
    'tbil-date': await widget.date(-1),
    'tbil-earlier-date': await widget.date(-3),
  });
  await expect(widget.score('meld'), 'MELD computed').toHaveText(/^\d+$/);
  await widget.switchLanguage('zh-CN');
  await widget.get('copy-summary').click();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard, 'the copied summary holds the typed values (so the copy really happened)').toContain('342.7');
  await widget.set('inr', '25'); // an error path too
  await widget.switchLanguage('en');
  await widget.set('inr', TYPED.inr);
  await widget.get('copy-summary').click();
  await page.waitForTimeout(2500); // let any deferred work (timers, service worker checks) happen
  page.context().off('request', record);

  // 1. The browser's view (Playwright request events, service worker included). The rule for
  //    "after load" holds for the initial load too (the page and its files carry no query), so
  //    it is applied to every request; the split at the load event is only reported.
  const foreign = seen.filter((r) => !r.url.startsWith(`${origin}/`) && !/^(data|blob):/.test(r.url));
  expect(foreign, 'requests to another origin (ever)').toEqual([]);
  const network = seen.filter((r) => !/^(data|blob):/.test(r.url));
  const late = network.filter((r) => r.afterLoad);
  const bad = network.filter((r) => {
    const u = new URL(r.url);
    return r.method !== 'GET' || r.body > 0 || u.search !== '' || u.hash !== '' || !allowed.has(u.pathname);
  });
  expect(bad.map((r) => `${r.method} ${r.url} body=${r.body}`), 'requests that are not plain GETs of app files').toEqual([]);
  for (const r of seen) expectNoValues(decodeURIComponent(r.url), `request URL ${r.url}`);

  // 2. The server's view (also browser-initiated requests, e.g. a favicon).
  const lateHits = server.hits.slice(hitsAtLoad);
  const badHits = server.hits.filter((h) => {
    const u = new URL(h.url, origin);
    return h.method !== 'GET' || h.bodyBytes > 0 || Number(h.contentLength ?? 0) > 0 || h.transferEncoding
      || u.search !== '' || !allowed.has(u.pathname) || h.status !== 200;
  });
  expect(badHits.map((h) => `${h.status} ${h.method} ${h.url} body=${h.bodyBytes}`), 'server hits that are not plain 200 GETs of app files').toEqual([]);
  for (const h of server.hits) expectNoValues(decodeURIComponent(h.url), `server hit ${h.url}`);

  // 3. Storage: nothing typed; at most the language choice.
  const storage = await storageDump(page);
  const entries = [...storage.local, ...storage.session];
  const blob = JSON.stringify(entries);
  expectNoValues(blob, 'localStorage/sessionStorage');
  expect(entries.length, `at most one stored entry (the language): ${blob}`).toBeLessThanOrEqual(1);
  for (const [key, value] of entries) {
    expect(value.length, `stored value under "${key}" is short (a language code)`).toBeLessThan(40);
    expect(value, `stored value under "${key}" is a language choice`).toMatch(/^(en|zh-CN)$/);
  }
  expect(storage.session, 'sessionStorage').toEqual([]);

  // 4. Cookies: none. IndexedDB: no database.
  expect(storage.cookie, 'document.cookie').toBe('');
  expect(await page.context().cookies(), 'context cookies').toEqual([]);
  expect(storage.indexedDB, 'IndexedDB databases').toEqual([]);

  // 5. URL: unchanged, nothing typed.
  expect(page.url(), 'URL after all entries').toBe(initialUrl);
  expectNoValues(decodeURIComponent(page.url()), 'the URL');

  // 6. Cache Storage: only the app's own caches, holding only app files without query strings.
  const caches = await cacheDump(page);
  expect(caches.length, 'one cache (the service worker precache)').toBe(1);
  for (const { name, urls } of caches) {
    expect(name, 'cache name').toMatch(/^aclf-screen-[0-9a-f]+$/);
    const bad = urls.filter((u) => {
      const url = new URL(u);
      return url.origin !== origin || url.search !== '' || url.hash !== '' || !allowed.has(url.pathname);
    });
    expect(bad, `cached requests in ${name} that are not app files`).toEqual([]);
    expectNoValues(JSON.stringify(urls), `cache ${name}`);
  }

  // What was counted.
  const count = (list, pred) => list.filter(pred).length;
  const summary = {
    requestsTotal: seen.length,
    requestsBeforeLoadEvent: seen.length - late.length,
    requestsAfterLoadEvent: late.length,
    requestsAfterLoadFromServiceWorker: count(late, (r) => r.fromServiceWorker),
    requestsWhileTypingSwitchingCopying: seen.length - seenBeforeTyping,
    serverHitsWhileTypingSwitchingCopying: server.hits.length - hitsBeforeTyping,
    dataOrBlobUrls: seen.length - network.length,
    requestsBeforeLoad: [...new Set(network.filter((r) => !r.afterLoad).map((r) => `${r.method} ${new URL(r.url).pathname}${r.fromServiceWorker ? ' (sw)' : ''}`))],
    requestsAfterLoad: [...new Set(late.map((r) => `${r.method} ${new URL(r.url).pathname}${r.fromServiceWorker ? ' (sw)' : ''}`))],
    serverHitsTotal: server.hits.length,
    serverHitsAfterLoadEvent: lateHits.length,
    serverHitsAfterLoad: lateHits.map((h) => `${h.status} ${h.method} ${h.url}`),
    localStorageKeys: storage.local.map(([k, v]) => `${k}=${v}`),
    sessionStorageKeys: storage.session.map(([k]) => k),
    indexedDB: storage.indexedDB,
    cookies: storage.cookie,
    caches: caches.map((c) => `${c.name}: ${c.urls.length} entries`),
  };
  testInfo.annotations.push(
    { type: 'requests', description: `${summary.requestsTotal} browser requests (${summary.requestsAfterLoadEvent} after the load event, ${summary.requestsAfterLoadFromServiceWorker} of them by the service worker); ${summary.serverHitsTotal} server hits (${summary.serverHitsAfterLoadEvent} after load); ${summary.requestsWhileTypingSwitchingCopying} requests / ${summary.serverHitsWhileTypingSwitchingCopying} server hits while typing, switching and copying; 0 foreign` },
    { type: 'storage', description: `localStorage [${summary.localStorageKeys.join(', ')}]; sessionStorage [${summary.sessionStorageKeys.join(', ')}]; IndexedDB [${summary.indexedDB.join(', ')}]; cookies "${summary.cookies}"; Cache Storage [${summary.caches.join('; ')}]` },
  );
  await testInfo.attach('privacy-counts.json', { body: JSON.stringify(summary, null, 2), contentType: 'application/json' });
}
