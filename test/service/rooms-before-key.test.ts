import { describe, expect, it } from 'vitest';
import { MemoryKeys, MemoryProfiles, serviceOver } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

describe('rooms added to an app whose secret key is not entered yet', () => {
  it('are kept, unchecked but for their syntax, to be polled once the key is in', async () => {
    const profiles = new MemoryProfiles();
    profiles.save({ id: 'app-1', label: 'Events', sdkAppId: 1400000000, identifier: 'admin', rooms: [] });
    const service = started(serviceOver(profiles, new MemoryKeys()));
    await service.start();
    const result = await service.addRooms('app-1', ['@TGS#main', 'room·1']);
    expect(result.added).toEqual(['app-1/@TGS#main']);
    expect(result.refused.map((refusal) => refusal.groupId)).toEqual(['room·1']);
    expect(profiles.saved.get('app-1')?.rooms).toEqual([{ groupId: '@TGS#main' }]);
    // Nothing runs for it yet: no budget is in use.
    const [profile] = (await service.getSnapshot()).profiles;
    expect(profile).toMatchObject({ state: 'paused', reason: 'Enter the secret key to start polling.' });
    expect(profile?.budgets).toEqual([]);
    // Waking the machine has nothing of it to poll again.
    expect(() => service.wake()).not.toThrow();
  });
});
