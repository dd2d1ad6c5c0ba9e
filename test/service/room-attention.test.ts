import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import { createAlerting } from '../../main/node/alerting';
import { nodeFilePort } from '../../main/node/file-port';
import type { MonitorService } from '../../main/service/monitor-service';
import type { EditableSettings } from '../../main/service/settings-edit';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { FakeClock } from '../support/fake-clock';
import { serviceOnFakeTime, simulatorProfile } from './memory-ports';

let service: MonitorService | null = null;
let sim: RunningSimulator | null = null;
let folder: string | null = null;
afterEach(async () => {
  await service?.stop();
  await sim?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
  service = null;
  sim = null;
  folder = null;
});

const ROOMS = 30;

/**
 * 30 rooms at 10 s under a cap of 2 calls/s do not fit (an even spread is 15.4 s): the rooms people
 * keep an eye on are the ones the service tells the monitor about.
 */
async function setup() {
  const clock = new FakeClock();
  const ids = Array.from({ length: ROOMS }, (_, i) => `@TGS#room${i}`);
  sim = await startSimulator({
    clock,
    rooms: ids.map((groupId, i) => ({ groupId, audience: { kind: 'fixed', online: i === 0 ? 5000 : 100 } })),
  });
  const settings: EditableSettings = {
    rules: {},
    webhooks: [],
    quietHours: null,
    app: {
      launchAtLogin: false,
      trayNumber: { roomKey: `app-1/${ids[2]}` },
      shortcut: null,
      language: 'system',
      theme: 'system',
    },
  };
  folder = await mkdtemp(join(tmpdir(), 'headcount-room-attention-'));
  const log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
  const watched = serviceOnFakeTime(sim, clock, ids, {
    alertLog: log,
    settings: { read: () => settings, write: () => {} },
    alerts: async (profile, onAlert) =>
      createAlerting({
        settings: {
          rules: { above: { threshold: 4_000, forSeconds: 0 }, spike: null, drop: null, sessions: false },
        },
        profile: profile.label,
        where: 'sim',
        log,
        snoozes: new SnoozeBook(),
        desktop: [],
        clock,
        onAlert,
      }),
  });
  const profile = simulatorProfile(sim, ids);
  watched.profiles.save({
    ...profile,
    intervalSeconds: 10,
    maxRate: 2,
    rooms: profile.rooms.map((room, i) => (i === 1 ? { ...room, pinned: true } : room)),
  });
  service = watched.service;
  return { ...watched, ids, sim };
}

function pollsOf(sim: RunningSimulator, groupId: string, since: number): number {
  return sim.control.requests().filter((r) => r.groupId === groupId && r.at >= since).length;
}

describe('the rooms people keep an eye on, told to the monitor', () => {
  it('keeps a room with a firing alert, a pinned room, the tray’s room and an open room at the requested interval', async () => {
    const { service, advance, ids, sim } = await setup();
    await service.start();
    await advance(40_000);
    await service.lookAt([`app-1/${ids[3]}`]);
    await advance(5_000);
    const [profile] = (await service.getSnapshot()).profiles;
    expect(profile?.plan.tiers?.[0]).toEqual({
      rooms: 4,
      intervalS: 10,
      reasons: ['alert', 'open', 'pinned', 'tray'],
    });
    expect(profile?.plan.tiers?.[1]).toMatchObject({ rooms: ROOMS - 4 });
    const since = sim.control.requests().at(-1)?.at as number;
    await advance(40_000);
    for (const id of ids.slice(0, 4))
      expect({ id, polls: pollsOf(sim, id, since) }).toEqual({ id, polls: 4 });
    for (const id of ids.slice(4)) expect(pollsOf(sim, id, since)).toBeLessThanOrEqual(3);
  });

  it('moves the tray’s hold to the room the settings choose for the tray', async () => {
    const { service, advance, ids, sim } = await setup();
    await service.start();
    await advance(40_000);
    await service.updateSettings({ app: { trayNumber: { roomKey: `app-1/${ids[5]}` } } });
    await advance(5_000);
    const since = sim.control.requests().at(-1)?.at as number;
    await advance(40_000);
    expect(pollsOf(sim, ids[5] as string, since)).toBe(4);
    expect(pollsOf(sim, ids[2] as string, since)).toBeLessThanOrEqual(3);
  });

  it('lets a room go back to the others’ pace when it is unpinned', async () => {
    const { service, advance, ids } = await setup();
    await service.start();
    await advance(20_000);
    await service.setPinned(`app-1/${ids[1]}`, false);
    await advance(2_000);
    const [profile] = (await service.getSnapshot()).profiles;
    expect(profile?.plan.tiers?.[0]).toMatchObject({ rooms: 2, reasons: ['alert', 'tray'] });
  });
});
