// The clinical review (issue 9) in the browser: notes and flags from the revised SPEC 2-4, the
// "today" button, unit suggestions, HE grade, the two copies, enter-next buttons and undo.
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

test.describe('clinical review: what the revised rules show', () => {
  test('active bleeding with INR 1.3 / PTA 55 is not a bleeding tendency: note and flag', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, inr: '1.3', pta: '55', 'bleeding-signs': 'yes' });
    await widget.expectCriterion(1, 'I3-3', 'not-met');
    await expect(widget.locator('[data-testid="note-phase1-I3-3"][data-note="active-bleeding"]')).toHaveCount(1);
    // The flag is in the summary/print under any verdict.
    await expect(widget.locator('[data-testid="exclusion-flag"][data-rule="bleeding-signs"]').first()).toBeAttached();
  });

  test('the hint of the active-bleeding question says it does not meet I3-3', async ({ widget }) => {
    await expect(widget.locator('#aclf-hint-bleeding-signs')).toContainText('does not meet I3-3');
  });

  test('I3 met without INR or PTA says coagulopathy was not entered', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, inr: '', pta: '', he: 'present', 'he-grade': '2' });
    await widget.expectCriterion(1, 'I3', 'met');
    await expect(widget.locator('[data-testid="note-phase1-I3-3"][data-note="coagulopathy-not-entered"]')).toHaveCount(1);
    await expect(widget.locator('[data-testid="note-phase1-I3-3"][data-note="registry-vs-guideline"]')).toHaveCount(0);
    await expect(widget.locator('[data-testid="note-phase1-I3-2"][data-note="tbil-threshold-registry"]')).toHaveCount(1);
  });

  test('a refer verdict lists the flags raised by the values, and HE without a grade has its own', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, he: 'present' });
    await widget.expectVerdict(1, 'refer');
    const flag = widget.get('verdict-phase1').locator('[data-testid="exclusion-flag"]');
    await expect(flag).toHaveCount(1);
    await expect(flag).toHaveAttribute('data-rule', 'he-grade-missing');
    await widget.set('he-grade', '3');
    await expect(flag).toHaveAttribute('data-rule', 'he-grade-at-least');
    await widget.expectVerdict(1, 'refer'); // a flag never changes the verdict
  });

  test('study-team criteria under a refer verdict stay unknown and say who confirms them', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    for (const id of ['I1', 'I6']) {
      await expect(widget.criterionEl(1, id)).toHaveAttribute('data-state', 'unknown');
      await expect(widget.criterionEl(1, id)).toHaveAttribute('data-confirmed-by', 'study-team');
    }
    await expect(widget.criterionEl(1, 'I2')).not.toHaveAttribute('data-confirmed-by', 'study-team');
  });

  test('borderline: a reported 30 (INR 2.95, unrounded 29.87) is flagged, shown truncated', async ({ widget }) => {
    // Reported 29 or 30 is borderline (SPEC 4, revised).
    await widget.fillPatient({ ...REFER_PATIENT, inr: '2.95' });
    await widget.expectScore('meld', '30');
    await expect(widget.get('meld-borderline')).toBeVisible();
    await expect(widget.get('meld-borderline')).toContainText('29.87');
  });
});

test.describe('clinical review: the form', () => {
  test('the TBIL date starts empty; "today" fills it and the rise then computes', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, tbil: '150', 'tbil-earlier': '100', 'tbil-earlier-date': await widget.date(-2) });
    await expect(widget.get('tbil-date')).toHaveValue('');
    await widget.expectCriterion(1, 'I3-2', 'unknown');
    await widget.get('tbil-date-today').click();
    await expect(widget.get('tbil-date')).toHaveValue(await widget.date(0));
    await widget.expectCriterion(1, 'I3-2', 'met');
  });

  test('"0.88" creatinine in µmol/L suggests mg/dL; one click switches the unit, the text stays', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, creatinine: '0.88' });
    const suggest = widget.get('error-creatinine').getByTestId('unit-suggest-creatinine');
    await expect(suggest).toContainText('0.88 mg/dL');
    await suggest.click();
    await expect(widget.get('creatinine-unit')).toHaveValue('mg/dL');
    await expect(widget.get('creatinine')).toHaveValue('0.88');
    await expect(widget.error('creatinine')).toHaveCount(0);
    await widget.expectScore('meld', '26');
  });

  test('switching a unit after typing keeps the text and re-validates it', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, albumin: '30' });
    await widget.set('albumin-unit', 'g/dL');
    await expect(widget.get('albumin')).toHaveValue('30');
    await expect(widget.error('albumin')).toBeVisible();
  });

  test('HE grade is disabled unless HE is present, kept while disabled, cleared by reset', async ({ widget }) => {
    await expect(widget.get('he-grade')).toBeDisabled();
    await widget.set('he', 'present');
    await expect(widget.get('he-grade')).toBeEnabled();
    await widget.set('he-grade', '3');
    await widget.set('he', 'absent');
    await expect(widget.get('he-grade')).toBeDisabled();
    await expect(widget.get('he-grade')).toHaveValue('3');
    await widget.set('he', 'present');
    await expect(widget.get('he-grade')).toHaveValue('3');
    await widget.reset();
    await expect(widget.get('he-grade')).toHaveValue('');
  });

  test('enter-next items are buttons that move focus to their field without changing the URL', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, inr: '' });
    const url = widget.page.url();
    const button = widget.get('enter-next-phase1-inr');
    await expect(button).toHaveRole('button');
    await button.click();
    await expect(widget.get('inr')).toBeFocused();
    expect(widget.page.url()).toBe(url);
  });

  test('an etiology answered "unknown" is a find-out item apart from enter-next', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, etiology: 'unknown' });
    await widget.expectVerdict(2, 'incomplete');
    await expect(widget.get('find-out-phase2-etiology')).toBeVisible();
    await expect(widget.get('enter-next-phase2-etiology')).toHaveCount(0);
    await widget.get('find-out-phase2-etiology').click();
    await expect(widget.get('etiology')).toBeFocused();
  });
});

test.describe('clinical review: copy, reset', () => {
  test('copy gives the concise summary (at most 12 lines), copy-full the whole text; no print stamp', async ({ openWidget }) => {
    // No clipboard permission: the fallback textarea shows what was copied.
    const widget = await openWidget();
    await widget.fillPatient(REFER_PATIENT);
    await widget.page.evaluate(() => { Object.defineProperty(navigator, 'clipboard', { value: undefined }); });
    await widget.get('copy-summary').click();
    const concise = await widget.get('summary-text').inputValue();
    expect(concise.split('\n').length).toBeLessThanOrEqual(12);
    expect(concise).toContain('NCT06740149');
    expect(concise).toContain('MELD 26');
    expect(concise).not.toContain('Printed');
    await widget.get('copy-full').click();
    const full = await widget.get('summary-text').inputValue();
    expect(full.split('\n').length).toBeGreaterThan(12);
    expect(full).not.toContain('Printed');
  });

  test('reset offers undo for 10 s: it restores values and units', async ({ openWidget }) => {
    const widget = await openWidget();
    await widget.page.clock.install();
    await widget.fillPatient({ ...REFER_PATIENT, 'creatinine-unit': 'mg/dL', creatinine: '1.0' });
    await widget.reset();
    await expect(widget.get('tbil')).toHaveValue('');
    await expect(widget.get('undo-reset')).toBeVisible();
    await widget.get('undo-reset').click();
    await expect(widget.get('tbil')).toHaveValue('342');
    await expect(widget.get('creatinine-unit')).toHaveValue('mg/dL');
    await widget.expectScore('meld', '26');
    await widget.reset();
    await widget.page.clock.runFor(10_500);
    await expect(widget.get('undo-reset')).toHaveCount(0);
  });
});
