import { type ChildProcess, execFile, type StdioOptions, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { eventually } from '../../support/eventually';

/** The programs a real desktop session needs, and the Debian packages that bring them. */
export const SESSION_TOOLS = ['Xvfb', 'dbus-daemon', 'dbus-send', 'dbus-monitor', 'dunst', 'notify-send'];
export const SESSION_PACKAGES = 'xvfb dbus-x11 dunst libnotify-bin';

/** One `org.freedesktop.Notifications.Notify` call as dbus-monitor saw it. */
export interface NotifyCall {
  appName: string;
  summary: string;
  body: string;
  /** The `urgency` hint: 0 low, 1 normal, 2 critical. */
  urgency: number | undefined;
}

export interface NotificationSession {
  /** What a client needs to reach this session's bus and display. */
  env: { DISPLAY: string; DBUS_SESSION_BUS_ADDRESS: string };
  /** A folder that goes away with the session. */
  dir: string;
  /** Every Notify call so far, in order. */
  calls(): NotifyCall[];
  stop(): Promise<void>;
}

/** The tools from {@link SESSION_TOOLS} that are not on the PATH. */
export function missingSessionTools(): string[] {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const executable = (file: string): boolean => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  return SESSION_TOOLS.filter((tool) => !dirs.some((dir) => executable(path.join(dir, tool))));
}

/**
 * Starts an X server (Xvfb), a private session bus, the dunst notification daemon on both, and
 * dbus-monitor watching every Notify call; resolves once each is ready.
 */
export async function startNotificationSession(): Promise<NotificationSession> {
  const dir = mkdtempSync(path.join(tmpdir(), 'headcount-dbus-'));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const start = (
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    stdio: StdioOptions,
  ): ChildProcess => {
    const child = spawn(command, args, { env, stdio });
    children.push(child);
    // A failure to start is reported by whoever waits for the child to be ready.
    child.on('error', () => undefined);
    return child;
  };

  try {
    // -displayfd picks a free display number and writes it once the server accepts clients.
    const xvfb = start(
      'Xvfb',
      ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '640x480x24'],
      process.env,
      ['ignore', 'ignore', 'ignore', 'pipe'],
    );
    const display = `:${(await firstLine(xvfb.stdio[3] as Readable, xvfb, 'Xvfb')).trim()}`;
    const bus = start(
      'dbus-daemon',
      ['--session', '--nofork', `--address=unix:path=${dir}/bus`, '--print-address'],
      process.env,
      ['ignore', 'pipe', 'ignore'],
    );
    const address = (await firstLine(bus.stdout as Readable, bus, 'dbus-daemon')).trim();
    const env = { DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address };
    const childEnv = { ...process.env, ...env };

    start('dunst', [], childEnv, 'ignore');
    await waitForName('org.freedesktop.Notifications', childEnv);

    const monitor = start(
      'dbus-monitor',
      ['--session', "interface='org.freedesktop.Notifications',member='Notify'"],
      childEnv,
      ['ignore', 'pipe', 'ignore'],
    );
    let output = '';
    monitor.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    // dbus-monitor turns itself into a monitor by giving up its bus name; after that it sees all.
    await eventually(() => output.includes('member=NameLost'), 'dbus-monitor to become a monitor', 10_000);

    return { env, dir, calls: () => parseNotifyCalls(output), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The Notify method calls in dbus-monitor's text output. */
export function parseNotifyCalls(output: string): NotifyCall[] {
  return output
    .split(/\n(?=\S)/)
    .filter((message) => /^method call .*member=Notify\b/.test(message))
    .map((message) => {
      // Top-level arguments are indented by exactly three spaces; nested values by more.
      const args = [...message.matchAll(/^ {3}(\w+) (.*)$/gm)].map((match) => match[2] ?? '');
      const text = (i: number): string => (args[i] ?? '').replace(/^"|"$/g, '');
      const urgency = /string "urgency"\s*\n\s*variant\s+byte (\d+)/.exec(message)?.[1];
      return {
        appName: text(0),
        summary: text(3),
        body: text(4),
        urgency: urgency === undefined ? undefined : Number(urgency),
      };
    });
}

async function firstLine(stream: Readable, child: ChildProcess, name: string): Promise<string> {
  let text = '';
  let failed: string | undefined;
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  child.once('error', (error) => {
    failed = `${name} could not start: ${error.message}`;
  });
  child.once('exit', (code) => {
    failed ??= `${name} exited with ${code} before it was ready`;
  });
  await eventually(() => text.includes('\n') || failed !== undefined, `${name} to be ready`, 10_000);
  if (!text.includes('\n')) throw new Error(failed);
  return text.slice(0, text.indexOf('\n'));
}

async function waitForName(name: string, env: NodeJS.ProcessEnv): Promise<void> {
  const run = promisify(execFile);
  const args = [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    `string:${name}`,
  ];
  await eventually(
    async () => (await run('dbus-send', args, { env })).stdout.includes('boolean true'),
    `${name} on the session bus`,
    10_000,
  );
}
