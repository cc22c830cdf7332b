// The action buttons: reset, copy-summary and print exist, are real buttons, and print prints.
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

test.describe('action buttons', () => {
  test('reset, copy-summary and print are enabled buttons with a name', async ({ widget }) => {
    for (const id of ['reset', 'copy-summary', 'print']) {
      const el = widget.get(id);
      await expect(el, id).toBeVisible();
      await expect(el, id).toBeEnabled();
      expect(await el.evaluate((e) => e.tagName === 'BUTTON' || e.getAttribute('role') === 'button'), `${id} is a button`).toBe(true);
      await expect(el, `${id} has an accessible name`).not.toHaveAccessibleName('');
    }
  });

  test('print calls window.print() and changes nothing', async ({ openWidget }) => {
    const widget = await openWidget({
      initScript: () => {
        window.__printCalls = 0;
        window.print = () => { window.__printCalls += 1; };
      },
    });
    await widget.fillPatient(REFER_PATIENT);
    await widget.get('print').click();
    await expect.poll(() => widget.page.evaluate(() => window.__printCalls)).toBe(1);
    await expect(widget.get('age')).toHaveValue('45');
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(1, 'refer');
  });
});
