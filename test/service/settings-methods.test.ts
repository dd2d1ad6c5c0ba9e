import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MonitorPush } from '../../main/contract/monitor-api';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import { systemClock } from '../../main/core/clock';
import { nodeFilePort } from '../../main/node/file-port';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { createMonitorService } from '../../main/service/monitor-service';
import type { SettingsPort } from '../../main/service/service-ports';
import type { EditableSettings } from '../../main/service/settings-edit';
import { startSimulator } from '../../main/simulator';
import { eventually } from '../support/eventually';
import { alertsFrom, firstSettings, MemoryKeys, MemoryProfiles, serviceOver } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const HOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

const started = stopAfterEach();

/** A service over the simulator whose alert pipelines are built from the settings port, as in the app. */
async function setup(rooms = 1) {
  const sim = started(
    await startSimulator({
      rooms: Array.from({ length: rooms }, (_, i) => ({
        groupId: `@TGS#r${i}`,
        name: `Room ${i}`,
        audience: { kind: 'fixed' as const, online: 1234 },
      })),
    }),
  );
  const folder = started(await mkdtemp(join(tmpdir(), 'headcount-settings-')));
  const log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
  let kept: EditableSettings = firstSettings();
  const port: SettingsPort = {
    read: () => kept,
    write: (next) => {
      kept = next;
    },
  };
  const changed: string[] = [];
  const profiles = new MemoryProfiles();
  const pushes: MonitorPush[] = [];
  const service = started(
    createMonitorService({
      clock: systemClock,
      profiles,
      keys: new MemoryKeys(),
      openEngine: profileEngineFactory(),
      snoozes: new SnoozeBook(),
      saveSnoozes: () => {},
      alertLog: log,
      settings: port,
      onSettingsChanged: (_settings, patch) => changed.push(...Object.keys(patch)),
      alerts: alertsFrom(log, () => ({ rules: kept.rules })),
    }),
  );
  service.onPush((push) => pushes.push(push));
  await service.start();
  const view = await service.saveProfile({
    label: 'Events',
    sdkAppId: sim.credentials.sdkAppId,
    identifier: sim.credentials.identifier,
    endpoint: sim.baseUrl,
    secretKey: sim.credentials.secretKey,
  });
  const ids = Array.from({ length: rooms }, (_, i) => `@TGS#r${i}`);
  await service.addRooms(view.id, ids);
  return { service, id: view.id, kept: () => kept, changed, profiles, pushes };
}

describe('settings through the service', () => {
  it('round-trips settings with the webhook URL masked, and keeps the URL when edited without one', async () => {
    const { service, kept, changed } = await setup();
    const view = await service.updateSettings({
      webhooks: [{ format: 'wecom', url: HOOK, secret: 's3cret' }],
      quietHours: { start: '23:00', end: '07:30' },
      app: { theme: 'dark', trayNumber: { roomKey: 'x/@TGS#r0' } },
    });
    expect(JSON.stringify(view)).not.toContain('693a91f6');
    expect(JSON.stringify(view)).not.toContain('s3cret');
    expect(view.webhooks).toEqual([
      expect.objectContaining({
        id: '0',
        format: 'wecom',
        hasSecret: true,
        maskedUrl: expect.stringContaining('qyapi.weixin.qq.com'),
      }),
    ]);
    expect(view.quietHours).toEqual({ start: '23:00', end: '07:30' });
    expect(view.app).toMatchObject({
      theme: 'dark',
      trayNumber: { roomKey: 'x/@TGS#r0' },
      language: 'system',
    });
    expect(changed).toEqual(['webhooks', 'quietHours', 'app']);

    await service.updateSettings({ webhooks: [{ id: '0', format: 'wecom', name: 'ops' }] });
    expect(kept().webhooks).toEqual([{ url: HOOK, format: 'wecom', name: 'ops', secret: 's3cret' }]);
    await expect(service.updateSettings({ webhooks: [{ id: '7', format: 'json' }] })).rejects.toThrow(
      /needs its URL/,
    );
    await expect(service.updateSettings({ quietHours: { start: '23:00', end: '7:30' } })).rejects.toThrow(
      /time of day/,
    );
    expect((await service.getSettings()).quietHours).toEqual({ start: '23:00', end: '07:30' });
  }, 15_000);

  it('applies new rule defaults live, and the alert can be acknowledged from the log', async () => {
    const { service, pushes } = await setup();
    await service.updateSettings({ rules: { above: { threshold: 1000 } } });
    await eventually(
      () => pushes.some((p) => p.type === 'alert' && p.alert.rule === 'above'),
      'an alert',
      10_000,
    );
    const [entry] = await service.listAlertEntries({ unacknowledged: true, rule: 'above' });
    expect(entry).toMatchObject({
      alert: { rule: 'above', severity: expect.any(String) },
      acknowledgedAt: null,
    });
    await service.acknowledgeAlert(entry?.alert.id as string);
    expect(await service.listAlertEntries({ unacknowledged: true })).toEqual([]);
    const [acknowledged] = await service.listAlertEntries({ key: entry?.alert.roomKey as string });
    expect(acknowledged?.acknowledgedAt).toEqual(expect.any(Number));
    await expect(service.acknowledgeAlert('nope')).rejects.toThrow(/no alert/);
  }, 15_000);

  it('stretches the interval when the rooms do not fit the new rate cap, and keeps the polling', async () => {
    const { service, id, profiles, pushes } = await setup(30);
    await service.setPolling(id, { intervalSeconds: 2, maxRate: 5 });
    const plan = (await service.getSnapshot()).profiles.find((p) => p.id === id)?.plan;
    // 30 rooms at 5 calls/s (less the budget's margin) need about 6.2 s, not 2.
    expect(plan).toMatchObject({ rooms: 30, requestedIntervalS: 2, stretched: true, capPerSecond: 5 });
    expect(plan?.effectiveIntervalS).toBeCloseTo(6.15, 1);
    expect(profiles.saved.get(id)).toMatchObject({ intervalSeconds: 2, maxRate: 5 });
    expect(pushes.at(-1)?.type).toBe('profiles');
    await service.setPolling(id, { intervalSeconds: 10, maxRate: 200 });
    const relaxed = (await service.getSnapshot()).profiles.find((p) => p.id === id)?.plan;
    expect(relaxed).toMatchObject({ stretched: false, effectiveIntervalS: 10, capPerSecond: 200 });
  }, 15_000);
});

describe('saving an app profile', () => {
  /** The form's input for a profile labelled `label` on a running simulator. */
  async function formFor(label: string) {
    const sim = started(await startSimulator({ rooms: [] }));
    return {
      label,
      sdkAppId: sim.credentials.sdkAppId,
      identifier: sim.credentials.identifier,
      endpoint: sim.baseUrl,
      secretKey: sim.credentials.secretKey,
    };
  }

  it("forgets a removed profile's key and record, and tells every window at once", async () => {
    const profiles = new MemoryProfiles();
    const keys = new MemoryKeys();
    const service = started(serviceOver(profiles, keys));
    const pushes: MonitorPush[] = [];
    service.onPush((push) => pushes.push(push));
    await service.start();
    const first = await service.saveProfile(await formFor('First'));
    const second = await service.saveProfile(await formFor('Second'));
    pushes.length = 0;
    await service.removeProfile(first.id);
    expect(keys.keys.has(first.id)).toBe(false);
    expect(profiles.list().map((profile) => profile.id)).toEqual([second.id]);
    const snapshots = pushes.flatMap((push) => (push.type === 'snapshot' ? [push.snapshot] : []));
    expect(snapshots.map((snapshot) => snapshot.profiles.map((profile) => profile.label))).toEqual([
      ['Second'],
    ]);
  });

  it('tells every window the new pace of a profile waiting for its key, which no engine reports', async () => {
    const form = await formFor('Events');
    const profiles = new MemoryProfiles();
    profiles.save({
      id: 'p1',
      label: form.label,
      sdkAppId: form.sdkAppId,
      identifier: form.identifier,
      endpoint: form.endpoint,
      rooms: [],
    });
    const service = started(serviceOver(profiles, new MemoryKeys()));
    const pushes: MonitorPush[] = [];
    service.onPush((push) => pushes.push(push));
    await service.start();
    pushes.length = 0;
    await service.setPolling('p1', { intervalSeconds: 30, maxRate: 20 });
    const told = pushes.flatMap((push) => (push.type === 'profiles' ? push.profiles : []));
    expect(told.find((profile) => profile.id === 'p1')?.plan.requestedIntervalS).toBe(30);
    expect(profiles.saved.get('p1')).toMatchObject({ intervalSeconds: 30, maxRate: 20 });
  });

  it('names the unlabelled rooms of a profile once its key is given', async () => {
    const sim = started(
      await startSimulator({
        rooms: [{ groupId: '@TGS#live', name: 'Launch Day', audience: { kind: 'fixed', online: 5 } }],
      }),
    );
    const profiles = new MemoryProfiles();
    const form = {
      ...(await formFor('Events')),
      endpoint: sim.baseUrl,
      secretKey: sim.credentials.secretKey,
    };
    profiles.save({
      id: 'p1',
      label: form.label,
      sdkAppId: sim.credentials.sdkAppId,
      identifier: sim.credentials.identifier,
      endpoint: sim.baseUrl,
      rooms: [{ groupId: '@TGS#live' }],
    });
    const service = started(serviceOver(profiles, new MemoryKeys()));
    await service.start();
    await service.saveProfile({ ...form, id: 'p1', sdkAppId: sim.credentials.sdkAppId });
    await eventually(
      () => profiles.saved.get('p1')?.rooms[0]?.label === 'Launch Day',
      'the room named',
      10_000,
    );
  });
});
