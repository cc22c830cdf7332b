// Severity context (SPEC 11): a collapsed section of optional inputs; the outputs are always in
// the DOM and never change a trial verdict.
import { test, expect } from './support/fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { REFER_PATIENT } from './pages/widget.mjs';

async function fillSeverity(widget, values) {
  for (const [id, value] of Object.entries(values)) {
    const el = widget.get(id);
    if (id === 'vasopressors') await el.setChecked(Boolean(value));
    else if (id === 'pao2-unit') await el.selectOption(value);
    else await el.fill(value);
  }
}

test.describe('severity context', () => {
  test('the section starts collapsed, opens by keyboard, and its outputs are always present', async ({ widget }) => {
    const section = widget.get('severity');
    await expect(section).not.toHaveAttribute('open', '');
    for (const id of ['clif-of', 'aclf-grade', 'clif-c-aclf', 'clif-c-ad', 'aarc', 'aarc-grade']) {
      await expect(widget.get(id), id).toBeAttached();
    }
    await expect(widget.get('aclf-grade')).toHaveAttribute('data-grade', '');
    await section.locator('summary').focus();
    await widget.page.keyboard.press('Enter');
    await expect(section).toHaveAttribute('open', '');
    await expect(widget.get('wbc')).toBeVisible();
  });

  test('kidney failure alone is ACLF grade 1, with CLIF-C ACLF and no CLIF-C AD; verdicts unchanged', async ({ widget }) => {
    // TBIL 150 µmol/L (8.8 mg/dL: liver 2), creatinine 221 µmol/L (2.5 mg/dL: kidney failure),
    // INR 1.8, HE absent, MAP 80, PaO2 90 on room air, WBC 8, lactate 1.2.
    await widget.fillPatient({ ...REFER_PATIENT, tbil: '150', creatinine: '221', inr: '1.8' });
    const verdicts = [await widget.verdict(1), await widget.verdict(2)];
    await widget.get('severity').locator('summary').click();
    await fillSeverity(widget, { wbc: '8', map: '80', pao2: '90', lactate: '1.2' });
    await widget.get('fio2-room-air').click();
    await expect(widget.get('fio2')).toHaveValue('21');
    await expect(widget.get('clif-of')).toHaveText('8');
    await expect(widget.get('aclf-grade')).toHaveAttribute('data-grade', '1');
    await expect(widget.get('aclf-grade')).toHaveAttribute('data-failures', 'kidney');
    await expect(widget.get('clif-c-aclf')).toHaveText(/^-?\d+$/);
    await expect(widget.get('clif-c-ad')).toHaveText('');
    await expect(widget.get('aarc')).toHaveText(/^\d+$/);
    await expect(widget.get('aarc-grade')).toHaveAttribute('data-grade', /^(I|II|III)$/);
    expect([await widget.verdict(1), await widget.verdict(2)]).toEqual(verdicts);
  });

  test('without ACLF, CLIF-C AD is filled and CLIF-C ACLF is empty', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, tbil: '150', creatinine: '88.4', inr: '1.8' });
    await widget.get('severity').locator('summary').click();
    await fillSeverity(widget, { wbc: '8', map: '80', pao2: '90', fio2: '21', lactate: '1.2' });
    await expect(widget.get('aclf-grade')).toHaveAttribute('data-grade', 'none');
    await expect(widget.get('clif-c-ad')).toHaveText(/^-?\d+$/);
    await expect(widget.get('clif-c-aclf')).toHaveText('');
  });

  test('PaO2 below 20 mmHg asks "did you mean kPa?"; in kPa it computes', async ({ widget }) => {
    await widget.get('severity').locator('summary').click();
    await fillSeverity(widget, { pao2: '12' });
    await expect(widget.error('pao2')).toContainText('kPa');
    await widget.get('pao2-unit').selectOption('kPa');
    await expect(widget.error('pao2')).toHaveCount(0);
  });

  for (const lang of ['en', 'zh-CN']) {
    test(`axe finds nothing in the open section (${lang})`, async ({ openWidget }) => {
      const widget = await openWidget({ query: `?lang=${lang}` });
      await widget.get('severity').locator('summary').click();
      await fillSeverity(widget, { wbc: '8', map: '80' });
      const results = await new AxeBuilder({ page: widget.page }).include('[data-testid="severity"]').analyze();
      expect(results.violations).toEqual([]);
    });
  }
});
