// Accessibility: axe-core finds no violation, in English and Chinese, with a filled form.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, MOBILE } from './support/fixtures.mjs';
import { REFER_PATIENT } from './pages/widget.mjs';

function describe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

async function expectNoViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations, describe(results.violations)).toEqual([]);
}

const CASES = [
  { name: 'English, refer patient', query: '', patient: REFER_PATIENT },
  { name: 'Chinese (?lang=zh-CN), refer patient', query: '?lang=zh-CN', patient: REFER_PATIENT },
  {
    name: 'English, with an error, a warning and the borderline flag',
    query: '',
    patient: { ...REFER_PATIENT, age: '130', sodium: '112', inr: '2.8' },
    visible: ['error-age', 'warning-sodium', 'meld-borderline'],
  },
  {
    name: 'Chinese, not eligible with HE grade and the rise inputs',
    query: '?lang=zh-CN',
    patient: { ...REFER_PATIENT, etiology: 'alcohol', he: 'present', 'he-grade': '2', 'tbil-earlier': '100' },
    dates: true,
  },
  { name: 'English, empty form, 360x800', query: '', patient: {}, viewport: MOBILE },
];

test.describe('accessibility (axe-core)', () => {
  for (const c of CASES) {
    test(`no axe violations: ${c.name}`, async ({ openWidget }) => {
      const widget = await openWidget({ query: c.query, contextOptions: c.viewport ? { viewport: c.viewport } : {} });
      const patient = { ...c.patient };
      if (c.dates) patient['tbil-earlier-date'] = await widget.date(-2);
      await widget.fillPatient(patient);
      for (const id of c.visible ?? []) await expect(widget.get(id)).toBeVisible();
      await expectNoViolations(widget.page);
    });
  }

  test('every input has an accessible name', async ({ widget }) => {
    const fields = ['age', 'sex', 'etiology', 'chronic', 'tbil', 'tbil-unit', 'tbil-date', 'tbil-earlier', 'tbil-earlier-date',
      'inr', 'pta', 'creatinine', 'creatinine-unit', 'dialysis', 'sodium', 'albumin', 'albumin-unit', 'he', 'hrs',
      'bleeding-signs', 'consent', 'contraception', 'lang'];
    for (const f of fields) {
      const name = await widget.get(f).evaluate((el) => {
        if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
        const by = el.getAttribute('aria-labelledby');
        if (by) return by.split(/\s+/).map((id) => el.getRootNode().getElementById?.(id)?.textContent ?? '').join(' ');
        return Array.from(el.labels ?? []).map((l) => l.textContent).join(' ');
      });
      expect(name.trim(), `accessible name of ${f}`).not.toBe('');
    }
  });
});
