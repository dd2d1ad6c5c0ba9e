/**
 * The budget where it matters: `headcount watch` polling 5,000 rooms of one app at a 10 s interval
 * under the 200 calls/s cap (an even spread would poll each every 26 s), against the simulator in
 * a process of its own over loopback HTTP. Through the simulator's control API, 250 rooms move (a
 * count swinging by half every 20 s) and 250 stand above an alert threshold, so their `above` alert
 * fires; the other 4,500 hold still. After a warm-up, it measures for the hot rooms the age of their
 * latest count (sampled every 250 ms from the watch's own JSON lines), for every room the longest
 * wait between two polls as the simulator received them, and the most calls in any second.
 *
 * `node dist/bench/scheduler.bench.js [cli...]` runs each build of the CLI named (default
 * dist/headcount.js) in turn, several rounds alternating, and writes bench/results/scheduler.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { COUNT_COMMAND } from '../main/core/command-budgets';
import { maxInAnyWindow, windowsOverCap } from '../test/support/call-windows';
import { cliCommand } from './cli-command';
import { percentile, round } from './distribution';
import { simulatorEnv, spawnSimulator } from './simulator-child';

const ROOMS = 5000;
const MOVING = 250;
const ALERTING = 250;
const CAP = 200;
const WARM_UP_S = Number(process.env.WARM_UP_SECONDS ?? 90);
const MEASURE_S = Number(process.env.MEASURE_SECONDS ?? 180);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const THRESHOLD = 4000;

const ids = Array.from({ length: ROOMS }, (_, i) => `@TGS#bench${i}`);
const moving = ids.slice(0, MOVING);
const alerting = ids.slice(MOVING, MOVING + ALERTING);
const hot = new Set([...moving, ...alerting]);

/** The rooms as the run wants them, set through the simulator's control API. */
async function shapeRooms(baseUrl: string): Promise<void> {
  const span = WARM_UP_S + MEASURE_S + 60;
  const swing = Array.from({ length: Math.ceil(span / 20) + 1 }, (_, i) => [
    i * 20,
    i % 2 === 0 ? 1000 : 1500,
  ]);
  for (const [i, groupId] of ids.entries()) {
    const audience = moving.includes(groupId)
      ? { kind: 'script', points: swing }
      : alerting.includes(groupId)
        ? { kind: 'fixed', online: THRESHOLD + 1000 }
        : { kind: 'fixed', online: 100 + (i % 900) };
    const answer = await fetch(`${baseUrl}/_sim/add-room`, {
      method: 'POST',
      body: JSON.stringify({ groupId, type: 'AVChatRoom', audience }),
    });
    if (!answer.ok) throw new Error(`add-room ${groupId}: ${answer.status} ${await answer.text()}`);
  }
}

interface WatchLine {
  type: string;
  groupId?: string;
  at?: string;
  tiers?: unknown;
}

/** One run of `cli`: its samples and statuses by wall time, and what the simulator received. */
async function runOnce(cli: string) {
  const simulator = await spawnSimulator(ROOMS);
  await shapeRooms(simulator.baseUrl);
  const folder = mkdtempSync(join(tmpdir(), 'headcount-scheduler-bench-'));
  writeFileSync(join(folder, 'rooms.txt'), ids.join('\n'));
  writeFileSync(
    join(folder, 'config.json'),
    JSON.stringify({
      profile: { label: 'Bench' },
      rules: {
        above: { threshold: THRESHOLD, forSeconds: 0 },
        spike: null,
        drop: null,
        peak: null,
        milestones: [],
      },
    }),
  );
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')),
  );
  const started = Date.now();
  const loadBefore = loadavg().map((load) => round(load, 1));
  const watch = spawn(
    process.execPath,
    [
      ...cliCommand(cli),
      'watch',
      '--groups-file',
      join(folder, 'rooms.txt'),
      '--interval',
      '10',
      '--max-rate',
      String(CAP),
    ].concat(['--duration', String(WARM_UP_S + MEASURE_S), '--json']),
    {
      env: {
        ...env,
        HEADCOUNT_CONFIG: join(folder, 'config.json'),
        ...simulatorEnv(simulator),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const samples = new Map<string, number[]>();
  let lastStatus: WatchLine | null = null;
  let alerts = 0;
  createInterface({ input: watch.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as WatchLine;
    if (event.type === 'sample' && event.groupId && event.at) {
      const times = samples.get(event.groupId) ?? [];
      times.push(Date.parse(event.at));
      samples.set(event.groupId, times);
    } else if (event.type === 'status') lastStatus = event;
    else if (event.type === 'alert') alerts++;
  });
  const exit = await new Promise<number | null>((resolve) => watch.once('exit', resolve));
  const log = await simulator.finish();
  const load = { before: loadBefore, after: loadavg().map((value) => round(value, 1)) };
  return { started, load, exit, samples, lastStatus: lastStatus as WatchLine | null, alerts, log };
}

/** p50, p95, p99 and the largest of many values (more than a spread of arguments can take). */
function spread(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => round(percentile(sorted, p), 2);
  return {
    n: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: round(sorted.at(-1) ?? Number.NaN, 2),
  };
}

/** The longest wait between polls of each room within [from, to), the window's ends counting as polls. */
function longestGaps(byRoom: ReadonlyMap<string, number[]>, from: number, to: number): number[] {
  return ids.map((id) => {
    const points = [from, ...(byRoom.get(id) ?? []).filter((at) => at >= from && at < to), to];
    return Math.max(...points.slice(1).map((at, i) => at - (points[i] as number)));
  });
}

/** The age of each hot room's latest count, every 250 ms of [from, to). */
function hotAges(samples: ReadonlyMap<string, number[]>, from: number, to: number): number[] {
  const ages: number[] = [];
  for (const id of hot) {
    const times = samples.get(id) ?? [];
    let i = 0;
    for (let t = from; t < to; t += 250) {
      while (i + 1 < times.length && (times[i + 1] as number) <= t) i++;
      const latest = times[i];
      ages.push(latest === undefined || latest > t ? Number.POSITIVE_INFINITY : t - latest);
    }
  }
  return ages;
}

function measure(run: Awaited<ReturnType<typeof runOnce>>) {
  const from = run.started + WARM_UP_S * 1000;
  const to = run.started + (WARM_UP_S + MEASURE_S) * 1000 - 2000;
  const counts = run.log.filter((request) => request.command === COUNT_COMMAND);
  const received = new Map<string, number[]>();
  for (const request of counts as Array<{ at: number; groupId?: string }>) {
    if (!request.groupId) continue;
    const times = received.get(request.groupId) ?? [];
    times.push(request.at);
    received.set(request.groupId, times);
  }
  const gaps = longestGaps(received, from, to);
  const hotGaps = gaps.filter((_, i) => hot.has(ids[i] as string));
  const coldGaps = gaps.filter((_, i) => !hot.has(ids[i] as string));
  const times = counts.map((request) => request.at);
  return {
    exit: run.exit,
    load: run.load,
    hotAgeS: spread(hotAges(run.samples, from, to).map((ms) => ms / 1000)),
    hotLongestGapS: spread(hotGaps.map((ms) => ms / 1000)),
    otherLongestGapS: spread(coldGaps.map((ms) => ms / 1000)),
    everyRoomPolledWithinS: round(Math.max(...gaps) / 1000, 1),
    callsPerSecond: round(times.filter((at) => at >= from && at < to).length / ((to - from) / 1000), 1),
    mostInAnySecond: maxInAnyWindow(times),
    windowsOverCap: windowsOverCap(times, CAP),
    rateLimitedAnswers: counts.filter((request) => request.errorCode === 60007).length,
    alerts: run.alerts,
    status: run.lastStatus,
  };
}

const clis = process.argv.length > 2 ? process.argv.slice(2) : ['dist/headcount.js'];
const runs: Array<{ cli: string; round: number } & ReturnType<typeof measure>> = [];
for (let round = 1; round <= ROUNDS; round++) {
  for (const cli of clis) {
    const result = measure(await runOnce(cli));
    runs.push({ cli, round, ...result });
    process.stdout.write(`${JSON.stringify({ cli, round, ...result })}\n`);
  }
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/scheduler.json',
  `${JSON.stringify({ rooms: ROOMS, moving: MOVING, alerting: ALERTING, cap: CAP, warmUpS: WARM_UP_S, measureS: MEASURE_S, runs }, null, 2)}\n`,
);
