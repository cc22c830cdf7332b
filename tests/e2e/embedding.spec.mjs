// Embedding: the example host pages of examples/ (served at /examples/ by serve.mjs, with the
// build at /tools/aclf/ on the same origin).
//  (i)   iframe, compact mode (?embed=1): loads, no visible h1, the ?phase= card first, reports
//        its height to the host (payload keys exactly type and height), the frame follows.
//  (ii)  mounted into a host <div> inside an open shadow root, under hostile global CSS: works,
//        keeps its look, data-lang applies, no service worker.
//  (iii) the build under a sub-path works as the app's own page.
// Every test uses a fresh context (no service worker registered by another test).
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT, Widget } from './pages/widget.mjs';

const NEEDLES = ['342', '88.4', '132', 'hbv'];

/** A fresh context + page; page errors are collected into `errors`. */
async function freshPage(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  return { context, page, errors };
}

/** Records, in the top-level page only, every message it receives. */
function recordMessages() {
  if (window.top !== window) return;
  globalThis.__messages = [];
  addEventListener('message', (e) => {
    const d = e.data;
    globalThis.__messages.push({
      origin: e.origin,
      fromFrame: e.source === document.getElementById('aclf-frame')?.contentWindow,
      kind: d === null ? 'null' : typeof d,
      keys: d && typeof d === 'object' ? Object.keys(d).sort() : [],
      data: d && typeof d === 'object' ? JSON.parse(JSON.stringify(d)) : d,
    });
  });
}

test.describe('embedding: iframe (examples/iframe.html)', () => {
  test('compact widget in the frame: no visible h1, phase 2 first, frame resized by height-only messages', async ({ browser, baseURL }, testInfo) => {
    const { context, page, errors } = await freshPage(browser, baseURL);
    try {
      await context.addInitScript(recordMessages);
      await page.goto('/examples/iframe.html');
      const frameEl = page.locator('#aclf-frame');
      const frame = page.frameLocator('#aclf-frame');
      const widget = new Widget(page, { root: frame });
      await widget.ready();

      // Compact: no header h1 (a print-only h1 may exist, hidden on screen).
      await expect(frame.locator('h1:visible'), 'visible h1 in the frame').toHaveCount(0);
      const h1Total = await frame.locator('h1').count();
      // The card of ?phase=phase2 comes first.
      await expect(frame.locator('[data-testid^="verdict-phase"]').first()).toHaveAttribute('data-testid', 'verdict-phase2');
      await expect(frame.locator('html')).toHaveAttribute('lang', 'en');

      // The host resized the frame to the reported height.
      const messages = () => page.evaluate(() => globalThis.__messages);
      await expect.poll(async () => (await messages()).length, { message: 'a first height message' }).toBeGreaterThan(0);
      const frameHeight = async () => (await frameEl.boundingBox()).height;
      const lastReported = async () => (await messages()).at(-1).data.height;
      await expect.poll(async () => Math.abs((await frameHeight()) - Math.ceil(await lastReported())), { message: 'frame height = reported height' }).toBeLessThanOrEqual(1);
      const initial = await frameHeight();

      // Content grows: labs entered, then "How this was computed" opened.
      await widget.fillPatient(REFER_PATIENT);
      await widget.expectScore('meld', '26');
      await widget.expectVerdict(2, 'refer');
      const withLabs = await frameHeight();
      await widget.locator('details.trail summary').first().click();
      await expect.poll(frameHeight, { message: 'frame grows when the details open', timeout: 10_000 }).toBeGreaterThan(withLabs + 20);
      const opened = await frameHeight();
      // The frame shows the whole widget: no inner scrolling.
      const inner = await frame.locator('html').evaluate((el) => el.scrollHeight);
      expect(inner, 'frame document height <= frame height').toBeLessThanOrEqual(Math.ceil(opened) + 1);
      // And shrinks again when they close.
      await widget.locator('details.trail summary').first().click();
      await expect.poll(frameHeight, { message: 'frame shrinks when the details close', timeout: 10_000 }).toBeLessThan(opened - 20);

      // Every message: from the widget's origin and frame, keys exactly type and height.
      const all = await messages();
      const origin = new URL(baseURL).origin;
      for (const m of all) {
        expect(m.origin, 'message origin').toBe(origin);
        expect(m.fromFrame, 'message from the frame').toBe(true);
        expect(m.keys, `payload keys of ${JSON.stringify(m.data)}`).toEqual(['height', 'type']);
        expect(m.data.type).toBe('aclf-screen:resize');
        expect(Number.isFinite(m.data.height) && m.data.height > 0, `height ${m.data.height}`).toBe(true);
      }
      const blob = JSON.stringify(all);
      for (const n of NEEDLES) expect(blob, `messages must not carry "${n}"`).not.toContain(n);

      // Nothing clinical in the frame's URL; no service worker in the frame.
      const child = await (await frameEl.elementHandle()).contentFrame();
      expect(new URL(child.url()).search, 'frame URL').toBe('?embed=1&lang=en&phase=phase2');
      expect(await child.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 'service workers').toBe(0);

      testInfo.annotations.push({
        type: 'frame heights',
        description: `${all.length} messages; initial ${initial}px, with labs ${withLabs}px, details open ${opened}px, closed again ${await frameHeight()}px; h1 in frame: ${h1Total} (none visible)`,
      });
      expect(errors, 'page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test.describe('embedding: mounted (examples/mount.html)', () => {
  test('works inside the open shadow root: refer patient, MELD 26, both refer; Chinese from data-lang; phase 2 first; no service worker', async ({ browser, baseURL }, testInfo) => {
    const { context, page, errors } = await freshPage(browser, baseURL);
    try {
      await page.goto('/examples/mount.html');
      const widget = new Widget(page); // getByTestId pierces open shadow roots
      await widget.ready();

      const host = page.locator('[data-aclf-screen]');
      const shadow = await host.evaluate((h) => ({
        mode: h.shadowRoot?.mode ?? null,
        links: h.shadowRoot ? [...h.shadowRoot.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')) : [],
        inLightDom: h.querySelectorAll('[data-testid]').length,
      }));
      expect(shadow.mode, 'shadow root mode').toBe('open');
      expect(shadow.inLightDom, 'widget elements outside the shadow root').toBe(0);
      expect(shadow.links, 'the hashed stylesheet linked inside the shadow root').toEqual([expect.stringMatching(/\/tools\/aclf\/main-[0-9a-f]+\.css$/)]);

      // data-lang="zh-CN": the wrapper's lang and the Chinese UI; the host page keeps its own.
      await expect(host.locator('.aclf')).toHaveAttribute('lang', 'zh-CN');
      await expect(widget.get('lang')).toHaveValue('zh-CN');
      await expect(host.locator('#results-heading')).toHaveText('结果');
      await expect(page.locator('html'), 'host <html lang> untouched').toHaveAttribute('lang', 'en');
      await expect(page, 'host title untouched').toHaveTitle(/example portal page|Portal page/i);
      // data-phase="phase2": that card first.
      await expect(host.locator('[data-testid^="verdict-phase"]').first()).toHaveAttribute('data-testid', 'verdict-phase2');

      await widget.fillPatient(REFER_PATIENT);
      await widget.expectScore('meld', '26');
      await widget.expectVerdict(1, 'refer');
      await widget.expectVerdict(2, 'refer');

      await page.waitForLoadState('networkidle');
      const sw = await page.evaluate(async () => ({
        registrations: (await navigator.serviceWorker.getRegistrations()).length,
        controlled: navigator.serviceWorker.controller !== null,
      }));
      expect(sw, 'no service worker on a host page').toEqual({ registrations: 0, controlled: false });
      testInfo.annotations.push({ type: 'shadow root', description: `open; stylesheet ${shadow.links.join(', ')}; 0 service worker registrations` });
      expect(errors, 'page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('keeps its look under the host page\'s hostile CSS (labels shown at 16px, inputs bordered, buttons readable)', async ({ browser, baseURL }, testInfo) => {
    const { context, page, errors } = await freshPage(browser, baseURL);
    try {
      await page.goto('/examples/mount.html');
      const widget = new Widget(page);
      await widget.ready();
      // The hostile rules are live on the host page itself.
      expect(await page.locator('body > h1').evaluate((el) => getComputedStyle(el).fontSize), 'host h1 under the hostile CSS').toBe('40px');

      const label = await widget.get('age').evaluate((input) => {
        const l = input.labels?.[0];
        if (!l) return null;
        const cs = getComputedStyle(l);
        return { display: cs.display, fontSize: cs.fontSize, height: l.getBoundingClientRect().height, text: l.textContent.trim() };
      });
      expect(label, 'the age field has a label').not.toBeNull();
      expect(label.display, 'label display').not.toBe('none');
      expect(label.height, 'label rendered').toBeGreaterThan(0);
      expect(label.fontSize, 'label font size').toBe('16px');
      await expect(page.locator('[data-aclf-screen] label').first(), 'a label inside the shadow root').toBeVisible();

      const input = await widget.get('age').evaluate((el) => {
        const cs = getComputedStyle(el);
        return { borderTop: parseFloat(cs.borderTopWidth), borderStyle: cs.borderTopStyle, fontSize: cs.fontSize, fontFamily: cs.fontFamily };
      });
      expect(input.borderTop, 'input border-top-width').toBeGreaterThan(0);
      expect(input.borderStyle, 'input border style').not.toBe('none');
      expect(input.fontSize, 'input font size').toBe('16px');
      expect(input.fontFamily, 'input font family').not.toMatch(/^serif$/);

      const colours = async (testId) => widget.get(testId).evaluate((el) => {
        const cs = getComputedStyle(el);
        return { color: cs.color, background: cs.backgroundColor, fontSize: cs.fontSize };
      });
      for (const id of ['sex', 'copy-summary']) {
        const c = await colours(id);
        expect(c.color, `${id}: text colour differs from its background`).not.toBe(c.background);
        expect(c.fontSize, `${id}: font size`).toBe('16px');
      }
      testInfo.annotations.push({ type: 'look', description: `label ${label.fontSize} display ${label.display}; input border ${input.borderTop}px ${input.borderStyle}` });
      expect(errors, 'page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('text sizes inside the shadow root match the compact iframe (host CSS does not leak in, not even through rem)', async ({ browser, baseURL }, testInfo) => {
    // The same compact widget twice: in its own document (?embed=1, html font-size 16px) and
    // mounted under `* { font: 40px serif }`, which also makes the HOST's root font size 40px.
    // Any size the stylesheet gives in rem is relative to the host's <html> in the second case.
    const SELECTORS = ['#results-heading', '.phase h3', '.aclf-lang label', '.field > label', '[data-testid="meld"]', 'legend', 'details summary', '[data-testid="copy-summary"]'];
    const measure = (root) => Promise.all(SELECTORS.map((s) => root.locator(s).first().evaluate((el) => getComputedStyle(el).fontSize).catch(() => 'missing')));

    const a = await freshPage(browser, baseURL);
    const b = await freshPage(browser, baseURL);
    try {
      await a.page.goto('/tools/aclf/?embed=1&lang=zh-CN');
      await new Widget(a.page).ready();
      const reference = await measure(a.page);
      await b.page.goto('/examples/mount.html');
      await new Widget(b.page).ready();
      const mounted = await measure(b.page.locator('[data-aclf-screen]'));
      const rows = SELECTORS.map((s, i) => `${s}: ${reference[i]} (iframe) vs ${mounted[i]} (mounted)`);
      testInfo.annotations.push({ type: 'font sizes', description: rows.join('; ') });
      const differ = rows.filter((_, i) => reference[i] !== mounted[i]);
      expect(differ, 'font sizes that differ between the compact iframe and the mounted widget').toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});

test.describe('embedding: sub-path (/tools/aclf/)', () => {
  test('/tools/aclf/ is the app\'s own page: MELD computes; its service worker is scoped to the sub-path', async ({ openWidget, baseURL }) => {
    const widget = await openWidget({ contextOptions: { baseURL: `${baseURL}tools/aclf/` } });
    const { page } = widget;
    expect(new URL(page.url()).pathname).toBe('/tools/aclf/');
    await expect(page.locator('h1:visible'), 'own page has its header').toHaveCount(1);
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(1, 'refer');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope, 'service worker scope').toBe(`${baseURL}tools/aclf/`);
  });

  test('/tools/aclf/?lang=zh-CN shows Chinese; /tools/aclf (no slash) redirects to the slash form', async ({ openWidget, baseURL }) => {
    const widget = await openWidget({ contextOptions: { baseURL: `${baseURL}tools/aclf/` }, query: '?lang=zh-CN' });
    const { page } = widget;
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(widget.get('lang')).toHaveValue('zh-CN');
    await expect(page.locator('#results-heading')).toHaveText('结果');
    await expect(page).toHaveTitle(/慢加急性肝衰竭/);

    const response = await page.request.get(`${baseURL}tools/aclf?lang=en`, { maxRedirects: 0 });
    expect(response.status(), 'no-slash status').toBe(301);
    expect(response.headers().location).toBe('/tools/aclf/?lang=en');
    await page.goto(`${baseURL}tools/aclf?lang=en`);
    await widget.ready();
    expect(new URL(page.url()).pathname).toBe('/tools/aclf/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
