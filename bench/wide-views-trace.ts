/**
 * Where a cold opening of the table or the wall spends its time before the first line or tile is
 * drawn, from a Chromium performance trace of each opening: 2,000 rooms at 1280×800, served by the
 * real `headcount serve` polling the simulator, as in wide-views.bench.ts.
 * - From the page's Navigation and Resource Timing: when the page's answer began (serve's handler),
 *   when it ended (its snapshot made and sent), when the script and the stylesheet arrived,
 *   DOMContentLoaded, and the first drawn frame.
 * - From the trace, the renderer's main thread between navigation and that frame: time by kind of
 *   work (parsing the HTML, compiling and running script, style, layout, paint, garbage collection),
 *   counted once each (an event's own time, without the events inside it).
 *
 *   node dist/bench/wide-views-trace.js [--cli dist/headcount.js] [--loads 4] [--view table|wall]
 *     [--keep /tmp/traces] [--apps 5]
 *
 * With --updates S and --profile, the script over the window by function too.
 * With --apps N, serve watches N apps of 2,000 rooms each (as BENCH_APPS does for wide-views.bench.ts):
 * 10,000 rows with --apps 5, traced once every room is counted.
 * With --keep, each trace is written there (load it in DevTools' Performance panel). Prints one JSON
 * document; writes nothing under bench/results (these are for finding where the time goes, not figures).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { timings } from './distribution';
import { addApps } from './more-apps';
import { everyRoomLive, startServeStack } from './serve-stack';
import { firstFrameProbe, WIDE_VIEW_FIRST, wideViewPage } from './wide-view-page';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const CLI = option('cli', 'dist/headcount.js');
const LOADS = Number(option('loads', '4'));
const VIEWS = option('view', 'table,wall').split(',') as Array<'table' | 'wall'>;
const KEEP = option('keep', '');
/** With --profile, also the page's JavaScript by function (build the page unminified to read it). */
const PROFILE = args.includes('--profile');
/** With --updates S, instead of openings: S seconds of each view taking pushes, traced once it has drawn. */
const UPDATES_S = Number(option('updates', '0'));
const ROOMS = 2000;
/** Apps of ROOMS rooms each, every one its own simulator: `--apps 5` traces 10,000 rows. */
const APPS = Number(option('apps', '1'));
const SIGNAL = 'wide-trace: first frame';
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'loading',
  'toplevel',
  'blink.user_timing',
  ...(PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : []),
];

const probe = (selector: string) => firstFrameProbe(selector, SIGNAL);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string }; beginData?: { url?: string } };
}

/** How the trace's event names fall into kinds of work. */
function kindOf(event: TraceEvent): string {
  const name = event.name;
  if (/GC|Scavenge|MarkCompact|Sweep/i.test(name)) return 'gc';
  if (name === 'ParseHTML') return 'parse HTML';
  if (/compile|Compile|Parse(?!HTML)|v8\.parse/i.test(name)) return 'compile JS';
  if (
    /EvaluateScript|FunctionCall|TimerFire|FireAnimationFrame|EventDispatch|v8\.run|V8\.Execute|RunMicrotasks|v8\.callFunction|MutationObserver|ResizeObserver|IntersectionObserver/.test(
      name,
    )
  )
    return 'run JS';
  if (/UpdateLayoutTree|RecalcStyle|ParseAuthorStyleSheet|StyleInvalidator|ScheduleStyle/.test(name))
    return 'style';
  if (/Layout|UpdateLayerTree/.test(name)) return 'layout';
  if (/Paint|Raster|Composite|Commit|Layerize|PrePaint/.test(name)) return 'paint';
  if (/ResourceReceive|ResourceSend|ResourceFinish|ResourceChangePriority/.test(name))
    return 'network events';
  return 'other';
}

/** The page's renderer main thread: the one that parsed our page, else the renderer that ran the most script. */
function pageThread(events: TraceEvent[], from: number): { pid: number; tid: number } | null {
  const parse = events.find(
    (event) =>
      event.name === 'ParseHTML' && event.ts >= from && event.args?.beginData?.url?.startsWith('http'),
  );
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const calls = new Map<string, number>();
  for (const event of events)
    if (event.name === 'FunctionCall') {
      const thread = `${event.pid}:${event.tid}`;
      calls.set(thread, (calls.get(thread) ?? 0) + 1);
    }
  const busiest = [...calls].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!busiest) return null;
  const [pid, tid] = busiest.split(':').map(Number) as [number, number];
  return { pid, tid };
}

/** The main thread's own time by kind of work between two trace times (µs). */
function mainThreadWork(events: TraceEvent[], from: number, to: number) {
  const main = pageThread(events, from);
  if (!main) return null;
  const spans = events
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur)
    .filter((event) => event.ts < to && event.ts + (event.dur as number) > from)
    .sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const byKind: Record<string, number> = {};
  const byName: Record<string, number> = {};
  let busy = 0;
  // A stack of open spans: each span's own time is its length less its children's.
  const stack: Array<{ end: number; event: TraceEvent; children: number }> = [];
  const close = (until: number) => {
    while (stack.length > 0 && (stack.at(-1) as { end: number }).end <= until) {
      const done = stack.pop() as { end: number; event: TraceEvent; children: number };
      const start = Math.max(done.event.ts, from);
      const own = Math.min(done.end, to) - start - done.children;
      byKind[kindOf(done.event)] = (byKind[kindOf(done.event)] ?? 0) + own;
      byName[done.event.name] = (byName[done.event.name] ?? 0) + own;
      const parent = stack.at(-1);
      if (parent) parent.children += Math.min(done.end, to) - start;
      else busy += Math.min(done.end, to) - start;
    }
  };
  for (const event of spans) {
    close(event.ts);
    stack.push({ end: event.ts + (event.dur as number), event, children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const ms = (record: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([, value]) => value >= 1000)
        .sort((a, b) => b[1] - a[1])
        .map(([key, value]) => [key, Math.round(value / 100) / 10]),
    );
  return { busyMs: Math.round(busy / 100) / 10, byKind: ms(byKind), topNames: ms(byName) };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber: number };
}

/**
 * The page's JavaScript between two trace times (µs) by function, from V8's sampling profiler in the
 * trace: own time and time with callees, the largest first.
 */
function scriptByFunction(events: TraceEvent[], from: number, to: number) {
  const chunks = events.filter((event) => event.name === 'ProfileChunk' || event.name === 'Profile');
  const byProfile = new Map<
    string,
    { start: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }
  >();
  for (const event of chunks) {
    const id = `${event.pid}:${(event as unknown as { id: string }).id}`;
    const data = (event.args as { data?: Record<string, unknown> } | undefined)?.data ?? {};
    let profile = byProfile.get(id);
    if (!profile) {
      profile = { start: 0, nodes: new Map(), samples: [], deltas: [] };
      byProfile.set(id, profile);
    }
    if (event.name === 'Profile') profile.start = data.startTime as number;
    const cpu = data.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] } | undefined;
    for (const node of cpu?.nodes ?? []) profile.nodes.set(node.id, node);
    profile.samples.push(...(cpu?.samples ?? []));
    profile.deltas.push(...((data.timeDeltas as number[] | undefined) ?? []));
  }
  const own = new Map<string, number>();
  const total = new Map<string, number>();
  const label = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} ${(node.callFrame.url ?? '').split('/').pop()?.split('?')[0] ?? ''}:${node.callFrame.lineNumber + 1}`;
  for (const profile of byProfile.values()) {
    let time = profile.start;
    profile.samples.forEach((sample, i) => {
      const next = profile.deltas[i + 1] ?? 0;
      time += profile.deltas[i] ?? 0;
      if (time < from || time > to) return;
      const node = profile.nodes.get(sample);
      if (!node || node.callFrame.functionName === '(idle)') return;
      own.set(label(node), (own.get(label(node)) ?? 0) + next);
      const seen = new Set<string>();
      for (
        let at: ProfileNode | undefined = node;
        at;
        at = at.parent === undefined ? undefined : profile.nodes.get(at.parent)
      ) {
        const name = label(at);
        if (seen.has(name)) continue;
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + next);
      }
    });
  }
  const top = (record: Map<string, number>) =>
    Object.fromEntries(
      [...record.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([name, us]) => [name, Math.round(us / 100) / 10]),
    );
  return { ownMs: top(own), withCalleesMs: top(total) };
}

async function tracedOpening(browser: Browser, link: string, view: 'table' | 'wall', keep: string | null) {
  const { context, page, drawn } = await wideViewPage(browser, view, probe(WIDE_VIEW_FIRST[view]), SIGNAL);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(link);
  await drawn;
  // As text: the bench is type-checked without the DOM's types.
  const timing = (await page.evaluate(`(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const resource = (name) => performance.getEntriesByType('resource').find((entry) =>
      new URL(entry.name).pathname.endsWith(name));
    const script = resource('popover.js');
    const style = resource('popover.css');
    const inDom = performance.getEntriesByName('first-room-in-dom')[0];
    return {
      htmlRequestStart: navigation.requestStart,
      htmlFirstByte: navigation.responseStart,
      htmlEnd: navigation.responseEnd,
      htmlBytes: navigation.transferSize,
      scriptRequested: script?.startTime ?? null,
      scriptArrived: script?.responseEnd ?? null,
      styleArrived: style?.responseEnd ?? null,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      firstRoomInDom: inDom?.startTime ?? null,
      firstFrame: window.__firstFrame,
    };
  })()`)) as Record<
    'htmlRequestStart' | 'htmlFirstByte' | 'htmlEnd' | 'htmlBytes' | 'domContentLoaded' | 'firstFrame',
    number
  > &
    Record<'scriptRequested' | 'scriptArrived' | 'styleArrived' | 'firstRoomInDom', number | null>;
  const trace = (await browser.stopTracing()).toString('utf8');
  await context.close();
  if (keep) writeFileSync(keep, trace);
  const events = (JSON.parse(trace) as { traceEvents: TraceEvent[] }).traceEvents;
  // The trace's clock for the page's time origin: the navigation's start.
  const navigationStart = events.find(
    (event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL === link,
  );
  const origin = navigationStart?.ts ?? null;
  const work = origin === null ? null : mainThreadWork(events, origin, origin + timing.firstFrame * 1000);
  const htmlToScriptEnd =
    work === null || origin === null
      ? null
      : mainThreadWork(events, origin + timing.htmlEnd * 1000, origin + timing.firstFrame * 1000);
  const functions =
    PROFILE && origin !== null
      ? {
          beforeFirstFrame: scriptByFunction(events, origin, origin + timing.firstFrame * 1000),
          afterHtmlEnd: scriptByFunction(
            events,
            origin + timing.htmlEnd * 1000,
            origin + timing.firstFrame * 1000,
          ),
        }
      : null;
  return { timing, beforeFirstFrame: work, afterHtmlEnd: htmlToScriptEnd, functions };
}

/**
 * A view on screen taking pushes for UPDATES_S seconds, traced: the main thread's work by kind over
 * the window, and the longest of its tasks each split the same way.
 */
async function tracedUpdates(browser: Browser, link: string, view: 'table' | 'wall', keep: string | null) {
  const { context, page, drawn } = await wideViewPage(browser, view, probe(WIDE_VIEW_FIRST[view]), SIGNAL);
  await page.goto(link);
  await drawn;
  await page.waitForTimeout(3000);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.waitForTimeout(UPDATES_S * 1000);
  const trace = (await browser.stopTracing()).toString('utf8');
  await context.close();
  if (keep) writeFileSync(keep, trace);
  const events = (JSON.parse(trace) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = pageThread(events, 0);
  const tasks = events
    .filter(
      (event) =>
        event.pid === main?.pid &&
        event.tid === main?.tid &&
        event.ph === 'X' &&
        (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask'),
    )
    .sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  let last = 0;
  for (const task of tasks)
    if (task.ts >= last) {
      top.push(task);
      last = task.ts + (task.dur as number);
    }
  const first = top[0]?.ts ?? 0;
  const end = top.length > 0 ? Math.max(...top.map((task) => task.ts + (task.dur as number))) : 0;
  const longest = [...top]
    .sort((a, b) => (b.dur as number) - (a.dur as number))
    .slice(0, 8)
    .map((task) => ({
      ms: Math.round((task.dur as number) / 100) / 10,
      work: mainThreadWork(events, task.ts, task.ts + (task.dur as number))?.byKind,
    }));
  return {
    tasks: timings(top.map((task) => (task.dur as number) / 1000)),
    window: mainThreadWork(events, first, end),
    longest,
    functions: PROFILE ? scriptByFunction(events, first, end) : null,
  };
}

const stack = await startServeStack({ cli: CLI, rooms: ROOMS });
const moreApps = await addApps(stack, APPS - 1, ROOMS);
const browser = await launchChromium();
const openings: Array<{ view: string } & Awaited<ReturnType<typeof tracedOpening>>> = [];
const updates: Array<{ view: string } & Awaited<ReturnType<typeof tracedUpdates>>> = [];
try {
  await everyRoomLive(stack.link, stack.token, ROOMS * APPS);
  if (KEEP) mkdirSync(KEEP, { recursive: true });
  if (UPDATES_S > 0) {
    for (const view of VIEWS)
      updates.push({
        view,
        ...(await tracedUpdates(browser, stack.link, view, KEEP ? join(KEEP, `${view}-updates.json`) : null)),
      });
    process.stdout.write(`${JSON.stringify({ updates }, null, 2)}\n`);
    await finish();
    process.exit(0);
  }
  for (const view of VIEWS) await tracedOpening(browser, stack.link, view, null);
  for (let i = 0; i < LOADS; i++)
    for (const view of VIEWS)
      openings.push({
        view,
        ...(await tracedOpening(browser, stack.link, view, KEEP ? join(KEEP, `${view}-${i}.json`) : null)),
      });
} finally {
  await finish();
}

/** Closes the browser and stops serve and every simulator. */
async function finish(): Promise<void> {
  await browser.close();
  stack.stop();
  await Promise.all(moreApps.map((app) => app.finish()));
}
const summary = Object.fromEntries(
  VIEWS.map((view) => {
    const mine = openings.filter((opening) => opening.view === view);
    const of = (pick: (opening: (typeof mine)[number]) => number | null) =>
      timings(mine.map(pick).filter((value): value is number => value !== null));
    return [
      view,
      {
        htmlFirstByteMs: of((o) => o.timing.htmlFirstByte),
        htmlEndMs: of((o) => o.timing.htmlEnd),
        scriptArrivedMs: of((o) => o.timing.scriptArrived),
        domContentLoadedMs: of((o) => o.timing.domContentLoaded),
        firstRoomInDomMs: of((o) => o.timing.firstRoomInDom),
        firstFrameMs: of((o) => o.timing.firstFrame),
        mainThreadBusyBeforeFirstFrameMs: of((o) => o.beforeFirstFrame?.busyMs ?? null),
      },
    ];
  }),
);
process.stdout.write(`${JSON.stringify({ summary, openings }, null, 2)}\n`);
