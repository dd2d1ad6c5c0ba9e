/**
 * Serves the built popover page (dist/renderer) on loopback with the synthetic monitor loaded
 * before popover.js, so the real page runs in Chromium under its own CSP (no inline script).
 */
import { build } from 'esbuild';
import { type PageServer, serveBuiltPage } from '../../support/page-server';

const FIXTURE = 'test/renderer/browser/synthetic-monitor.ts';

/** What the synthetic overlay link shows in the preview frame: a transparent page with a number. */
const OVERLAY_STAND_IN =
  '<!doctype html><html lang="en"><title>overlay</title><body style="margin:0;background:transparent;color:#fff;font:64px sans-serif">1,234</body></html>';

export type { PageServer };

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
  return serveBuiltPage({
    before: { name: 'synthetic-monitor.js', code: fixture.outputFiles[0]?.text ?? '' },
    // The overlay's preview frame loads its link here; the real overlay is tested end to end.
    pages: { '/overlay': { type: 'text/html; charset=utf-8', body: OVERLAY_STAND_IN } },
  });
}
