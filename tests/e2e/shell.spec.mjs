// The shell speaks Leptos (issue 10): a language switch changes words, not nodes - the same
// control keeps its value, focus and caret, and options change their text in place; the compact
// summary keeps MELD and both verdicts in sight on a phone, in both languages, axe clean.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, MOBILE, DESKTOP } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

const HAN = /[\u4e00-\u9fff]/;

test.describe('the shell', () => {
  test('a language switch keeps the TBIL input node with its value, focus and caret', async ({ widget }) => {
    await widget.set('tbil', '342.5');
    await widget.markNode('tbil');
    await widget.setCaret('tbil', 2);
    await widget.switchLanguageInBackground('zh-CN');
    await expect(widget.page.locator('label[for="aclf-tbil"]')).toContainText(HAN);
    expect(await widget.nodeMark('tbil'), 'the same node').toBe(1);
    await expect(widget.get('tbil')).toHaveValue('342.5');
    expect(await widget.caret('tbil')).toEqual({ start: 2, focused: true });
  });

  test("a select's option nodes change their text in place", async ({ widget }) => {
    await widget.set('etiology', 'drug');
    await widget.markNode('etiology');
    await widget.markOptions('etiology');
    const en = await widget.optionTexts('etiology');
    await widget.switchLanguage('zh-CN');
    const zh = await widget.optionTexts('etiology');
    expect(await widget.nodeMark('etiology')).toBe(1);
    expect(zh.map(([value, , mark]) => [value, mark])).toEqual(en.map(([value]) => [value, value]));
    for (const [i, [, text]] of zh.entries()) {
      expect(text, `option ${i}`).not.toBe(en[i][1]);
      expect(text).toMatch(HAN);
    }
    await expect(widget.get('etiology')).toHaveValue('drug');
  });

  test('a message changes its words in place and the field keeps its aria state', async ({ widget }) => {
    await widget.set('inr', '25');
    await expect(widget.error('inr')).toBeVisible();
    await widget.error('inr').evaluate((el) => { el.__mark = 1; });
    await widget.switchLanguage('zh-CN');
    await expect(widget.error('inr')).toContainText(HAN);
    expect(await widget.error('inr').evaluate((el) => el.__mark)).toBe(1);
    await expect(widget.get('inr')).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.get('inr')).toHaveAttribute('aria-describedby', /aclf-msg-inr/);
  });

  for (const lang of ['en', 'zh-CN']) {
    test(`the compact summary at 360 px (${lang}): MELD and verdicts in sight while the form scrolls, axe clean`, async ({ openWidget }) => {
      const widget = await openWidget({ query: `?lang=${lang}`, contextOptions: { viewport: MOBILE } });
      const compact = widget.compact();
      await expect(compact).toHaveAttribute('data-meld', '');
      await expect(widget.get('compact-verdict-phase1')).toHaveAttribute('data-verdict', 'incomplete');
      await widget.fillPatient(REFER_PATIENT);
      await expect(compact).toHaveAttribute('data-meld', '26');
      await expect(compact).toContainText('26');
      for (const phase of [1, 2]) {
        await expect(widget.get(`compact-verdict-phase${phase}`)).toHaveAttribute('data-verdict', await widget.verdict(phase));
      }
      if (lang === 'zh-CN') await expect(compact).toContainText(HAN);
      // Not a live region: the verdict blocks stay the only announcements.
      expect(await compact.getAttribute('aria-live')).toBeNull();
      expect(await compact.getAttribute('role')).toBeNull();
      // In view while the form is scrolled to its last field.
      await widget.get('contraception').scrollIntoViewIfNeeded();
      await expect(compact).toBeInViewport();
      const box = await compact.boundingBox();
      expect(box.width).toBeLessThanOrEqual(MOBILE.width);
      const results = await new AxeBuilder({ page: widget.page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      // The button moves focus to the results heading.
      await widget.get('compact-show-results').click();
      await expect(widget.page.locator('#results-heading')).toBeFocused();
    });
  }

  // Nothing the user sees moves while the widget loads: the compact summary, above the form on
  // a narrow screen, is rendered with the form, not a task later (it pushed the painted form
  // down by its height on every load: a layout shift of 0.086 at 360 px).
  for (const [width, viewport] of [['360 px', MOBILE], ['1280 px', DESKTOP]]) {
    for (const lang of ['en', 'zh-CN']) {
      test(`no layout shift while the widget loads (${width}, ${lang})`, async ({ openWidget }) => {
        const initScript = () => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
          }).observe({ type: 'layout-shift', buffered: true });
        };
        const widget = await openWidget({ query: `?lang=${lang}`, contextOptions: { viewport }, initScript });
        await expect(widget.get('copy-summary')).toBeVisible();
        // Two frames after the results are in, so that any shift they caused is reported.
        await widget.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await widget.page.waitForTimeout(100);
        expect(await widget.page.evaluate(() => window.__shifts)).toEqual([]);
      });
    }
  }

  test('on a desktop the compact summary stays in view beside the form while it scrolls', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    const compact = widget.compact();
    await expect(compact).toHaveAttribute('data-meld', '26');
    for (const field of ['contraception', 'age']) {
      await widget.get(field).scrollIntoViewIfNeeded();
      await expect(compact).toBeInViewport();
      const [c, input] = [await compact.boundingBox(), await widget.get(field).boundingBox()];
      // Beside the form: entirely to the right of the field, not above it.
      expect(c.x).toBeGreaterThanOrEqual(input.x + input.width);
    }
  });

  test('in ?embed=1 the compact summary sits at the top of the form, not sticky', async ({ openWidget }) => {
    const widget = await openWidget({ query: '?embed=1', contextOptions: { viewport: MOBILE } });
    const compact = widget.compact();
    await expect(compact).toHaveCSS('position', 'static');
    const [c, age] = [await compact.boundingBox(), await widget.get('age').boundingBox()];
    expect(c.y).toBeLessThan(age.y);
  });

  test('the compact summary is hidden in print', async ({ widget }) => {
    await widget.page.emulateMedia({ media: 'print' });
    await expect(widget.compact()).toBeHidden();
  });
});
