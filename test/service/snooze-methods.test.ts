import { describe, expect, it } from 'vitest';
import type { MonitorPush } from '../../main/contract/monitor-api';
import type { SnoozeBook } from '../../main/core/alerts/snooze';
import { startSimulator } from '../../main/simulator';
import { eventually } from '../support/eventually';
import {
  MemoryKeys,
  MemoryProfiles,
  serviceOver,
  simulatorProfile,
  twoProfilesOneGroup,
} from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

describe('a snooze set or lifted from the UI', () => {
  it('is saved each time, and every room of every profile is pushed again with it', async () => {
    const { profiles, keys } = await twoProfilesOneGroup(started);
    const saved: string[] = [];
    const saveSnoozes = (book: SnoozeBook) => saved.push(JSON.stringify(book.toJSON().snoozes));
    const service = started(serviceOver(profiles, keys, { saveSnoozes }));
    const pushes: MonitorPush[] = [];
    service.onPush((push) => pushes.push(push));
    await service.start();
    const snoozedUntil = (key: string) =>
      pushes
        .flatMap((push) => (push.type === 'rooms' ? push.rooms : []))
        .filter((room) => room.key === key)
        .at(-1)?.snoozedUntil;

    await service.snooze({ kind: 'profile', profileId: 'app-2' }, '1h');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain('"profile":"Shop"');
    await eventually(() => typeof snoozedUntil('app-2/@TGS#both') === 'number', 'the snoozed room pushed');
    expect(snoozedUntil('app-1/@TGS#both')).toBeNull();

    await service.unsnooze({ kind: 'profile', profileId: 'app-2' });
    expect(saved).toEqual([saved[0], '[]']);
    await eventually(() => snoozedUntil('app-2/@TGS#both') === null, 'the room pushed again without it');
  });

  it('is shown on a room no longer polled, which nothing else would push again', async () => {
    const sim = started(await startSimulator({ rooms: [] }));
    const profiles = new MemoryProfiles();
    const keys = new MemoryKeys();
    profiles.save(simulatorProfile(sim, ['@TGS#gone']));
    keys.keys.set('app-1', sim.credentials.secretKey);
    const service = started(serviceOver(profiles, keys));
    const pushed: Array<{ status: string; snoozedUntil: number | null }> = [];
    service.onPush((push) => {
      if (push.type === 'rooms') pushed.push(...push.rooms);
    });
    await service.start();
    // 10010 for an id that never answered: the room stops and is not asked again.
    await eventually(() => pushed.at(-1)?.status === 'stopped', 'the room stopped');

    await service.snooze({ kind: 'profile', profileId: 'app-1' }, '1h');
    await eventually(
      () => typeof pushed.at(-1)?.snoozedUntil === 'number',
      'the stopped room pushed snoozed',
    );
    expect(pushed.at(-1)?.status).toBe('stopped');
  });
});
