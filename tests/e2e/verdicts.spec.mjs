// Verdicts and criterion states, per phase (SPEC sections 2 and 6).
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

test.describe('verdicts', () => {
  test('the complete refer patient: MELD 26, both phases refer, every criterion state', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(1, 'refer');
    await widget.expectVerdict(2, 'refer');
    await widget.expectCriteria([
      // I1 and I6 default to "not asked": unknown, left to the study team, never blocking.
      [1, 'I1', 'unknown'], [2, 'I1', 'unknown'],
      [1, 'I2', 'met'], [2, 'I2', 'met'],
      [1, 'I3', 'met'], [2, 'I3', 'met'],
      [1, 'I3-1', 'met'], [2, 'I3-1', 'met'],
      [1, 'I3-2', 'met'], [2, 'I3-2', 'met'],
      [1, 'I3-3', 'met'], [2, 'I3-3', 'met'],
      [1, 'I4', 'not-applicable'], [2, 'I4', 'met'],
      [1, 'I5', 'met'], [2, 'I5', 'met'],
      [1, 'I6', 'unknown'], [2, 'I6', 'unknown'],
    ]);
    // The best verdict never claims eligibility; it refers to the study team.
    for (const phase of [1, 2]) {
      const text = await widget.verdictEl(phase).innerText();
      expect(text, `phase ${phase} refer verdict text`).not.toMatch(/\beligible\b/i);
      expect(text, `phase ${phase} refer verdict text`).toMatch(/refer|study team/i);
    }
  });

  test('a fresh page: both phases incomplete, nothing computed, consent/contraception not asked', async ({ widget }) => {
    await widget.expectVerdict(1, 'incomplete');
    await widget.expectVerdict(2, 'incomplete');
    await widget.expectScore('meld', '');
    await widget.expectScore('meld-na', '');
    await widget.expectScore('meld-3', '');
    await expect(widget.get('consent')).toHaveValue('not-asked');
    await expect(widget.get('contraception')).toHaveValue('not-asked');
    await expect(widget.get('tbil-unit')).toHaveValue('umol/L');
    await expect(widget.get('creatinine-unit')).toHaveValue('umol/L');
    await expect(widget.get('albumin-unit')).toHaveValue('g/L');
    await expect(widget.get('tbil-date')).toHaveValue(''); // SPEC 2 (revised): no assumed date
    await expect(widget.get('dialysis')).not.toBeChecked();
    for (const phase of [1, 2]) {
      for (const id of ['I2', 'I3', 'I5']) await widget.expectCriterion(phase, id, 'unknown');
    }
    await widget.expectCriterion(1, 'I4', 'not-applicable');
    await widget.expectCriterion(2, 'I4', 'unknown');
  });

  // Each row changes the refer patient; expected per-phase verdicts and criterion states.
  const CASES = [
    {
      name: 'etiology alcohol: phase 1 refers (any cause), phase 2 not eligible (I4 needs HBV)',
      change: { etiology: 'alcohol' },
      verdicts: ['refer', 'not-eligible'],
      criteria: [[1, 'I4', 'not-applicable'], [2, 'I4', 'not-met']],
    },
    {
      name: 'etiology HCV: phase 2 not eligible',
      change: { etiology: 'hcv' },
      verdicts: ['refer', 'not-eligible'],
      criteria: [[2, 'I4', 'not-met']],
    },
    {
      name: 'etiology unknown: phase 2 incomplete (I4 unknown)',
      change: { etiology: 'unknown' },
      verdicts: ['refer', 'incomplete'],
      criteria: [[1, 'I4', 'not-applicable'], [2, 'I4', 'unknown']],
    },
    {
      name: 'etiology unanswered: phase 2 incomplete (I4 unknown)',
      change: { etiology: '' },
      verdicts: ['refer', 'incomplete'],
      criteria: [[2, 'I4', 'unknown']],
    },
    {
      name: 'consent "no": I1 not met, both phases not eligible',
      change: { consent: 'no' },
      verdicts: ['not-eligible', 'not-eligible'],
      criteria: [[1, 'I1', 'not-met'], [2, 'I1', 'not-met']],
    },
    {
      name: 'contraception "no": I6 not met, both phases not eligible',
      change: { contraception: 'no' },
      verdicts: ['not-eligible', 'not-eligible'],
      criteria: [[1, 'I6', 'not-met'], [2, 'I6', 'not-met']],
    },
    {
      name: 'consent and contraception "yes": I1 and I6 met, both refer',
      change: { consent: 'yes', contraception: 'yes' },
      verdicts: ['refer', 'refer'],
      criteria: [[1, 'I1', 'met'], [2, 'I1', 'met'], [1, 'I6', 'met'], [2, 'I6', 'met']],
    },
    {
      name: 'age 17: I2 not met, both not eligible',
      change: { age: '17' },
      verdicts: ['not-eligible', 'not-eligible'],
      criteria: [[1, 'I2', 'not-met'], [2, 'I2', 'not-met']],
    },
    {
      name: 'age 18: I2 met (>= 18)',
      change: { age: '18' },
      verdicts: ['refer', 'refer'],
      criteria: [[1, 'I2', 'met'], [2, 'I2', 'met']],
    },
    {
      name: 'age empty: I2 unknown, both incomplete',
      change: { age: '' },
      verdicts: ['incomplete', 'incomplete'],
      criteria: [[1, 'I2', 'unknown'], [2, 'I2', 'unknown']],
    },
    {
      name: 'no chronic liver disease: I3-1 and I3 not met, both not eligible',
      change: { chronic: 'no' },
      verdicts: ['not-eligible', 'not-eligible'],
      criteria: [[1, 'I3-1', 'not-met'], [1, 'I3', 'not-met'], [2, 'I3-1', 'not-met'], [2, 'I3', 'not-met']],
    },
    {
      name: 'chronic liver disease unknown: I3-1 and I3 unknown, both incomplete',
      change: { chronic: 'unknown' },
      verdicts: ['incomplete', 'incomplete'],
      criteria: [[1, 'I3-1', 'unknown'], [1, 'I3', 'unknown'], [2, 'I3-1', 'unknown']],
    },
    {
      name: 'TBIL 171 umol/L (the threshold): I3-2 met',
      change: { tbil: '171' },
      verdicts: ['refer', 'refer'],
      criteria: [[1, 'I3-2', 'met'], [2, 'I3-2', 'met']],
    },
    {
      name: 'no bleeding tendency, HE or HRS: I3-3 and I3 not met, both not eligible',
      change: { inr: '1.2', pta: '60', 'bleeding-signs': 'no', he: 'absent', hrs: 'absent' },
      verdicts: ['not-eligible', 'not-eligible'],
      criteria: [[1, 'I3-3', 'not-met'], [1, 'I3', 'not-met'], [2, 'I3-3', 'not-met'], [2, 'I3', 'not-met']],
    },
    {
      name: 'I3-3 by PTA <= 40 alone (INR 1.2)',
      change: { inr: '1.2', pta: '40' },
      verdicts: ['refer', 'refer'],
      criteria: [[1, 'I3-3', 'met'], [2, 'I3-3', 'met']],
    },
    {
      name: 'I3-3 by INR >= 1.5 alone (PTA empty)',
      change: { inr: '1.5', pta: '' },
      verdicts: ['refer', 'refer'],
      criteria: [[1, 'I3-3', 'met']],
    },
    {
      // SPEC 2 (revised): bleeding tendency is INR >= 1.5 or PTA <= 40 %; active bleeding alone is not.
      name: 'active bleeding alone does not meet I3-3 (INR 1.3, PTA 55)',
      change: { inr: '1.3', pta: '55', 'bleeding-signs': 'yes' },
      verdicts: ['not-eligible', 'not-eligible'],
      criteria: [[1, 'I3-3', 'not-met'], [2, 'I3-3', 'not-met']],
    },
    {
      name: 'I3-3 by hepatic encephalopathy alone (grade 2)',
      change: { inr: '1.2', pta: '60', he: 'present', 'he-grade': '2' },
      verdicts: ['refer', 'refer'],
      criteria: [[1, 'I3-3', 'met']],
    },
    {
      name: 'I3-3 by hepatic encephalopathy present without a grade',
      change: { inr: '1.2', pta: '60', he: 'present' },
      verdicts: ['refer', 'refer'],
      criteria: [[1, 'I3-3', 'met']],
    },
    {
      name: 'I3-3 by hepatorenal syndrome alone',
      change: { inr: '1.2', pta: '60', hrs: 'present' },
      verdicts: ['refer', 'refer'],
      criteria: [[2, 'I3-3', 'met']],
    },
    {
      // SPEC 2 (revised): INR empty with PTA above 40 % is Unknown, naming INR.
      name: 'I3-3 unknown: INR empty, PTA 60',
      change: { inr: '', pta: '60', 'bleeding-signs': '' },
      verdicts: ['incomplete', 'incomplete'],
      criteria: [[1, 'I3-3', 'unknown'], [1, 'I3', 'unknown'], [2, 'I3-3', 'unknown']],
    },
    {
      name: 'MELD >= 30 (INR 3.5 -> MELD 32): I5 not met, both not eligible',
      change: { inr: '3.5' },
      verdicts: ['not-eligible', 'not-eligible'],
      criteria: [[1, 'I5', 'not-met'], [2, 'I5', 'not-met']],
      meld: '32',
    },
    {
      name: 'a not-met criterion wins over unknown ones (alcohol + age empty): phase 2 not eligible',
      change: { etiology: 'alcohol', age: '' },
      verdicts: ['incomplete', 'not-eligible'],
      criteria: [[2, 'I2', 'unknown'], [2, 'I4', 'not-met']],
    },
  ];

  for (const c of CASES) {
    test(c.name, async ({ widget }) => {
      await widget.fillPatient({ ...REFER_PATIENT, ...c.change });
      if (c.meld) await widget.expectScore('meld', c.meld);
      await widget.expectVerdict(1, c.verdicts[0]);
      await widget.expectVerdict(2, c.verdicts[1]);
      await widget.expectCriteria(c.criteria);
    });
  }

  test('verdicts follow edits both ways (refer -> not eligible -> refer)', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectVerdict(2, 'refer');
    await widget.set('etiology', 'drug');
    await widget.expectVerdict(2, 'not-eligible');
    await widget.expectVerdict(1, 'refer');
    const text = await widget.verdictEl(2).innerText();
    expect(text.trim().length, 'the not-eligible verdict has text').toBeGreaterThan(0);
    await widget.set('etiology', 'hbv');
    await widget.expectVerdict(2, 'refer');
  });
});
