import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { serviceOver, twoProfilesOneGroup } from './memory-ports';
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
    expect(await service.getRoomPush('app-2/@TGS#both')).toMatchObject({
      push: { via: 'group-attr', key: 'viewers' },
    });

    await service.setRoomPush('app-2/@TGS#both', null);
    await eventually(
      async () => (await pushOf('app-1/@TGS#both')) === null,
      'both profiles to stop showing it',
    );
    expect((await service.getRoomPush('app-1/@TGS#both')).push).toBeNull();
  });
});
