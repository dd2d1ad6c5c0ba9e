import { describe, expect, it } from 'vitest';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import { systemClock } from '../../main/core/clock';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { createMonitorService } from '../../main/service/monitor-service';
import { startSimulator } from '../../main/simulator';
import type { RoomSpec } from '../../main/simulator/types';
import { MemoryKeys, MemoryProfiles } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

async function serviceWith(rooms: RoomSpec[]) {
  const sim = started(await startSimulator({ rooms }));
  const profiles = new MemoryProfiles();
  const service = started(
    createMonitorService({
      clock: systemClock,
      profiles,
      keys: new MemoryKeys(),
      openEngine: profileEngineFactory(),
      snoozes: new SnoozeBook(),
      saveSnoozes: () => {},
    }),
  );
  await service.start();
  const view = await service.saveProfile({
    label: 'Events',
    sdkAppId: sim.credentials.sdkAppId,
    identifier: sim.credentials.identifier,
    endpoint: sim.baseUrl,
    secretKey: sim.credentials.secretKey,
  });
  return { service, profiles, id: view.id };
}

const live = (count: number): RoomSpec[] =>
  Array.from({ length: count }, (_, i) => ({
    groupId: `@TGS#room${String(i).padStart(3, '0')}`,
    name: `Room ${i}`,
    audience: { kind: 'fixed', online: 10 + i },
  }));

describe('findLiveRooms', () => {
  it('pages through the live rooms with the exact Next cursor, names, and the watched ones marked', async () => {
    const others: RoomSpec[] = [{ groupId: 'club', type: 'Public', audience: { kind: 'fixed', online: 5 } }];
    const { service, id } = await serviceWith([...live(230), ...others]);
    await service.addRooms(id, ['@TGS#room001']);

    const first = await service.findLiveRooms(id);
    expect(first.total).toBe(230);
    expect(first.rooms).toHaveLength(100);
    expect(first.rooms[1]).toEqual({ groupId: '@TGS#room001', name: 'Room 1', watched: true });
    expect(first.rooms[2]).toEqual({ groupId: '@TGS#room002', name: 'Room 2', watched: false });
    expect(first.next).toMatch(/^\d+$/);
    // Above 2^53 a number would round: the server only knows the exact token it gave.
    expect(BigInt(first.next as string) > 2n ** 53n).toBe(true);

    const started = performance.now();
    const second = await service.findLiveRooms(id, first.next as string);
    const third = await service.findLiveRooms(id, second.next as string);
    // get_appid_group_list allows one call a second: the pages waited their turn instead of failing.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(second.rooms[0]?.groupId).toBe('@TGS#room100');
    expect(third.rooms.map((room) => room.groupId)).toHaveLength(30);
    expect(third.next).toBeNull();
    const all = [...first.rooms, ...second.rooms, ...third.rooms].map((room) => room.groupId);
    expect(new Set(all).size).toBe(230);
    expect(all).not.toContain('club');
  }, 20_000);

  it('refuses a cursor the server never gave, in words', async () => {
    const { service, id } = await serviceWith(live(3));
    await expect(service.findLiveRooms(id, '9007199254740993')).rejects.toThrow(
      /Could not list the app's rooms/,
    );
  });
});
