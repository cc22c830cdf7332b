// What would change the MELD gate (SPEC 9). (Serial labs and the trend: their own spec.)
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

test.describe('what would change the gate', () => {
  test('nothing is shown while MELD is not computable', async ({ widget }) => {
    for (const lab of ['inr', 'tbil', 'creatinine']) await expect(widget.get(`meld-change-${lab}`)).toHaveCount(0);
  });

  test('MELD 26: each lab says where MELD would reach 30; the limits update as a lab is typed', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    const inr = widget.get('meld-change-inr');
    await expect(inr).toHaveAttribute('data-kind', 'fails-at-least');
    await expect(inr).toHaveAttribute('data-reachable', 'true');
    await expect(inr).toHaveAttribute('data-limit', '2.86');
    await expect(inr).toContainText('MELD would reach 30 at INR ≥ 2.86');
    await expect(widget.page.getByText(/with the other labs unchanged/).first()).toBeVisible();
    await widget.set('inr', '3.5');
    await widget.expectScore('meld', '32');
    await expect(inr).toHaveAttribute('data-kind', 'passes-at-most');
    await expect(widget.get('meld-change-tbil')).toHaveAttribute('data-kind', 'passes-at-most');
  });

  test('typing the stated limit gives exactly the stated outcome', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    const limit = await widget.get('meld-change-inr').getAttribute('data-limit');
    await widget.set('inr', limit);
    await widget.expectScore('meld', '30');
    await widget.expectCriterion(1, 'I5', 'not-met');
  });

  test('switching a unit re-expresses the limit in that unit', async ({ widget }) => {
    await widget.fillPatient(REFER_PATIENT);
    const tbil = widget.get('meld-change-tbil');
    await expect(tbil).toHaveAttribute('data-limit', /^\d+\.\d$/);
    await widget.set('creatinine-unit', 'mg/dL');
    await widget.set('creatinine', '1.0');
    await expect(widget.get('meld-change-creatinine')).toHaveAttribute('data-limit', /^\d+\.\d\d$/);
  });

  test('with dialysis, creatinine never flips the gate', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, inr: '1.0', tbil: '20', dialysis: true });
    const cr = widget.get('meld-change-creatinine');
    await expect(cr).toHaveAttribute('data-reachable', 'false');
    await expect(cr).toHaveAttribute('data-reason', 'dialysis');
    await expect(cr).not.toHaveAttribute('data-limit', /.*/);
  });
});
