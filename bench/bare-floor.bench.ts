/**
 * The engine's CPU against a bare poller's, side by side: `headcount watch` (or, with
 * BENCH_MODE=serve, `headcount serve` with one dashboard open in Chromium) polling 2000 rooms at
 * 10 s with the cap at 200 calls/s, and bench/bare-poller.ts making the same calls to the same
 * simulator process at the same rate. The two run in turns (ROUNDS, default 3; each round runs both,
 * the first of them alternating), each as a fresh process measured from outside over MEASURE_SECONDS
 * (default 30) after WARMUP_SECONDS (default 15): CPU seconds per 1000 calls the simulator received,
 * and resident memory. Reports each round's ratio and the median, and writes
 * bench/results/bare-floor-<mode>.json. With PROFILE_DIR set, both run under --cpu-prof and leave
 * their profiles there (the bare poller's in bare/).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, BrowserContext } from 'playwright-core';
import { systemClock } from '../main/core/clock';
import { planPolling } from '../main/core/poll-plan';
import { RateBudget } from '../main/core/rate-budget';
import { launchChromium } from '../test/support/chromium';
import { cliCommand } from './cli-command';
import { percentile, round } from './distribution';
import { cpuSecondsOf, rssMbOf } from './process-usage';
import { simulatorEnv, spawnSimulator } from './simulator-child';

const MODE = process.env.BENCH_MODE === 'serve' ? 'serve' : 'watch';
const ROOMS = Number(process.env.ROOMS ?? 2000);
const INTERVAL_S = 10;
const CAP = 200;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WARMUP_MS = Number(process.env.WARMUP_SECONDS ?? 15) * 1000;
const MEASURE_MS = Number(process.env.MEASURE_SECONDS ?? 30) * 1000;
const CLI = resolve(process.env.BENCH_CLI ?? 'dist/headcount.js');
const PROFILE_DIR = process.env.PROFILE_DIR;

const simulator = await spawnSimulator(ROOMS);
const folder = mkdtempSync(join(tmpdir(), 'headcount-bare-floor-'));
const roomsFile = join(folder, 'rooms.txt');
writeFileSync(roomsFile, Array.from({ length: ROOMS }, (_, i) => `@TGS#bench${i}`).join('\n'));
// The rate the engine plans for these rooms within its budget: the bare poller keeps the same pace.
const plan = planPolling(ROOMS, INTERVAL_S * 1000, new RateBudget(systemClock, CAP).sustainableRate());
const browser: Browser | null = MODE === 'serve' ? await launchChromium() : null;

interface Measured {
  kind: 'engine' | 'bare';
  calls: number;
  seconds: number;
  cpuSeconds: number;
  cpuSecondsPer1000Calls: number;
  callsPerSecond: number;
  cpuShareOfOneCore: number;
  peakRssMb: number;
  lastRssMb: number;
}

async function receivedCalls(): Promise<number> {
  const stats = (await (await fetch(`${simulator.baseUrl}/_sim/stats`)).json()) as { total: number };
  return stats.total;
}

function engineProcess(turn: number): ChildProcess {
  const config = join(folder, `config-${turn}.json`);
  writeFileSync(config, JSON.stringify(MODE === 'serve' ? { profile: { label: 'Bench' } } : {}));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')),
  );
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', resolve(PROFILE_DIR)] : [];
  const args =
    MODE === 'serve'
      ? ['serve', '--port', '0', '--groups-file', roomsFile, '--interval', '10', '--max-rate', String(CAP)]
      : ['watch', '--groups-file', roomsFile, '--interval', '10', '--max-rate', String(CAP)];
  return spawn(process.execPath, [...profile, ...cliCommand(CLI), ...args], {
    env: {
      ...env,
      HEADCOUNT_CONFIG: config,
      ...simulatorEnv(simulator),
    },
    // watch's lines go where a log file would take them; serve's are read for its link.
    stdio: ['ignore', MODE === 'serve' ? 'pipe' : 'ignore', 'inherit'],
  });
}

function bareProcess(): ChildProcess {
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', resolve(PROFILE_DIR, 'bare')] : [];
  return spawn(
    process.execPath,
    [
      ...profile,
      new URL('./bare-poller.js', import.meta.url).pathname,
      simulator.baseUrl,
      String(ROOMS),
      String(plan.callsPerSecond),
    ],
    {
      env: {
        ...process.env,
        BARE_SDKAPPID: String(simulator.credentials.sdkAppId),
        BARE_IDENTIFIER: simulator.credentials.identifier,
        BARE_SECRET_KEY: simulator.credentials.secretKey,
      },
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
}

/** serve's dashboard link, once it says it is ready. */
function dashboardLink(child: ChildProcess): Promise<string> {
  return new Promise((resolveLink, reject) => {
    let link = '';
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line.startsWith('Dashboard: ')) link = line.slice('Dashboard: '.length);
      if (line.startsWith('Press Ctrl-C')) resolveLink(link);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before it was ready`)));
  });
}

async function measure(kind: Measured['kind'], turn: number): Promise<Measured> {
  const child = kind === 'engine' ? engineProcess(turn) : bareProcess();
  const pid = child.pid as number;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let context: BrowserContext | null = null;
  if (kind === 'engine' && browser) {
    const link = await dashboardLink(child);
    context = await browser.newContext({ viewport: { width: 380, height: 560 }, locale: 'en-US' });
    await (await context.newPage()).goto(link);
  }
  await sleep(WARMUP_MS);
  const calls0 = await receivedCalls();
  const cpu0 = cpuSecondsOf(pid);
  const from = performance.now();
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMbOf(pid)), 1000);
  await sleep(MEASURE_MS);
  clearInterval(sampler);
  const cpuSeconds = cpuSecondsOf(pid) - cpu0;
  const seconds = (performance.now() - from) / 1000;
  const calls = (await receivedCalls()) - calls0;
  await context?.close();
  if (kind === 'bare') child.stdin?.end();
  else child.kill('SIGTERM');
  await exited;
  return {
    kind,
    calls,
    seconds: round(seconds, 1),
    cpuSeconds: round(cpuSeconds, 2),
    cpuSecondsPer1000Calls: round((cpuSeconds / calls) * 1000, 3),
    callsPerSecond: round(calls / seconds, 1),
    cpuShareOfOneCore: round((cpuSeconds / seconds) * 100, 1),
    peakRssMb: round(Math.max(...rss), 1),
    lastRssMb: round(rss.at(-1) ?? Number.NaN, 1),
  };
}

const rounds: Array<{ engine: Measured; bare: Measured; ratio: number }> = [];
for (let i = 0; i < ROUNDS; i++) {
  const order: Array<Measured['kind']> = i % 2 === 0 ? ['engine', 'bare'] : ['bare', 'engine'];
  const got: Partial<Record<Measured['kind'], Measured>> = {};
  for (const kind of order) got[kind] = await measure(kind, i);
  const engine = got.engine as Measured;
  const bare = got.bare as Measured;
  const ratio = round(engine.cpuSecondsPer1000Calls / bare.cpuSecondsPer1000Calls, 2);
  rounds.push({ engine, bare, ratio });
  process.stderr.write(
    `round ${i + 1}: ${MODE} ${engine.cpuSecondsPer1000Calls} s, bare ${bare.cpuSecondsPer1000Calls} s per 1000 calls (${ratio}x); RSS ${engine.peakRssMb} / ${bare.peakRssMb} MB\n`,
  );
}
await browser?.close();
await simulator.finish();

const medianOf = (values: number[]) => round(percentile(values, 50), 3);
const results = {
  when: new Date().toISOString(),
  node: process.version,
  setup: {
    mode: MODE,
    dashboardOpen: MODE === 'serve',
    rooms: ROOMS,
    intervalS: INTERVAL_S,
    capPerSecond: CAP,
    plannedCallsPerSecond: round(plan.callsPerSecond, 1),
    rounds: ROUNDS,
    warmupS: WARMUP_MS / 1000,
    measureS: MEASURE_MS / 1000,
  },
  medianRatio: medianOf(rounds.map((r) => r.ratio)),
  medianCpuSecondsPer1000Calls: {
    engine: medianOf(rounds.map((r) => r.engine.cpuSecondsPer1000Calls)),
    bare: medianOf(rounds.map((r) => r.bare.cpuSecondsPer1000Calls)),
  },
  medianPeakRssMb: {
    engine: medianOf(rounds.map((r) => r.engine.peakRssMb)),
    bare: medianOf(rounds.map((r) => r.bare.peakRssMb)),
  },
  rounds,
};
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/bare-floor-${MODE}.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to ${file}\n`);

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
