/**
 * The engine at full load: 2000 rooms at a 10 s interval with the cap at 200 calls/s, against the
 * simulator in another process over loopback HTTP, for BENCH_SECONDS (default 70: one interval of
 * warm-up, then 60 s measured). Prints the figures and writes them to bench/results/engine.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppMonitor } from '../main/core/app-monitor';
import { systemClock } from '../main/core/clock';
import { ImClient } from '../main/core/im-client';
import { RateBudget } from '../main/core/rate-budget';
import { createHttpPost } from '../main/node/http-post';
import { maxInAnyWindow, windowsOverCap } from '../test/support/call-windows';
import { percentile, round } from './distribution';

const ROOMS = 2000;
const INTERVAL_MS = 10_000;
const CAP = 200;
const WARMUP_MS = INTERVAL_MS;
const TOTAL_MS = Number(process.env.BENCH_SECONDS ?? 70) * 1000;

const child = spawn(
  process.execPath,
  [new URL('./simulator-process.js', import.meta.url).pathname, String(ROOMS)],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const first = await new Promise<string>((resolve) =>
  createInterface({ input: child.stdout }).once('line', resolve),
);
const simulator = JSON.parse(first) as {
  baseUrl: string;
  credentials: { sdkAppId: number; identifier: string; secretKey: string };
};

const sends: number[] = [];
const pooled = createHttpPost();
const post: typeof pooled = Object.assign(
  (request: Parameters<typeof pooled>[0]) => {
    sends.push(performance.now());
    return pooled(request);
  },
  { close: () => pooled.close() },
);
const budget = new RateBudget(systemClock, CAP);
const client = new ImClient({
  connection: { ...simulator.credentials, endpoint: { primary: simulator.baseUrl } },
  post,
  clock: systemClock,
  acquire: () => budget.acquire(),
});
const monitor = new AppMonitor({ source: client, budget, clock: systemClock, intervalMs: INTERVAL_MS });
const errors = new Map<string, number>();
monitor.on((event) => {
  if (event.type === 'error') errors.set(event.error.kind, (errors.get(event.error.kind) ?? 0) + 1);
});

const ages: number[] = [];
let peakRssMb = 0;
const start = performance.now();
monitor.addRooms(Array.from({ length: ROOMS }, (_, i) => `@TGS#bench${i}`));
monitor.start();

await new Promise<void>((resolve) => setTimeout(resolve, WARMUP_MS));
const cpuBefore = process.cpuUsage();
const measuredFrom = performance.now();
const sentBefore = sends.length;
const sampler = setInterval(() => {
  for (const room of monitor.snapshot()) if (room.ageMs !== null) ages.push(room.ageMs);
  peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
}, 1000);
await new Promise<void>((resolve) => setTimeout(resolve, TOTAL_MS - WARMUP_MS));
clearInterval(sampler);
const cpu = process.cpuUsage(cpuBefore);
const measuredS = (performance.now() - measuredFrom) / 1000;
const calls = sends.length - sentBefore;
monitor.stop();

const stats = (await (await fetch(`${simulator.baseUrl}/_sim/stats`)).json()) as {
  total: number;
  maxInAnyWindow: number;
  byErrorCode: Record<string, number>;
};
post.close();
child.stdin.end();

const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const results = {
  when: new Date().toISOString(),
  node: process.version,
  setup: { rooms: ROOMS, intervalS: INTERVAL_MS / 1000, capPerSecond: CAP, measuredS: round(measuredS, 1) },
  callsPerSecond: round(calls / measuredS, 1),
  mostCallsInAnySecond: {
    sent: maxInAnyWindow(sends.slice(sentBefore)),
    receivedBySimulator: stats.maxInAnyWindow,
  },
  sendsOverCapInTheirSecond: windowsOverCap(sends, CAP),
  rateLimitedAnswers: (stats.byErrorCode['60007'] ?? 0) + (stats.byErrorCode['60011'] ?? 0),
  sampleAgeS: {
    p50: round(percentile(ages, 50) / 1000),
    p99: round(percentile(ages, 99) / 1000),
    // Not Math.max(...ages): a long run holds more ages than a call may take arguments.
    max: round(ages.reduce((most, age) => Math.max(most, age), 0) / 1000),
  },
  cpuSecondsPer1000Calls: round((cpuSeconds / calls) * 1000, 3),
  cpuShareOfOneCore: `${round((cpuSeconds / measuredS) * 100, 1)} %`,
  cpuUserAndSystemS: [round(cpu.user / 1e6, 2), round(cpu.system / 1e6, 2)],
  peakRssMb: round(peakRssMb, 1),
  errorsByKind: Object.fromEntries(errors),
  simulatorAnswersByErrorCode: stats.byErrorCode,
  wallS: round((performance.now() - start) / 1000, 1),
};
// Run by `npm run bench` from the project root; the bundle itself lives in dist/bench/.
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/engine.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/engine.json\n`);
