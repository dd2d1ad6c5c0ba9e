import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import type { Settings } from '../../main/core/settings/settings-schema';
import { createAlerting } from '../../main/node/alerting';
import { nodeFilePort } from '../../main/node/file-port';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { createMonitorService } from '../../main/service/monitor-service';
import { memoryRoomRules, withRoomRules } from '../../main/service/room-rules';
import { startSimulator } from '../../main/simulator';
import { AnsweredRequests } from '../support/answered-requests';
import { FakeClock } from '../support/fake-clock';
import { simulatorProfile } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

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
  const started = stopAfterEach();

  it('keeps a room’s rules and applies them to the running alerts at once', async () => {
    const folder = started(await mkdtemp(join(tmpdir(), 'headcount-rules-')));
    const clock = new FakeClock();
    const requests = new AnsweredRequests();
    const sim = started(
      await startSimulator({
        rooms: [{ groupId: '@TGS#live', name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } }],
        clock,
      }),
    );
    const profile = simulatorProfile(sim, ['@TGS#live']);
    const secretKey = sim.credentials.secretKey;
    const log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
    const snoozes = new SnoozeBook();
    const written: Array<[string, unknown]> = [];
    const kept = memoryRoomRules();
    const service = started(
      createMonitorService({
        clock,
        profiles: { list: () => [profile], save: () => {}, remove: () => {} },
        keys: {
          saveKey: async () => 'protected',
          readKey: () => ({ ok: true, key: secretKey }),
          forget: () => {},
          storage: () => ({ keyStorage: 'protected', note: '' }),
        },
        openEngine: profileEngineFactory({ clock, wrapPost: requests.wrap }),
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
            clock,
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
      }),
    );
    const fired: string[] = [];
    service.onPush((push) => {
      if (push.type === 'alert') fired.push(`${push.alert.rule} ${push.alert.phase}`);
    });
    await service.start();
    await clock.advance(1_000, requests.settle);
    expect((await service.getSnapshot()).rooms[0]?.online).toBe(1234);
    expect(fired).not.toContain('above firing');

    await service.setRoomRules(KEY, { above: { threshold: 1000 } });
    expect(written).toEqual([['@TGS#live', { above: { threshold: 1000 } }]]);
    expect(await service.getRoomRules(KEY)).toEqual({ above: { threshold: 1000 } });
    // The next count is the first the new rule sees.
    await clock.advance(1_000, requests.settle);
    expect(fired).toContain('above firing');

    await service.setRoomRules(KEY, null);
    expect(await service.getRoomRules(KEY)).toBeNull();
    await expect(service.setRoomRules('app-1/@TGS#other', null)).rejects.toThrow(/There is no room/);
  });
});
