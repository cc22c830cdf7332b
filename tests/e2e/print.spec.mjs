// Print: a clean one-page A4 referral summary (SPEC section 7) in both languages - the print
// header with date and time, blank lines for name and hospital number (never typed into the
// widget), the values entered with their dates, and no form chrome.
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

/** Pages in a PDF produced by Chromium (one "/Type /Page" object per page). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

for (const lang of ['en', 'zh-CN']) {
  test(`print in ${lang}: one A4 page with blank lines, values and referral details, no form`, async ({ openWidget }) => {
    const widget = await openWidget({ query: `?lang=${lang}` });
    await widget.fillPatient(REFER_PATIENT);
    const page = widget.page;
    await page.emulateMedia({ media: 'print' });
    // The form and the buttons are not printed; the print header is.
    await expect(widget.get('age')).toBeHidden();
    await expect(widget.get('print')).toBeHidden();
    const header = page.locator('.print-header');
    await expect(header).toBeVisible();
    await expect(header).toContainText(lang === 'en' ? 'Patient name' : '患者姓名');
    await expect(header).toContainText(lang === 'en' ? 'Hospital number' : '住院号');
    await expect(header).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(header).toContainText('342 µmol/L');
    await expect(page.locator('.referral')).toContainText('NCT06740149');
    await expect(widget.get('meld')).toHaveText('26');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pageCount(pdf)).toBe(1);
  });
}

// Issue 9, item 13: page one is the referral - blanks for the referring physician and department,
// the flags raised by the values, the typical exclusions as a checklist - and stays one page.
test('print with a flag: blanks, the flag and the marked checklist on one page', async ({ openWidget }) => {
  const widget = await openWidget();
  await widget.fillPatient({ ...REFER_PATIENT, 'bleeding-signs': 'yes', inr: '1.6' });
  const page = widget.page;
  await page.emulateMedia({ media: 'print' });
  const header = page.locator('.print-header');
  const fields = await header.locator('[data-testid="print-blank"]').evaluateAll((els) => els.map((e) => e.dataset.field));
  expect(fields).toEqual(['physician', 'department', 'patient-name', 'record-number']);
  await expect(header.locator('[data-testid="exclusion-flag"][data-rule="bleeding-signs"]')).toBeVisible();
  await expect(header.locator('.checklist li.flagged')).toHaveCount(1);
  await expect(header.locator('.checklist li')).toHaveCount(13);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pageCount(pdf)).toBe(1);
});
