/**
 * The rate cap under stress, as a user meets it: the real `headcount serve` polls 2000 rooms at
 * 10 s with the cap at 200 calls/s against the simulator (its own process), one dashboard is open in
 * Chromium, and BUSY_LOOPS busy loops (default 2, one per core of the development machine) spin
 * beside them. After WARMUP_SECONDS (default 20) the simulator's log is cleared, and over
 * STRESS_SECONDS (default 300) it counts what it received: its 60007 answers, the most counts it saw
 * in any sliding second, and the counts answered in each of its seconds. BENCH_BUILDS compares builds
 * in one run, round by round alternating (`before=/tmp/old/dist/headcount.js,after=dist/headcount.js`),
 * ROUNDS times (default 2). Writes bench/results/cap-stress-dashboard.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { COUNT_COMMAND } from '../main/core/command-budgets';
import { launchChromium } from '../test/support/chromium';
import { percentile, round } from './distribution';
import { buildsToCompare, startServeStack } from './serve-stack';
import type { LoggedRequest } from './simulator-child';

const ROOMS = 2000;
const SECONDS = Number(process.env.STRESS_SECONDS ?? 300);
const WARMUP_MS = Number(process.env.WARMUP_SECONDS ?? 20) * 1000;
const BUSY_LOOPS = Number(process.env.BUSY_LOOPS ?? 2);
const ROUNDS = Number(process.env.ROUNDS ?? 2);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The counts answered in each whole second of the simulator's log (its wall clock). */
function perSecond(counts: readonly LoggedRequest[], from: number, seconds: number): number[] {
  const bins = new Array<number>(seconds).fill(0);
  for (const request of counts) {
    const bin = Math.floor((request.at - from) / 1000);
    if (bin >= 0 && bin < seconds) bins[bin] = (bins[bin] as number) + 1;
  }
  return bins;
}

const browser = await launchChromium();
const builds = buildsToCompare();
const rounds = [];
for (let turn = 1; turn <= ROUNDS; turn++) {
  for (const build of turn % 2 === 1 ? builds : [...builds].reverse()) {
    const busy: ChildProcess[] = Array.from({ length: BUSY_LOOPS }, () =>
      spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
    );
    const stack = await startServeStack({ cli: build.cli, rooms: ROOMS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      // A starved machine may take a while to draw 2,000 rows: that is part of the stress.
      await (await context.newPage()).goto(stack.link, { timeout: 180_000 });
      await sleep(WARMUP_MS);
      const base = stack.simulator.baseUrl;
      await fetch(`${base}/_sim/reset-log`, { method: 'POST' });
      const from = Date.now();
      const load = [loadavg()[0] as number];
      await sleep(SECONDS * 1000);
      load.push(loadavg()[0] as number);
      const log = (await (await fetch(`${base}/_sim/requests`)).json()) as LoggedRequest[];
      const counts = log.filter((request) => request.command === COUNT_COMMAND);
      const answered = counts.filter((request) => request.errorCode === 0);
      const bins = perSecond(answered, from, SECONDS);
      const result = {
        round: turn,
        build: build.name,
        rateLimitedAnswers: counts.filter((request) => request.errorCode === 60007).length,
        mostReceivedInAnySecond: (
          (await (await fetch(`${base}/_sim/stats`)).json()) as { maxInAnyWindow: number }
        ).maxInAnyWindow,
        countsPerSecond: round(answered.length / SECONDS, 1),
        countsInASecond: {
          p5: percentile(bins, 5),
          p50: percentile(bins, 50),
          p95: percentile(bins, 95),
          max: Math.max(...bins),
        },
        loadAverage: load.map((value) => round(value, 1)),
      };
      rounds.push(result);
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      await context.close();
      stack.stop();
      for (const loop of busy) loop.kill();
    }
  }
}
await browser.close();

const results = {
  when: new Date().toISOString(),
  node: process.version,
  setup: {
    rooms: ROOMS,
    intervalS: 10,
    capPerSecond: 200,
    seconds: SECONDS,
    warmUpS: WARMUP_MS / 1000,
    busyLoops: BUSY_LOOPS,
    dashboardsOpen: 1,
  },
  builds,
  rounds,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/cap-stress-dashboard.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('written to bench/results/cap-stress-dashboard.json\n');
