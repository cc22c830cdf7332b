#!/usr/bin/env node
// A tiny zero-dependency static file server for the built widget (dist/), loopback only.
//
//   node tests/e2e/serve.mjs [dir=dist] [port=$PORT|8765] [--mount /prefix/=folder ...]
//   (SERVE_LOG=1: log each request)
//
// Mount table. By default one server serves
//   /              -> dir            (the app's own page)
//   /tools/aclf/   -> dir            (the same build under a sub-path, as a portal would host it)
//   /examples/     -> <repo>/examples (the example host pages; only when that folder exists)
// `--mount /prefix/=folder` (repeatable) replaces the default table. The longest matching prefix
// wins. A request for a mount prefix without its trailing slash (`/tools/aclf`, `/examples`,
// with or without a query) gets a 301 redirect to the slash form, keeping the query string.
//
// GET/HEAD only; any path ending in "/" serves that folder's index.html; anything that is not a
// file inside the mounted folder with a known type is a 404 (no listings, no path escapes, no SPA
// fallback). Also importable: `startServer({ root, port, mounts })` (port 0 = any free port)
// resolves to { url, root, mounts, hits, close } where `hits` lists every request the server saw
// ({ method, url, status, time, bodyBytes, contentLength, transferEncoding }), for tests that
// need the server's view of the traffic (browser-initiated requests such as /favicon.ico never
// reach Playwright's request events).
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';

/** The repository's examples/ folder (host pages for the embedding tests). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));
/** Where the examples expect the build: a portal's sub-path. */
export const SUBPATH = '/tools/aclf/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

function plain(res, code, text, headers = {}) {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${text}\n`);
}

/** The default mount table for a build folder: `/`, `/tools/aclf/`, and `/examples/` if present. */
export function defaultMounts(root = 'dist') {
  const mounts = { '/': root, [SUBPATH]: root };
  if (existsSync(EXAMPLES_DIR) && statSync(EXAMPLES_DIR).isDirectory()) mounts['/examples/'] = EXAMPLES_DIR;
  return mounts;
}

/** Normalises { prefix: folder } into [{ prefix, base }], longest prefix first. */
function mountTable(mounts) {
  return Object.entries(mounts)
    .map(([prefix, dir]) => {
      if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`mount prefix must start and end with "/": ${prefix}`);
      return { prefix, base: resolve(dir) };
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

/**
 * Starts a server; resolves when it listens. `mounts` ({ '/prefix/': folder }) defaults to
 * defaultMounts(root); pass `{ '/': folder }` to serve one folder only.
 */
export function startServer({ root = 'dist', port = 0, log = false, mounts } = {}) {
  const table = mountTable(mounts ?? defaultMounts(root));
  const hits = [];
  const server = createServer(async (req, res) => {
    const hit = {
      method: req.method,
      url: req.url,
      status: 0,
      time: Date.now(),
      bodyBytes: 0,
      contentLength: req.headers['content-length'] ?? null,
      transferEncoding: req.headers['transfer-encoding'] ?? null,
    };
    hits.push(hit);
    req.on('data', (chunk) => { hit.bodyBytes += chunk.length; });
    res.on('finish', () => {
      hit.status = res.statusCode;
      if (log) console.error(`${res.statusCode} ${req.method} ${req.url}`);
    });
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
      const parsed = new URL(req.url, `http://${HOST}`);
      let pathname = decodeURIComponent(parsed.pathname);
      if (pathname.includes('\0')) return plain(res, 404, 'Not found');
      // "/tools/aclf" -> "/tools/aclf/": relative URLs in the page only work from the slash form.
      const bare = table.find((m) => m.prefix !== '/' && pathname === m.prefix.slice(0, -1));
      if (bare) return plain(res, 301, 'Moved permanently', { location: `${bare.prefix}${parsed.search}` });
      const mount = table.find((m) => pathname.startsWith(m.prefix));
      if (!mount) return plain(res, 404, 'Not found');
      let rest = pathname.slice(mount.prefix.length);
      if (rest === '' || rest.endsWith('/')) rest += 'index.html';
      const file = resolve(join(mount.base, rest));
      if (file !== mount.base && !file.startsWith(mount.base + sep)) return plain(res, 404, 'Not found');
      const info = await stat(file).catch(() => null);
      const type = MIME[extname(file).toLowerCase()];
      if (!info || !info.isFile() || !type) return plain(res, 404, 'Not found');
      res.writeHead(200, {
        'content-type': type,
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      plain(res, 400, 'Bad request');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const url = `http://${HOST}:${server.address().port}/`;
      const root0 = table.find((m) => m.prefix === '/');
      resolvePromise({
        url,
        root: root0 ? root0.base : resolve(root),
        mounts: Object.fromEntries(table.map((m) => [m.prefix, m.base])),
        hits,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

// Command line.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const positional = [];
  const mounts = {};
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--mount') {
      const spec = args[++i] ?? '';
      const eq = spec.indexOf('=');
      if (eq < 1) throw new Error(`--mount expects /prefix/=folder, got "${spec}"`);
      mounts[spec.slice(0, eq)] = spec.slice(eq + 1);
    } else {
      positional.push(args[i]);
    }
  }
  const root = positional[0] ?? 'dist';
  const port = Number(positional[1] ?? process.env.PORT ?? 8765);
  const { url, mounts: served, close } = await startServer({
    root,
    port,
    log: Boolean(process.env.SERVE_LOG),
    mounts: Object.keys(mounts).length ? mounts : undefined,
  });
  console.log(`Serving at ${url}`);
  for (const [prefix, dir] of Object.entries(served)) console.log(`  ${prefix.padEnd(14)} ${dir}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => close().then(() => process.exit(0)));
}
