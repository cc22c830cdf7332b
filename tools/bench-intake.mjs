// The lab reader's figures for `make bench` (issue 11, "Size and speed"): its share of the wasm,
// the native criterion times of `cargo bench --bench intake`, and in the browser the time from
// clicking "Read" to the confirmation table, for a 200-line report and a 5,000-observation FHIR
// bundle of about 2 MB. The inputs are generated here, deterministically, as benches/intake.rs
// generates them (nothing large is committed). Times are printed with their targets, never
// asserted. tools/bench.mjs imports this; alone it measures the browser part of any build:
//
//   node tools/bench-intake.mjs <dist folder> [criterion intake output]
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const INTAKE_TARGETS = { nativeReportMs: 1, nativeBundleMs: 100, browserReportMs: 20, browserBundleMs: 100 };
const REPORT_RUNS = 15;
const BUNDLE_RUNS = 7;

const pad2 = (n) => String(n).padStart(2, '0');

/** benches/intake.rs `report_200_lines`: 20 Chinese grid reports of 10 lines, one per day. */
export function report200Lines() {
  const rows = [
    '1\tTBIL\t总胆红素\t286.4\t↑\tμmol/L\t3.4-20.5',
    '2\tDBIL\t直接胆红素\t198.2\t↑\tμmol/L\t0-6.8',
    '3\tALB\t白蛋白\t28.5\t↓\tg/L\t40-55',
    '4\tCREA\t肌酐\t97\t\tμmol/L\t57-111',
    '5\tNa\t钠\t131\t↓\tmmol/L\t137-147',
    '6\tALT\t谷丙转氨酶\t85\t↑\tU/L\t9-50',
    '7\tPTA\t凝血酶原活动度\t32\t↓\t%\t70-120',
    '8\tINR\t国际标准化比值\t2.15\t↑\t\t0.8-1.2',
  ];
  let s = '';
  for (let day = 0; day < 20; day++) {
    s += '姓名: 张三\t性别: 男\t年龄: 47岁\t住院号: 123456\n';
    s += `采样时间: 2026-11-${pad2(30 - day)} 05:10\n`;
    for (const r of rows) s += `${r}\n`;
  }
  return s;
}

/** benches/intake.rs `bundle_5000`: a searchset of 5,000 Observations (5 LOINC codes, 28 days,
 *  several a day), byte for byte the same text. */
export function bundle5000() {
  const codes = [['14631-6', 'umol/L'], ['6301-6', '{INR}'], ['2160-0', 'mg/dL'], ['2951-2', 'mmol/L'], ['1751-7', 'g/L']];
  const entries = [];
  for (let i = 0; i < 5000; i++) {
    const [code, unit] = codes[i % codes.length];
    const day = pad2(1 + (Math.floor(i / codes.length) % 28));
    entries.push(`{"fullUrl":"urn:uuid:obs-${i}","resource":{"resourceType":"Observation","id":"obs-${i}","meta":{"lastUpdated":"2026-11-${day}T08:00:00+08:00"},"status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"${code}"}],"text":"lab ${code}"},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-11-${day}T06:${pad2(i % 60)}:00+08:00","issued":"2026-11-${day}T10:00:00+08:00","valueQuantity":{"value":${10 + (i % 90)}.${i % 10},"unit":"${unit}","system":"http://unitsofmeasure.org","code":"${unit}"}}}`);
  }
  return `{"resourceType":"Bundle","type":"searchset","total":5000,"entry":[${entries.join(',')}]}`;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The reader's wasm bytes: every function twiggy names in `aclf_screen::intake` (the reader;
 *  `aclf_screen::ui::intake`, the panel, is not in it), from the module groups of tools/bench.mjs.
 *  Library code monomorphised for it (core, alloc) is counted under its own crate. */
export function readerShare(groups) {
  if (!groups) return null;
  let bytes = 0;
  for (const [name, b] of groups.groups) if (name.startsWith('aclf_screen::intake')) bytes += b;
  return { bytes, share: (100 * bytes) / groups.total };
}

/** `cargo bench --bench intake` output: the middle estimate of each `intake/<name>` time, in ms. */
export function nativeTimes(logFile) {
  if (!logFile || !existsSync(logFile)) return null;
  const scale = { ps: 1e-9, ns: 1e-6, 'µs': 1e-3, us: 1e-3, ms: 1, s: 1e3 };
  const times = {};
  for (const m of readFileSync(logFile, 'utf8').matchAll(/intake\/(\w+)\s+time:\s*\[[\d.]+ \S+ ([\d.]+) (\S+)/g)) {
    times[m[1]] = Number(m[2]) * scale[m[3]];
  }
  return times;
}

/** In the browser: "Read" clicked -> the confirmation table in the DOM (MutationObserver) and
 *  laid out (a forced layout), page clock, with the text already in the box and laid out;
 *  Cancel between runs.
 *  Median of `runs` (the first run includes compiling the reader's code). */
export async function readToTable(browser, url, text, runs) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('import-text').waitFor();
  await page.evaluate((t) => { window.__benchText = t; }, text);
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const area = document.querySelector('[data-testid="import-text"]');
      area.value = window.__benchText;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      // Leptos renders a task after the click: a MutationObserver sees the table as soon as it
      // is inserted (waiting for a frame would add up to a frame's time).
      const table = () => document.querySelector('[data-testid="import-table"]');
      const shown = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (table()) {
            obs.disconnect();
            table().getBoundingClientRect();
            resolve(performance.now());
          }
        });
        obs.observe(document.body, { childList: true, subtree: true });
      });
      const t0 = performance.now();
      document.querySelector('[data-testid="import-read"]').click();
      const ms = (await shown) - t0;
      if (!document.querySelector('[data-testid="import-row"]')) throw new Error('no row read');
      document.querySelector('[data-testid="import-cancel"]').click();
      await frame();
      return ms;
    }));
  }
  await context.close();
  return { median: median(times), runs };
}

/** Everything measured for the reader: { wasm, native, report, bundle, bundleBytes }. */
export async function intakeFigures(browser, url, { groups, criterionLog } = {}) {
  const bundle = bundle5000();
  return {
    wasm: readerShare(groups),
    native: nativeTimes(criterionLog),
    report: await readToTable(browser, url, report200Lines(), REPORT_RUNS),
    bundle: await readToTable(browser, url, bundle, BUNDLE_RUNS),
    bundleBytes: Buffer.byteLength(bundle),
  };
}

/** The figures as markdown table rows (| measure | value | target | status |). */
export function intakeRows(f, twiggyMissing) {
  const ms = (v) => `${v < 1 ? v.toFixed(3) : v.toFixed(1)} ms`;
  const status = (v, target) => (v < target ? `met (${ms(v)} < ${ms(target)})` : `NOT met (${ms(v)} >= ${ms(target)})`);
  const rows = [];
  rows.push(f.wasm
    ? `| reader (aclf_screen::intake) in the wasm, raw code bytes | ${f.wasm.bytes} (${f.wasm.share.toFixed(1)} %) | | |`
    : `| reader (aclf_screen::intake) in the wasm | not measured (${twiggyMissing ? 'twiggy missing' : 'no BENCH_WASM file'}) | | |`);
  const native = f.native ?? {};
  for (const [name, label, target] of [
    ['report_200_lines', 'native: read a 200-line report (criterion)', INTAKE_TARGETS.nativeReportMs],
    ['fhir_bundle_5000', `native: parse and read the 5,000-observation bundle (criterion, the crate's JSON reader)`, INTAKE_TARGETS.nativeBundleMs],
    ['apply_bundle_5000', 'native: "Use" of that bundle, its older results into the table (criterion)', null],
  ]) {
    rows.push(native[name] === undefined
      ? `| ${label} | not measured (no criterion intake output) | ${target ? `< ${target} ms` : ''} | |`
      : `| ${label} | ${ms(native[name])} | ${target ? `< ${target} ms` : ''} | ${target ? status(native[name], target) : ''} |`);
  }
  rows.push(`| browser: Read -> table, 200-line report, median of ${f.report.runs} | ${ms(f.report.median)} | < ${INTAKE_TARGETS.browserReportMs} ms | ${status(f.report.median, INTAKE_TARGETS.browserReportMs)} |`);
  rows.push(`| browser: Read -> table, 5,000-observation bundle (${(f.bundleBytes / 1e6).toFixed(2)} MB), median of ${f.bundle.runs} | ${ms(f.bundle.median)} | < ${INTAKE_TARGETS.browserBundleMs} ms | ${status(f.bundle.median, INTAKE_TARGETS.browserBundleMs)} |`);
  return rows;
}

// Alone: the browser figures of one build (e.g. a debug build, to try this code path).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('@playwright/test');
  const { startServer } = await import('../tests/e2e/serve.mjs');
  const [dir = 'dist', criterionLog] = process.argv.slice(2);
  const server = await startServer({ root: dir, port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const figures = await intakeFigures(browser, server.url, { criterionLog });
  await browser.close();
  await server.close();
  console.log(`## Lab intake (reader), build: ${dir}\n\n| measure | value | target | status |\n|---|---:|---|---|`);
  console.log(intakeRows(figures, false).join('\n'));
}
