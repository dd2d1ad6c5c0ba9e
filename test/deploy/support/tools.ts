/**
 * The real programs a team runs beside Headcount, as Debian packages them (.ci/run installs them):
 * promtool and prometheus, amtool and prometheus-alertmanager, caddy, systemd-analyze.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';

/** The repository's deploy/ folder. */
export const DEPLOY = resolve(import.meta.dirname, '../../../deploy');

/** The path of a program in /usr/bin, or null when it is not installed. */
export function installed(name: string): string | null {
  const path = `/usr/bin/${name}`;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return null;
  }
}

/** The path of a program the tests cannot do without; a clear failure when it is missing. */
export function tool(name: string, debianPackage: string): string {
  const path = installed(name);
  if (!path) throw new Error(`${name} is missing: install Debian's ${debianPackage} package (.ci/run does).`);
  return path;
}

/** What a finished program said, and how it ended. */
export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end (never through a shell), with `input` on its stdin when given. */
export function run(
  path: string,
  args: string[],
  options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  return new Promise<ToolResult>((done, fail) => {
    const child = execFile(
      path,
      args,
      { cwd: options.cwd, env: options.env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (error && typeof error.code !== 'number') fail(error);
        else done({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}
