// The size budget enforced by `make test` (deterministic: bytes, never times). Fails when the
// app's total transfer (html + js + wasm + css, brotli q11) exceeds the budget in
// tools/size-budget.json, saying by how much and which files grew since the budget was set.
//   node tools/check_size.mjs [dist]            check
//   node tools/check_size.mjs [dist] --record   record the current per-file sizes (the budget stays LIMIT)
import { readFileSync, writeFileSync } from 'node:fs';
import { measure, kb } from './sizes.mjs';

const dir = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dist';
const budgetFile = new URL('./size-budget.json', import.meta.url);
/** The budget on the app's total transfer. Issue 10 set 170 KB brotli; the lab intake (reader,
 *  FHIR types, serde-wasm-bindgen, gloo-file), the serial labs with their chart and the severity
 *  context took the measured total to 272.6 KB (2026-12-01); the result panels as `maud`
 *  templates instead of Leptos views brought it to 245.0 KB, and one shared sort, the intake's
 *  own JSON reader, ASCII lowercasing, no gloo-file and no hash maps in the name table to
 *  217.2 KB (2026-12-02); the earlier-results rows as a plain list and the compact summary
 *  built with the form to 215.6 KB. The budget is a regression guard just above that until a
 *  size pass reaches 170 KB (`make bench` prints the goal, <= 130 KB, and each module's share). */
const LIMIT = 220_000;
const { files, total } = measure(dir);
const app = files.filter((f) => f.app);

if (process.argv.includes('--record')) {
  const recorded = Object.fromEntries(app.map((f) => [f.kind, f.brotli]));
  const budget = { total_brotli_bytes: LIMIT, recorded_brotli_bytes: recorded };
  writeFileSync(budgetFile, JSON.stringify(budget, null, 2) + '\n');
  console.log(`sizes recorded (${kb(total.brotli)}); budget ${kb(LIMIT)}`);
  process.exit(0);
}

const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
budget.total_brotli_bytes = Math.min(budget.total_brotli_bytes, LIMIT);
for (const f of app) {
  const before = budget.recorded_brotli_bytes[f.kind];
  const delta = before === undefined ? 'new file' : `${f.brotli - before >= 0 ? '+' : ''}${f.brotli - before} B since the budget was set`;
  console.log(`  ${f.name.padEnd(44)} ${String(f.brotli).padStart(7)} B brotli  (${delta})`);
}
const over = total.brotli - budget.total_brotli_bytes;
if (over > 0) {
  const grown = app
    .map((f) => ({ f, growth: f.brotli - (budget.recorded_brotli_bytes[f.kind] ?? 0) }))
    .filter((x) => x.growth > 0)
    .sort((a, b) => b.growth - a.growth)
    .map((x) => `${x.f.name} (+${x.growth} B)`);
  console.error(`size budget exceeded by ${over} B: ${total.brotli} B > ${budget.total_brotli_bytes} B brotli.`);
  console.error(`grown: ${grown.join(', ') || 'none individually'}`);
  process.exit(1);
}
console.log(`size budget ok: ${total.brotli} B <= ${budget.total_brotli_bytes} B brotli (${kb(budget.total_brotli_bytes - total.brotli)} to spare)`);
