// Content Security Policy: dist/index.html carries a strict meta CSP and no inline script, and
// the app runs under it without a single violation (own page, and mounted into a host page that
// has the same strict policy).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT, Widget } from './pages/widget.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';
const EXPECTED_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};
const CSP_TEXT = /Content Security Policy|Content-Security-Policy|Refused to|violates the following/i;

function parsePolicy(text) {
  return Object.fromEntries(
    text.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** Records console messages and securitypolicyviolation events of a page (from before load). */
function recordViolations() {
  globalThis.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    globalThis.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

/** Parses HTML with the browser's own parser (minified HTML has unquoted attributes). */
async function inspectHtml(page, html) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const all = [...doc.querySelectorAll('*')];
    const metas = [...doc.querySelectorAll('meta')].filter((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
    const firstMeta = metas[0];
    return {
      scripts: [...doc.querySelectorAll('script')].map((s) => ({
        src: s.getAttribute('src'),
        type: s.getAttribute('type'),
        text: s.textContent,
      })),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`)),
      jsUrls: all.flatMap((el) => [...el.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `<${el.localName} ${a.name}>`)),
      styleElements: doc.querySelectorAll('style').length,
      styleAttributes: all.filter((el) => el.hasAttribute('style')).map((el) => el.localName),
      csp: metas.map((m) => m.getAttribute('content')),
      // The meta must come before anything it governs (a meta CSP only applies from there on).
      governedBeforeCsp: firstMeta
        ? all.filter((el) => ['script', 'link', 'style', 'img'].includes(el.localName)
          && (el.compareDocumentPosition(firstMeta) & Node.DOCUMENT_POSITION_FOLLOWING)).map((el) => el.localName)
        : [],
      boot: Boolean(doc.getElementById('aclf-boot')),
    };
  }, html);
}

test.describe('content security policy', () => {
  test('dist/index.html: strict meta CSP first, no inline script, handler, javascript: URL or inline style', async ({ page }, testInfo) => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    await page.setContent('<!doctype html><title>parser</title>');
    const info = await inspectHtml(page, html);

    expect(info.csp, 'exactly one meta CSP').toHaveLength(1);
    expect(parsePolicy(info.csp[0]), 'the meta CSP directives').toEqual(EXPECTED_CSP);
    expect(info.governedBeforeCsp, 'scripts/links/styles before the meta CSP').toEqual([]);

    expect(info.scripts.length, 'at least the loader script').toBeGreaterThan(0);
    for (const s of info.scripts) {
      expect(s.src, `script without src (inline): ${JSON.stringify(s)}`).toBeTruthy();
      expect(s.text.trim(), `script with src ${s.src} has inline content`).toBe('');
      expect(new URL(s.src, 'http://example.test/app/').origin, `script ${s.src} is same-origin`).toBe('http://example.test');
    }
    expect(info.handlers, 'inline event handlers').toEqual([]);
    expect(info.jsUrls, 'javascript: URLs').toEqual([]);
    expect(info.styleElements, '<style> elements (blocked by style-src self)').toBe(0);
    expect(info.styleAttributes, 'style="" attributes (blocked by style-src self)').toEqual([]);
    expect(info.boot, 'the static boot message #aclf-boot').toBe(true);
    testInfo.annotations.push({ type: 'scripts', description: info.scripts.map((s) => `${s.type ?? 'classic'} src=${s.src}`).join(', ') });
  });

  test('own page: a complete screening under the CSP logs no violation; the boot message is gone; the meta CSP is live', async ({ openWidget }, testInfo) => {
    const messages = [];
    const widget = await openWidget({
      initScript: recordViolations,
      contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
      beforeGoto: (_context, page) => page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`)),
    });
    const { page } = widget;

    await expect(page.locator('#aclf-boot'), 'boot message removed after mount').toHaveCount(0);
    const liveCsp = await page.locator('meta[http-equiv="Content-Security-Policy" i]').getAttribute('content');
    expect(parsePolicy(liveCsp)).toEqual(EXPECTED_CSP);

    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(1, 'refer');
    await widget.expectVerdict(2, 'refer');
    await widget.locator('details summary').first().click(); // "How this was computed"
    await widget.get('copy-summary').click();
    await widget.switchLanguage('zh-CN');
    await widget.switchLanguage('en');
    await page.waitForTimeout(500); // violations are reported asynchronously

    const violations = await page.evaluate(() => globalThis.__cspViolations);
    expect(violations, 'securitypolicyviolation events').toEqual([]);
    expect(messages.filter((m) => CSP_TEXT.test(m)), 'console messages about the CSP').toEqual([]);
    testInfo.annotations.push({ type: 'console', description: `${messages.length} console messages, 0 about the CSP: ${JSON.stringify(messages)}` });
  });

  test('mounted into a host page with the same strict CSP: works, no violation', async ({ browser, baseURL }) => {
    // A host page that does not exist on disk, answered by the test (same origin as the build).
    const context = await browser.newContext({ baseURL });
    try {
      await context.addInitScript(recordViolations);
      const page = await context.newPage();
      const messages = [];
      const errors = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(String(e)));
      const policy = Object.entries(EXPECTED_CSP).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
      await page.route('**/examples/csp-host.html', (route) => route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang=en><head><meta charset=utf-8>
          <meta http-equiv="Content-Security-Policy" content="${policy}">
          <title>strict host</title></head><body><h1>Host</h1>
          <div data-aclf-screen data-lang="en"></div>
          <script type="module" src="/tools/aclf/loader.js"></script></body></html>`,
      }));
      await page.goto('/examples/csp-host.html');
      const widget = new Widget(page);
      await widget.ready();
      await widget.fillPatient(REFER_PATIENT);
      await widget.expectScore('meld', '26');
      await widget.expectVerdict(2, 'refer');
      // Styled by its shadow-root <link> (allowed by style-src 'self'): the wrapper has its font size.
      await expect.poll(() => widget.locator('.aclf').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => globalThis.__cspViolations), 'securitypolicyviolation events').toEqual([]);
      expect(messages.filter((m) => CSP_TEXT.test(m)), 'console messages about the CSP').toEqual([]);
      expect(errors, 'page errors').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
