/**
 * The popover page with 2000 rooms in Debian's Chromium, served by the real `headcount serve`
 * (dist/headcount.js) polling the simulator in another process at 10 s with the cap at 200 calls/s.
 * Not the synthetic in-page API of the renderer's tests: here the page gets the real snapshot over
 * HTTP and the real pushes over Server-Sent Events, at the size and pace the engine sends them.
 * Once every room has a count, it loads the page BENCH_LOADS times (default 12, each in a fresh
 * context, then reloaded) for the time to first paint and to the first room row, opens a room on
 * the fresh page for the time to its chart, then watches BENCH_WINDOWS pages (default 3) for
 * BENCH_WINDOW_S seconds each (default 15) for the cost of one update cycle and the frame times.
 * Prints the figures and writes bench/results/ui.json.
 *
 * BENCH_BUILDS compares builds in one run: `before=/tmp/old/dist/headcount.js,after=dist/headcount.js`
 * starts a server and a simulator for each, and alternates between them load by load and window by
 * window, so that whatever else the machine does weighs on each alike. Default: `current=` this
 * build alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { column, loadFigures, percentile, round, timings } from './distribution';
import { cpuShareSettled } from './process-usage';
import { type Build, buildsToCompare, everyRoomLive, startServeStack } from './serve-stack';

const ROOMS = 2000;
const LOADS = Number(process.env.BENCH_LOADS ?? 12);
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 3);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_S ?? 15) * 1000;
const FRAME_BUDGET_MS = 1000 / 60;

/**
 * Runs in the page before its own script. The page exposes no marks of its own, so this notes
 * when the first `.room` row enters the DOM (and the frame that draws it), and times each pushed
 * message's handler and the frame after it by wrapping the EventSource's onmessage, the timers'
 * callbacks (the page re-sorts and ticks the ages in them), and every animation frame.
 */
const PROBE = `(() => {
  const probe = { firstRow: null, firstRowFrame: null, pushes: [], timers: [], frames: [], longTasks: [] };
  window.__uiBench = probe;
  const rows = new MutationObserver(() => {
    if (probe.firstRow !== null || !document.querySelector('.room')) return;
    probe.firstRow = performance.now();
    rows.disconnect();
    requestAnimationFrame(() => {
      probe.firstRowFrame = performance.now();
      // Told, not polled for: a wait that polls the page would spend its main thread meanwhile.
      console.debug(${JSON.stringify('ui-bench: first row frame')});
    });
  });
  rows.observe(document, { childList: true, subtree: true });
  const afterFrame = (done) => requestAnimationFrame(() => {
    const start = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(start, performance.now());
    channel.port2.postMessage(0);
  });
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    set onmessage(handler) {
      super.onmessage = (event) => {
        const start = performance.now();
        handler.call(this, event);
        const end = performance.now();
        const rooms = (event.data.match(/"key":/g) || []).length;
        const type = /^\\{"type":"([\\w-]+)"/.exec(event.data)?.[1] ?? '?';
        afterFrame((frameStart, frameEnd) => probe.pushes.push({
          at: start, type, rooms, handlerMs: end - start, renderMs: frameEnd - frameStart,
          toPaintedMs: frameEnd - start,
        }));
      };
    }
    get onmessage() { return super.onmessage; }
  };
  for (const name of ['setTimeout', 'setInterval']) {
    const native = window[name];
    window[name] = (callback, ...rest) => typeof callback !== 'function' ? native(callback, ...rest)
      : native(function (...args) {
        const start = performance.now();
        try { return callback.apply(this, args); }
        finally { probe.timers.push([start, performance.now() - start]); }
      }, ...rest);
  }
  const frame = (now) => { probe.frames.push(now); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Probe {
  firstRow: number | null;
  firstRowFrame: number | null;
  pushes: Array<{
    at: number;
    type: string;
    rooms: number;
    handlerMs: number;
    renderMs: number;
    toPaintedMs: number;
  }>;
  /** [start, duration] of each timer callback and each long task. */
  timers: Array<[number, number]>;
  frames: number[];
  longTasks: Array<[number, number]>;
}

const BUILDS = buildsToCompare();

/** A build's server, with the simulator it polls (its own, so each has the whole rate cap). */
interface Stack extends Build {
  link: string;
  token: string;
  warmupMs: number;
  stop(): void;
}

const began = performance.now();
// Other work on the machine shows in browser timings: the load at the start is written beside them.
const loadAtStart = loadavg()[0] as number;

async function startStack(build: Build): Promise<Stack> {
  const stack = await startServeStack({ cli: build.cli, rooms: ROOMS });
  const warmupMs = await everyRoomLive(stack.link, stack.token, ROOMS);
  // Past the start's own work (V8 compiling the engine's code): the loads measure the pages.
  await cpuShareSettled(stack.pid);
  return { ...build, link: stack.link, token: stack.token, warmupMs, stop: stack.stop };
}

const stacks = await Promise.all(BUILDS.map(startStack));

const browser = await launchChromium();
/** The probe's word that the first row is drawn; asked for before the page is (re)loaded. */
const rowsDrawn = (page: Page) =>
  page.waitForEvent('console', {
    predicate: (message) => message.type() === 'debug' && message.text() === 'ui-bench: first row frame',
  });
const openPage = async (stack: Stack) => {
  const context = await browser.newContext({ viewport: { width: 380, height: 560 }, locale: 'en-US' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  // Generous: a busy machine (other jobs share its cores) slows a load, which is no reason to stop.
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(120_000);
  const drawn = rowsDrawn(page);
  await page.goto(stack.link);
  await drawn;
  return { context, page };
};

/** The load's timings, from navigation start, as the page's Performance API and the probe saw them. */
async function loadTimes(page: Page): Promise<{ marks: string[]; times: Record<string, number | null> }> {
  const read = (await page.evaluate(`(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    return { paint, marks: performance.getEntriesByType('mark').map((m) => m.name),
      responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd,
      script: performance.getEntriesByType('resource').find((e) => e.name.includes('popover.js')),
      styleEnd: performance.getEntriesByType('resource').find((e) => e.name.includes('popover.css'))?.responseEnd,
      firstRow: window.__uiBench.firstRow, firstRowFrame: window.__uiBench.firstRowFrame };
  })()`)) as {
    paint: Record<string, number>;
    marks: string[];
    responseEnd: number;
    domContentLoaded: number;
    script: { responseEnd: number; transferSize: number; decodedBodySize: number } | undefined;
    styleEnd: number | undefined;
    firstRow: number;
    firstRowFrame: number;
  };
  return {
    marks: read.marks,
    times: {
      firstPaintMs: read.paint['first-paint'] ?? null,
      firstContentfulPaintMs: read.paint['first-contentful-paint'] ?? null,
      htmlReceivedMs: read.responseEnd,
      styleReceivedMs: read.styleEnd ?? null,
      scriptReceivedMs: read.script?.responseEnd ?? null,
      scriptTransferredKb: read.script ? read.script.transferSize / 1024 : null,
      scriptKb: read.script ? read.script.decodedBodySize / 1024 : null,
      domContentLoadedMs: read.domContentLoaded,
      firstRowInDomMs: read.firstRow,
      firstRowFrameMs: read.firstRowFrame,
      // What the page itself takes once its script has run: the snapshot's round trip and the drawing.
      firstRowAfterDomContentLoadedMs: read.firstRowFrame - read.domContentLoaded,
    },
  };
}

/**
 * Opens the first room's view from its row as a person would: a real click on the row (which may
 * start loading the chart's code), then, once its detail line is there, "Chart and details", timed
 * in the page from that click to the frame after the chart's canvas is in. Null when the page
 * offered no way in within 10 s.
 */
const CHART_OPEN = `(async () => {
  const open = document.querySelector('.room .detail-open');
  if (!open) return null;
  const start = performance.now();
  open.click();
  while (!document.querySelector('.room-view .uplot canvas')) {
    if (performance.now() - start > 10000) return null;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - start;
})()`;
async function chartOpenMs(page: Page): Promise<number | null> {
  try {
    await page.locator('.room .room-main').first().click({ timeout: 10_000 });
    await page.locator('.room .detail-open').first().waitFor({ timeout: 10_000 });
    return (await page.evaluate(CHART_OPEN)) as number | null;
  } catch {
    return null;
  }
}

/** What one build measured: loads as a first opening and reloaded, room openings, update windows. */
interface Measured {
  cold: Array<Record<string, number | null>>;
  warm: Array<Record<string, number | null>>;
  chartOpen: number[];
  windows: Array<{ probe: Probe; from: number }>;
}
const measured = new Map<string, Measured>(
  stacks.map((stack) => [stack.name, { cold: [], warm: [], chartOpen: [], windows: [] }]),
);
const of = (stack: Stack) => measured.get(stack.name) as Measured;

// Each page is loaded in a fresh context (a new renderer, nothing cached: the first opening), then
// reloaded once in the same renderer (with what the server let the browser keep). The builds take
// turns, starting with a different one each round.
let marks: string[] = [];
const turns = (round: number) => stacks.map((_, i) => stacks[(i + round) % stacks.length] as Stack);
for (let i = 0; i < LOADS; i++) {
  for (const stack of turns(i)) {
    const { context, page } = await openPage(stack);
    const first = await loadTimes(page);
    marks = first.marks;
    of(stack).cold.push(first.times);
    const drawn = rowsDrawn(page);
    await page.reload();
    await drawn;
    of(stack).warm.push((await loadTimes(page)).times);
    const opened = await chartOpenMs(page);
    if (opened !== null) of(stack).chartOpen.push(opened);
    await context.close();
  }
}

for (let i = 0; i < WINDOWS; i++) {
  for (const stack of turns(i)) {
    const { context, page } = await openPage(stack);
    // Past the first snapshot and its arrangement: only the steady flow of pushes is measured.
    await page.waitForTimeout(2000);
    const from = (await page.evaluate('performance.now()')) as number;
    await page.waitForTimeout(WINDOW_MS);
    of(stack).windows.push({ probe: (await page.evaluate('window.__uiBench')) as Probe, from });
    await context.close();
  }
}
await browser.close();
for (const stack of stacks) stack.stop();

const ms = timings;
/** The figures of one build. */
function figures({ cold, warm, chartOpen, windows }: Measured) {
  const pushes = windows.flatMap(({ probe, from }) =>
    probe.pushes.filter((p) => p.at >= from && p.type === 'rooms'),
  );
  const frameDeltas = windows.flatMap(({ probe, from }) => {
    const frames = probe.frames.filter((t) => t >= from);
    return frames.slice(1).map((t, i) => t - (frames[i] as number));
  });
  const perWindowP95 = windows.map(({ probe, from }) =>
    round(
      percentile(
        probe.pushes.filter((p) => p.at >= from && p.type === 'rooms').map((p) => p.handlerMs + p.renderMs),
        95,
      ),
      2,
    ),
  );
  return {
    load: { firstOpening: loadFigures(cold), reloaded: loadFigures(warm) },
    firstOpeningOverReloadedFirstPaint: round(
      percentile(column(cold, 'firstPaintMs'), 50) / percentile(column(warm, 'firstPaintMs'), 50),
      1,
    ),
    roomOpenedToChartDrawnMs: ms(chartOpen),
    update: {
      roomsPerPush: ms(pushes.map((p) => p.rooms)),
      pushesPerSecond: round(pushes.length / ((windows.length * WINDOW_MS) / 1000), 1),
      handlerMs: ms(pushes.map((p) => p.handlerMs)),
      frameAfterPushMs: ms(pushes.map((p) => p.renderMs)),
      cycleWorkMs: ms(pushes.map((p) => p.handlerMs + p.renderMs)),
      cycleWorkP95PerWindowMs: perWindowP95,
      pushToPaintedMs: ms(pushes.map((p) => p.toPaintedMs)),
      timerCallbacksMs: ms(
        windows.flatMap(({ probe, from }) => probe.timers.filter(([at]) => at >= from).map(([, d]) => d)),
      ),
      frameIntervalMs: ms(frameDeltas),
      framesOverOneAndAHalfBudgets: frameDeltas.filter((d) => d > 1.5 * FRAME_BUDGET_MS).length,
      framesMeasured: frameDeltas.length,
      longTasksOver50Ms: windows.flatMap(({ probe, from }) => probe.longTasks.filter(([at]) => at >= from))
        .length,
    },
  };
}

const results = {
  when: new Date().toISOString(),
  node: process.version,
  chromium: browser.version(),
  setup: {
    rooms: ROOMS,
    source: 'headcount serve (real engine) against the simulator in another process, over loopback',
    builds: Object.fromEntries(BUILDS.map(({ name, cli }) => [name, cli])),
    serversRunningAtOnce: stacks.length,
    intervalS: 10,
    capPerSecond: 200,
    pageLoads: LOADS,
    updateWindows: WINDOWS,
    windowS: WINDOW_MS / 1000,
    viewport: '380x560',
    warmupUntilEveryRoomCountedS: Object.fromEntries(
      stacks.map((stack) => [stack.name, round(stack.warmupMs / 1000, 1)]),
    ),
    marksThePageSets: marks,
    loadAverageAtStart: round(loadAtStart, 1),
    loadAverageAtEnd: round(loadavg()[0] as number, 1),
  },
  builds: Object.fromEntries(stacks.map((stack) => [stack.name, figures(of(stack))])),
  targets: { firstPaintMs: 200, cycleWorkP95Ms: 16 },
  wallS: round((performance.now() - began) / 1000, 1),
};
// Run by `npm run bench` from the project root; the bundle itself lives in dist/bench/.
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/ui.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/ui.json\n`);
