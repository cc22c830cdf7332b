// Reset: clears every entry back to its default, keeps the language.
import { test, expect } from './support/fixtures.mjs';
import { REFER_PATIENT, TEXT_FIELDS } from './pages/widget.mjs';

const DEFAULT_SELECTS = {
  sex: '', etiology: '', chronic: '',
  'tbil-unit': 'umol/L', 'creatinine-unit': 'umol/L', 'albumin-unit': 'g/L',
  he: '', hrs: '', 'bleeding-signs': '',
  consent: 'not-asked', contraception: 'not-asked',
};

async function expectDefaults(widget) {
  for (const field of TEXT_FIELDS) await expect(widget.get(field), `${field} after reset`).toHaveValue('');
  for (const [field, value] of Object.entries(DEFAULT_SELECTS)) {
    await expect(widget.get(field), `${field} after reset`).toHaveValue(value);
  }
  // he-grade may be hidden or removed while HE is not "present"; if it is there, it is cleared.
  if ((await widget.get('he-grade').count()) > 0) await expect(widget.get('he-grade')).toHaveValue('');
  await expect(widget.get('tbil-date')).toHaveValue(''); // SPEC 2 (revised): no assumed date
  await expect(widget.get('tbil-earlier-date')).toHaveValue('');
  await expect(widget.get('dialysis')).not.toBeChecked();
  await widget.expectScore('meld', '');
  await widget.expectScore('meld-na', '');
  await widget.expectScore('meld-3', '');
  await widget.expectVerdict(1, 'incomplete');
  await widget.expectVerdict(2, 'incomplete');
  await expect(widget.allErrors().filter({ visible: true })).toHaveCount(0);
  await expect(widget.allWarnings().filter({ visible: true })).toHaveCount(0);
  await expect(widget.get('meld-borderline')).toHaveCount(0);
}

const EVERYTHING = {
  ...REFER_PATIENT,
  'tbil-unit': 'mg/dL',
  tbil: '20',
  'creatinine-unit': 'mg/dL',
  creatinine: '1',
  'albumin-unit': 'g/dL',
  albumin: '3.0',
  'tbil-earlier': '15',
  dialysis: true,
  he: 'present',
  'he-grade': '3',
  hrs: 'present',
  'bleeding-signs': 'yes',
  consent: 'yes',
  contraception: 'no',
};

test.describe('reset', () => {
  test('reset in English clears every entry back to the defaults', async ({ widget }) => {
    await widget.fillPatient({
      ...EVERYTHING,
      'tbil-date': await widget.date(-1),
      'tbil-earlier-date': await widget.date(-3),
    });
    await widget.expectScore('meld', '39');
    await widget.reset();
    await expectDefaults(widget);
    await expect(widget.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(widget.get('lang')).toHaveValue('en');
  });

  test('reset keeps Chinese and clears an error', async ({ widget }) => {
    await widget.fillPatient({ ...EVERYTHING, inr: '25' });
    await widget.switchLanguage('zh-CN');
    await expect(widget.error('inr')).toBeVisible();
    await widget.reset();
    await expectDefaults(widget);
    await expect(widget.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(widget.get('lang')).toHaveValue('zh-CN');
    await expect(widget.get('inr')).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('the form works normally after a reset', async ({ widget }) => {
    await widget.fillPatient(EVERYTHING);
    await widget.reset();
    await widget.fillPatient(REFER_PATIENT);
    await widget.expectScore('meld', '26');
    await widget.expectVerdict(1, 'refer');
    await widget.expectVerdict(2, 'refer');
  });
});
