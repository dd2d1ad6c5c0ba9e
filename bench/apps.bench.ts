/**
 * 10,000 rooms across apps: one `headcount serve` watching five app profiles of 2,000 rooms each
 * (five simulators, each an app with its own 200 calls/s cap, each in a process of its own), beside
 * the same serve watching one of them, measured side by side in one run, phase by phase alternating.
 * Each phase warms up for WARM_UP_SECONDS (default 40) and measures MEASURE_SECONDS (default 60):
 * the server's CPU time (user + system, from /proc) and its resident memory at the end, and for each
 * app what its simulator saw: counts per second, the most in any sliding second, and 60007 answers.
 * Prints one JSON line a phase and writes bench/results/apps.json. Linux only (it reads /proc).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { round } from './distribution';
import { addApps } from './more-apps';
import { startServeStack } from './serve-stack';

const ROOMS = 2000;
const APPS = 5;
const WARM_UP_MS = Number(process.env.WARM_UP_SECONDS ?? 40) * 1000;
const MEASURE_MS = Number(process.env.MEASURE_SECONDS ?? 60) * 1000;
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const CLOCK_TICKS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds the process has used (user + system) and its resident memory in MB. */
function usage(pid: number): { cpuS: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuS: ticks / CLOCK_TICKS, rssMb: Number(rss) / 1024 };
}

async function simStats(baseUrl: string) {
  return (await (await fetch(`${baseUrl}/_sim/stats`)).json()) as {
    total: number;
    byErrorCode: Record<string, number>;
    maxInAnyWindow: number;
  };
}

/** One phase: serve with `apps` apps of 2,000 rooms each. */
async function phase(apps: number) {
  const stack = await startServeStack({ cli: 'dist/headcount.js', rooms: ROOMS });
  const others = await addApps(stack, apps - 1, ROOMS);
  try {
    await sleep(WARM_UP_MS);
    const sims = [stack.simulator.baseUrl, ...others.map((sim) => sim.baseUrl)];
    for (const baseUrl of sims) await fetch(`${baseUrl}/_sim/reset-log`, { method: 'POST' });
    const load = loadavg()[0] as number;
    const before = usage(stack.pid);
    await sleep(MEASURE_MS);
    const after = usage(stack.pid);
    const seconds = MEASURE_MS / 1000;
    const perApp = await Promise.all(
      sims.map(async (baseUrl) => {
        const stats = await simStats(baseUrl);
        return {
          countsPerSecond: round(stats.total / seconds, 1),
          mostInAnySecond: stats.maxInAnyWindow,
          rateLimited: stats.byErrorCode['60007'] ?? 0,
        };
      }),
    );
    const calls = perApp.reduce((sum, app) => sum + app.countsPerSecond * seconds, 0);
    return {
      apps,
      rooms: apps * ROOMS,
      load: round(load, 1),
      cpuShareOfCore: round((after.cpuS - before.cpuS) / seconds, 3),
      cpuSPer1000Calls: round(((after.cpuS - before.cpuS) * 1000) / calls, 3),
      rssMb: round(after.rssMb, 1),
      perApp,
    };
  } finally {
    stack.stop();
    await Promise.all(others.map((sim) => sim.finish()));
  }
}

const phases: Array<Awaited<ReturnType<typeof phase>> & { round: number }> = [];
for (let round = 1; round <= ROUNDS; round++) {
  for (const apps of [1, APPS]) {
    const result = { round, ...(await phase(apps)) };
    phases.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
const median = (values: number[]) =>
  values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] as number;
const ratio = (name: 'cpuShareOfCore' | 'rssMb') =>
  round(
    median(
      phases
        .filter((p) => p.apps === APPS)
        .map((many) => {
          const one = phases.find((p) => p.apps === 1 && p.round === many.round);
          return one ? many[name] / one[name] : Number.NaN;
        }),
    ),
    2,
  );
const summary = { cpuRatio: ratio('cpuShareOfCore'), rssRatio: ratio('rssMb'), target: 5.5 };
process.stdout.write(`${JSON.stringify(summary)}\n`);
writeFileSync('bench/results/apps.json', `${JSON.stringify({ ...summary, phases }, null, 2)}\n`);
