import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../../main/contract/monitor-api';
import { AlertLog } from '../../../main/core/alerts/alert-log';
import { systemClock } from '../../../main/core/clock';
import type { FilePort } from '../../../main/core/file-port';
import { HistoryStore } from '../../../main/core/history/history-store';
import { tellStorage } from '../../../main/node/cli/storage-news';
import { nodeFilePort } from '../../../main/node/file-port';
import { createHeadlessService } from '../../../main/node/serve/headless-service';
import { createServeMetrics } from '../../../main/node/serve/serve-metrics';
import { type RunningWebServer, startWebServer } from '../../../main/node/serve/web-server';
import { openSettingsStore } from '../../../main/node/settings-store';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { runCli, simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';

/**
 * `headcount serve` on a disk that fills up and empties again: a real small tmpfs where this
 * machine lets root mount one, and everywhere a file port that fails with ENOSPC on cue. Either
 * way the dashboard and stderr say what cannot be written, once, with the file and the cause; they
 * say so again when it can; and nothing the user was not told about is lost.
 */
const ROOM = '@TGS#aLive';
const KEY = `main/${ROOM}`;
/** More rooms make longer history lines, so a full disk's last page fills in a few flushes. */
const OTHER_ROOMS = Array.from({ length: 29 }, (_, i) => `@TGS#aRoom${i}`);
const TOKEN = 'kG3v-Qx9Lm2Tz7Rp4Wb8Ny5Hc1Js6';
const PAGE_ROOT = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

/** A disk that can be filled and emptied, and the file port serve writes through. */
interface Disk {
  folder: string;
  files: FilePort;
  fill(): Promise<void>;
  empty(): Promise<void>;
  /** Settings go through conf, not the port: only a real disk makes them fail. */
  real: boolean;
}

const MOUNTABLE = canMount();
let tmpfs: string | null = null;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [ROOM, ...OTHER_ROOMS].map((groupId) => ({ groupId, audience: { kind: 'fixed', online: 50 } })),
  });
  if (!MOUNTABLE) return;
  const folder = mkdtempSync(join(tmpdir(), 'headcount-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', folder], { stdio: 'ignore' });
    tmpfs = folder;
  } catch {
    // No mount here (no root, or a container that forbids it): the ENOSPC port runs alone.
    rmSync(folder, { recursive: true, force: true });
  }
});
afterAll(async () => {
  await sim.close();
  if (tmpfs) {
    execFileSync('umount', [tmpfs]);
    rmSync(tmpfs, { recursive: true, force: true });
  }
});

/** A real disk: a filler file takes every free byte, and is removed to empty it. */
function tmpfsDisk(root: string): Disk {
  const folder = join(root, `run-${Date.now()}`);
  mkdirSync(folder);
  const filler = join(root, 'filler');
  return {
    folder,
    files: nodeFilePort,
    real: true,
    async fill() {
      for (const size of [65_536, 4_096, 1]) {
        for (;;) {
          try {
            await appendFile(filler, Buffer.alloc(size));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw error;
          }
        }
      }
    },
    empty: () => unlink(filler),
  };
}

/** The file system behind a port that answers ENOSPC to every write while it is "full". */
function failingPortDisk(): Disk {
  let full = false;
  const noSpace = () =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const guarded =
    <A extends unknown[]>(write: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      if (full) throw noSpace();
      await write(...args);
    };
  return {
    folder: mkdtempSync(join(tmpdir(), 'headcount-enospc-')),
    real: false,
    files: {
      ...nodeFilePort,
      append: guarded(nodeFilePort.append),
      replace: guarded(nodeFilePort.replace),
      rename: guarded(nodeFilePort.rename),
    },
    fill: async () => {
      full = true;
    },
    empty: async () => {
      full = false;
    },
  };
}

/** The room's count now: 50 (below the rule's threshold of 100) or 500 (above it). */
let roomOnline = 50;
let web: RunningWebServer | null = null;
let closeServe: (() => Promise<void>) | null = null;
afterEach(async () => {
  await web?.close();
  await closeServe?.();
  web = null;
  closeServe = null;
  roomOnline = 50;
  sim.control.setOnline(ROOM, roomOnline);
});

/** serve's engine, page server and stderr reporter, as `headcount serve` puts them together. */
async function serveOn(disk: Disk) {
  const path = join(disk.folder, 'config.json');
  writeFileSync(path, JSON.stringify({ profile: { label: 'Events' }, rules: { above: { threshold: 100 } } }));
  const store = openSettingsStore(path);
  const stderr: string[] = [];
  const headless = await createHeadlessService({
    store,
    settings: store.read(),
    seed: {
      profile: {
        id: 'main',
        label: 'Events',
        sdkAppId: sim.credentials.sdkAppId,
        identifier: sim.credentials.identifier,
        endpoint: sim.baseUrl,
        intervalSeconds: 0.5,
        rooms: [ROOM, ...OTHER_ROOMS].map((groupId) => ({ groupId })),
      },
      secretKey: sim.credentials.secretKey,
    },
    notify: false,
    metrics: createServeMetrics(),
    files: disk.files,
    historyFlushEveryMs: 300,
    retryEveryMs: 300,
  });
  const stopTelling = tellStorage(headless.health, (text) => stderr.push(text));
  const alertIds: string[] = [];
  const pushedNotices: string[] = [];
  headless.service.onPush((push) => {
    if (push.type === 'alert') alertIds.push(push.alert.id);
    if (push.type === 'snapshot') pushedNotices.push(...push.snapshot.notices);
  });
  await headless.service.start();
  web = await startWebServer({
    api: headless.service,
    token: TOKEN,
    host: '127.0.0.1',
    port: 0,
    pageRoot: PAGE_ROOT,
    metrics: async () => ({ contentType: 'text/plain', body: '' }),
    acceptsSecretKeys: true,
  });
  const base = `http://127.0.0.1:${web.port}`;
  const call = async <T>(method: string, args: unknown[]): Promise<T> => {
    const response = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await response.json()) as { ok: boolean; value: T; error?: string };
    if (!body.ok) throw new Error(body.error);
    return body.value;
  };
  closeServe = async () => {
    stopTelling();
    await headless.close();
    store.close();
  };
  return { call, stderr, alertIds, pushedNotices, store };
}

/** Moves the room across the rule's threshold, one alert at a time, until `done`. */
async function alertUntil(run: { alertIds: string[] }, done: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > 20_000) throw new Error(`Timed out waiting for ${what}`);
    roomOnline = roomOnline === 50 ? 500 : 50;
    const before = run.alertIds.length;
    sim.control.setOnline(ROOM, roomOnline);
    await eventually(() => run.alertIds.length > before, `an alert on the way to ${what}`, 5_000);
  }
}

const said = (lines: string[], pattern: RegExp) => lines.filter((line) => pattern.test(line)).length;

async function fullDiskScenario(disk: Disk): Promise<void> {
  const run = await serveOn(disk);
  const notices = async () => (await run.call<MonitorSnapshot>('getSnapshot', [])).notices;
  await alertUntil(run, () => run.alertIds.length >= 2, 'alerts on a disk with room');
  await run.call('exportCsv', [KEY, '1h']);

  await disk.fill();
  const fullFrom = Date.now();
  await alertUntil(
    run,
    () => said(run.stderr, /Could not write the alert log: the disk is full/) > 0,
    'the log to fail',
  );
  await eventually(
    () => said(run.stderr, /Could not write the history: the disk is full/) > 0,
    'history',
    15_000,
  );
  await run.call('snooze', [{ kind: 'all' }, '1h']);
  if (disk.real)
    await eventually(
      () => said(run.stderr, /Could not save the settings: the disk is full/) > 0,
      'the condition',
    );
  // More alerts and more flushes fail meanwhile: not said again.
  const failedAt = run.alertIds.length;
  await alertUntil(run, () => run.alertIds.length >= failedAt + 3, 'more alerts while full');
  const shown = (await notices()).join('\n');
  expect(shown).toMatch(
    /Could not write the alert log: the disk is full \(.*alerts\.jsonl\)\. Until then, alerts are kept in memory/,
  );
  expect(shown).toMatch(
    /Could not write the history: the disk is full \(.*history[/\\].*\.jsonl\)\. Until then, counts are kept in memory/,
  );
  // The open page is pushed the notice; it need not ask.
  expect(said(run.pushedNotices, /Could not write the alert log: the disk is full/)).toBeGreaterThan(0);
  expect(said(run.stderr, /Could not write the alert log/)).toBe(1);
  expect(said(run.stderr, /Could not write the history/)).toBe(1);

  const fullTo = Date.now();
  await disk.empty();
  await eventually(() => said(run.stderr, /The alert log is written again/) === 1, 'the log back', 10_000);
  await eventually(() => said(run.stderr, /The history is written again/) === 1, 'the history back', 10_000);
  if (disk.real)
    await eventually(() => said(run.stderr, /The settings are saved again/) === 1, 'settings', 10_000);
  const after = (await notices()).join('\n');
  expect(after).not.toMatch(/Could not write/);
  expect(after).toMatch(
    /The alert log is written again since \d\d:\d\d:\d\d \(.*alerts\.jsonl\); it failed from \d\d:\d\d:\d\d \(the disk is full\)/,
  );
  const total = run.alertIds.length;
  await alertUntil(run, () => run.alertIds.length >= total + 1, 'an alert after');
  const truth = (await run.call<string>('exportCsv', [KEY, '1h'])).split('\n').slice(1).filter(Boolean);
  const alerts = [...run.alertIds];
  await closeServe?.();
  closeServe = null;

  // Nothing lost: every alert raised, full disk or not, is in the log; every count shown is on disk.
  const log = await AlertLog.open(nodeFilePort, join(disk.folder, 'alerts.jsonl'));
  expect(log.problems().messages).toEqual([]);
  const logged = new Set(log.list({ limit: 10_000 }).map((entry) => entry.alert.id));
  expect(alerts.filter((id) => !logged.has(id))).toEqual([]);
  const history = await HistoryStore.open({
    clock: systemClock,
    folder: { port: nodeFilePort, pathOf: (name) => join(disk.folder, 'history', name) },
  });
  const kept = new Set(
    history.samples(KEY, 0).map((sample) => `${new Date(sample.at).toISOString()},${sample.online ?? ''}`),
  );
  const whileFull = truth.filter((row) => {
    const at = Date.parse(row.split(',')[0] as string);
    return at >= fullFrom && at <= fullTo;
  });
  expect(whileFull.length).toBeGreaterThan(0);
  expect(truth.map((row) => row.replace(/,,$/, '')).filter((row) => !kept.has(row))).toEqual([]);
  if (disk.real)
    expect(JSON.parse(readFileSync(join(disk.folder, 'config.json'), 'utf8')).snoozes).toBeDefined();
}

describe('serve on a disk that fills up', () => {
  it('with a file port that answers ENOSPC: says it once, says it again when it can write, loses nothing', async () => {
    await fullDiskScenario(failingPortDisk());
  });

  it.skipIf(!MOUNTABLE)('on a real 1 MB tmpfs filled to the last byte: the same', async () => {
    await fullDiskScenario(tmpfsDisk(mounted()));
  });

  it.skipIf(!MOUNTABLE)(
    'headcount snooze and alerts --ack on a full disk say they did not save, and exit 1',
    async () => {
      const disk = tmpfsDisk(mounted());
      const env = simulatorEnv(sim, { HEADCOUNT_CONFIG: join(disk.folder, 'config.json') });
      writeFileSync(env.HEADCOUNT_CONFIG as string, '{}');
      const alert = {
        id: 'a-1',
        rule: 'above',
        phase: 'firing',
        severity: 'warning',
        profile: 'Events',
        title: 't',
        message: 'm',
        at: 1,
      };
      writeFileSync(join(disk.folder, 'alerts.jsonl'), `${JSON.stringify({ type: 'alert', alert })}\n`);
      await disk.fill();
      try {
        const result = await runCli(['snooze', '--all', '--for', '1h'], env);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(
          /did not save the snooze: could not write .*config\.json \(the disk is full\)/,
        );
        expect(result.stdout).toBe('');
        const ack = await runCli(['alerts', '--ack', 'a-1'], env);
        expect(ack.code).toBe(1);
        expect(ack.stderr).toMatch(
          /the acknowledgement was not saved\. Could not write the alert log .*alerts\.jsonl: the disk is full/,
        );
      } finally {
        await disk.empty();
      }
      const saved = await runCli(['snooze', '--all', '--for', '1h'], env);
      expect(saved.code).toBe(0);
      expect(saved.stdout).toMatch(/^Snoozed all alerts until/);
    },
  );
});

/** The tmpfs of this run; the probe said one could be mounted, so not having one is a failure. */
function mounted(): string {
  if (!tmpfs) throw new Error('The tmpfs could not be mounted, though the probe mounted one.');
  return tmpfs;
}

/** Whether this machine lets the tests mount a tmpfs (decided before the tests are collected). */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'headcount-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
