/**
 * How long `headcount count <one room>` takes as a process, from spawn to exit, against the simulator
 * in a process of its own, beside `node -e` importing a file of the same size as the CLI's code (its
 * entry and chunks; small functions, nothing run): what any Node program of that size pays to start.
 * They run in turns, RUNS times each (default 15), after one unmeasured run of each. BENCH_BUILDS
 * (`name=path/to/headcount.js,...`, default `current=dist/headcount.js`) compares builds in the same
 * turns. Writes bench/results/start-up.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { percentile, round, timings } from './distribution';
import { simulatorEnv, spawnSimulator } from './simulator-child';

const RUNS = Number(process.env.RUNS ?? 15);
const BUILDS = (process.env.BENCH_BUILDS ?? 'current=dist/headcount.js').split(',').map((entry) => {
  const [name = '', cli = ''] = entry.split('=');
  return { name, cli: resolve(cli) };
});

/** The bytes of JavaScript a build of the CLI holds: its entry and the chunks it may load. */
function codeBytes(cli: string): number {
  const chunks = join(dirname(cli), 'chunks');
  const chunkFiles = existsSync(chunks) ? readdirSync(chunks).filter((name) => name.endsWith('.js')) : [];
  return chunkFiles.reduce((sum, name) => sum + statSync(join(chunks, name)).size, statSync(cli).size);
}

const simulator = await spawnSimulator(1);
const bundleBytes = Math.max(...BUILDS.map((build) => codeBytes(build.cli)));
const floorFile = join(mkdtempSync(join(tmpdir(), 'headcount-start-up-')), 'same-size.mjs');
const lines: string[] = [];
let size = 0;
for (let i = 0; size < bundleBytes; i++) {
  const line = `export function f${i}(a, b) { return a * ${i} + (b ?? 0); }\n`;
  lines.push(line);
  size += line.length;
}
writeFileSync(floorFile, lines.join(''));

const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_'))),
  ...simulatorEnv(simulator),
  HEADCOUNT_CONFIG: join(tmpdir(), 'headcount-start-up-none.json'),
};
const commands: Record<string, string[]> = {
  ...Object.fromEntries(BUILDS.map((build) => [build.name, [build.cli, 'count', '@TGS#bench0']])),
  floor: ['-e', 'import(process.argv[1])', floorFile],
};
const names = Object.keys(commands);

/** Wall time of one process from spawn to exit, in ms; it must exit 0. */
function timeProcess(args: string[]): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0 ? done(performance.now() - start) : fail(new Error(`${args.join(' ')} exited ${code}`)),
    ),
  );
}

const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
const ratios: Record<string, number[]> = Object.fromEntries(BUILDS.map((build) => [build.name, []]));
for (const name of names) await timeProcess(commands[name] as string[]);
for (let i = 0; i < RUNS; i++) {
  // Each turn in another order, so that no build always follows the same one.
  const order = names.map((_, k) => names[(i + k) % names.length] as string);
  const turn: Record<string, number> = {};
  for (const name of order) {
    const ms = await timeProcess(commands[name] as string[]);
    times[name]?.push(ms);
    turn[name] = ms;
  }
  for (const build of BUILDS) ratios[build.name]?.push((turn[build.name] as number) / (turn.floor as number));
}
await simulator.finish();

const results = {
  when: new Date().toISOString(),
  node: process.version,
  bundleBytes,
  floorFileBytes: size,
  runs: RUNS,
  builds: Object.fromEntries(BUILDS.map((build) => [build.name, build.cli])),
  wallMs: Object.fromEntries(names.map((name) => [name, timings(times[name] as number[])])),
  // Each count's time over the floor's of the same turn, median of the turns.
  medianRatio: Object.fromEntries(
    BUILDS.map((build) => [build.name, round(percentile(ratios[build.name] as number[], 50), 2)]),
  ),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/start-up.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to bench/results/start-up.json\n`);
