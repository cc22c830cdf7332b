// Copy summary: plain text to the clipboard, or (no Clipboard API) a selected <textarea>.
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

function expectPlainSummary(text) {
  expect(text.length, 'summary is not empty').toBeGreaterThan(20);
  expect(text).toMatch(/MELD/);
  expect(text, 'the summary holds the MELD value 26').toMatch(/\b26\b/);
  expect(text, 'plain text, not HTML').not.toMatch(/<\/?[a-z][a-z0-9-]*[\s>]/i);
}

test.describe('copy summary', () => {
  test('copies a plain-text summary with the MELD value to the clipboard', async ({ openWidget }) => {
    const widget = await openWidget({ contextOptions: CLIPBOARD });
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    // Start from a known clipboard content so a stale value cannot pass the test.
    await widget.page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    await widget.get('copy-summary').click();
    await expect.poll(() => widget.page.evaluate(() => navigator.clipboard.readText()), {
      message: 'clipboard content after copy-summary',
    }).not.toBe('(empty)');
    const text = await widget.page.evaluate(() => navigator.clipboard.readText());
    expectPlainSummary(text);
  });

  test('the copied summary follows the current entries (dialysis -> MELD 39)', async ({ openWidget }) => {
    const widget = await openWidget({ contextOptions: CLIPBOARD });
    await widget.fillPatient({ ...REFER_PATIENT, dialysis: true });
    await widget.expectScore('meld', '39');
    await widget.page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    await widget.get('copy-summary').click();
    await expect.poll(() => widget.page.evaluate(() => navigator.clipboard.readText())).toMatch(/\b39\b/);
  });

  test('the copied summary in Chinese contains Chinese text and the MELD value', async ({ openWidget }) => {
    const widget = await openWidget({ query: '?lang=zh-CN', contextOptions: CLIPBOARD });
    await widget.fillPatient(REFER_PATIENT);
    await widget.page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    await widget.get('copy-summary').click();
    await expect.poll(() => widget.page.evaluate(() => navigator.clipboard.readText())).not.toBe('(empty)');
    const text = await widget.page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/\b26\b/);
  });

  test('without the Clipboard API, shows the summary in a selected textarea', async ({ openWidget }) => {
    const widget = await openWidget({
      initScript: () => {
        // Remove the Clipboard API entirely (as in an old or locked-down browser).
        delete Navigator.prototype.clipboard;
        try { delete navigator.clipboard; } catch { /* not an own property */ }
      },
    });
    expect(await widget.page.evaluate(() => 'clipboard' in navigator)).toBe(false);
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    await widget.get('copy-summary').click();
    const area = widget.get('summary-text');
    await expect(area).toBeVisible();
    expect(await area.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    const value = await area.inputValue();
    expectPlainSummary(value);
    const selection = await area.evaluate((el) => ({ start: el.selectionStart, end: el.selectionEnd, length: el.value.length }));
    expect(selection, 'the whole summary is selected').toEqual({ start: 0, end: selection.length, length: selection.length });
  });
});
