/**
 * Serves the built popover page (dist/renderer) on loopback with the synthetic monitor loaded
 * before popover.js, so the real page runs in Chromium under its own CSP (no inline script).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { build } from 'esbuild';

const BUILT = 'dist/renderer';
const FIXTURE = 'test/renderer/browser/synthetic-monitor.ts';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** What the synthetic overlay link shows in the preview frame: a transparent page with a number. */
const OVERLAY_STAND_IN =
  '<!doctype html><html lang="en"><title>overlay</title><body style="margin:0;background:transparent;color:#fff;font:64px sans-serif">1,234</body></html>';

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function servePopover(): Promise<PageServer> {
  const fixture = await build({
    entryPoints: [FIXTURE],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    logLevel: 'warning',
  });
  const fixtureJs = fixture.outputFiles[0]?.text ?? '';
  const html = (await readFile(join(BUILT, 'index.html'), 'utf8')).replace(
    '<script src="popover.js" defer></script>',
    '<script src="synthetic-monitor.js" defer></script>\n    <script src="popover.js" defer></script>',
  );
  if (!html.includes('synthetic-monitor.js')) throw new Error('index.html no longer loads popover.js');
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/' || path === '/index.html') return send(200, TYPES['.html'] as string, html);
    if (path === '/synthetic-monitor.js') return send(200, TYPES['.js'] as string, fixtureJs);
    // The overlay's preview frame loads its link here; the real overlay is tested end to end.
    if (path === '/overlay') return send(200, TYPES['.html'] as string, OVERLAY_STAND_IN);
    const name = path.slice(1);
    if (!/^[\w.-]+$/.test(name)) return send(404, 'text/plain', 'not found');
    readFile(join(BUILT, name)).then(
      (body) => send(200, TYPES[extname(name)] ?? 'application/octet-stream', body),
      () => send(404, 'text/plain', 'not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
