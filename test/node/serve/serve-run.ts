import type { MonitorPush } from '../../../main/contract/monitor-api';
import { type CliResult, startCli } from '../../support/cli';
import { eventually } from '../../support/eventually';

/** A running `headcount serve` and ways to talk to it over loopback HTTP. */
export interface ServeRun {
  /** The printed dashboard link, e.g. http://127.0.0.1:PORT/?token=... */
  link: string;
  base: string;
  token: string;
  stdout: () => string;
  stderr: () => string;
  /** Every response body read through `call`, `get` and the event streams, to check for secrets. */
  bodies: string[];
  /** POST /api/<method> with the arguments as JSON and the token as a bearer token. */
  call<T = unknown>(method: string, args: unknown, token?: string | null): Promise<ApiReply<T>>;
  /** GET a path; `token` null sends none. */
  get(path: string, init?: RequestInit): Promise<{ status: number; text: string; headers: Headers }>;
  /** Reads the event stream into `pushes` until `close()`; `query` is added to its address. */
  events(query?: Record<string, string>): EventStream;
  /** Stops it as a service manager would. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>;
}

/** An API answer as the test reads it. */
export interface ApiReply<T> {
  status: number;
  body: { ok: boolean; value: T; error?: string };
}

export interface EventStream {
  pushes: MonitorPush[];
  close(): void;
}

/** Starts `headcount serve --port 0 ...args` and waits (15 s unless told) for the dashboard link. */
export async function startServe(
  args: string[],
  env: NodeJS.ProcessEnv,
  readyMs = 15_000,
): Promise<ServeRun> {
  const run = startCli(['serve', '--port', '0', ...args], env);
  let stderr = '';
  run.child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const early = run.done.then((result) => {
    throw new Error(`headcount serve exited with ${result.code}: ${result.stderr}`);
  });
  early.catch(() => {});
  await Promise.race([
    eventually(() => /^Dashboard: \S+$/m.test(run.output()), 'the dashboard link', readyMs),
    early,
  ]);
  const link = /^Dashboard: (\S+)$/m.exec(run.output())?.[1] as string;
  const url = new URL(link);
  const token = url.searchParams.get('token') as string;
  const base = url.origin;
  const bodies: string[] = [];

  return {
    link,
    base,
    token,
    stdout: run.output,
    stderr: () => stderr,
    bodies,
    async call<T>(method: string, args: unknown, useToken: string | null = token): Promise<ApiReply<T>> {
      const response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(useToken === null ? {} : { authorization: `Bearer ${useToken}` }),
        },
        body: JSON.stringify(args),
      });
      const text = await response.text();
      bodies.push(text);
      return { status: response.status, body: JSON.parse(text) as ApiReply<T>['body'] };
    },
    async get(path, init) {
      const response = await fetch(`${base}${path}`, init);
      const text = await response.text();
      bodies.push(text);
      return { status: response.status, text, headers: response.headers };
    },
    events(query = {}) {
      const pushes: MonitorPush[] = [];
      const abort = new AbortController();
      const address = `${base}/api/events?${new URLSearchParams({ token, ...query })}`;
      void readEvents(address, abort.signal, (data) => {
        bodies.push(data);
        pushes.push(JSON.parse(data) as MonitorPush);
      });
      return { pushes, close: () => abort.abort() };
    },
    async stop(signal = 'SIGTERM') {
      run.child.kill(signal);
      return run.done;
    },
  };
}

/** Reads Server-Sent Events, handing each `data:` line to `onData`, until aborted. */
async function readEvents(url: string, signal: AbortSignal, onData: (data: string) => void): Promise<void> {
  try {
    const response = await fetch(url, { signal });
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        for (const line of buffer.slice(0, end).split('\n'))
          if (line.startsWith('data: ')) onData(line.slice('data: '.length));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  } catch {
    // Aborted by the test, or the server stopped.
  }
}

/** The value of one sample in a Prometheus exposition, or undefined when it has none. */
export function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}
