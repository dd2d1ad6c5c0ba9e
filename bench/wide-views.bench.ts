/**
 * The wide views with 2,000 rooms in Debian's Chromium at 1280×800, served by the real `headcount
 * serve` polling the simulator (another process) every 10 s at the 200 calls/s cap: the dense table
 * and the wall, measured side by side in one run, load by load alternating.
 * - First rows: from navigation start to the frame that draws the first table line or wall tile,
 *   on a cold open (a fresh browser context each time), BENCH_LOADS times per view (default 12).
 * - Update: each pushed message's handler plus the frame after it, while the view is on screen for
 *   BENCH_WINDOW_S seconds per view (default 20): the cost of one update of the counts.
 * Prints the figures and writes bench/results/wide-views.json. Targets: update p95 ≤ 16 ms, first
 * rows p95 ≤ 200 ms.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { timings } from './distribution';
import { startServeStack } from './serve-stack';

const ROOMS = 2000;
const LOADS = Number(process.env.BENCH_LOADS ?? 12);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_S ?? 20) * 1000;
const VIEWS = ['table', 'wall'] as const;
type View = (typeof VIEWS)[number];

/**
 * Runs in the page before its own script: notes the frame that draws the first room of the view,
 * and times each pushed message's handler and the frame after it (the page exposes no marks).
 */
const probe = (selector: string) => `(() => {
  const probe = { firstFrame: null, pushes: [] };
  window.__wideBench = probe;
  const seen = new MutationObserver(() => {
    if (probe.firstFrame !== null || !document.querySelector(${JSON.stringify(selector)})) return;
    seen.disconnect();
    requestAnimationFrame(() => { probe.firstFrame = performance.now(); });
  });
  seen.observe(document, { childList: true, subtree: true });
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    set onmessage(handler) {
      super.onmessage = (event) => {
        const start = performance.now();
        handler.call(this, event);
        const type = /^\\{"type":"([\\w-]+)"/.exec(event.data)?.[1] ?? '?';
        requestAnimationFrame(() => {
          const frame = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => probe.pushes.push({ type, handlerAndFrameMs: performance.now() - start, frame });
          channel.port2.postMessage(0);
        });
      };
    }
    get onmessage() { return super.onmessage; }
  };
})();`;

const SELECTOR: Record<View, string> = { table: '.table-body .table-line', wall: '.wall-tile' };

interface Probe {
  firstFrame: number | null;
  pushes: Array<{ type: string; handlerAndFrameMs: number }>;
}

async function openView(browser: Browser, link: string, view: View) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(
    `localStorage.setItem('headcount.preferences', ${JSON.stringify(JSON.stringify({ wideView: view }))});`,
  );
  await context.addInitScript(probe(SELECTOR[view]));
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(link);
  await page.waitForFunction(
    () => (globalThis as unknown as { __wideBench: Probe }).__wideBench.firstFrame !== null,
  );
  return { context, page };
}

const read = (page: Awaited<ReturnType<typeof openView>>['page']) =>
  page.evaluate(() => (globalThis as unknown as { __wideBench: Probe }).__wideBench);

const stack = await startServeStack({ cli: 'dist/headcount.js', rooms: ROOMS });
const loadAtStart = loadavg()[0] as number;
const browser = await launchChromium();
const first: Record<View, number[]> = { table: [], wall: [] };
const updates: Record<View, number[]> = { table: [], wall: [] };
try {
  // Every room counted first, so each load shows the same full view.
  for (;;) {
    const answer = await fetch(new URL('/api/getSnapshot', stack.link), {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
      body: '[]',
    }).then((response) => response.json() as Promise<{ value: { summary: { states: { live: number } } } }>);
    if (answer.value.summary.states.live === ROOMS) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // One warm-up load per view (Chromium's own caches), not counted.
  for (const view of VIEWS) await (await openView(browser, stack.link, view)).context.close();
  for (let i = 0; i < LOADS; i++)
    for (const view of i % 2 === 0 ? VIEWS : [...VIEWS].reverse()) {
      const { context, page } = await openView(browser, stack.link, view);
      first[view].push((await read(page)).firstFrame as number);
      await context.close();
    }
  for (const view of VIEWS) {
    const { context, page } = await openView(browser, stack.link, view);
    await page.waitForTimeout(WINDOW_MS);
    for (const push of (await read(page)).pushes)
      if (push.type === 'rooms') updates[view].push(push.handlerAndFrameMs);
    await context.close();
  }
} finally {
  await browser.close();
  stack.stop();
}

const results = {
  rooms: ROOMS,
  viewport: '1280x800',
  loadAverageAtStart: Math.round(loadAtStart * 100) / 100,
  loadAverageAtEnd: Math.round((loadavg()[0] as number) * 100) / 100,
  firstRowsMs: { table: timings(first.table), wall: timings(first.wall) },
  updateMs: { table: timings(updates.table), wall: timings(updates.wall) },
  targets: { firstRowsP95Ms: 200, updateP95Ms: 16 },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/wide-views.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
