// Plausibility (SPEC section 5): impossible values are rejected (error-*, aria-invalid) and
// compute nothing; unusual values compute with a "please check" warning (warning-*); empty
// fields are missing, never errors; pasted lab formats are accepted.
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT, VALIDATED_FIELDS } from './pages/widget.mjs';

async function expectRejected(widget, field) {
  await expect(widget.error(field), `error-${field}`).toBeVisible();
  await expect(widget.get(field)).toHaveAttribute('aria-invalid', 'true');
}

async function expectAccepted(widget, field) {
  await expect(widget.error(field), `error-${field}`).toBeHidden();
  await expect(widget.get(field)).not.toHaveAttribute('aria-invalid', 'true');
}

test.describe('plausibility', () => {
  test('a fresh page shows no error, no warning and no aria-invalid', async ({ widget }) => {
    // No error-* element is shown (whether absent or hidden).
    await expect(widget.allErrors().filter({ visible: true })).toHaveCount(0);
    await expect(widget.allWarnings().filter({ visible: true })).toHaveCount(0);
    await expect(widget.page.locator('[aria-invalid="true"]')).toHaveCount(0);
    for (const field of VALIDATED_FIELDS) {
      await expect(widget.error(field), `error-${field}`).toBeHidden();
      await expect(widget.warning(field), `warning-${field}`).toBeHidden();
    }
  });

  test('clearing a field is "missing", not an error', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    await widget.set('inr', '');
    await widget.set('age', '');
    await expectAccepted(widget, 'inr');
    await expectAccepted(widget, 'age');
    await expect(widget.allErrors().filter({ visible: true })).toHaveCount(0);
  });

  // Impossible values: [field, value, what else must hold].
  const IMPOSSIBLE = [
    { field: 'inr', value: '25', why: 'above the hard limit 20', meldEmpty: true, blocksRefer: true },
    { field: 'inr', value: 'abc', why: 'not a number', meldEmpty: true, blocksRefer: true },
    { field: 'inr', value: '0.3', why: 'below the hard limit 0.5', meldEmpty: true, blocksRefer: true },
    { field: 'tbil', value: '2000', why: 'above 1700 umol/L', meldEmpty: true, blocksRefer: true },
    { field: 'tbil', value: '<10', why: 'a censored value', meldEmpty: true, blocksRefer: true },
    { field: 'creatinine', value: '3000', why: 'above 2650 umol/L', meldEmpty: true, blocksRefer: true },
    { field: 'sodium', value: '80', why: 'below 90 mmol/L', emptyScore: 'meld-na' },
    { field: 'pta', value: '250', why: 'above 200 %' },
    { field: 'albumin', value: '100', why: 'above 80 g/L' },
    { field: 'age', value: '130', why: 'above 120 years', blocksRefer: true },
  ];
  for (const c of IMPOSSIBLE) {
    test(`impossible ${c.field} "${c.value}" (${c.why}): error visible, aria-invalid, cleared when fixed`, async ({ widget }) => {
      await widget.fillPatient({ ...REFER_PATIENT, [c.field]: c.value });
      await expectRejected(widget, c.field);
      await expect(widget.error(c.field)).not.toBeEmpty();
      if (c.meldEmpty) await widget.expectScore('meld', '');
      if (c.emptyScore) await widget.expectScore(c.emptyScore, '');
      // A rejected value computes nothing: where the gate needs it, the verdict cannot be "refer".
      if (c.blocksRefer) {
        for (const phase of [1, 2]) await expect(widget.verdictEl(phase)).not.toHaveAttribute('data-verdict', 'refer');
      }
      // Fix it: the error goes away and the refer patient is whole again.
      await widget.set(c.field, REFER_PATIENT[c.field]);
      await expectAccepted(widget, c.field);
      await widget.expectScore('meld', '26');
      await widget.expectVerdict(1, 'refer');
      await widget.expectVerdict(2, 'refer');
    });
  }

  test('the error follows every keystroke: "2" ok, "25" rejected, backspace to "2" ok', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, inr: '' });
    const inr = widget.get('inr');
    await inr.click();
    await inr.pressSequentially('2');
    await expectAccepted(widget, 'inr');
    await inr.press('5');
    await expectRejected(widget, 'inr');
    await inr.press('Backspace');
    await expectAccepted(widget, 'inr');
    await widget.expectScore('meld', '26');
  });

  test('the error moves with the unit: TBIL 342 becomes impossible in mg/dL, fine again in umol/L', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    await widget.set('tbil-unit', 'mg/dL');
    await expectRejected(widget, 'tbil');
    await expect(widget.get('tbil')).toHaveValue('342');
    await widget.set('tbil-unit', 'umol/L');
    await expectAccepted(widget, 'tbil');
    await widget.expectScore('meld', '26');
  });

  const UNUSUAL = [
    { field: 'inr', value: '9', why: 'above the usual 8', meld: '40' },
    { field: 'sodium', value: '112', why: 'below the usual 115' },
    { field: 'age', value: '105', why: 'above the usual 100' },
    { field: 'albumin', value: '60', why: 'above the usual 55 g/L' },
  ];
  for (const c of UNUSUAL) {
    test(`unusual ${c.field} ${c.value} (${c.why}): warning visible, no error, still computed`, async ({ widget }) => {
      await widget.fillPatient({ ...REFER_PATIENT, [c.field]: c.value });
      await expect(widget.warning(c.field), `warning-${c.field}`).toBeVisible();
      await expect(widget.warning(c.field)).not.toBeEmpty();
      await expectAccepted(widget, c.field);
      if (c.meld) await widget.expectScore('meld', c.meld);
      else await widget.expectScore('meld', '26');
      // The warning never changes a state; the value is never clamped or rewritten.
      await expect(widget.get(c.field)).toHaveValue(c.value);
      await widget.set(c.field, REFER_PATIENT[c.field]);
      await expect(widget.warning(c.field)).toBeHidden();
    });
  }

  test('unusual sodium 112 still counts (bounded at 125 in MELD-Na): MELD-Na 32', async ({ widget }) => {
    // MELD 26, Na bounded to 125: 26 + 1.32*12 - 0.033*26*12 = 31.544 -> 32.
    await widget.fillPatient({ ...REFER_PATIENT, sodium: '112' });
    await widget.expectScore('meld-na', '32');
    await widget.expectVerdict(1, 'refer');
  });

  const PASTED = [
    { value: '2,0', name: 'a decimal comma' },
    { value: '２．０', name: 'full-width digits and point' },
    { value: ' 2.0 ', name: 'surrounding spaces' },
    { value: '2。0', name: 'the ideographic full stop' },
    { value: '2.0↑', name: 'a trailing flag' },
  ];
  for (const c of PASTED) {
    test(`INR typed with ${c.name} ("${c.value}") is accepted: MELD 26`, async ({ widget }) => {
      await widget.fillPatient({ ...REFER_PATIENT, inr: c.value });
      await expectAccepted(widget, 'inr');
      await widget.expectScore('meld', '26');
      await expect(widget.get('inr'), 'the typed text is never rewritten').toHaveValue(c.value);
    });
  }

  test('a latest TBIL date after today is an error on tbil-date', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    await widget.set('tbil-date', await widget.date(+1));
    await expectRejected(widget, 'tbil-date');
    await widget.set('tbil-date', await widget.date(0));
    await expectAccepted(widget, 'tbil-date');
  });

  test('an earlier TBIL date after the latest one is an error on tbil-earlier-date', async ({ widget }) => {
    await widget.fillPatient({
      ...REFER_PATIENT,
      tbil: '150',
      'tbil-date': await widget.date(-3),
      'tbil-earlier': '100',
      'tbil-earlier-date': await widget.date(-1),
    });
    await expectRejected(widget, 'tbil-earlier-date');
    await expectAccepted(widget, 'tbil-date');
    await widget.expectCriterion(1, 'I3-2', 'unknown');
    await widget.set('tbil-earlier-date', await widget.date(-5));
    await expectAccepted(widget, 'tbil-earlier-date');
    await widget.expectCriterion(1, 'I3-2', 'met');
  });
});
