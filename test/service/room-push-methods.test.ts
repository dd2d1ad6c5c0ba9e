import { describe, expect, it } from 'vitest';
import { startDemoProfile } from '../../main/node/profile-engine';
import { DEMO_PUSH } from '../../main/simulator';
import { eventually } from '../support/eventually';
import { MemoryKeys, MemoryProfiles, serviceOver, twoProfilesOneGroup } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

/** The two profiles of {@link twoProfilesOneGroup}, started. */
async function twoProfiles() {
  const { profiles, keys } = await twoProfilesOneGroup(started);
  const service = started(serviceOver(profiles, keys));
  await service.start();
  return service;
}

describe('a room shown to its viewers, set from one profile', () => {
  it('is shown so in every profile watching the group, and in no other room', async () => {
    const service = await twoProfiles();
    await service.setRoomPush('app-1/@TGS#both', { via: 'group-attr', key: 'viewers' });
    const pushOf = async (key: string) =>
      (await service.getSnapshot()).rooms.find((room) => room.key === key)?.push ?? null;
    await eventually(async () => (await pushOf('app-2/@TGS#both')) !== null, 'the other profile to show it');
    expect(await pushOf('app-1/@TGS#both')).toMatchObject({ via: 'group-attr', key: 'viewers' });
    expect(await pushOf('app-2/@TGS#both')).toMatchObject({ via: 'group-attr', key: 'viewers' });
    expect(await pushOf('app-1/@TGS#solo')).toBeNull();
    // Only the demo can read back what the viewers see.
    expect(await service.getRoomPush('app-2/@TGS#both')).toEqual({
      push: { via: 'group-attr', key: 'viewers' },
      viewers: null,
    });
    // A message uses the app's quota: it is refused until the user says they know.
    await expect(service.setRoomPush('app-1/@TGS#both', { via: 'message', key: 'viewers' })).rejects.toThrow(
      /message quota/,
    );
    expect(await pushOf('app-1/@TGS#both')).toMatchObject({ via: 'group-attr' });

    await service.setRoomPush('app-2/@TGS#both', null);
    await eventually(
      async () => (await pushOf('app-1/@TGS#both')) === null,
      'both profiles to stop showing it',
    );
    expect((await service.getRoomPush('app-1/@TGS#both')).push).toBeNull();
  });
});

describe('a room shown to its viewers while another profile watching it has no key', () => {
  it('is set all the same, and shown in the profile that runs', async () => {
    const { profiles, keys } = await twoProfilesOneGroup(started);
    keys.keys.delete('app-2');
    const service = started(serviceOver(profiles, keys));
    await service.start();
    await service.setRoomPush('app-1/@TGS#both', { via: 'group-attr', key: 'viewers' });
    await eventually(
      async () =>
        (await service.getSnapshot()).rooms.some((room) => room.key === 'app-1/@TGS#both' && room.push),
      'the room to show its push',
    );
    expect((await service.getRoomPush('app-2/@TGS#both')).push).toEqual({
      via: 'group-attr',
      key: 'viewers',
    });
  });
});

describe("the demo room's push", () => {
  it('reads back what its viewers see: the count written into the room', async () => {
    const service = started(
      serviceOver(new MemoryProfiles(), new MemoryKeys(), { startDemo: startDemoProfile }),
    );
    await service.start();
    const key = `demo/${DEMO_PUSH.groupId}`;
    const seen = async () => (await service.getRoomPush(key)).viewers?.value ?? null;
    await eventually(async () => (await seen()) !== null, 'the demo room to be written', 10_000);
    expect((await service.getRoomPush(key)).push).toEqual({ via: DEMO_PUSH.via, key: DEMO_PUSH.key });
    expect(String(await seen())).toMatch(/\d/);
  });
});
