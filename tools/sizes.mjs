// Sizes of a built dist/: every file raw, gzip -9 and brotli (quality 11), and the app's total
// transfer (html + js + wasm + css, brotli). Used by `make bench` (tools/bench.mjs) and by the
// size budget that `make test` enforces (tools/check_size.mjs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** The kind of a file, with hashes stripped: "wasm", "js:loader", "css", "html", ... */
export function kindOf(name) {
  const ext = name.split('.').pop();
  const stem = name.replace(/-[0-9a-f]{10,16}(?=[._])/, '').replace(/\.[^.]+$/, '');
  return `${ext}:${stem}`;
}

/** True for the files that make up the app's transfer. `unsupported.js` is a `<script
 *  nomodule>`: browsers that can run the app never load it. */
export function isAppFile(name) {
  return /\.(html|js|wasm|css)$/.test(name) && name !== 'unsupported.js';
}

/** Sizes of every file in `dir`. */
export function measure(dir) {
  const files = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return {
        name,
        kind: kindOf(name),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }).length,
        app: isAppFile(name),
      };
    });
  const app = files.filter((f) => f.app);
  const sum = (key) => app.reduce((s, f) => s + f[key], 0);
  return { files, total: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
}

/** "12.3 KB" */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
