/**
 * `headcount serve`'s memory with a day of history, and with two: the history files of 2000 rooms
 * polled every 10 s are written synthetically (through the real history store and file port, ending
 * now) for HISTORY_DAYS (default 0, 1 and 2 days), then the real `serve` reads them, polls the
 * simulator (its own process) at 10 s with the cap at 200 calls/s, and one dashboard is opened in
 * Chromium. Its resident memory is read from outside every second for MEASURE_SECONDS (default 90).
 * The second day tells whether memory stays flat once the first day is full. BENCH_BUILDS compares
 * builds in one run, each reading a copy of the same history, alternating within each number of days
 * (`before=/tmp/old/dist/headcount.js,after=dist/headcount.js`). Writes
 * bench/results/serve-memory.json.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Clock } from '../main/core/clock';
import { HistoryStore } from '../main/core/history/history-store';
import { nodeFilePort } from '../main/node/file-port';
import { SERVE_PROFILE_ID } from '../main/node/serve/serve-profile';
import { launchChromium } from '../test/support/chromium';
import { percentile, round } from './distribution';
import { rssMbOf } from './process-usage';
import { seeded } from './seeded-random';
import { buildsToCompare, startServeStack } from './serve-stack';

const ROOMS = 2000;
const INTERVAL_MS = 10_000;
const DAYS = (process.env.HISTORY_DAYS ?? '0,1,2').split(',').map(Number);
const MEASURE_MS = Number(process.env.MEASURE_SECONDS ?? 90) * 1000;
const BUILDS = process.env.BENCH_BUILDS
  ? buildsToCompare()
  : [{ name: 'current', cli: process.env.BENCH_CLI ?? 'dist/headcount.js' }];

/** Writes `days` of history for the bench's rooms into `folder`/history, ending now. */
async function writeHistory(folder: string, days: number): Promise<number> {
  const started = performance.now();
  const end = Math.floor(Date.now() / INTERVAL_MS) * INTERVAL_MS;
  let now = end - days * 86_400_000;
  const clock: Clock = {
    monotonic: () => now,
    wall: () => now,
    setTimer: () => ({}),
    clearTimer: () => {},
  };
  const store = await HistoryStore.open({
    clock,
    folder: { port: nodeFilePort, pathOf: (name) => join(folder, 'history', name) },
  });
  const random = seeded(days + 1);
  const level = Float64Array.from({ length: ROOMS }, () => 30 * 1000 ** random());
  const keys = Array.from({ length: ROOMS }, (_, i) => `${SERVE_PROFILE_ID}/@TGS#bench${i}`);
  for (; now < end; now += INTERVAL_MS) {
    for (let room = 0; room < ROOMS; room++) {
      level[room] = Math.max(1, (level[room] as number) * (1 + (random() - 0.5) * 0.004));
      const count = Math.round((level[room] as number) * (1 + (random() - 0.5) * 0.04));
      store.record(keys[room] as string, now + room * (INTERVAL_MS / ROOMS), count);
    }
    if (now % 60_000 === 0) await store.flush();
  }
  await store.close();
  return (performance.now() - started) / 1000;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const browser = await launchChromium();
const runs = [];
for (const days of DAYS) {
  const written = mkdtempSync(join(tmpdir(), 'headcount-serve-memory-'));
  mkdirSync(join(written, 'history'));
  const writtenS = days > 0 ? await writeHistory(written, days) : 0;
  for (const build of days % 2 === 0 ? BUILDS : [...BUILDS].reverse()) {
    const folder = mkdtempSync(join(tmpdir(), 'headcount-serve-memory-'));
    cpSync(join(written, 'history'), join(folder, 'history'), { recursive: true });
    const stack = await startServeStack({ cli: resolve(build.cli), rooms: ROOMS, folder });
    const context = await browser.newContext({ viewport: { width: 380, height: 560 }, locale: 'en-US' });
    await (await context.newPage()).goto(stack.link, { timeout: 180_000 });
    const load = [loadavg()[0] as number];
    const rss: number[] = [];
    const from = performance.now();
    while (performance.now() - from < MEASURE_MS) {
      rss.push(rssMbOf(stack.pid));
      await new Promise((done) => setTimeout(done, 1000));
    }
    load.push(loadavg()[0] as number);
    await context.close();
    stack.stop();
    // serve writes its last counts as it stops: the folder goes once it has.
    while (isRunning(stack.pid)) await new Promise((done) => setTimeout(done, 100));
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
    const last = rss.slice(-30);
    runs.push({
      build: build.name,
      historyDays: days,
      historyWrittenInS: round(writtenS, 1),
      peakRssMb: round(Math.max(...rss), 1),
      lastHalfMinuteRssMb: { p50: round(percentile(last, 50), 1), max: round(Math.max(...last), 1) },
      // Every 30 s: whether it levels off.
      rssEveryHalfMinuteMb: rss.filter((_, i) => i % 30 === 29).map((value) => round(value, 1)),
      loadAverage: load.map((value) => round(value, 1)),
    });
    process.stderr.write(`${JSON.stringify(runs.at(-1))}\n`);
  }
  rmSync(written, { recursive: true, force: true, maxRetries: 5 });
}
await browser.close();

const results = {
  when: new Date().toISOString(),
  node: process.version,
  setup: { rooms: ROOMS, intervalS: INTERVAL_MS / 1000, measureS: MEASURE_MS / 1000, dashboardsOpen: 1 },
  builds: BUILDS,
  runs,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/serve-memory.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/serve-memory.json\n`);
