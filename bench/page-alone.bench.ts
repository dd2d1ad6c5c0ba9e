/**
 * The page's own share of a cold opening: each build's dashboard page with 2,000 rooms, as the real
 * `headcount serve` made it (script, stylesheet and snapshot inside), taken once and then served from
 * a quiet static server of the bench's own, without serve's headers, and opened in turns in Debian's
 * Chromium, each load in a fresh context: the table and the wall at 1280×800, the popover's list at
 * 380×560. What the wide-views and ui benches also count (serve making the snapshot on an event loop
 * that polls, its opener policy making Chromium start a renderer for the page) is left out, so that
 * what the page's HTML and script cost shows alone, build beside build.
 *
 *   BENCH_BUILDS=before=<build>/dist/headcount.js,after=dist/headcount.js node dist/bench/page-alone.bench.js
 *
 * BENCH_LOADS loads per view and build (default 20). Prints the figures and writes
 * bench/results/page-alone.json (BENCH_OUT: another file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { timings } from './distribution';
import { buildsToCompare, everyRoomLive, startServeStack } from './serve-stack';
import { firstFrameProbe, lookPage, PAGE_VIEWS as VIEWS, type PageView as View } from './wide-view-page';

const ROOMS = 2000;
const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const SIGNAL = 'page-alone: first frame';

const builds = buildsToCompare();
const loadAtStart = loadavg()[0] as number;

// Each build's page as its serve sends it once every room is counted.
const pages = new Map<string, string>();
for (const build of builds) {
  const stack = await startServeStack({ cli: build.cli, rooms: ROOMS });
  try {
    await everyRoomLive(stack.link, stack.token, ROOMS);
    pages.set(build.name, await (await fetch(stack.link)).text());
  } finally {
    stack.stop();
  }
}

const server = createServer((request, response) => {
  const page = pages.get(new URL(request.url ?? '/', 'http://page').pathname.slice(1));
  // The page's own requests (its API, its event stream) find nothing here: its first rows need none.
  if (page === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(page);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

async function firstRows(browser: Browser, build: string, view: View): Promise<number> {
  const { first, ...look } = VIEWS[view];
  const { context, page, drawn } = await lookPage(browser, look, firstFrameProbe(first, SIGNAL), SIGNAL);
  try {
    await page.goto(`${base}${build}?token=page-alone`);
    await drawn;
    return (await page.evaluate('window.__firstFrame')) as number;
  } finally {
    await context.close();
  }
}

const figures = new Map(
  builds.map((build) => [build.name, { table: [], wall: [], popover: [] } as Record<View, number[]>]),
);
const browser = await launchChromium();
try {
  for (let load = 0; load < LOADS; load++)
    for (const view of Object.keys(VIEWS) as View[]) {
      // Builds in turns, the first one first every other load.
      const order = load % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order)
        figures.get(build.name)?.[view].push(await firstRows(browser, build.name, view));
    }
} finally {
  await browser.close();
  server.close();
}

/** The median, per view, of the ratios of the second build's first rows to the first's, load by load. */
function secondOverFirst(): Record<View, number> | null {
  const [first, second] = builds.map((build) => figures.get(build.name));
  if (!first || !second || builds.length !== 2) return null;
  const median = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] as number;
  const ratio = (view: View) =>
    Math.round(median(second[view].map((after, at) => after / (first[view][at] as number))) * 100) / 100;
  return { table: ratio('table'), wall: ratio('wall'), popover: ratio('popover') };
}

const results = {
  when: new Date().toISOString(),
  rooms: ROOMS,
  loadsPerView: LOADS,
  pageBytes: Object.fromEntries([...pages].map(([name, page]) => [name, Buffer.byteLength(page)])),
  loadAverageAtStart: Math.round(loadAtStart * 100) / 100,
  loadAverageAtEnd: Math.round((loadavg()[0] as number) * 100) / 100,
  firstRowsMs: Object.fromEntries(
    [...figures].map(([name, views]) => [
      name,
      { table: timings(views.table), wall: timings(views.wall), popover: timings(views.popover) },
    ]),
  ),
  secondOverFirst: secondOverFirst(),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  process.env.BENCH_OUT ?? 'bench/results/page-alone.json',
  `${JSON.stringify(results, null, 2)}\n`,
);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
