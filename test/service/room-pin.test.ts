import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { serviceOver, twoProfilesOneGroup } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

describe('a room pinned from the UI', () => {
  it('is kept pinned in its profile alone, and shown so', async () => {
    const { profiles, keys } = await twoProfilesOneGroup(started);
    const service = started(serviceOver(profiles, keys));
    await service.start();
    const pinned = async (key: string) =>
      (await service.getSnapshot()).rooms.find((room) => room.key === key)?.pinned;
    await eventually(async () => (await pinned('app-1/@TGS#solo')) === false, 'the rooms shown');

    await service.setPinned('app-1/@TGS#solo', true);
    expect(profiles.saved.get('app-1')?.rooms).toEqual([
      { groupId: '@TGS#both' },
      { groupId: '@TGS#solo', pinned: true },
    ]);
    expect(await pinned('app-1/@TGS#solo')).toBe(true);
    expect(await pinned('app-1/@TGS#both')).toBe(false);
    expect(await pinned('app-2/@TGS#both')).toBe(false);

    await service.setPinned('app-1/@TGS#solo', false);
    expect(await pinned('app-1/@TGS#solo')).toBe(false);
  });
});
