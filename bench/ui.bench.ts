/**
 * The popover page with 2000 rooms in Debian's Chromium, served by the real `headcount serve`
 * (dist/headcount.js) polling the simulator in another process at 10 s with the cap at 200 calls/s.
 * Not the synthetic in-page API of the renderer's tests: here the page gets the real snapshot over
 * HTTP and the real pushes over Server-Sent Events, at the size and pace the engine sends them.
 * Once every room has a count, it loads the page BENCH_LOADS times (default 12, each in a fresh
 * context, then reloaded) for the time to first paint and to the first room row, then watches
 * BENCH_WINDOWS pages (default 3) for BENCH_WINDOW_S seconds each (default 15) for the cost of one
 * update cycle and the frame times. Prints the figures and writes bench/results/ui.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { percentile, round } from './distribution';

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
    requestAnimationFrame(() => { probe.firstRowFrame = performance.now(); });
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

function start(command: string[], env: NodeJS.ProcessEnv, stdin: 'pipe' | 'ignore'): ChildProcess {
  return spawn(process.execPath, command, { env, stdio: [stdin, 'pipe', 'inherit'] });
}

const firstLine = (child: ChildProcess, pattern: RegExp) =>
  new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (pattern.test(line)) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}`)));
  });

const began = performance.now();
// Other work on the machine shows in browser timings: the load at the start is written beside them.
const loadAtStart = loadavg()[0] as number;
const simulatorProcess = start(
  [new URL('./simulator-process.js', import.meta.url).pathname, String(ROOMS)],
  process.env,
  'pipe',
);
const simulator = JSON.parse(await firstLine(simulatorProcess, /^\{/)) as {
  baseUrl: string;
  credentials: { sdkAppId: number; identifier: string; secretKey: string };
};
const folder = mkdtempSync(join(tmpdir(), 'headcount-ui-bench-'));
writeFileSync(
  join(folder, 'rooms.txt'),
  Array.from({ length: ROOMS }, (_, i) => `@TGS#bench${i}`).join('\n'),
);
writeFileSync(join(folder, 'config.json'), JSON.stringify({ profile: { label: 'Bench' } }));
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')));
const serveProcess = start(
  [
    'dist/headcount.js',
    'serve',
    '--port',
    '0',
    '--groups-file',
    join(folder, 'rooms.txt'),
    '--interval',
    '10',
    '--max-rate',
    '200',
  ],
  {
    ...env,
    HEADCOUNT_CONFIG: join(folder, 'config.json'),
    HEADCOUNT_ENDPOINT: simulator.baseUrl,
    HEADCOUNT_SDKAPPID: String(simulator.credentials.sdkAppId),
    HEADCOUNT_IDENTIFIER: simulator.credentials.identifier,
    HEADCOUNT_SECRET_KEY: simulator.credentials.secretKey,
  },
  'ignore',
);
// Should the run fail part way, the server and the simulator stop with it.
process.on('exit', () => {
  serveProcess.kill('SIGTERM');
  simulatorProcess.kill('SIGTERM');
});
const link = (await firstLine(serveProcess, /^Dashboard: /)).slice('Dashboard: '.length);
const token = new URL(link).searchParams.get('token') as string;

/** Waits until the engine has a count for every room, so each page load shows the same full list. */
async function everyRoomCounted(): Promise<number> {
  const since = performance.now();
  for (;;) {
    const response = await fetch(new URL('/api/getSnapshot', link), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '[]',
    });
    const { value } = (await response.json()) as { value: { rooms: Array<{ online: number | null }> } };
    if (value.rooms.length === ROOMS && value.rooms.every((room) => room.online !== null))
      return performance.now() - since;
    if (performance.now() - since > 60_000) throw new Error('the engine did not count every room in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
const warmupMs = await everyRoomCounted();

const browser = await launchChromium();
const rowsDrawn = (page: Page) =>
  // A function, not a string: the page's CSP forbids eval, which a string predicate needs.
  page.waitForFunction(
    () => (globalThis as unknown as { __uiBench: Probe }).__uiBench.firstRowFrame !== null,
  );
const openPage = async () => {
  const context = await browser.newContext({ viewport: { width: 380, height: 560 }, locale: 'en-US' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(link);
  await rowsDrawn(page);
  return { context, page };
};

/** The load's timings, from navigation start, as the page's Performance API and the probe saw them. */
async function loadTimes(page: Page): Promise<{ marks: string[]; times: Record<string, number | null> }> {
  const read = (await page.evaluate(`(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    return { paint, marks: performance.getEntriesByType('mark').map((m) => m.name),
      responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd,
      scriptEnd: performance.getEntriesByType('resource').find((e) => e.name.includes('popover.js'))?.responseEnd,
      firstRow: window.__uiBench.firstRow, firstRowFrame: window.__uiBench.firstRowFrame };
  })()`)) as {
    paint: Record<string, number>;
    marks: string[];
    responseEnd: number;
    domContentLoaded: number;
    scriptEnd: number | undefined;
    firstRow: number;
    firstRowFrame: number;
  };
  return {
    marks: read.marks,
    times: {
      firstPaintMs: read.paint['first-paint'] ?? null,
      firstContentfulPaintMs: read.paint['first-contentful-paint'] ?? null,
      htmlReceivedMs: read.responseEnd,
      scriptReceivedMs: read.scriptEnd ?? null,
      domContentLoadedMs: read.domContentLoaded,
      firstRowInDomMs: read.firstRow,
      firstRowFrameMs: read.firstRowFrame,
    },
  };
}

// Each page is loaded in a fresh context (a new renderer, nothing cached: the first opening), then
// reloaded once in the same renderer (serve sends no-store, so the script is fetched again).
const cold: Array<Record<string, number | null>> = [];
const warm: Array<Record<string, number | null>> = [];
let marks: string[] = [];
for (let i = 0; i < LOADS; i++) {
  const { context, page } = await openPage();
  const first = await loadTimes(page);
  marks = first.marks;
  cold.push(first.times);
  await page.reload();
  await rowsDrawn(page);
  warm.push((await loadTimes(page)).times);
  await context.close();
}

const windows: Array<{ probe: Probe; from: number }> = [];
for (let i = 0; i < WINDOWS; i++) {
  const { context, page } = await openPage();
  // Past the first snapshot and its arrangement: only the steady flow of pushes is measured.
  await page.waitForTimeout(2000);
  const from = (await page.evaluate('performance.now()')) as number;
  await page.waitForTimeout(WINDOW_MS);
  windows.push({ probe: (await page.evaluate('window.__uiBench')) as Probe, from });
  await context.close();
}
await browser.close();
serveProcess.kill('SIGTERM');
simulatorProcess.stdin?.end();

const ms = (values: number[]) => ({
  n: values.length,
  p50: round(percentile(values, 50), 2),
  p95: round(percentile(values, 95), 2),
  p99: round(percentile(values, 99), 2),
  max: round(Math.max(...values), 2),
});
const column = (loads: Array<Record<string, number | null>>, name: string) =>
  loads.map((load) => load[name]).filter((v): v is number => v !== null);
const loadFigures = (loads: Array<Record<string, number | null>>) =>
  Object.fromEntries(Object.keys(loads[0] ?? {}).map((name) => [name, ms(column(loads, name))]));
const pushes = windows.flatMap(({ probe, from }) =>
  probe.pushes.filter((p) => p.at >= from && p.type === 'rooms'),
);
const frameDeltas = windows.flatMap(({ probe, from }) => {
  const frames = probe.frames.filter((t) => t >= from);
  return frames.slice(1).map((t, i) => t - (frames[i] as number));
});
const updateWork = pushes.map((p) => p.handlerMs + p.renderMs);
const perWindowP95 = windows.map(({ probe, from }) =>
  round(
    percentile(
      probe.pushes.filter((p) => p.at >= from && p.type === 'rooms').map((p) => p.handlerMs + p.renderMs),
      95,
    ),
    2,
  ),
);
const results = {
  when: new Date().toISOString(),
  node: process.version,
  chromium: browser.version(),
  setup: {
    rooms: ROOMS,
    source: 'headcount serve (real engine) against the simulator in another process, over loopback',
    intervalS: 10,
    capPerSecond: 200,
    pageLoads: LOADS,
    updateWindows: WINDOWS,
    windowS: WINDOW_MS / 1000,
    viewport: '380x560',
    warmupUntilEveryRoomCountedS: round(warmupMs / 1000, 1),
    marksThePageSets: marks,
    loadAverageAtStart: round(loadAtStart, 1),
    loadAverageAtEnd: round(loadavg()[0] as number, 1),
  },
  load: { firstOpening: loadFigures(cold), reloaded: loadFigures(warm) },
  firstOpeningOverReloadedFirstPaint: round(
    percentile(column(cold, 'firstPaintMs'), 50) / percentile(column(warm, 'firstPaintMs'), 50),
    1,
  ),
  update: {
    roomsPerPush: ms(pushes.map((p) => p.rooms)),
    pushesPerSecond: round(pushes.length / ((WINDOWS * WINDOW_MS) / 1000), 1),
    handlerMs: ms(pushes.map((p) => p.handlerMs)),
    frameAfterPushMs: ms(pushes.map((p) => p.renderMs)),
    cycleWorkMs: ms(updateWork),
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
  targets: { firstPaintMs: 200, cycleWorkP95Ms: 16 },
  wallS: round((performance.now() - began) / 1000, 1),
};
// Run by `npm run bench` from the project root; the bundle itself lives in dist/bench/.
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/ui.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/ui.json\n`);
