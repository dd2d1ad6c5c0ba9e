import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import { systemClock } from '../../main/core/clock';
import type { Settings } from '../../main/core/settings/settings-schema';
import { createAlerting } from '../../main/node/alerting';
import { nodeFilePort } from '../../main/node/file-port';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { createMonitorService, type MonitorService } from '../../main/service/monitor-service';
import { memoryRoomRules, withRoomRules } from '../../main/service/room-rules';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { simulatorProfile } from './memory-ports';

const KEY = 'app-1/@TGS#live';

describe('withRoomRules', () => {
  it('writes a room’s rules beside its label and removes them again', () => {
    const settings = { rules: { stale: false }, rooms: { '@TGS#a': { label: 'Launch' } } };
    const written = withRoomRules(settings, '@TGS#a', { above: { threshold: 10 } });
    expect(written).toEqual({
      rules: { stale: false },
      rooms: { '@TGS#a': { label: 'Launch', rules: { above: { threshold: 10 } } } },
    });
    expect(settings.rooms['@TGS#a']).toEqual({ label: 'Launch' });
    expect(withRoomRules(written, '@TGS#a', null)).toEqual(settings);
  });

  it('drops a room entry left empty, and adds one for a room not yet in the settings', () => {
    const none: Settings = {};
    const written = withRoomRules(none, '@TGS#b', { below: { threshold: 1 } });
    expect(written.rooms).toEqual({ '@TGS#b': { rules: { below: { threshold: 1 } } } });
    expect(withRoomRules(written, '@TGS#b', null).rooms).toEqual({});
  });
});

describe('memoryRoomRules', () => {
  it('keeps rules for this run', () => {
    const store = memoryRoomRules();
    store.write('@TGS#a', { above: { threshold: 3 } });
    expect(store.read('@TGS#a')).toEqual({ above: { threshold: 3 } });
    store.write('@TGS#a', null);
    expect(store.read('@TGS#a')).toBeUndefined();
  });
});

describe('MonitorService room rules over the simulator', () => {
  let sim: RunningSimulator | null = null;
  let service: MonitorService | null = null;
  let folder = '';

  afterEach(async () => {
    await service?.stop();
    await sim?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
    service = null;
    sim = null;
  });

  it('keeps a room’s rules and applies them to the running alerts at once', async () => {
    folder = await mkdtemp(join(tmpdir(), 'headcount-rules-'));
    sim = await startSimulator({
      rooms: [{ groupId: '@TGS#live', name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } }],
    });
    const profile = simulatorProfile(sim, ['@TGS#live']);
    const secretKey = sim.credentials.secretKey;
    const log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
    const snoozes = new SnoozeBook();
    const written: Array<[string, unknown]> = [];
    const kept = memoryRoomRules();
    service = createMonitorService({
      clock: systemClock,
      profiles: { list: () => [profile], save: () => {}, remove: () => {} },
      keys: {
        saveKey: async () => 'protected',
        readKey: () => ({ ok: true, key: secretKey }),
        forget: () => {},
        storage: () => ({ keyStorage: 'protected', note: '' }),
      },
      openEngine: profileEngineFactory(),
      snoozes,
      saveSnoozes: () => {},
      alerts: async (p, onAlert) =>
        createAlerting({
          settings: {},
          profile: p.label,
          where: 'sim',
          log,
          snoozes,
          desktop: [],
          clock: systemClock,
          onAlert,
        }),
      alertLog: log,
      roomRules: {
        read: kept.read,
        write: (groupId, rules) => {
          written.push([groupId, rules]);
          kept.write(groupId, rules);
        },
      },
    });
    const fired: string[] = [];
    service.onPush((push) => {
      if (push.type === 'alert') fired.push(`${push.alert.rule} ${push.alert.phase}`);
    });
    await service.start();
    await until(async () => (await (service as MonitorService).getSnapshot()).rooms[0]?.online === 1234);
    expect(fired).not.toContain('above firing');

    await service.setRoomRules(KEY, { above: { threshold: 1000 } });
    expect(written).toEqual([['@TGS#live', { above: { threshold: 1000 } }]]);
    expect(await service.getRoomRules(KEY)).toEqual({ above: { threshold: 1000 } });
    await until(async () => fired.includes('above firing'));

    await service.setRoomRules(KEY, null);
    expect(await service.getRoomRules(KEY)).toBeNull();
    await expect(service.setRoomRules('app-1/@TGS#other', null)).rejects.toThrow(/There is no room/);
  });
});

async function until(done: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > 20_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
