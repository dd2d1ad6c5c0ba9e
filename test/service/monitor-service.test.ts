import { describe, expect, it } from 'vitest';
import type { MonitorPush, RoomView } from '../../main/contract/monitor-api';
import { startDemoProfile } from '../../main/node/profile-engine';
import { startSimulator } from '../../main/simulator';
import { eventually } from '../support/eventually';
import { MemoryKeys, MemoryProfiles, serviceOver } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

function setup(profiles = new MemoryProfiles(), keys = new MemoryKeys()) {
  const pushes: MonitorPush[] = [];
  const service = started(serviceOver(profiles, keys, { startDemo: startDemoProfile }));
  service.onPush((push) => pushes.push(push));
  return { service, pushes, profiles, keys };
}

const latestRooms = (pushes: MonitorPush[]) => {
  const rooms = new Map<string, RoomView>();
  for (const push of pushes)
    if (push.type === 'rooms') for (const room of push.rooms) rooms.set(room.key, room);
  return rooms;
};

async function simulatorProfile() {
  const sim = started(
    await startSimulator({
      rooms: [
        { groupId: '@TGS#live', name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } },
        { groupId: 'club', name: 'Fan Club', type: 'Public', audience: { kind: 'fixed', online: 5 } },
      ],
    }),
  );
  return {
    label: 'Events',
    sdkAppId: sim.credentials.sdkAppId,
    identifier: sim.credentials.identifier,
    endpoint: sim.baseUrl,
    secretKey: sim.credentials.secretKey,
  };
}

describe('MonitorService', () => {
  it('plays the demo while no app profile is set up', async () => {
    const { service, pushes } = setup();
    await service.start();
    const snapshot = await service.getSnapshot();
    expect(snapshot.demo).toBe(true);
    expect(snapshot.profiles).toMatchObject([
      {
        label: 'Demo',
        state: 'running',
        keyStorage: 'this-run-only',
        keyStorageNote: 'Demo credentials of the built-in simulator.',
      },
    ]);
    await eventually(
      () => [...latestRooms(pushes).values()].some((room) => room.online !== null),
      'a demo count',
      10_000,
    );
    expect([...latestRooms(pushes).values()].find((r) => r.online !== null)?.label).toEqual(
      expect.any(String),
    );
  });

  it('switches from the demo to a real profile, and checks rooms before adding them', async () => {
    const { service, pushes, profiles } = setup();
    await service.start();
    const view = await service.saveProfile(await simulatorProfile());
    expect(view).toMatchObject({ label: 'Events', keyStorage: 'protected', state: 'running' });
    expect((await service.getSnapshot()).demo).toBe(false);
    const result = await service.addRooms(view.id, [
      '@TGS#live',
      'club',
      '@TGS#missing',
      'x'.repeat(49),
      '@TGS#live',
    ]);
    expect(result.added).toEqual([`${view.id}/@TGS#live`]);
    expect(Object.fromEntries(result.refused.map((r) => [r.groupId, r.reason]))).toEqual({
      club: '"Fan Club" is a Public group, not a live-stream room (AVChatRoom): it has no online count.',
      '@TGS#missing': expect.stringMatching(/does not exist or was disbanded/),
      ['x'.repeat(49)]: 'The group id is 49 bytes long; the limit is 48.',
      '@TGS#live': 'This room was pasted twice.',
    });
    expect(profiles.saved.get(view.id)?.rooms).toEqual([{ groupId: '@TGS#live', label: 'Launch Day' }]);
    await eventually(
      () => latestRooms(pushes).get(`${view.id}/@TGS#live`)?.online === 1234,
      'the count',
      10_000,
    );
    expect(latestRooms(pushes).get(`${view.id}/@TGS#live`)).toMatchObject({
      label: 'Launch Day',
      status: 'live',
    });
    expect((await service.addRooms(view.id, ['@TGS#live'])).refused[0]?.reason).toBe(
      'This room is already watched.',
    );
  });

  it("keeps what is done to the demo's rooms for this run, never in the settings", async () => {
    const { service, profiles } = setup();
    await service.start();
    const [room] = (await service.getSnapshot()).rooms;
    await service.setPinned(room?.key ?? '', true);
    expect((await service.getSnapshot()).rooms.find((r) => r.key === room?.key)?.pinned).toBe(true);
    expect(profiles.list()).toEqual([]);
  });

  it('pushes a room named in the background with its name, while polling is paused', async () => {
    const input = await simulatorProfile();
    const profiles = new MemoryProfiles();
    const keys = new MemoryKeys();
    profiles.save({
      id: 'p1',
      label: input.label,
      sdkAppId: input.sdkAppId,
      identifier: input.identifier,
      endpoint: input.endpoint,
      rooms: [{ groupId: '@TGS#live' }],
    });
    keys.keys.set('p1', input.secretKey);
    const { service, pushes } = setup(profiles, keys);
    await service.setPaused(true);
    await service.start();
    await eventually(
      () => latestRooms(pushes).get('p1/@TGS#live')?.label === 'Launch Day',
      'the name pushed',
      10_000,
    );
    expect(latestRooms(pushes).get('p1/@TGS#live')?.online).toBeNull();
    expect(profiles.saved.get('p1')?.rooms).toEqual([{ groupId: '@TGS#live', label: 'Launch Day' }]);
  });

  it('is no demo where none is played, even with no app profile at all', async () => {
    const service = started(serviceOver(new MemoryProfiles(), new MemoryKeys()));
    await service.start();
    expect(service.isDemo).toBe(false);
    expect((await service.getSnapshot()).demo).toBe(false);
  });

  it('shows a profile without a key as needing one, and starts it when the key is given', async () => {
    const input = await simulatorProfile();
    const profiles = new MemoryProfiles();
    profiles.save({
      id: 'p1',
      label: input.label,
      sdkAppId: input.sdkAppId,
      identifier: input.identifier,
      endpoint: input.endpoint,
      rooms: [{ groupId: '@TGS#live' }],
    });
    const { service, pushes } = setup(profiles);
    await service.start();
    const before = await service.getSnapshot();
    expect(before.demo).toBe(false);
    expect(before.profiles[0]).toMatchObject({
      keyStorage: 'needs-key',
      reason: 'Enter the secret key to start polling.',
    });
    await service.saveProfile({
      id: 'p1',
      label: input.label,
      sdkAppId: input.sdkAppId,
      identifier: input.identifier,
      endpoint: input.endpoint,
      secretKey: input.secretKey,
    });
    await eventually(() => latestRooms(pushes).get('p1/@TGS#live')?.online === 1234, 'the count', 10_000);
  });

  it('tests a connection and answers in words, never echoing the key', async () => {
    const { service } = setup();
    const input = await simulatorProfile();
    expect(await service.testConnection(input)).toEqual({
      ok: true,
      message: 'Connected: the app has 1 live-stream room.',
    });
    const wrong = await service.testConnection({ ...input, secretKey: 'f'.repeat(64) });
    expect(wrong).toMatchObject({ ok: false, kind: 'auth', code: 70009 });
    expect(JSON.stringify(wrong)).not.toContain('f'.repeat(64));
    expect(await service.testConnection({ ...input, secretKey: undefined })).toEqual({
      ok: false,
      message: 'Enter the secret key first.',
    });
    expect((await service.testConnection({ ...input, endpoint: 'http://example.com' })).message).toMatch(
      /https/,
    );
  });

  it('never sends a secret key or a UserSig to the UI', async () => {
    const { service, pushes } = setup();
    await service.start();
    const input = await simulatorProfile();
    const view = await service.saveProfile(input);
    await service.addRooms(view.id, ['@TGS#live']);
    await eventually(
      () => latestRooms(pushes).get(`${view.id}/@TGS#live`)?.online === 1234,
      'the count',
      10_000,
    );
    const everything = JSON.stringify([await service.getSnapshot(), pushes]);
    expect(everything).not.toContain(input.secretKey);
    expect(everything).not.toMatch(/eJ[\w*-]{40,}/);
  });

  it('pauses every profile, and snoozes a room with its end shown', async () => {
    const { service, pushes } = setup();
    const view = await service.saveProfile(await simulatorProfile());
    await service.addRooms(view.id, ['@TGS#live']);
    await service.setPaused(true);
    expect((await service.getSnapshot()).profiles[0]?.state).toBe('paused');
    await service.snooze({ kind: 'room', key: `${view.id}/@TGS#live` }, '1h');
    await eventually(
      () => typeof latestRooms(pushes).get(`${view.id}/@TGS#live`)?.snoozedUntil === 'number',
      'the snooze',
      5_000,
    );
    const until = latestRooms(pushes).get(`${view.id}/@TGS#live`)?.snoozedUntil ?? 0;
    expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
    await expect(service.retryRoom(`${view.id}/nope`)).rejects.toThrow(/There is no room/);
  });
});
