/**
 * The OBS overlay in Debian's Chromium, served by the real `headcount serve` (dist/headcount.js)
 * with an overlay token, polling 2000 rooms in the simulator's own process at 10 s with the cap at
 * 200 calls/s. It reports:
 * - the bytes of the overlay's script and style (inlined into each page) and of a whole page;
 * - BENCH_LOADS openings (default 20) of one room's overlay at OBS's default 800×600, each in a fresh
 *   context (a scene switch with the source's "refresh when active"), then reloaded: first paint, and
 *   first contentful paint, which is the count itself (the page has no other content), side by side
 *   with when the first event of the stream arrived in the same load: the moment a page that waited
 *   for its stream could first have shown a value; taking turns with two pages from a quiet server of
 *   the bench's own, the overlay's page without its script and a bare line of text, whose first
 *   paints are this machine's floor;
 * - BENCH_UPDATES changes (default 8) of the room's count through the simulator's control API: from
 *   the poll that brought the new count to the page showing it (`anim=none`, so no roll in between).
 * Prints the figures and writes bench/results/overlay.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { column, loadFigures, percentile, round, timings } from './distribution';
import { startServeStack } from './serve-stack';

const ROOMS = 2000;
const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 8);
const ROOM = '@TGS#bench7';
const OVERLAY_TOKEN = 'bench-overlay-token-0123456789';
const CLI = process.env.BENCH_CLI ?? 'dist/headcount.js';

/**
 * Runs in the page before its own script: notes when the first event of the overlay's stream
 * arrives, and when the count's text changes (epoch ms, to set beside the simulator's log).
 */
const PROBE = `(() => {
  const probe = { firstEvent: null, shown: [] };
  window.__overlayBench = probe;
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => {
        if (probe.firstEvent === null) probe.firstEvent = performance.now();
      });
    }
  };
  const note = () => {
    const node = document.querySelector('.count');
    if (!node) return;
    probe.shown.push({ text: node.textContent, at: performance.timeOrigin + performance.now() });
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

interface Probe {
  firstEvent: number | null;
  shown: Array<{ text: string; at: number }>;
}
/** What the page-side callbacks touch (the benchmarks compile without the DOM library). */
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

const began = performance.now();
const loadAtStart = loadavg()[0] as number;
const stack = await startServeStack({
  cli: CLI,
  rooms: ROOMS,
  env: { HEADCOUNT_OVERLAY_TOKEN: OVERLAY_TOKEN },
});
const { simulator } = stack;
const base = new URL(stack.link).origin;
const link = `${base}/overlay?${new URLSearchParams({ room: ROOM, token: OVERLAY_TOKEN, anim: 'none' })}`;

// The room's first count: until then the page would show a dash, which is not what is measured.
const countedSince = performance.now();
for (;;) {
  const html = await fetch(link).then(
    (answer) => answer.text(),
    () => '',
  );
  if (/<span class="count">[\d,]+<\/span>/.test(html)) break;
  if (performance.now() - countedSince > 60_000) throw new Error(`no count for ${ROOM} in 60 s`);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
// The page's script and style are inlined, so the HTML is all OBS fetches for an opening.
const pageHtml = await (await fetch(link)).text();
const built = (file: string) => readFileSync(join('dist/renderer', file));
const bytes = (body: Buffer | string) => ({
  bytes: Buffer.byteLength(body),
  gzipBytes: gzipSync(body).length,
});

/**
 * Two pages to set beside the overlay in the same run, from a quiet server of the bench's own: the
 * overlay's page as served, without its script (the cost of the script and of `serve`'s busy event
 * loop), and a bare line of text (the floor of a first paint in a fresh renderer on this machine).
 */
const still = pageHtml.replace(/<script>[\s\S]*?<\/script>/, '');
const bare = '<!doctype html><html lang="en"><meta charset="utf-8"><p>12,345 watching</p></html>';
const baselines = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(request.url === '/still' ? still : bare);
});
await new Promise<void>((resolve) => baselines.listen(0, '127.0.0.1', resolve));
const baselineBase = `http://127.0.0.1:${(baselines.address() as AddressInfo).port}`;

const browser = await launchChromium();
const open = async (url = link) => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, locale: 'en-US' });
  await context.addInitScript(PROBE);
  const tab = await context.newPage();
  tab.setDefaultTimeout(60_000);
  await tab.goto(url);
  return { context, tab };
};

/** A baseline page's first paints, from navigation start. */
async function paintTimes(url: string): Promise<Record<string, number | null>> {
  const { context, tab } = await open(url);
  await tab.waitForFunction(
    () =>
      (
        globalThis as unknown as { performance: { getEntriesByName(name: string): unknown[] } }
      ).performance.getEntriesByName('first-contentful-paint').length > 0,
  );
  const paint = (await tab.evaluate(
    "Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]))",
  )) as Record<string, number>;
  await context.close();
  return {
    firstPaintMs: paint['first-paint'] ?? null,
    firstContentfulPaintMs: paint['first-contentful-paint'] ?? null,
  };
}

/** One load's timings from navigation start, once its first event has come. */
async function loadTimes(tab: Page): Promise<Record<string, number | null>> {
  await tab.waitForFunction(
    () => (globalThis as unknown as { __overlayBench: Probe }).__overlayBench.firstEvent !== null,
  );
  const read = (await tab.evaluate(`(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    return { paint, responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd,
      firstEvent: window.__overlayBench.firstEvent, text: document.querySelector('.count').textContent };
  })()`)) as {
    paint: Record<string, number>;
    responseEnd: number;
    domContentLoaded: number;
    firstEvent: number;
    text: string;
  };
  if (!/^[\d,]+$/.test(read.text)) throw new Error(`the page showed "${read.text}", not a count`);
  return {
    htmlReceivedMs: read.responseEnd,
    firstPaintMs: read.paint['first-paint'] ?? null,
    firstPaintWithValueMs: read.paint['first-contentful-paint'] ?? null,
    domContentLoadedMs: read.domContentLoaded,
    firstEventMs: read.firstEvent,
  };
}

const cold: Array<Record<string, number | null>> = [];
const warm: Array<Record<string, number | null>> = [];
const stillLoads: Array<Record<string, number | null>> = [];
const bareLoads: Array<Record<string, number | null>> = [];
// The three pages take turns, load by load, so that whatever else the machine does weighs on each.
for (let i = 0; i < LOADS; i++) {
  const { context, tab } = await open();
  cold.push(await loadTimes(tab));
  await tab.reload();
  warm.push(await loadTimes(tab));
  await context.close();
  stillLoads.push(await paintTimes(`${baselineBase}/still`));
  bareLoads.push(await paintTimes(`${baselineBase}/bare`));
}
baselines.close();

// Each change waits for the room's next poll (every 10 s), then for the page to show it.
const sampleToShown: number[] = [];
const pollAnswered: number[] = [];
{
  const { context, tab } = await open();
  await loadTimes(tab);
  for (let i = 0; i < UPDATES; i++) {
    const online = 50_000 + i;
    const text = online.toLocaleString('en-US');
    const changedAt = Date.now();
    await fetch(`${simulator.baseUrl}/_sim/set-online`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ groupId: ROOM, online }),
    });
    await tab.waitForFunction((wanted) => document.querySelector('.count')?.textContent === wanted, text, {
      timeout: 30_000,
    });
    const probe = (await tab.evaluate('window.__overlayBench')) as Probe;
    const shownAt = probe.shown.find((entry) => entry.text === text)?.at ?? Number.NaN;
    const log = (await (await fetch(`${simulator.baseUrl}/_sim/requests`)).json()) as Array<{
      at: number;
      command: string;
      groupId?: string;
    }>;
    const poll = log.find(
      (record) =>
        record.command === 'get_online_member_num' && record.groupId === ROOM && record.at >= changedAt,
    );
    if (poll) {
      sampleToShown.push(shownAt - poll.at);
      pollAnswered.push(poll.at - changedAt);
    }
  }
  await context.close();
}
await browser.close();
stack.stop();

const overFloor = (name: string, loads: Array<Record<string, number | null>>, p: number) =>
  round(percentile(column(cold, 'firstPaintWithValueMs'), p) / percentile(column(loads, name), p), 2);
const ratio = (loads: Array<Record<string, number | null>>) =>
  round(
    percentile(column(loads, 'firstEventMs'), 50) / percentile(column(loads, 'firstPaintWithValueMs'), 50),
    2,
  );

const results = {
  when: new Date().toISOString(),
  node: process.version,
  chromium: browser.version(),
  setup: {
    rooms: ROOMS,
    source: 'headcount serve (real engine) against the simulator in another process, over loopback',
    cli: CLI,
    intervalS: 10,
    capPerSecond: 200,
    pageLoads: LOADS,
    updates: UPDATES,
    viewport: '800x600',
    loadAverageAtStart: round(loadAtStart, 1),
    loadAverageAtEnd: round(loadavg()[0] as number, 1),
  },
  size: {
    script: bytes(built('overlay.js')),
    style: bytes(built('overlay.css')),
    page: bytes(pageHtml),
  },
  load: { firstOpening: loadFigures(cold), reloaded: loadFigures(warm) },
  baselines: {
    overlayPageWithoutScript: loadFigures(stillLoads),
    bareTextPage: loadFigures(bareLoads),
    overlayFirstPaintWithValueOverBarePage: {
      p50: overFloor('firstContentfulPaintMs', bareLoads, 50),
      p95: overFloor('firstContentfulPaintMs', bareLoads, 95),
    },
    overlayFirstPaintWithValueOverPageWithoutScript: {
      p50: overFloor('firstContentfulPaintMs', stillLoads, 50),
      p95: overFloor('firstContentfulPaintMs', stillLoads, 95),
    },
  },
  firstEventOverFirstPaintWithValue: { firstOpening: ratio(cold), reloaded: ratio(warm) },
  update: {
    changeToPollMs: timings(pollAnswered),
    pollToShownMs: timings(sampleToShown),
  },
  targets: { firstPaintWithValueP95Ms: 200, pollToShownMs: 1000 },
  wallS: round((performance.now() - began) / 1000, 1),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/overlay.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/overlay.json\n`);
