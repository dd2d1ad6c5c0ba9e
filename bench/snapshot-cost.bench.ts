/**
 * What one snapshot of 2,000 rooms costs `headcount serve`: the real server polling the simulator
 * at 10 s, asked for `POST /api/getSnapshot` once every 400 ms (longer than the server keeps a
 * snapshot's text, so each answer is made anew), builds alternating round by round. Per snapshot:
 * the time to its answer, seen from the client, and the server's CPU beyond its polling (its CPU over
 * the round less its share of a core in the idle second before, from /proc).
 *
 *   BENCH_BUILDS=before=…/dist/headcount.js,after=dist/headcount.js ROUNDS=6 SNAPSHOTS=10 \
 *     node dist/bench/snapshot-cost.bench.js
 *
 * PROFILE_DIR=<folder> runs each server under `--cpu-prof` (written when it stops; read with
 * `node dist/bench/profile-summary.js`). Results in bench/results/snapshot-cost.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { round, timings } from './distribution';
import { cpuSecondsOf, cpuShareSettled } from './process-usage';
import { buildsToCompare, everyRoomLive, startServeStack } from './serve-stack';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const SNAPSHOTS = Number(process.env.SNAPSHOTS ?? 10);
const GAP_MS = 400;
const PROFILE_DIR = process.env.PROFILE_DIR;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function snapshot(link: string, token: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(new URL('/api/getSnapshot', link), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '[]',
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { ms, bytes: text.length };
}

const builds = buildsToCompare();
const loadAtStart = loadavg()[0] as number;
const stacks = await Promise.all(
  builds.map(async (build) => {
    const nodeFlags = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', join(PROFILE_DIR, build.name)] : [];
    return { ...build, ...(await startServeStack({ cli: build.cli, rooms: ROOMS, nodeFlags })) };
  }),
);
const figures = stacks.map(() => ({ answerMs: [] as number[], cpuMs: [] as number[], bytes: 0 }));
try {
  await Promise.all(stacks.map((stack) => everyRoomLive(stack.link, stack.token, ROOMS)));
  await Promise.all(stacks.map((stack) => cpuShareSettled(stack.pid)));
  for (let turn = 0; turn < ROUNDS; turn++) {
    const order = turn % 2 === 0 ? stacks.map((_, at) => at) : stacks.map((_, at) => stacks.length - 1 - at);
    for (const at of order) {
      const stack = stacks[at] as (typeof stacks)[number];
      const figure = figures[at] as (typeof figures)[number];
      const idleCpu = cpuSecondsOf(stack.pid);
      const idleStart = performance.now();
      await pause(1000);
      const idleShare = (cpuSecondsOf(stack.pid) - idleCpu) / ((performance.now() - idleStart) / 1000);
      const cpu = cpuSecondsOf(stack.pid);
      const started = performance.now();
      for (let i = 0; i < SNAPSHOTS; i++) {
        const answer = await snapshot(stack.link, stack.token);
        figure.answerMs.push(answer.ms);
        figure.bytes = answer.bytes;
        await pause(GAP_MS);
      }
      const spent = cpuSecondsOf(stack.pid) - cpu - idleShare * ((performance.now() - started) / 1000);
      figure.cpuMs.push((spent * 1000) / SNAPSHOTS);
    }
  }
} finally {
  for (const stack of stacks) stack.stop();
}

const results = {
  when: new Date().toISOString(),
  rooms: ROOMS,
  rounds: ROUNDS,
  snapshotsPerRound: SNAPSHOTS,
  loadAverage: { start: round(loadAtStart), end: round(loadavg()[0] as number) },
  builds: Object.fromEntries(
    stacks.map((stack, at) => {
      const figure = figures[at] as (typeof figures)[number];
      return [
        stack.name,
        {
          cli: stack.cli,
          answerMs: timings(figure.answerMs),
          /** Each round's serve CPU per snapshot beyond its polling. */
          cpuMsPerSnapshot: figure.cpuMs.map((ms) => round(ms, 1)),
          kilobytes: round(figure.bytes / 1024, 1),
        },
      ];
    }),
  ),
};
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  process.env.BENCH_RESULTS ?? 'bench/results/snapshot-cost.json',
  `${JSON.stringify(results, null, 2)}\n`,
);
// The servers' profiles are written as they exit.
if (PROFILE_DIR) await pause(3000);
process.exit(0);
