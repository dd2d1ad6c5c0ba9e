import { describe, expect, it } from 'vitest';
import type { MonitorPush } from '../../main/contract/monitor-api';
import { startSimulator } from '../../main/simulator';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { serviceOnFakeTime, serviceOver, twoProfilesOneGroup } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

/** The service over the simulator on one fake clock, two rooms at 400 and 900 polled every second. */
async function watching() {
  const clock = new FakeClock();
  const sim = started(
    await startSimulator({
      clock,
      rooms: [
        { groupId: '@TGS#main', audience: { kind: 'fixed', online: 400 } },
        { groupId: '@TGS#side', audience: { kind: 'fixed', online: 900 } },
      ],
    }),
  );
  const { service, advance } = serviceOnFakeTime(sim, clock, ['@TGS#main', '@TGS#side']);
  started(service);
  const pushes: MonitorPush[] = [];
  service.onPush((push) => pushes.push(push));
  await service.start();
  await advance(2_000);
  return { sim, clock, service, advance, pushes };
}

describe('the rooms and apps as the UI is told of them', () => {
  it('pushes only the room that changed, not every room of its app', async () => {
    const { service, advance, pushes } = await watching();
    // Paused, no poll touches a room: the pin is the only change.
    await service.setPaused(true);
    await advance(1_000);
    pushes.length = 0;
    await service.setPinned('app-1/@TGS#side', true);
    await advance(1_000);
    const pushed = pushes.flatMap((push) => (push.type === 'rooms' ? push.rooms : []));
    expect(pushed.map((room) => [room.key, room.pinned])).toEqual([['app-1/@TGS#side', true]]);
  });

  it("shows each command's budget of a running app: its cap and what it used", async () => {
    const { service } = await watching();
    const [profile] = (await service.getSnapshot()).profiles;
    const counts = profile?.budgets.find((budget) => budget.command === 'get_online_member_num');
    expect(counts).toMatchObject({ capPerSecond: expect.any(Number), used: expect.any(Number), waiting: 0 });
    expect(counts?.capPerSecond).toBeGreaterThan(0);
  });

  it('says when rejected credentials are tried again, in the app’s condition and its profile alike', async () => {
    const { sim, clock, service, advance } = await watching();
    sim.control.setSecretKey('a-key-rotated-in-the-console');
    await advance(2_000);
    const snapshot = await service.getSnapshot();
    const [profile] = snapshot.profiles;
    expect(profile?.state).toBe('auth-failed');
    expect(profile?.retryAt).toBeGreaterThan(clock.wall());
    expect(snapshot.summary.conditions).toEqual([
      {
        profileId: 'app-1',
        label: 'Events',
        condition: 'auth-failed',
        reason: profile?.reason,
        error: { kind: 'auth', code: 70009 },
        retryAt: profile?.retryAt,
      },
    ]);
  });

  it('gives a paused app’s condition no time to try again', async () => {
    const { service } = await watching();
    await service.setPaused(true);
    const [condition] = (await service.getSnapshot()).summary.conditions;
    expect(condition).toMatchObject({ condition: 'paused', reason: 'Polling is paused.', error: null });
    expect(condition).not.toHaveProperty('retryAt');
  });
});

describe('a profile removed just after one of its rooms changed', () => {
  it('has none of its rooms pushed after it is gone', async () => {
    const { profiles, keys } = await twoProfilesOneGroup(started);
    const service = started(serviceOver(profiles, keys));
    const pushes: MonitorPush[] = [];
    service.onPush((push) => pushes.push(push));
    await service.start();
    await service.setPinned('app-1/@TGS#solo', true);
    await service.removeProfile('app-1');
    const removedAt = pushes.length;
    await service.setPinned('app-2/@TGS#both', true);
    await eventually(
      () => pushes.slice(removedAt).some((push) => push.type === 'rooms'),
      "the other profile's room pushed",
    );
    const pushed = pushes.slice(removedAt).flatMap((push) => (push.type === 'rooms' ? push.rooms : []));
    expect(pushed.map((room) => room.key)).not.toContain('app-1/@TGS#solo');
    expect(pushed.every((room) => room.key.startsWith('app-2/'))).toBe(true);
  });
});
