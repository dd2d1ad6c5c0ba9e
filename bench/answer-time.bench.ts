/**
 * Whether the interval `headcount watch` says is the one its rooms get when answers take long: 2,000
 * rooms at 10 s against the simulator, every count answered after 0, 50, 150 and 300 ms (its `slow`
 * fault), one build after the other at each answer time. For each run: the interval and answer time
 * of the last status line, each room's time between two polls once the first 20 s are over (p5, p50,
 * p95), their ratio to the interval said, and the most counts the simulator received in any second.
 *
 *   BENCH_BUILDS=before=<build>/dist/headcount.js,after=dist/headcount.js node dist/bench/answer-time.bench.js
 *
 * BENCH_ANSWER_MS the answer times (default 0,50,150,300), BENCH_WINDOW_S each run's length (default
 * 45). Prints the figures and writes bench/results/answer-time.json (BENCH_OUT: another file).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { maxInAnyWindow } from '../test/support/call-windows';
import { cliCommand } from './cli-command';
import { percentile, round } from './distribution';
import { buildsToCompare } from './serve-stack';
import { simulatorEnv, spawnSimulator } from './simulator-child';

const ROOMS = 2000;
const ANSWER_MS = (process.env.BENCH_ANSWER_MS ?? '0,50,150,300').split(',').map(Number);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 45);
/** Polls before this many seconds into a run are left out: the plan follows the answers' time. */
const SETTLE_S = 20;

interface Run {
  build: string;
  answerMs: number;
  saidIntervalS: number | null;
  saidAnswerMs: number | null;
  pollGapS: { p5: number; p50: number; p95: number; n: number };
  gapOverSaid: number | null;
  mostCountsInASecond: number;
}

async function run(build: { name: string; cli: string }, answerMs: number): Promise<Run> {
  const simulator = await spawnSimulator(ROOMS);
  if (answerMs > 0)
    await fetch(`${simulator.baseUrl}/_sim/inject-fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'slow', delayMs: answerMs, command: 'get_online_member_num' }),
    });
  const folder = mkdtempSync(join(tmpdir(), 'headcount-answer-time-'));
  writeFileSync(
    join(folder, 'rooms.txt'),
    Array.from({ length: ROOMS }, (_, i) => `@TGS#bench${i}`).join('\n'),
  );
  writeFileSync(join(folder, 'config.json'), '{}');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')),
  );
  const watch = spawn(
    process.execPath,
    [
      ...cliCommand(build.cli),
      'watch',
      '--groups-file',
      join(folder, 'rooms.txt'),
      '--interval',
      '10',
      '--json',
      '--duration',
      String(WINDOW_S),
    ],
    {
      env: { ...env, HEADCOUNT_CONFIG: join(folder, 'config.json'), ...simulatorEnv(simulator) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const polls = new Map<string, number[]>();
  let status: { effectiveIntervalS?: number; answerMs?: number } | null = null;
  let first: number | null = null;
  for await (const line of createInterface({ input: watch.stdout })) {
    const event = JSON.parse(line) as {
      type: string;
      groupId?: string;
      at?: string;
      effectiveIntervalS?: number;
      answerMs?: number;
    };
    if (event.type === 'status') status = event;
    if (event.type !== 'sample' || !event.groupId || !event.at) continue;
    const at = Date.parse(event.at);
    first ??= at;
    const times = polls.get(event.groupId);
    if (times) times.push(at);
    else polls.set(event.groupId, [at]);
  }
  const log = await simulator.finish();
  const counts = log.filter((request) => request.command === 'get_online_member_num').map((r) => r.at);
  const gaps = [...polls.values()].flatMap((times) =>
    times.flatMap((at, i) =>
      i > 0 && at - (first ?? 0) > SETTLE_S * 1000 ? [(at - (times[i - 1] as number)) / 1000] : [],
    ),
  );
  const said = status?.effectiveIntervalS ?? null;
  const p50 = percentile(gaps, 50);
  return {
    build: build.name,
    answerMs,
    saidIntervalS: said === null ? null : round(said, 2),
    saidAnswerMs: status?.answerMs ?? null,
    pollGapS: {
      p5: round(percentile(gaps, 5), 2),
      p50: round(p50, 2),
      p95: round(percentile(gaps, 95), 2),
      n: gaps.length,
    },
    gapOverSaid: said === null ? null : round(p50 / said, 3),
    mostCountsInASecond: maxInAnyWindow(counts),
  };
}

const loadAtStart = loadavg()[0] as number;
const runs: Run[] = [];
for (const answerMs of ANSWER_MS)
  for (const build of buildsToCompare()) {
    const result = await run(build, answerMs);
    runs.push(result);
    process.stderr.write(`${JSON.stringify(result)}\n`);
  }
const results = {
  when: new Date().toISOString(),
  rooms: ROOMS,
  requestedIntervalS: 10,
  windowS: WINDOW_S,
  loadAverageAtStart: round(loadAtStart, 2),
  loadAverageAtEnd: round(loadavg()[0] as number, 2),
  runs,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  process.env.BENCH_OUT ?? 'bench/results/answer-time.json',
  `${JSON.stringify(results, null, 2)}\n`,
);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
