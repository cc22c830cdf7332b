// Keyboard: the form is reachable and usable without a mouse.
import { test, expect } from './support/fixtures.mjs';

async function tabTo(page, testId, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-testid') ?? null;
    });
    if (focused === testId) return i + 1;
  }
  throw new Error(`"${testId}" not reached within ${maxTabs} Tab presses`);
}

test.describe('keyboard', () => {
  test('Tab from the top of the page reaches the age input, and typing works', async ({ widget }) => {
    const { page } = widget;
    await tabTo(page, 'age');
    await expect(widget.get('age')).toBeFocused();
    await page.keyboard.type('45');
    await expect(widget.get('age')).toHaveValue('45');
    await widget.expectCriterion(1, 'I2', 'met');
  });

  test('a select can be answered from the keyboard, and Shift+Tab goes back to age', async ({ widget }) => {
    const { page } = widget;
    await widget.get('age').focus();
    await page.keyboard.type('17');
    await widget.expectCriterion(1, 'I2', 'not-met');
    await tabTo(page, 'etiology');
    // Choose by keyboard: ArrowDown until "alcohol" is selected (select options are in a fixed order).
    for (let i = 0; i < 10 && (await widget.value('etiology')) !== 'alcohol'; i += 1) await page.keyboard.press('ArrowDown');
    await expect(widget.get('etiology')).toHaveValue('alcohol');
    await widget.expectCriterion(2, 'I4', 'not-met');
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Shift+Tab');
      if (await widget.get('age').evaluate((el) => el === document.activeElement || el.getRootNode().activeElement === el)) break;
    }
    await expect(widget.get('age')).toBeFocused();
  });

  test('the dialysis checkbox toggles with Space', async ({ widget }) => {
    await widget.get('dialysis').focus();
    await widget.page.keyboard.press('Space');
    await expect(widget.get('dialysis')).toBeChecked();
    await widget.page.keyboard.press('Space');
    await expect(widget.get('dialysis')).not.toBeChecked();
  });
});
