import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorPush } from '../../../main/contract/monitor-api';
import { claimHistoryFolder, HISTORY_LOCK_FILE } from '../../../main/node/history-lock';
import { createHeadlessService } from '../../../main/node/serve/headless-service';
import { createServeMetrics } from '../../../main/node/serve/serve-metrics';
import { SERVE_PROFILE_ID } from '../../../main/node/serve/serve-profile';
import { openSettingsStore, type SettingsStore } from '../../../main/node/settings-store';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { simulatorEnv } from '../../support/cli';
import { eventually } from '../../support/eventually';
import { startServe } from './serve-run';

const KEY = `${SERVE_PROFILE_ID}/stage`;

let sim: RunningSimulator | null = null;
let folder = '';
const closing: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  await sim?.close();
  sim = null;
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = '';
});

/** `headcount serve`'s service over a settings file, watching the simulator's room "stage". */
async function serveService(path: string) {
  const running = sim as RunningSimulator;
  const store: SettingsStore = openSettingsStore(path);
  const headless = await createHeadlessService({
    store,
    settings: store.read(),
    seed: {
      profile: {
        id: SERVE_PROFILE_ID,
        label: 'Headcount',
        sdkAppId: running.credentials.sdkAppId,
        identifier: running.credentials.identifier,
        endpoint: running.baseUrl,
        intervalSeconds: 1,
        rooms: [{ groupId: 'stage' }],
      },
      secretKey: running.credentials.secretKey,
    },
    notify: false,
    metrics: createServeMetrics(),
  });
  const alerts: string[] = [];
  headless.service.onPush((push: MonitorPush) => {
    if (push.type === 'alert') alerts.push(`${push.alert.rule} ${push.alert.phase} ${push.alert.roomKey}`);
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await headless.close();
    store.close();
  };
  closing.push(close);
  await headless.service.start();
  return { ...headless, alerts, close };
}

async function online(service: { getSnapshot(): Promise<{ rooms: Array<{ online: number | null }> }> }) {
  return (await service.getSnapshot()).rooms[0]?.online;
}

describe('headcount serve room rules', () => {
  it('keeps a room’s rules in the settings file: they fire after another setting changes, and next run', async () => {
    folder = await mkdtemp(join(tmpdir(), 'headcount-serve-rules-'));
    const path = join(folder, 'config.json');
    sim = await startSimulator({ rooms: [{ groupId: 'stage', audience: { kind: 'fixed', online: 100 } }] });
    const first = await serveService(path);
    await eventually(async () => ((await online(first.service)) === 100 ? true : undefined), 'a count');

    await first.service.setRoomRules(KEY, { above: { threshold: 1000 } });
    // Any change of the shared rules rebuilds the alert pipelines from the settings.
    await first.service.updateSettings({ rules: { milestones: [1_000_000] } });
    sim.control.setOnline('stage', 5000);
    await eventually(() => first.alerts.find((a) => a === `above firing ${KEY}`), 'the room’s alert');

    const file = JSON.parse(await readFile(path, 'utf8'));
    expect(file.rooms).toEqual({ stage: { rules: { above: { threshold: 1000 } } } });
    expect(file.rules).toMatchObject({ milestones: [1_000_000] });
    await first.close();

    const second = await serveService(path);
    expect(await second.service.getRoomRules(KEY)).toEqual({ above: { threshold: 1000 } });
    await eventually(() => second.alerts.find((a) => a === `above firing ${KEY}`), 'the alert next run');

    await second.service.setRoomRules(KEY, null);
    expect(await second.service.getRoomRules(KEY)).toBeNull();
    expect(JSON.parse(await readFile(path, 'utf8')).rooms).toEqual({});
  });
});

describe('headcount serve history folder', () => {
  it('is written by one serve at a time: the next keeps its history in memory and says why', async () => {
    folder = await mkdtemp(join(tmpdir(), 'headcount-serve-history-'));
    const path = join(folder, 'config.json');
    const lock = join(folder, 'history', HISTORY_LOCK_FILE);
    sim = await startSimulator({ rooms: [{ groupId: 'stage', audience: { kind: 'fixed', online: 100 } }] });
    const first = await serveService(path);
    expect(first.notices).toEqual([]);
    const held = await readFile(lock, 'utf8');

    const second = await serveService(path);
    expect(second.notices).toHaveLength(1);
    expect(second.notices[0]).toContain(join(folder, 'history'));
    expect(second.notices[0]).toContain(`headcount serve (process ${process.pid}`);
    expect((await second.service.getSnapshot()).notices).toEqual(second.notices);
    // The one in memory never frees the folder it did not get.
    await second.close();
    expect(await readFile(lock, 'utf8')).toBe(held);

    await first.close();
    expect(existsSync(lock)).toBe(false);
    const third = await serveService(path);
    expect(third.notices).toEqual([]);
  });

  it('warns in the terminal and on the dashboard when the tray app writes the folder', async () => {
    sim = await startSimulator({ rooms: [{ groupId: 'stage', audience: { kind: 'fixed', online: 100 } }] });
    const env = simulatorEnv(sim);
    folder = dirname(env.HEADCOUNT_CONFIG as string);
    const tray = await claimHistoryFolder(join(folder, 'history'), { by: 'the Headcount tray app' });
    closing.push(async () => tray.ok && tray.release());
    const run = await startServe(['stage', '--interval', '1'], env);
    closing.push(() => run.stop());

    expect(run.stderr()).toMatch(
      /headcount: warning: The count history in .* is being written by the Headcount tray app \(process \d+/,
    );
    const snapshot = await run.call<{ notices: string[] }>('getSnapshot', []);
    expect(snapshot.body.value.notices.join('\n')).toMatch(/in memory only/);
    expect((await run.stop()).code).toBe(0);
  });
});
