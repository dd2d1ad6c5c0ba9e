/**
 * What the browser benchmarks run against: the simulator in a process of its own with `rooms`
 * rooms (`@TGS#bench0`…), and a build of `headcount serve` polling every one of them at 10 s with
 * the cap at 200 calls/s, from a settings folder of its own. Should a run fail part way, the
 * processes stop with it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cliCommand } from './cli-command';
import { simulatorEnv } from './simulator-child';

/** A running simulator and the server polling it. */
export interface ServeStack {
  simulator: { baseUrl: string; credentials: { sdkAppId: number; identifier: string; secretKey: string } };
  /** The dashboard link `serve` printed, with its token. */
  link: string;
  token: string;
  /** Everything `serve` printed to stdout by the time it was ready. */
  stdout: string[];
  /** The server's process id, to read its CPU and memory from outside. */
  pid: number;
  stop(): void;
}

const running: ChildProcess[] = [];
process.on('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

function start(command: string[], env: NodeJS.ProcessEnv, stdin: 'pipe' | 'ignore'): ChildProcess {
  const child = spawn(process.execPath, command, { env, stdio: [stdin, 'pipe', 'inherit'] });
  running.push(child);
  return child;
}

/** The first line `child` prints that matches `pattern`; every line is also kept in `seen`. */
function firstLine(child: ChildProcess, pattern: RegExp, seen: string[] = []): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      seen.push(line);
      if (pattern.test(line)) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}`)));
  });
}

/** Starts the simulator and the build `cli` of serve with `env` added; resolves once it is ready. */
export async function startServeStack(options: {
  cli: string;
  rooms: number;
  env?: Record<string, string>;
  /** The settings folder (and the history in it) to serve from; a fresh one when not given. */
  folder?: string;
  /** Node flags for the server beside those of the build's first line (`--cpu-prof`). */
  nodeFlags?: string[];
}): Promise<ServeStack> {
  const simulatorProcess = start(
    [new URL('./simulator-process.js', import.meta.url).pathname, String(options.rooms)],
    process.env,
    'pipe',
  );
  const simulator = JSON.parse(await firstLine(simulatorProcess, /^\{/)) as ServeStack['simulator'];
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'headcount-bench-'));
  writeFileSync(
    join(folder, 'rooms.txt'),
    Array.from({ length: options.rooms }, (_, i) => `@TGS#bench${i}`).join('\n'),
  );
  writeFileSync(join(folder, 'config.json'), JSON.stringify({ profile: { label: 'Bench' } }));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')),
  );
  const serveProcess = start(
    [
      ...(options.nodeFlags ?? []),
      ...cliCommand(options.cli),
      'serve',
      '--port',
      '0',
      '--groups-file',
      join(folder, 'rooms.txt'),
      '--interval',
      '10',
      '--max-rate',
      '200',
    ],
    {
      ...env,
      HEADCOUNT_CONFIG: join(folder, 'config.json'),
      ...simulatorEnv(simulator),
      ...options.env,
    },
    'ignore',
  );
  const stdout: string[] = [];
  await firstLine(serveProcess, /^Press Ctrl-C/, stdout);
  const link = (stdout.find((line) => line.startsWith('Dashboard: ')) ?? '').slice('Dashboard: '.length);
  return {
    simulator,
    link,
    token: new URL(link).searchParams.get('token') as string,
    stdout,
    pid: serveProcess.pid as number,
    stop() {
      serveProcess.kill('SIGTERM');
      simulatorProcess.stdin?.end();
    },
  };
}

/** One build under test: its name in the results and its CLI bundle. */
export interface Build {
  name: string;
  cli: string;
}

/**
 * The builds a browser benchmark compares in one run, from BENCH_BUILDS
 * (`before=/tmp/old/dist/headcount.js,after=dist/headcount.js`); this build alone without it.
 */
export function buildsToCompare(): Build[] {
  return (process.env.BENCH_BUILDS ?? 'current=dist/headcount.js').split(',').map((entry) => {
    const [name = '', cli = ''] = entry.split('=');
    if (!name || !cli) throw new Error(`BENCH_BUILDS wants name=path/to/headcount.js, got "${entry}"`);
    return { name, cli };
  });
}

/** Without one more room counted for this long, the engine is not getting there: the bench stops. */
const NO_PROGRESS_MS = 60_000;

/**
 * Resolves once `serve` at `link` counts `rooms` rooms live, so that every load shows the same full
 * view, waiting for as long as it keeps counting more (on a loaded machine the first round takes
 * longer); throws when it counted no more for {@link NO_PROGRESS_MS}. Returns the time it took.
 */
export async function everyRoomLive(link: string, token: string, rooms: number): Promise<number> {
  const since = performance.now();
  let counted = 0;
  let progressAt = since;
  for (;;) {
    const live = await fetch(new URL('/api/getSnapshot', link), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '[]',
    }).then(
      async (response) =>
        ((await response.json()) as { value: { summary: { states: { live: number } } } }).value.summary.states
          .live,
      // A loaded machine can drop a connection now and then: ask again at the next turn.
      () => 0,
    );
    if (live === rooms) return performance.now() - since;
    if (live > counted) {
      counted = live;
      progressAt = performance.now();
    }
    if (performance.now() - progressAt > NO_PROGRESS_MS)
      throw new Error(
        `the engine counted no more rooms in ${NO_PROGRESS_MS / 1000} s (${counted} of ${rooms})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
