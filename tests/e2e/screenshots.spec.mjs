// Full-page screenshots of the complete refer patient, EN and zh-CN, desktop and mobile, saved
// to tests/e2e/artifacts/screenshots/{en,zh-CN}-{desktop,mobile}.png for review.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, DESKTOP, MOBILE } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

const DIR = join('tests', 'e2e', 'artifacts', 'screenshots');

const CASES = [];
for (const lang of ['en', 'zh-CN']) {
  for (const [device, viewport] of [['desktop', DESKTOP], ['mobile', MOBILE]]) CASES.push({ lang, device, viewport });
}

test.describe('screenshots', () => {
  for (const c of CASES) {
    test(`${c.lang}-${c.device} (${c.viewport.width}x${c.viewport.height}), refer patient`, async ({ openWidget }) => {
      const widget = await openWidget({
        query: c.lang === 'en' ? '' : `?lang=${c.lang}`,
        contextOptions: { viewport: c.viewport, deviceScaleFactor: 1, isMobile: c.device === 'mobile', hasTouch: c.device === 'mobile' },
      });
      await expect(widget.page.locator('html')).toHaveAttribute('lang', c.lang);
      await widget.fillPatient(REFER_PATIENT);
      await widget.expectScore('meld', '26');
      await widget.expectVerdict(1, 'refer');
      await widget.expectVerdict(2, 'refer');
      // No focus ring or caret from the last typed field; fonts (incl. Noto CJK) loaded.
      await widget.page.evaluate(() => document.activeElement?.blur?.());
      await widget.page.evaluate(() => document.fonts.ready);
      // No horizontal scrolling: the page fits the viewport's width.
      const overflow = await widget.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
      const path = join(DIR, `${c.lang}-${c.device}.png`);
      await widget.page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
      expect(statSync(path).size).toBeGreaterThan(5000);
    });
  }
});
