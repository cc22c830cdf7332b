// `make bench`: sizes, first render and input -> verdict latency of the widget against a bare
// Leptos 0.8 page (benches/baseline), plus the clinical core's native throughput (criterion).
// Times are printed, never asserted: these machines are noisy. The table is also saved to
// bench-results/bench.md.
//
//   node tools/bench.mjs <widget dist> <baseline dist> [criterion output file] [criterion intake output file]
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { startServer } from '../tests/e2e/serve.mjs';
import { measure, kb } from './sizes.mjs';
import { intakeFigures, intakeRows } from './bench-intake.mjs';
import { moduleGroups } from './wasm-modules.mjs';

const [widgetDir = 'dist', baselineDir = 'benches/baseline/dist', criterionLog, intakeLog] = process.argv.slice(2);
const COLD_LOADS = 20;
const EDITS = 200;
// The CI budget is tools/size-budget.json's (tools/check_size.mjs says why it is not issue 10's 170 KB); the goal for the whole app with
// every capability is <= 130 KB; results present <= 2.0 x the bare page.
/** The CI's size budget, as recorded (tools/check_size.mjs). */
const CI_BUDGET = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8')).total_brotli_bytes;
const TARGETS = { totalBrotli: 130_000, wasmRatio: 1.6, firstRenderRatio: 1.3, resultsRatio: 2.0, inputMedianMs: 4, corePerSecond: 1_000_000 };

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}
const ms = (v) => `${v.toFixed(1)} ms`;

/** Records, from the page's own clock, when `selector` (the form's first input) first exists
 *  and accepts input, when `resultSelector` (the results) first exists, and the first
 *  contentful paint (what the user first sees: the DOM times do not say when it is painted). */
function readyProbe(selector, resultSelector) {
  return `(() => {
    const mark = () => {
      if (!window.__benchReady && document.querySelector(${JSON.stringify(selector)})) window.__benchReady = performance.now();
      if (!window.__benchResults && document.querySelector(${JSON.stringify(resultSelector)})) window.__benchResults = performance.now();
      return window.__benchReady && window.__benchResults;
    };
    new MutationObserver((_, obs) => { if (mark()) obs.disconnect(); })
      .observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__benchPaint = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  })();`;
}

/** One cold load (new context: empty cache, no service worker): navigation start -> the form's
 *  first input present, and -> the results present, on the page's own clock. */
async function coldLoad(browser, url, selector, resultSelector) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(readyProbe(selector, resultSelector));
  await page.goto(url);
  await page.waitForFunction(() => window.__benchReady !== undefined && window.__benchResults !== undefined && window.__benchPaint !== undefined, null, { timeout: 15_000 });
  const t = await page.evaluate(() => [window.__benchReady, window.__benchResults, window.__benchPaint]);
  await context.close();
  return t;
}

/** Cold loads interleaved, one widget load then one baseline load, so that machine load moves
 *  both alike; medians, p90 and the ratio of the medians. */
async function firstRender(browser, pages) {
  const runs = pages.map(() => ({ times: [], results: [], paints: [] }));
  for (let i = 0; i < COLD_LOADS; i++) {
    for (const [k, p] of pages.entries()) {
      const [ready, results, paint] = await coldLoad(browser, p.url, p.selector, p.resultSelector);
      runs[k].times.push(ready);
      runs[k].results.push(results);
      runs[k].paints.push(paint);
    }
  }
  return runs.map((r) => ({ median: quantile(r.times, 0.5), p90: quantile(r.times, 0.9), results: quantile(r.results, 0.5), paint: quantile(r.paints, 0.5) }));
}

/** Input event -> the DOM shows the new output; `edit` runs inside the page and returns a
 *  promise of the elapsed milliseconds. */
async function inputLatency(browser, url, setup, edit) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await setup(page);
  const times = await page.evaluate(edit, EDITS);
  await context.close();
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

// In the widget (a complete refer patient): alternate the INR between 3.5 (MELD 32, not
// eligible) and 2.0 (MELD 26, refer) and wait until both the MELD text and phase I's verdict
// show the new result.
const widgetEdit = async (n) => {
  const input = document.querySelector('[data-testid="inr"]');
  const meld = () => document.querySelector('[data-testid="meld"]').textContent;
  const verdict = () => document.querySelector('[data-testid="verdict-phase1"]').getAttribute('data-verdict');
  const times = [];
  for (let i = 0; i < n; i++) {
    const before = meld();
    const beforeVerdict = verdict();
    const t0 = performance.now();
    input.value = i % 2 === 0 ? '3.5' : '2.0';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve, reject) => {
      const done = () => meld() !== before && verdict() !== beforeVerdict;
      setTimeout(() => reject(new Error('the verdict did not update within 5 s')), 5000);
      if (done()) return resolve();
      const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(); } });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    times.push(performance.now() - t0);
  }
  return times;
};

const baselineEdit = async (n) => {
  const input = document.querySelector('[data-testid="value"]');
  const out = () => document.querySelector('[data-testid="output"]').textContent;
  const times = [];
  for (let i = 0; i < n; i++) {
    const before = out();
    const t0 = performance.now();
    input.value = String(i + 1);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('the output did not update within 5 s')), 5000);
      if (out() !== before) return resolve();
      const obs = new MutationObserver(() => { if (out() !== before) { obs.disconnect(); resolve(); } });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    times.push(performance.now() - t0);
  }
  return times;
};

async function widgetSetup(page) {
  const fields = { age: '45', tbil: '342', inr: '2.0', pta: '32', creatinine: '88.4', sodium: '132', albumin: '30' };
  const choices = { sex: 'male', etiology: 'hbv', chronic: 'yes', he: 'absent', hrs: 'absent', 'bleeding-signs': 'no' };
  for (const [id, v] of Object.entries(fields)) await page.getByTestId(id).fill(v);
  for (const [id, v] of Object.entries(choices)) await page.getByTestId(id).selectOption(v);
  await page.locator('[data-testid="verdict-phase1"][data-verdict="refer"]').waitFor();
}

/** Each module's bytes in the wasm (tools/wasm-modules.mjs: twiggy on the release build that
 *  `make bench` names with v0 mangling, BENCH_WASM; generic code under the module it was
 *  instantiated for). Null without twiggy (`make bench` installs it) or that file. */
let twiggyMissing = false;
function moduleGroupsOrNull() {
  try {
    return moduleGroups(process.env.BENCH_WASM);
  } catch {
    twiggyMissing = true;
    return null;
  }
}

/** The 30 largest module groups with their share, and the total. */
function moduleShares(g) {
  if (!g) return null;
  const rows = [...g.groups.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => [k, v, `${((100 * v) / g.total).toFixed(1)} %`]);
  return { rows, total: g.total };
}

function coreThroughput() {
  if (!criterionLog || !existsSync(criterionLog)) return null;
  const text = readFileSync(criterionLog, 'utf8');
  const result = {};
  // criterion: "core/screen_two_phases ... thrpt:  [1.2345 Melem/s 1.2500 Melem/s 1.2600 Melem/s]"
  for (const m of text.matchAll(/core\/(\w+)[\s\S]*?thrpt:\s*\[[^\]]*?([\d.]+) ([KMG]?)elem\/s\s+([\d.]+) ([KMG]?)elem\/s/g)) {
    const scale = { '': 1, K: 1e3, M: 1e6, G: 1e9 }[m[5]];
    result[m[1]] = Number(m[4]) * scale;
  }
  return result;
}

const widget = measure(widgetDir);
const baseline = measure(baselineDir);
const wasmOf = (m) => m.files.find((f) => f.name.endsWith('.wasm'));
const wasmRatio = wasmOf(widget).brotli / wasmOf(baseline).brotli;

const widgetServer = await startServer({ root: widgetDir, port: 0 });
const baselineServer = await startServer({ root: baselineDir, port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const [renderWidget, renderBaseline] = await firstRender(browser, [
  { url: widgetServer.url, selector: '[data-testid="age"]', resultSelector: '[data-testid="verdict-phase1"]' },
  { url: baselineServer.url, selector: '[data-testid="value"]', resultSelector: '[data-testid="output"]' },
]);
const render = { widget: renderWidget, baseline: renderBaseline };
const latency = {
  widget: await inputLatency(browser, widgetServer.url, widgetSetup, widgetEdit),
  baseline: await inputLatency(browser, baselineServer.url, async (p) => p.getByTestId('value').waitFor(), baselineEdit),
};
const groups = moduleGroupsOrNull();
const intake = await intakeFigures(browser, widgetServer.url, { groups, criterionLog: intakeLog });
await browser.close();
await widgetServer.close();
await baselineServer.close();

const core = coreThroughput();
const margin = (value, target, lowerIsBetter = true) =>
  (lowerIsBetter ? value <= target : value >= target) ? `met (${lowerIsBetter ? 'under' : 'over'} by ${Math.abs(target - value).toFixed(2)})` : `NOT met (by ${Math.abs(value - target).toFixed(2)})`;

const lines = [];
const out = (l = '') => lines.push(l);
out(`# aclf-screen benchmark (${new Date().toISOString()})`);
out();
out('## Files (bytes)');
out();
out('| build | file | raw | gzip -9 | brotli q11 |');
out('|---|---|---:|---:|---:|');
for (const [label, m] of [['widget', widget], ['baseline', baseline]]) {
  for (const f of m.files) out(`| ${label} | ${f.name}${f.app ? '' : ' (not in transfer)'} | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
  out(`| ${label} | **total transfer (html+js+wasm+css)** | ${m.total.raw} | ${m.total.gzip} | **${m.total.brotli}** |`);
}
out();
out('## Side by side');
out();
out('| measure | widget | baseline (bare Leptos page) | target | status |');
out('|---|---:|---:|---|---|');
out(`| total transfer, brotli | ${kb(widget.total.brotli)} | ${kb(baseline.total.brotli)} | goal for the whole app <= 130 KB (CI budget ${kb(CI_BUDGET)}) | ${margin(widget.total.brotli / 1000, TARGETS.totalBrotli / 1000)} KB |`);
out(`| wasm, brotli | ${kb(wasmOf(widget).brotli)} | ${kb(wasmOf(baseline).brotli)} | <= 1.6 x baseline | ratio ${wasmRatio.toFixed(2)}: ${margin(wasmRatio, TARGETS.wasmRatio)} |`);
out(`| first render, median of ${COLD_LOADS} interleaved cold loads | ${ms(render.widget.median)} | ${ms(render.baseline.median)} | <= 1.3 x baseline | ratio ${(render.widget.median / render.baseline.median).toFixed(2)}: ${margin(render.widget.median / render.baseline.median, TARGETS.firstRenderRatio)} |`);
out(`| first render, p90 | ${ms(render.widget.p90)} | ${ms(render.baseline.p90)} | | |`);
out(`| first contentful paint, median | ${ms(render.widget.paint)} | ${ms(render.baseline.paint)} | | ratio ${(render.widget.paint / render.baseline.paint).toFixed(2)} |`);
out(`| results shown (verdicts in the DOM), median | ${ms(render.widget.results)} | ${ms(render.baseline.results)} (output) | <= 2.0 x baseline | ratio ${(render.widget.results / render.baseline.results).toFixed(2)}: ${margin(render.widget.results / render.baseline.results, TARGETS.resultsRatio)} |`);
out(`| input -> updated verdict, median of ${EDITS} edits | ${ms(latency.widget.median)} | ${ms(latency.baseline.median)} (input -> output) | <= 4 ms | ${margin(latency.widget.median, TARGETS.inputMedianMs)} ms |`);
out(`| input -> updated verdict, p95 | ${ms(latency.widget.p95)} | ${ms(latency.baseline.p95)} | | |`);
if (core) {
  for (const [name, perSecond] of Object.entries(core)) {
    const target = name === 'screen_two_phases' ? `>= 1,000,000/s | ${margin(perSecond, TARGETS.corePerSecond, false)}` : ' | ';
    out(`| core (native) ${name} | ${Math.round(perSecond).toLocaleString('en')} /s | | ${target} |`);
  }
} else {
  out('| core (native) | not measured (no criterion output) | | | |');
}
out();
out(`## Lab intake (reader), build: ${widgetDir}`);
out();
out('| measure | value | target | status |');
out('|---|---:|---|---|');
for (const row of intakeRows(intake, twiggyMissing)) out(row);
const shares = moduleShares(groups);
if (!shares) {
  out();
  out(`(wasm by module: not measured - ${twiggyMissing ? 'twiggy missing' : 'needs twiggy on PATH and BENCH_WASM'})`);
} else {
  out();
  out(`## wasm by module (twiggy on cargo's release wasm built with v0 symbol names, which carry type parameters; raw bytes of code and data before wasm-bindgen, wasm-opt and compression, custom sections and wasm-bindgen's describe functions left out; ${shares.total} B in all, the 30 largest groups; generic code - a Leptos element, memo or effect - is counted under the last of our modules its name mentions, the closure or type it was made for; tools/wasm-modules.mjs)`);
  out();
  out('| module | bytes | share |');
  out('|---|---:|---:|');
  for (const [name, bytes, share] of shares.rows) out(`| ${name} | ${bytes} | ${share} |`);
}
out();
out('First render: navigation start to the form\'s first input present (MutationObserver, page clock), new browser context per load (cold cache, no service worker), widget and baseline loads interleaved; ratios are of the medians. The widget builds the compact summary with the form and mounts the full results one task later; "results shown" is when the verdict blocks are in the DOM. Input -> verdict: input event dispatched to both the MELD text and phase I\'s verdict replaced in the DOM. Lab intake: "Read" clicked to the confirmation table in the DOM and laid out, with the text already in the box; inputs generated by tools/bench-intake.mjs as benches/intake.rs generates them. Headless Chromium on this machine; noisy, never asserted.');

const table = lines.join('\n');
console.log(table);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.md', table + '\n');
console.log('\nsaved to bench-results/bench.md');
