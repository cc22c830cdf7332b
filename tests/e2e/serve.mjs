#!/usr/bin/env node
// A tiny zero-dependency static file server for the built widget (dist/), loopback only.
//
//   node tests/e2e/serve.mjs [dir=dist] [port=$PORT|8765]      (SERVE_LOG=1: log each request)
//
// GET/HEAD only; "/" and any path ending in "/" serve that folder's index.html; anything that
// is not a file inside `dir` with a known type is a 404 (no listings, no path escapes, no SPA
// fallback). Also importable: `startServer({ root, port })` (port 0 = any free port) resolves to
// { url, hits, close } where `hits` lists every request the server saw, for tests that need the
// server's view of the traffic (browser-initiated requests such as /favicon.ico never reach
// Playwright's request events).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';

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

function plain(res, code, text) {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/** Starts a server for `root`; resolves when it listens. */
export function startServer({ root = 'dist', port = 0, log = false } = {}) {
  const base = resolve(root);
  const hits = [];
  const server = createServer(async (req, res) => {
    const hit = { method: req.method, url: req.url, status: 0, time: Date.now() };
    hits.push(hit);
    res.on('finish', () => {
      hit.status = res.statusCode;
      if (log) console.error(`${res.statusCode} ${req.method} ${req.url}`);
    });
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
      let pathname = decodeURIComponent(new URL(req.url, `http://${HOST}`).pathname);
      if (pathname.includes('\0')) return plain(res, 404, 'Not found');
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = resolve(join(base, pathname));
      if (file !== base && !file.startsWith(base + sep)) return plain(res, 404, 'Not found');
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
      resolvePromise({
        url,
        root: base,
        hits,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

// Command line.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8765);
  const { url, root: base, close } = await startServer({ root, port, log: Boolean(process.env.SERVE_LOG) });
  console.log(`Serving ${base} at ${url}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => close().then(() => process.exit(0)));
}
