// Serial labs and the trend (SPEC 10). (What would change the gate, SPEC 9, is tested with its
// panel by the engineer who owns it.)
import { test, expect } from './support/fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { REFER_PATIENT } from './pages/widget.mjs';

const SHOTS = 'tests/e2e/artifacts/screenshots';

/** Pages in a PDF produced by Chromium (one "/Type /Page" object per page). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** A patient with three earlier rows: a chart with TBIL and MELD points on four dates. */
async function fillTrend(widget) {
  await widget.fillPatient({ ...REFER_PATIENT, tbil: '260', 'tbil-date': await widget.date(0), 'tbil-earlier': '230', 'tbil-earlier-date': await widget.date(-2) });
  const rows = [
    { date: -9, tbil: '120', inr: '1.6', creatinine: '75', sodium: '136' },
    { date: -6, tbil: '160', inr: '1.9', creatinine: '90', sodium: '134' },
    { date: -4, tbil: '205', inr: '2.3', creatinine: '120' },
  ];
  for (const [i, r] of rows.entries()) {
    await widget.get('series-add').click();
    const tr = row(widget, i + 1);
    await tr.getByTestId('series-date').fill(await widget.date(r.date));
    for (const f of ['tbil', 'inr', 'creatinine', 'sodium']) if (r[f]) await tr.getByTestId(`series-${f}`).fill(r[f]);
  }
}

const row = (widget, index) => widget.locator(`[data-testid="series-row"][data-index="${index}"]`);

test.describe('serial labs and the trend', () => {
  test('row 0 is the main earlier TBIL pair; fewer than two dated values: no chart, a line says why', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, 'tbil-date': await widget.date(0) });
    await expect(row(widget, 0)).toBeAttached();
    await expect(widget.get('trend-none')).toBeVisible();
    await expect(widget.get('trend-chart')).toHaveCount(0);
  });

  test('an added row feeds the rise and the chart; the chart points match the table', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, tbil: '150', 'tbil-date': await widget.date(0) });
    await widget.expectCriterion(1, 'I3-2', 'unknown');
    await widget.get('series-add').click();
    const r1 = row(widget, 1);
    await r1.getByTestId('series-date').fill(await widget.date(-2));
    await r1.getByTestId('series-tbil').fill('100');
    await r1.getByTestId('series-inr').fill('1.8');
    await r1.getByTestId('series-creatinine').fill('80');
    await widget.expectCriterion(1, 'I3-2', 'met'); // 25 µmol/L per day
    const chart = widget.get('trend-chart');
    await expect(chart).toHaveAttribute('role', 'img');
    const rows = widget.get('trend-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-date', await widget.date(-2));
    await expect(rows.nth(0)).toHaveAttribute('data-tbil', '100.0');
    await expect(rows.nth(1)).toHaveAttribute('data-tbil', '150.0');
    await expect(rows.nth(1)).toHaveAttribute('data-meld', /^\d+$/);
    expect(await chart.locator('[data-point="tbil"]').count()).toBe(2);
  });

  test('a row value gets the main fields\' messages; remove deletes the row', async ({ widget }) => {
    await widget.get('series-add').click();
    const r1 = row(widget, 1);
    await r1.getByTestId('series-inr').fill('30');
    await expect(widget.get('error-series-1-inr')).toBeVisible();
    await r1.getByTestId('series-remove').click();
    await expect(row(widget, 1)).toHaveCount(0);
    await expect(widget.get('error-series-1-inr')).toHaveCount(0);
  });

  for (const lang of ['en', 'zh-CN']) {
    test(`axe finds nothing with a chart (${lang})`, async ({ openWidget }) => {
      const widget = await openWidget({ query: `?lang=${lang}` });
      await widget.fillPatient({ ...REFER_PATIENT, 'tbil-date': await widget.date(0), 'tbil-earlier': '200', 'tbil-earlier-date': await widget.date(-3) });
      await expect(widget.get('trend-chart')).toBeVisible();
      const results = await new AxeBuilder({ page: widget.page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }

  test('the chart\'s points match the table, the latest is highlighted, dates on a time axis', async ({ widget }) => {
    await fillTrend(widget);
    const chart = widget.get('trend-chart');
    await expect(chart).toBeVisible();
    const rows = widget.get('trend-row');
    await expect(rows).toHaveCount(5);
    const table = await rows.evaluateAll((trs) => trs.map((tr) => ({ date: tr.dataset.date, tbil: tr.dataset.tbil, meld: tr.dataset.meld })));
    expect(table.map((r) => r.date)).toEqual([...table.map((r) => r.date)].sort());
    for (const kind of ['tbil', 'meld']) {
      const points = await chart.locator(`[data-point="${kind}"]`).evaluateAll((els) =>
        els.map((e) => ({ date: e.dataset.date, value: e.dataset.value, x: Number(e.getAttribute('cx')), latest: e.dataset.latest === 'true' })));
      const expected = table.filter((r) => r[kind] !== '').map((r) => ({ date: r.date, value: r[kind] }));
      expect(points.map(({ date, value }) => ({ date, value }))).toEqual(expected);
      // A true time axis: x is linear in days between the first and the last date.
      const day = (d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
      const [first, last] = [points[0], points[points.length - 1]];
      for (const p of points) {
        const expectedX = first.x + ((day(p.date) - day(first.date)) / (day(last.date) - day(first.date))) * (last.x - first.x);
        expect(Math.abs(p.x - expectedX)).toBeLessThan(0.2);
      }
      expect(points.filter((p) => p.latest).map((p) => p.date)).toEqual([table[table.length - 1].date]);
    }
    // Row 0 (the main earlier pair) has TBIL only: no MELD.
    expect(table.find((r) => r.date === table[3].date).meld).toBe('');
    await expect(chart).toHaveAttribute('aria-label', /TBIL rose from 120\.0 to 260\.0 µmol\/L/);
  });

  test('switching the bilirubin unit re-expresses the table and the points in mg/dL', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, 'tbil-unit': 'mg/dL', tbil: '20', 'tbil-date': await widget.date(0), 'tbil-earlier': '12.5', 'tbil-earlier-date': await widget.date(-3) });
    const rows = widget.get('trend-row');
    await expect(rows.nth(0)).toHaveAttribute('data-tbil', '12.50');
    await expect(rows.nth(1)).toHaveAttribute('data-tbil', '20.00');
    await expect(widget.get('trend-chart').locator('[data-point="tbil"]').first()).toHaveAttribute('data-value', '12.50');
    await expect(widget.get('trend-chart')).toHaveAttribute('aria-label', /10\.00 mg\/dL/);
  });

  test('the rise radio picks the row; the choice is shown with the rise; the rule again on request', async ({ widget }) => {
    await fillTrend(widget);
    // By the rule: the most recent earlier result, row 0 (two days before the latest).
    await expect(row(widget, 0).getByTestId('series-rise')).toBeChecked();
    const line = widget.get('series-rise-line');
    await expect(line).toContainText('from row 0');
    await expect(line).toContainText('chosen by the rule');
    await expect(line).toContainText('15.0 µmol/L per day over 2 days');
    await widget.expectCriterion(1, 'I3-2', 'met'); // 260 ≥ 171 anyway
    await row(widget, 1).getByTestId('series-rise').check();
    await expect(line).toContainText('from row 1');
    await expect(line).toContainText('chosen by you');
    await expect(line).toContainText('15.6 µmol/L per day over 9 days');
    await widget.get('series-rise-auto').click();
    await expect(line).toContainText('chosen by the rule');
    await expect(row(widget, 0).getByTestId('series-rise')).toBeChecked();
  });

  test('a picked row keeps its pick when an earlier row is removed; its MELD is marked without the dialysis rule', async ({ widget }) => {
    await fillTrend(widget);
    await row(widget, 3).getByTestId('series-rise').check();
    await row(widget, 1).getByTestId('series-remove').click();
    await expect(widget.locator('[data-testid="series-row"]')).toHaveCount(3);
    await expect(row(widget, 2).getByTestId('series-rise')).toBeChecked();
    await expect(row(widget, 2).getByTestId('series-tbil')).toHaveValue('205');
    await expect(row(widget, 1).getByTestId('series-meld')).toHaveText(/^\d+$/);
    await widget.set('dialysis', true);
    await expect(row(widget, 1).getByTestId('series-meld')).toContainText('without the dialysis rule');
  });

  test('a row date after the latest TBIL is an error on that date', async ({ widget }) => {
    await widget.fillPatient({ ...REFER_PATIENT, 'tbil-date': await widget.date(-2) });
    await widget.get('series-add').click();
    const date = row(widget, 1).getByTestId('series-date');
    await date.fill(await widget.date(-1));
    await expect(widget.get('error-series-1-date')).toBeVisible();
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAttribute('aria-describedby', 'aclf-msg-series-1-date');
  });

  test('reset clears the rows', async ({ widget }) => {
    await fillTrend(widget);
    await widget.get('reset').click();
    await expect(widget.locator('[data-testid="series-row"]')).toHaveCount(1);
    await expect(widget.get('trend-chart')).toHaveCount(0);
    await expect(widget.get('trend-none')).toBeVisible();
  });

  for (const lang of ['en', 'zh-CN']) {
    test(`the chart prints on a second page; the referral stays on one (${lang})`, async ({ openWidget }) => {
      const widget = await openWidget({ query: `?lang=${lang}` });
      await fillTrend(widget);
      const page = widget.page;
      await page.emulateMedia({ media: 'print' });
      await expect(widget.get('trend-chart')).toBeVisible();
      await expect(widget.get('series-add')).toBeHidden();
      const pdf = await page.pdf({ format: 'A4' });
      expect(pageCount(pdf)).toBe(2);
    });

    test(`screenshot of the chart (${lang})`, async ({ openWidget }) => {
      const widget = await openWidget({ query: `?lang=${lang}` });
      await fillTrend(widget);
      const section = widget.locator('section.trend');
      await expect(widget.get('trend-chart')).toBeVisible();
      if (lang === 'zh-CN') await expect(widget.get('trend-chart')).toHaveAttribute('aria-label', /总胆红素/);
      await section.screenshot({ path: `${SHOTS}/trend-${lang}.png` });
    });
  }
});
