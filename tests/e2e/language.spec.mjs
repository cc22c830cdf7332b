// Language: EN / zh-CN switch keeps every entry, sets <html lang>; ?lang=zh-CN selects Chinese.
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

const HAN = /[\u4e00-\u9fff]/;

test.describe('language', () => {
  test('the page starts in English: <html lang="en">, lang select "en"', async ({ widget }) => {
    await expect(widget.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(widget.get('lang')).toHaveValue('en');
  });

  test('switching EN -> zh-CN -> EN keeps every entry, the scores and the verdicts', async ({ widget }) => {
    const patient = {
      ...REFER_PATIENT,
      'tbil-earlier': '300',
      'tbil-earlier-date': await widget.date(-2),
      he: 'present',
      'he-grade': '2',
      consent: 'yes',
      contraception: 'not-asked',
    };
    await widget.fillPatient(patient);
    await widget.expectScore('meld', '26');
    const before = {};
    for (const field of Object.keys(patient)) before[field] = await widget.value(field);
    const englishText = await widget.page.locator('body').innerText();

    await widget.switchLanguage('zh-CN');
    await expect(widget.get('lang')).toHaveValue('zh-CN');
    await expect(widget.page.locator('body')).toContainText(HAN);
    expect(await widget.page.locator('body').innerText()).not.toBe(englishText);
    for (const [field, value] of Object.entries(before)) {
      expect(await widget.value(field), `${field} after switching to zh-CN`).toBe(value);
    }
    await widget.expectScore('meld', '26');
    await widget.expectScore('meld-na', '28');
    await widget.expectScore('meld-3', '27');
    await widget.expectVerdict(1, 'refer');
    await widget.expectVerdict(2, 'refer');
    await widget.expectCriterion(1, 'I1', 'met');

    await widget.switchLanguage('en');
    for (const [field, value] of Object.entries(before)) {
      expect(await widget.value(field), `${field} after switching back to en`).toBe(value);
    }
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(2, 'refer');
  });

  test('an error message follows the language and stays visible', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, inr: '25' });
    await expect(widget.error('inr')).toBeVisible();
    const en = await widget.error('inr').innerText();
    await widget.switchLanguage('zh-CN');
    await expect(widget.error('inr')).toBeVisible();
    await expect(widget.get('inr')).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.get('inr')).toHaveValue('25');
    await expect(widget.error('inr')).toContainText(HAN);
    expect(await widget.error('inr').innerText()).not.toBe(en);
  });

  test('?lang=zh-CN opens in Chinese: <html lang="zh-CN">, Chinese text, same computations', async ({ openWidget }) => {
    const widget = await openWidget({ query: '?lang=zh-CN' });
    await expect(widget.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(widget.get('lang')).toHaveValue('zh-CN');
    await expect(widget.page.locator('body')).toContainText(HAN);
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(1, 'refer');
    await widget.expectVerdict(2, 'refer');
    // Chinese verdict text exists (not empty) for the refer verdict.
    await expect(widget.verdictEl(1)).toContainText(HAN);
  });

  test('a zh-CN browser still opens with a valid language, and ?lang=en forces English', async ({ openWidget }) => {
    const zhBrowser = await openWidget({ contextOptions: { locale: 'zh-CN' } });
    await expect(zhBrowser.page.locator('html')).toHaveAttribute('lang', /^(en|zh-CN)$/);
    const forced = await openWidget({ query: '?lang=en', contextOptions: { locale: 'zh-CN' } });
    await expect(forced.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(forced.get('lang')).toHaveValue('en');
  });
});
