import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunningSimulator } from '../../main/simulator';

export const CLI = resolve(import.meta.dirname, '../../dist/headcount.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Environment for a CLI run: no inherited HEADCOUNT_* variables, settings in a fresh temporary
 * folder (never the user's), plus the given ones.
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')),
  );
  const config = join(mkdtempSync(join(tmpdir(), 'headcount-cli-')), 'config.json');
  return { ...env, HEADCOUNT_CONFIG: config, ...extra };
}

/** The variables that point the CLI at a running simulator with its demo credentials. */
export function simulatorEnv(
  sim: RunningSimulator,
  overrides: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return cliEnv({
    HEADCOUNT_ENDPOINT: sim.baseUrl,
    HEADCOUNT_SDKAPPID: String(sim.credentials.sdkAppId),
    HEADCOUNT_IDENTIFIER: sim.credentials.identifier,
    HEADCOUNT_SECRET_KEY: sim.credentials.secretKey,
    ...overrides,
  });
}

/** Starts the built CLI; `done` resolves when it exits. */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<CliResult>; output: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<CliResult>((resolveDone) => {
    child.on('close', (code) => resolveDone({ code, stdout, stderr }));
  });
  return { child, done, output: () => stdout };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}

/** One JSON event of `watch --json`: its `type` and the rest. */
export type JsonLine = Record<string, unknown> & { type: string };

/** The JSON lines a `--json` run printed, in order. */
export function jsonLines(stdout: string): JsonLine[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JsonLine);
}
