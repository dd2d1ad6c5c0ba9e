/**
 * The wide views with 2,000 rooms in Debian's Chromium at 1280×800, served by the real `headcount
 * serve` polling the simulator (another process) every 10 s at the 200 calls/s cap: the dense table
 * and the wall, measured side by side in one run, load by load alternating.
 * - First rows: from navigation start to the frame that draws the first table line or wall tile,
 *   on a cold open (a fresh browser context each time), BENCH_LOADS times per view (default 12).
 * - Update: each pushed message's handler plus the frame after it, while the view is on screen for
 *   BENCH_WINDOW_S seconds per view (default 20): the cost of one update of the counts.
 * - Floor: the same first frame of a static page that holds a line in its HTML, in turns with the
 *   loads: what a cold opening costs on this machine at this load before any script of ours.
 * Prints the figures and writes bench/results/wide-views.json (BENCH_OUT: another file). Targets: update p95 ≤ 16 ms, first
 * rows p95 ≤ 200 ms. BENCH_BUILDS compares builds in one run, each with its own server and simulator,
 * loads alternating between them: `before=/tmp/old/dist/headcount.js,after=dist/headcount.js`.
 * Serve's CPU: what a page opening costs the server beside its polling, builds side by side: its CPU
 * seconds over the opening, less what the calls it made meanwhile cost at the rate of CPU per call
 * over BENCH_BASELINE_S seconds with no page open just before (default 1.5), the calls counted by
 * its simulator. Per call, not per second: on a loaded machine the engine falls behind while
 * Chromium opens a page and catches up after, so a share of a core taken with no page open counted
 * the catching up against the page and came out negative. The loads start once the servers' CPU
 * shares have settled (V8 still compiles the engine's code in the first half minute).
 * BENCH_APPS=5 has each server watch five apps of 2,000 rooms (each app a simulator of its own,
 * added through the dashboard's API): 10,000 rows, written to bench/results/wide-views-10000.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { SECURITY_HEADERS } from '../main/node/serve/static-files';
import { launchChromium } from '../test/support/chromium';
import { timings } from './distribution';
import { addApps } from './more-apps';
import { cpuSecondsOf, cpuShareSettled } from './process-usage';
import { buildsToCompare, everyRoomLive, startServeStack } from './serve-stack';
import { WIDE_VIEW_FIRST, wideViewPage } from './wide-view-page';

const ROOMS = 2000;
const APPS = Number(process.env.BENCH_APPS ?? 1);
const LOADS = Number(process.env.BENCH_LOADS ?? 12);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_S ?? 20) * 1000;
const BASELINE_MS = Number(process.env.BENCH_BASELINE_S ?? 1.5) * 1000;
const VIEWS = ['table', 'wall'] as const;
type View = (typeof VIEWS)[number];

/** What the probe logs (console.debug) once the first line or tile is drawn. */
const FIRST_FRAME_SIGNAL = 'wide-bench: first frame';

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
    requestAnimationFrame(() => {
      probe.firstFrame = performance.now();
      // Told, not polled for: a wait that polls the page would spend its main thread meanwhile.
      console.debug(${JSON.stringify(FIRST_FRAME_SIGNAL)});
    });
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

interface Probe {
  firstFrame: number | null;
  pushes: Array<{ type: string; handlerAndFrameMs: number }>;
}

async function openView(browser: Browser, link: string, view: View) {
  const { context, page, drawn } = await wideViewPage(
    browser,
    view,
    probe(WIDE_VIEW_FIRST[view]),
    FIRST_FRAME_SIGNAL,
  );
  await page.goto(link);
  await drawn;
  return { context, page };
}

const read = (page: Awaited<ReturnType<typeof openView>>['page']) =>
  page.evaluate(() => (globalThis as unknown as { __wideBench: Probe }).__wideBench);

const BUILDS = buildsToCompare();

/**
 * This machine's floor for the same figure, taken in turns with the loads: a page that arrives with
 * a table line and a tile already in its HTML, from a quiet server of the bench's own. What a cold
 * browser context costs before any page's script runs shows here, not in the page's own time.
 * Twice: bare, and with the headers serve sends its page with. Their Cross-Origin-Opener-Policy puts
 * the page in a browsing context group of its own, so Chromium starts a renderer for it rather than
 * use the fresh context's first one: the dashboard pays that at every cold opening, the bare page not.
 */
const FLOOR_PAGE =
  '<!doctype html><html lang="en"><title>floor</title><div class="table-body"><p class="table-line wall-tile">1,234 online</p></div></html>';
const floorServer = createServer((request, response) => {
  const headers = request.url?.startsWith('/served') ? SECURITY_HEADERS : {};
  response.writeHead(200, {
    ...headers,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(FLOOR_PAGE);
});
await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));
const floorLink = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/`;
const floor: number[] = [];
const floorServed: number[] = [];

const loadAtStart = loadavg()[0] as number;
// Each build gets its own simulator, so each has the whole rate cap; they run at the same time.
const stacks = await Promise.all(
  BUILDS.map(async (build) => {
    const stack = await startServeStack({ cli: build.cli, rooms: ROOMS });
    return { ...build, ...stack, moreApps: await addApps(stack, APPS - 1, ROOMS) };
  }),
);
const browser = await launchChromium();
const figures = stacks.map(() => ({
  first: { table: [] as number[], wall: [] as number[] },
  updates: { table: [] as number[], wall: [] as number[] },
  /** The server's CPU share of a core with no page open before each opening, and its CPU beyond that over it. */
  serveCpu: { idleShares: [] as number[], idleMsPerCall: [] as number[], perOpeningMs: [] as number[] },
}));
/** Each server's CPU seconds while `work` runs; the wall time it took, in seconds. */
async function serveCpuOver(
  work: () => Promise<unknown>,
): Promise<{ cpu: number[]; calls: number[]; wallS: number }> {
  const callsBefore = await Promise.all(stacks.map(callsReceived));
  const before = stacks.map((stack) => cpuSecondsOf(stack.pid));
  const started = performance.now();
  await work();
  const cpu = stacks.map((stack, at) => cpuSecondsOf(stack.pid) - (before[at] as number));
  const wallS = (performance.now() - started) / 1000;
  const callsAfter = await Promise.all(stacks.map(callsReceived));
  return { cpu, calls: callsAfter.map((calls, at) => calls - (callsBefore[at] as number)), wallS };
}

/** How many calls the stack's simulator has received (its own process: asking costs the server nothing). */
async function callsReceived(stack: (typeof stacks)[number]): Promise<number> {
  const stats = await fetch(new URL('/_sim/stats', stack.simulator.baseUrl)).then(
    (response) => response.json() as Promise<{ total: number }>,
  );
  return stats.total;
}
try {
  await Promise.all(stacks.map((stack) => everyRoomLive(stack.link, stack.token, ROOMS * APPS)));
  // One warm-up load per build and view (Chromium's own caches), not counted.
  for (const stack of stacks)
    for (const view of VIEWS) await (await openView(browser, stack.link, view)).context.close();
  await Promise.all(stacks.map((stack) => cpuShareSettled(stack.pid)));
  // Builds and views alternate load by load, so that the machine's other work falls on all alike.
  const order = stacks.map((_, at) => at);
  for (let i = 0; i < LOADS; i++) {
    for (const at of i % 2 === 0 ? order : [...order].reverse())
      for (const view of (i + at) % 2 === 0 ? VIEWS : [...VIEWS].reverse()) {
        const figure = figures[at] as (typeof figures)[number];
        const idle = await serveCpuOver(() => new Promise((resolve) => setTimeout(resolve, BASELINE_MS)));
        const idleShare = (idle.cpu[at] as number) / idle.wallS;
        const idlePerCall = (idle.cpu[at] as number) / Math.max(1, idle.calls[at] as number);
        const served = await serveCpuOver(async () => {
          const { context, page } = await openView(
            browser,
            (stacks[at] as (typeof stacks)[number]).link,
            view,
          );
          figure.first[view].push((await read(page)).firstFrame as number);
          await context.close();
        });
        // What serving this page cost beyond the server's polling at its pace with no page open.
        figure.serveCpu.idleShares.push(idleShare);
        figure.serveCpu.idleMsPerCall.push(idlePerCall * 1000);
        figure.serveCpu.perOpeningMs.push(
          ((served.cpu[at] as number) - idlePerCall * (served.calls[at] as number)) * 1000,
        );
      }
    for (const [link, into] of [
      [floorLink, floor],
      [`${floorLink}served`, floorServed],
    ] as const) {
      const floorLoad = await openView(browser, link, i % 2 === 0 ? 'table' : 'wall');
      into.push((await read(floorLoad.page)).firstFrame as number);
      await floorLoad.context.close();
    }
  }
  for (const view of VIEWS)
    for (const [at, stack] of stacks.entries()) {
      const { context, page } = await openView(browser, stack.link, view);
      await page.waitForTimeout(WINDOW_MS);
      for (const push of (await read(page)).pushes)
        if (push.type === 'rooms') figures[at]?.updates[view].push(push.handlerAndFrameMs);
      await context.close();
    }
} finally {
  await browser.close();
  for (const stack of stacks) stack.stop();
  await Promise.all(stacks.flatMap((stack) => stack.moreApps.map((app) => app.finish())));
  floorServer.close();
}

/** The median, per view, of the ratios of the second build's first rows to the first's, round by round. */
function pairRatios() {
  const [one, two] = figures as [(typeof figures)[number], (typeof figures)[number]];
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round((sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN) * 100) / 100;
  };
  return Object.fromEntries(
    VIEWS.map((view) => [
      view,
      { medianOfRoundRatios: median(two.first[view].map((ms, i) => ms / (one.first[view][i] as number))) },
    ]),
  );
}

const results = {
  when: new Date().toISOString(),
  rooms: ROOMS * APPS,
  apps: APPS,
  viewport: '1280x800',
  loadsPerView: LOADS,
  updateWindowS: WINDOW_MS / 1000,
  loadAverageAtStart: Math.round(loadAtStart * 100) / 100,
  loadAverageAtEnd: Math.round((loadavg()[0] as number) * 100) / 100,
  floorFirstFrameMs: timings(floor),
  /** The same page with serve's headers: see FLOOR_PAGE. */
  floorWithServeHeadersFirstFrameMs: timings(floorServed),
  builds: Object.fromEntries(
    stacks.map((stack, at) => {
      const { first, updates, serveCpu } = figures[at] as (typeof figures)[number];
      return [
        stack.name,
        {
          cli: stack.cli,
          firstRowsMs: { table: timings(first.table), wall: timings(first.wall) },
          updateMs: { table: timings(updates.table), wall: timings(updates.wall) },
          serveCpu: {
            shareOfACoreWithNoPage: timings(serveCpu.idleShares),
            msPerCallWithNoPage: timings(serveCpu.idleMsPerCall),
            perOpeningMs: timings(serveCpu.perOpeningMs),
          },
        },
      ];
    }),
  ),
  // With two builds, the second's first rows over the first's, the same view in the same round.
  ...(figures.length === 2 ? { secondOverFirstFirstRows: pairRatios() } : {}),
  targets: { firstRowsP95Ms: 200, updateP95Ms: 16 },
};
mkdirSync('bench/results', { recursive: true });
// BENCH_OUT names another file, so a run does not replace the figures of an earlier one.
const written = process.env.BENCH_OUT ?? `bench/results/wide-views${APPS > 1 ? `-${ROOMS * APPS}` : ''}.json`;
writeFileSync(written, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
