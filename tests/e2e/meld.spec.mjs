// MELD family: units, dialysis, the I5 gate and the borderline flag (SPEC section 4).
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';
import { meld, meldNa, meld3, meldRaw, isBorderline } from './support/meld-reference.mjs';

// The refer patient in conventional units: bilirubin 342 umol/L = 20 mg/dL, creatinine 88.4
// umol/L = 1 mg/dL, albumin 30 g/L = 3.0 g/dL.
const REF = { bili: 20, creat: 1, inr: 2, na: 132, alb: 3, female: false, age: 45 };

test.describe('MELD', () => {
  test('reference values used below are self-consistent', () => {
    expect(meld(REF)).toBe(26);
    expect(meld({ ...REF, dialysis: true })).toBe(39);
    expect(meldNa(REF)).toBe(28);
    expect(meld3(REF)).toBe(27);
    expect(meld3({ ...REF, female: true })).toBe(29);
  });

  const UNIT_CASES = [
    {
      name: 'SI units (default): TBIL 342 umol/L, creatinine 88.4 umol/L, albumin 30 g/L',
      fields: {},
    },
    {
      name: 'conventional units: TBIL 20 mg/dL, creatinine 1 mg/dL, albumin 3.0 g/dL',
      fields: {
        'tbil-unit': 'mg/dL', tbil: '20',
        'creatinine-unit': 'mg/dL', creatinine: '1',
        'albumin-unit': 'g/dL', albumin: '3.0',
      },
    },
    {
      name: 'mixed units: TBIL 20 mg/dL with creatinine 88.4 umol/L',
      fields: { 'tbil-unit': 'mg/dL', tbil: '20' },
    },
  ];
  for (const c of UNIT_CASES) {
    test(`same scores in ${c.name}: MELD 26, MELD-Na 28, MELD 3.0 27`, async ({ widget }) => {
      await widget.fillPatient({ ...REFER_PATIENT, ...c.fields });
      await widget.expectScore('meld', '26');
      await widget.expectScore('meld-na', String(meldNa(REF)));
      await widget.expectScore('meld-3', String(meld3(REF)));
      await widget.expectVerdict(1, 'refer');
      await widget.expectVerdict(2, 'refer');
      await expect(widget.allErrors().filter({ visible: true })).toHaveCount(0);
    });
  }

  test('switching units on one form: SI then conventional gives the same MELD, the typed value is never rewritten', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    // Switch bilirubin to mg/dL and type the same quantity in it.
    await widget.set('tbil-unit', 'mg/dL');
    await widget.set('tbil', '20');
    await widget.set('creatinine-unit', 'mg/dL');
    // The unit switch must not convert what the user typed.
    await expect(widget.get('creatinine')).toHaveValue('88.4');
    await widget.set('creatinine', '1');
    await widget.expectScore('meld', '26');
    await expect(widget.get('tbil')).toHaveValue('20');
    await expect(widget.get('creatinine')).toHaveValue('1');
    await expect(widget.allErrors().filter({ visible: true })).toHaveCount(0);
  });

  test('MELD 3.0 depends on sex; MELD and MELD-Na do not', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, sex: 'female' });
    await widget.expectScore('meld', '26');
    await widget.expectScore('meld-na', '28');
    await widget.expectScore('meld-3', '29');
    await widget.set('sex', 'male');
    await widget.expectScore('meld-3', '27');
  });

  test('scores are empty when not computable: no INR -> all empty and I5 unknown; no sex -> MELD 3.0 empty', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, inr: '' });
    await widget.expectScore('meld', '');
    await widget.expectScore('meld-na', '');
    await widget.expectScore('meld-3', '');
    await widget.expectCriterion(1, 'I5', 'unknown');
    await widget.expectCriterion(2, 'I5', 'unknown');
    await widget.expectVerdict(1, 'incomplete');

    await widget.set('inr', '2.0');
    await widget.set('sex', '');
    await widget.expectScore('meld', '26');
    await widget.expectScore('meld-3', '');
    await widget.expectCriterion(1, 'I5', 'met');
  });

  test('dialysis sets creatinine to 4: MELD 26 -> 39, I5 not met; unchecking restores 26', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    await widget.set('dialysis', true);
    await expect(widget.get('dialysis')).toBeChecked();
    await widget.expectScore('meld', '39');
    await widget.expectCriterion(1, 'I5', 'not-met');
    await widget.expectCriterion(2, 'I5', 'not-met');
    await widget.expectVerdict(1, 'not-eligible');
    await widget.expectVerdict(2, 'not-eligible');
    await expect(widget.get('meld-borderline')).toHaveCount(0);
    // The typed creatinine is kept.
    await expect(widget.get('creatinine')).toHaveValue('88.4');
    await widget.set('dialysis', false);
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(1, 'refer');
  });

  test('dialysis with creatinine empty still gives a MELD (creatinine set to 4)', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, creatinine: '', dialysis: true });
    await widget.expectScore('meld', '39');
  });

  // Borderline (SPEC 4, revised): a reported MELD of 29 or 30, the unrounded 10 x MELD(i) in
  // [28.5, 30.5), with TBIL 342 umol/L, creatinine 88.4 umol/L; only INR varies. Unrounded
  // values: 2.6 -> 28.46, 2.7 -> 28.88, 2.8 -> 29.29, 2.9 -> 29.68, 3.0 -> 30.06, 3.2 -> 30.78.
  const BORDERLINE = [
    { inr: '2.6', meld: '28', borderline: false, i5: 'met', verdict: 'refer' },
    { inr: '2.7', meld: '29', borderline: true, i5: 'met', verdict: 'refer' },
    { inr: '2.8', meld: '29', borderline: true, i5: 'met', verdict: 'refer' },
    { inr: '2.9', meld: '30', borderline: true, i5: 'not-met', verdict: 'not-eligible' },
    { inr: '3.0', meld: '30', borderline: true, i5: 'not-met', verdict: 'not-eligible' },
    { inr: '3.2', meld: '31', borderline: false, i5: 'not-met', verdict: 'not-eligible' },
  ];
  for (const b of BORDERLINE) {
    const raw = meldRaw({ ...REF, inr: Number(b.inr) });
    test(`INR ${b.inr} (unrounded ${raw.toFixed(2)}): MELD ${b.meld}, ${b.borderline ? '' : 'not '}borderline, I5 ${b.i5}`, async ({ widget }) => {
      expect(String(meld({ ...REF, inr: Number(b.inr) }))).toBe(b.meld);
      expect(isBorderline({ ...REF, inr: Number(b.inr) })).toBe(b.borderline);
      await widget.fillPatient({ ...REFER_PATIENT, inr: b.inr });
      await widget.expectScore('meld', b.meld);
      await widget.expectCriterion(1, 'I5', b.i5);
      await widget.expectCriterion(2, 'I5', b.i5);
      await widget.expectVerdict(1, b.verdict);
      await widget.expectVerdict(2, b.verdict);
      if (b.borderline) {
        await expect(widget.get('meld-borderline')).toHaveCount(1);
        await expect(widget.get('meld-borderline')).toBeVisible();
      } else {
        await expect(widget.get('meld-borderline')).toHaveCount(0);
      }
    });
  }

  test('borderline is a warning only: it appears and disappears with the INR, the state follows the reported MELD', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    await expect(widget.get('meld-borderline')).toHaveCount(0);
    await widget.set('inr', '2.8');
    await expect(widget.get('meld-borderline')).toBeVisible();
    await widget.expectCriterion(1, 'I5', 'met');
    await widget.set('inr', '2.0');
    await expect(widget.get('meld-borderline')).toHaveCount(0);
  });
});
