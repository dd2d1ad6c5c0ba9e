/**
 * The engine's CPU against a bare poller's, side by side: `headcount watch` (or, with
 * BENCH_MODE=serve, `headcount serve` with one dashboard open in Chromium) polling 2000 rooms at
 * 10 s with the cap at 200 calls/s, and bench/bare-poller.ts making the same calls to the same
 * simulator process at the same rate. The two run in turns (ROUNDS, default 3; each round runs both,
 * the first of them alternating), each as a fresh process measured from outside over MEASURE_SECONDS
 * (default 30) after WARMUP_SECONDS (default 15): CPU seconds per 1000 calls the simulator received,
 * the main thread's wake-ups per call (its voluntary context switches), and resident memory.
 * Reports each round's ratio and the median, and writes bench/results/bare-floor-<mode>.json (or
 * BENCH_RESULTS). With PROFILE_DIR set, both run under --cpu-prof and leave their profiles there (the
 * bare poller's in bare/, each build's in its name's folder when there are several).
 *
 * BENCH_BUILDS (`before=/tmp/old/dist/headcount.js,after=dist/headcount.js`) measures several builds
 * in one run: each round runs every build and the bare poller, in an order that turns by one each
 * round, and each build's ratio is to the bare poller of its own round. The load average is read
 * before and after each measurement.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, BrowserContext } from 'playwright-core';
import { systemClock } from '../main/core/clock';
import { planPolling } from '../main/core/poll-plan';
import { RateBudget } from '../main/core/rate-budget';
import { launchChromium } from '../test/support/chromium';
import { cliCommand } from './cli-command';
import { percentile, round } from './distribution';
import { cpuSecondsOf, rssMbOf, wakeUpsOf } from './process-usage';
import { type Build, buildsToCompare } from './serve-stack';
import { simulatorEnv, spawnSimulator } from './simulator-child';

const MODE = process.env.BENCH_MODE === 'serve' ? 'serve' : 'watch';
const ROOMS = Number(process.env.ROOMS ?? 2000);
const INTERVAL_S = 10;
const CAP = 200;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WARMUP_MS = Number(process.env.WARMUP_SECONDS ?? 15) * 1000;
const MEASURE_MS = Number(process.env.MEASURE_SECONDS ?? 30) * 1000;
const BUILDS: Build[] = (
  process.env.BENCH_BUILDS
    ? buildsToCompare()
    : [{ name: 'current', cli: process.env.BENCH_CLI ?? 'dist/headcount.js' }]
).map((build) => ({ ...build, cli: resolve(build.cli) }));
const PROFILE_DIR = process.env.PROFILE_DIR;
const RESULTS_FILE = process.env.BENCH_RESULTS ?? `bench/results/bare-floor-${MODE}.json`;

const simulator = await spawnSimulator(ROOMS);
const folder = mkdtempSync(join(tmpdir(), 'headcount-bare-floor-'));
const roomsFile = join(folder, 'rooms.txt');
writeFileSync(roomsFile, Array.from({ length: ROOMS }, (_, i) => `@TGS#bench${i}`).join('\n'));
// The rate the engine plans for these rooms within its budget: the bare poller keeps the same pace.
const plan = planPolling(ROOMS, INTERVAL_S * 1000, new RateBudget(systemClock, CAP).sustainableRate());
const browser: Browser | null = MODE === 'serve' ? await launchChromium() : null;

interface Measured {
  kind: 'engine' | 'bare';
  /** The build measured, for the engine. */
  build?: string;
  /** The load average (1 min) before and after the measurement. */
  load: [number, number];
  calls: number;
  seconds: number;
  cpuSeconds: number;
  cpuSecondsPer1000Calls: number;
  callsPerSecond: number;
  cpuShareOfOneCore: number;
  /** The main thread's wake-ups (voluntary context switches) per call. */
  wakeUpsPerCall: number;
  peakRssMb: number;
  lastRssMb: number;
}

async function receivedCalls(): Promise<number> {
  const stats = (await (await fetch(`${simulator.baseUrl}/_sim/stats`)).json()) as { total: number };
  return stats.total;
}

function engineProcess(turn: number, build: Build): ChildProcess {
  const config = join(folder, `config-${turn}-${build.name}.json`);
  writeFileSync(config, JSON.stringify(MODE === 'serve' ? { profile: { label: 'Bench' } } : {}));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')),
  );
  const profileDir =
    BUILDS.length > 1 ? join(resolve(PROFILE_DIR ?? '.'), build.name) : resolve(PROFILE_DIR ?? '.');
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const args =
    MODE === 'serve'
      ? ['serve', '--port', '0', '--groups-file', roomsFile, '--interval', '10', '--max-rate', String(CAP)]
      : ['watch', '--groups-file', roomsFile, '--interval', '10', '--max-rate', String(CAP)];
  return spawn(process.execPath, [...profile, ...cliCommand(build.cli), ...args], {
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

const loadNow = () => round(loadavg()[0] as number, 2);

async function measure(kind: Measured['kind'], turn: number, build?: Build): Promise<Measured> {
  const loadBefore = loadNow();
  const child = kind === 'engine' && build ? engineProcess(turn, build) : bareProcess();
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
  const wakeUps0 = wakeUpsOf(pid);
  const from = performance.now();
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMbOf(pid)), 1000);
  await sleep(MEASURE_MS);
  clearInterval(sampler);
  const cpuSeconds = cpuSecondsOf(pid) - cpu0;
  const wakeUps = wakeUpsOf(pid) - wakeUps0;
  const seconds = (performance.now() - from) / 1000;
  const calls = (await receivedCalls()) - calls0;
  await context?.close();
  if (kind === 'bare') child.stdin?.end();
  else child.kill('SIGTERM');
  await exited;
  return {
    kind,
    ...(build ? { build: build.name } : {}),
    load: [loadBefore, loadNow()],
    calls,
    seconds: round(seconds, 1),
    cpuSeconds: round(cpuSeconds, 2),
    cpuSecondsPer1000Calls: round((cpuSeconds / calls) * 1000, 3),
    callsPerSecond: round(calls / seconds, 1),
    cpuShareOfOneCore: round((cpuSeconds / seconds) * 100, 1),
    wakeUpsPerCall: round(wakeUps / calls, 2),
    peakRssMb: round(Math.max(...rss), 1),
    lastRssMb: round(rss.at(-1) ?? Number.NaN, 1),
  };
}

interface Round {
  bare: Measured;
  engines: Record<string, Measured>;
  /** Each build's CPU per 1000 calls over the bare poller's in this round. */
  ratios: Record<string, number>;
}
const rounds: Round[] = [];
for (let i = 0; i < ROUNDS; i++) {
  // Every build and the bare poller, the order turned by one each round.
  const turns: Array<Build | null> = [...BUILDS, null];
  const order = turns.map((_, j) => turns[(i + j) % turns.length] as Build | null);
  const engines: Record<string, Measured> = {};
  let bare: Measured | null = null;
  for (const build of order) {
    if (build) engines[build.name] = await measure('engine', i, build);
    else bare = await measure('bare', i);
  }
  const floor = bare as Measured;
  const ratios = Object.fromEntries(
    BUILDS.map((build) => [
      build.name,
      round((engines[build.name] as Measured).cpuSecondsPer1000Calls / floor.cpuSecondsPer1000Calls, 2),
    ]),
  );
  rounds.push({ bare: floor, engines, ratios });
  const each = BUILDS.map((build) => {
    const engine = engines[build.name] as Measured;
    return `${build.name} ${engine.cpuSecondsPer1000Calls} s (${ratios[build.name]}x, ${engine.wakeUpsPerCall} wake-ups a call, RSS ${engine.peakRssMb} MB)`;
  });
  process.stderr.write(
    `round ${i + 1}: ${MODE} ${each.join(', ')}; bare ${floor.cpuSecondsPer1000Calls} s per 1000 calls (${floor.wakeUpsPerCall} wake-ups a call, RSS ${floor.peakRssMb} MB); load ${loadNow()}\n`,
  );
}
await browser?.close();
await simulator.finish();

const medianOf = (values: number[]) => round(percentile(values, 50), 3);
const engineOf = (r: Round, build: Build) => r.engines[build.name] as Measured;
const summaries = Object.fromEntries(
  BUILDS.map((build) => [
    build.name,
    {
      cli: build.cli,
      medianRatio: medianOf(rounds.map((r) => r.ratios[build.name] as number)),
      ratios: rounds.map((r) => r.ratios[build.name] as number),
      medianCpuSecondsPer1000Calls: medianOf(rounds.map((r) => engineOf(r, build).cpuSecondsPer1000Calls)),
      medianWakeUpsPerCall: medianOf(rounds.map((r) => engineOf(r, build).wakeUpsPerCall)),
      medianPeakRssMb: medianOf(rounds.map((r) => engineOf(r, build).peakRssMb)),
    },
  ]),
);
const only = BUILDS.length === 1 ? (BUILDS[0] as Build) : null;
const loads = rounds.flatMap((r) => [r.bare, ...Object.values(r.engines)].flatMap((m) => m.load));
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
    builds: BUILDS.map((build) => build.name),
  },
  loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
  ...(only
    ? {
        medianRatio: summaries[only.name]?.medianRatio,
        medianCpuSecondsPer1000Calls: {
          engine: summaries[only.name]?.medianCpuSecondsPer1000Calls,
          bare: medianOf(rounds.map((r) => r.bare.cpuSecondsPer1000Calls)),
        },
        medianPeakRssMb: {
          engine: summaries[only.name]?.medianPeakRssMb,
          bare: medianOf(rounds.map((r) => r.bare.peakRssMb)),
        },
      }
    : {}),
  builds: summaries,
  bare: {
    medianCpuSecondsPer1000Calls: medianOf(rounds.map((r) => r.bare.cpuSecondsPer1000Calls)),
    medianWakeUpsPerCall: medianOf(rounds.map((r) => r.bare.wakeUpsPerCall)),
    medianPeakRssMb: medianOf(rounds.map((r) => r.bare.peakRssMb)),
  },
  rounds,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to ${RESULTS_FILE}\n`);

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
