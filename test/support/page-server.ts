/**
 * Serves the built page (dist/renderer) on loopback as it is, or with one more script loaded before
 * popover.js (the renderer tests' synthetic engine), so the real page runs in Chromium under its own
 * CSP (no inline script).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { contentTypeOf } from '../../main/common/content-types';

const BUILT = 'dist/renderer';

export interface PageServer {
  /** The folder's URL, e.g. http://127.0.0.1:PORT/; the page is index.html in it. */
  url: string;
  close(): Promise<void>;
}

/** What else the server answers: a script the page loads before its own, and fixed pages by path. */
export interface PageServerExtras {
  before?: { name: string; code: string };
  pages?: Record<string, { type: string; body: string }>;
}

/** Serves dist/renderer as it is built, with the `extras` asked for. */
export async function serveBuiltPage(extras: PageServerExtras = {}): Promise<PageServer> {
  const { before, pages = {} } = extras;
  let html = await readFile(join(BUILT, 'index.html'), 'utf8');
  if (before) {
    // Both deferred, so they run in order: the page's own script runs as soon as it arrives (async),
    // which could be before the one it needs.
    html = html.replace(
      '<script src="popover.js" async fetchpriority="high"></script>',
      `<script src="${before.name}" defer></script>\n    <script src="popover.js" defer fetchpriority="high"></script>`,
    );
    if (!html.includes(before.name)) throw new Error('index.html no longer loads popover.js');
  }
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/' || path === '/index.html') return send(200, contentTypeOf('index.html'), html);
    if (before && path === `/${before.name}`) return send(200, contentTypeOf(before.name), before.code);
    const fixed = pages[path];
    if (fixed) return send(200, fixed.type, fixed.body);
    const name = path.slice(1);
    if (!/^[\w.-]+$/.test(name)) return send(404, 'text/plain', 'not found');
    readFile(join(BUILT, name)).then(
      (body) => send(200, contentTypeOf(name), body),
      () => send(404, 'text/plain', 'not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
