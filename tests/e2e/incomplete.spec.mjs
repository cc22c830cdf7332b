// Unknown -> Incomplete, naming what is missing ("enter next", SPEC section 6).
//
// The contract has no test id for the "enter next" list, so the missing inputs are looked for in
// the text of the phase's verdict element (verdict-phase1/2), by their English names.
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

const CASES = [
  {
    name: 'INR missing (PTA 32 still gives a bleeding tendency): I5 unknown',
    remove: ['inr'],
    criteria: [[1, 'I5', 'unknown'], [1, 'I3-3', 'met'], [2, 'I5', 'unknown']],
    names: [/\bINR\b/],
  },
  {
    name: 'age missing: I2 unknown',
    remove: ['age'],
    criteria: [[1, 'I2', 'unknown'], [2, 'I2', 'unknown']],
    names: [/\bage\b/i],
  },
  {
    name: 'TBIL missing: I3-2 and I5 unknown',
    remove: ['tbil'],
    criteria: [[1, 'I3-2', 'unknown'], [1, 'I5', 'unknown']],
    names: [/bilirubin|TBIL/i],
  },
  {
    name: 'creatinine missing: I5 unknown',
    remove: ['creatinine'],
    criteria: [[1, 'I5', 'unknown'], [2, 'I5', 'unknown']],
    names: [/creatinine/i],
  },
  {
    name: 'age and INR missing: both named',
    remove: ['age', 'inr'],
    criteria: [[1, 'I2', 'unknown'], [1, 'I5', 'unknown']],
    names: [/\bage\b/i, /\bINR\b/],
  },
];

test.describe('incomplete names what is missing', () => {
  for (const c of CASES) {
    test(c.name, async ({ widget }) => {
      const patient = { ...REFER_PATIENT };
      for (const f of c.remove) patient[f] = '';
      await widget.fillPatient(patient);
      await widget.expectCriteria(c.criteria);
      for (const phase of [1, 2]) {
        await widget.expectVerdict(phase, 'incomplete');
        for (const re of c.names) {
          await expect(widget.verdictEl(phase), `phase ${phase} verdict names ${re}`).toContainText(re);
        }
      }
    });
  }

  test('consent and contraception "not asked" never hold the verdict at incomplete', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, consent: 'not-asked', contraception: 'not-asked' });
    await widget.expectCriteria([[1, 'I1', 'unknown'], [1, 'I6', 'unknown'], [2, 'I1', 'unknown'], [2, 'I6', 'unknown']]);
    await widget.expectVerdict(1, 'refer');
    await widget.expectVerdict(2, 'refer');
  });

  test('filling the missing input turns incomplete into refer', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, inr: '' });
    await widget.expectVerdict(1, 'incomplete');
    await widget.set('inr', '2.0');
    await widget.expectVerdict(1, 'refer');
    await widget.expectVerdict(2, 'refer');
    await expect(widget.verdictEl(1)).not.toContainText(/incomplete/i);
  });
});
