// Privacy: no network request after load; nothing clinical in storage, cookies or the URL (only
// the language choice may be stored).
import { test, expect } from './support/fixtures.mjs';
import { startServer } from './serve.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';

// Distinctive values, so that finding one of them anywhere is unambiguous.
const TYPED = {
  age: '47',
  sex: 'female',
  etiology: 'hbv',
  chronic: 'yes',
  tbil: '343.7',
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
const NEEDLES = ['343.7', '271.9', '2.13', '31.5', '91.3', '133.4', '29.6', 'female', 'hbv'];

/** Waits until loading is over: load event, network idle, and a service worker (if any) ready. */
async function settle(page) {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return;
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg) return;
    await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 5000))]);
  });
  await page.waitForLoadState('networkidle');
}

async function storageDump(page) {
  return page.evaluate(() => {
    const dump = (s) => Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i))]);
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie };
  });
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

  test('no request after load while filling the whole form, switching language and copying; nothing stored', async ({ openWidget }) => {
    // A server of this test's own, so that its log is the ground truth (it also sees requests
    // the browser makes by itself, which Playwright's request events never report).
    const server = await startServer({ root: DIST, port: 0 });
    try {
      await runPrivacyScenario(openWidget, server);
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

async function runPrivacyScenario(openWidget, server) {
  const widget = await openWidget({
    contextOptions: { baseURL: server.url, permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const { page } = widget;
  await settle(page);
  const initialUrl = page.url();
  const hitsAtLoad = server.hits.length;

  const after = [];
  const record = (r) => after.push(`${r.method()} ${r.url()}`);
  page.on('request', record);
  page.context().on('request', record);

  await widget.fillPatient({
    ...TYPED,
    'tbil-date': await widget.date(-1),
    'tbil-earlier-date': await widget.date(-3),
  });
  await expect(widget.score('meld'), 'MELD computed').toHaveText(/^\d+$/);
  await widget.switchLanguage('zh-CN');
  await widget.get('copy-summary').click();
  await widget.set('inr', '25'); // an error path too
  await widget.switchLanguage('en');
  await widget.set('inr', TYPED.inr);
  await page.waitForTimeout(2500); // let any deferred work (timers, service worker checks) happen

  page.off('request', record);
  page.context().off('request', record);
  expect([...new Set(after)], 'network requests after load').toEqual([]);

  // Storage: nothing typed; at most the language choice.
  const storage = await storageDump(page);
  const entries = [...storage.local, ...storage.session];
  const blob = JSON.stringify(entries);
  for (const needle of NEEDLES) expect(blob, `storage must not contain "${needle}"`).not.toContain(needle);
  expect(entries.length, `at most one stored entry (the language): ${blob}`).toBeLessThanOrEqual(1);
  for (const [key, value] of entries) {
    expect(value.length, `stored value under "${key}" is short (a language code)`).toBeLessThan(40);
    expect(value, `stored value under "${key}" is a language choice`).toMatch(/\b(en|zh-CN)\b/);
  }

  // Cookies: none.
  expect(storage.cookie, 'document.cookie').toBe('');
  expect(await page.context().cookies(), 'context cookies').toEqual([]);

  // IndexedDB: no database.
  const dbs = await page.evaluate(async () => (indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : []));
  expect(dbs, 'IndexedDB databases').toEqual([]);

  // URL: unchanged (a lang=... parameter is tolerated as the language choice), nothing typed.
  const strip = (u) => {
    const url = new URL(u);
    url.searchParams.delete('lang');
    return url.href;
  };
  expect(strip(page.url()), 'URL after all entries').toBe(strip(initialUrl));
  for (const needle of NEEDLES) expect(decodeURIComponent(page.url())).not.toContain(needle);

  // The server's view: nothing at all after load (this also covers browser-initiated requests).
  const late = server.hits.slice(hitsAtLoad).map((h) => `${h.status} ${h.method} ${h.url}`);
  expect(late, 'requests the server saw after load').toEqual([]);
}
