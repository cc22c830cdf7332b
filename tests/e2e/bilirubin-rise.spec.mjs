// I3-2: TBIL >= 171 umol/L, or a mean daily rise >= 17.1 umol/L per day between two dated
// results (SPEC section 2, "Mean daily TBIL rise").
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

test.describe('daily bilirubin rise (I3-2)', () => {
  // SPEC 2 (revised): no assumed date - it starts empty like every other entry.
  test('the latest TBIL date starts empty', async ({ widget }) => {
    await expect(widget.get('tbil-date')).toHaveValue('');
    await expect(widget.get('tbil-earlier-date')).toHaveValue('');
  });

  // TBIL 150 umol/L today (below 171): I3-2 depends on the earlier result.
  const CASES = [
    { name: 'earlier 100 two days ago: rise 25/day -> met', earlier: '100', daysAgo: 2, state: 'met', verdict: 'refer' },
    { name: 'earlier 130 two days ago: rise 10/day -> not met', earlier: '130', daysAgo: 2, state: 'not-met', verdict: 'not-eligible' },
    { name: 'no earlier result -> unknown', earlier: null, state: 'unknown', verdict: 'incomplete' },
    { name: 'earlier value without its date -> unknown', earlier: '100', daysAgo: null, state: 'unknown', verdict: 'incomplete' },
    { name: 'earlier 115.8 two days ago: rise exactly 17.1/day -> met', earlier: '115.8', daysAgo: 2, state: 'met', verdict: 'refer' },
  ];
  for (const c of CASES) {
    test(`TBIL 150 today, ${c.name}`, async ({ widget }) => {
      const patient = { ...REFER_PATIENT, tbil: '150', 'tbil-date': await widget.date(0) };
      if (c.earlier !== null) patient['tbil-earlier'] = c.earlier;
      if (c.daysAgo !== null && c.daysAgo !== undefined) patient['tbil-earlier-date'] = await widget.date(-c.daysAgo);
      await widget.fillPatient(patient);
      for (const phase of [1, 2]) {
        await widget.expectCriterion(phase, 'I3-2', c.state);
        await widget.expectCriterion(phase, 'I3', c.state);
        await widget.expectVerdict(phase, c.verdict);
      }
      await expect(widget.allErrors().filter({ visible: true })).toHaveCount(0);
    });
  }

  test('the rise is computed in mg/dL too: 8.77 mg/dL today, 5.85 mg/dL two days ago -> met', async ({ widget }) => {
    // (8.77 - 5.85) / 2 = 1.46 mg/dL/day >= 1 mg/dL/day; 8.77 mg/dL = 150 umol/L < 171.
    await widget.fillPatient({
      ...REFER_PATIENT,
      'tbil-unit': 'mg/dL',
      tbil: '8.77',
      'tbil-date': await widget.date(0), // SPEC 2 (revised): the date is entered, never assumed
      'tbil-earlier': '5.85',
      'tbil-earlier-date': await widget.date(-2),
    });
    await widget.expectCriterion(1, 'I3-2', 'met');
    await widget.expectVerdict(2, 'refer');
  });

  test('TBIL >= 171 meets I3-2 whatever the earlier result', async ({ widget }) => {
    await widget.fillPatient({
      ...REFER_PATIENT,
      tbil: '342',
      'tbil-earlier': '340',
      'tbil-earlier-date': await widget.date(-2),
    });
    await widget.expectCriterion(1, 'I3-2', 'met');
    await widget.expectCriterion(2, 'I3-2', 'met');
  });

  test('dates moved back in time: latest 3 days ago, earlier 5 days ago, 150 vs 100 -> met', async ({ widget }) => {
    await widget.fillPatient({
      ...REFER_PATIENT,
      tbil: '150',
      'tbil-date': await widget.date(-3),
      'tbil-earlier': '100',
      'tbil-earlier-date': await widget.date(-5),
    });
    await widget.expectCriterion(1, 'I3-2', 'met');
    await expect(widget.allErrors().filter({ visible: true })).toHaveCount(0);
  });
});
