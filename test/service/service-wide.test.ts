/** What the service does for every profile at once: pausing, waking, storage news, the overlay. */
import { describe, expect, it } from 'vitest';
import type { MonitorPush } from '../../main/contract/monitor-api';
import { REGIONS } from '../../main/core/regions';
import { StorageHealth } from '../../main/core/storage-health';
import { startSimulator } from '../../main/simulator';
import { FakeClock } from '../support/fake-clock';
import { MemoryKeys, MemoryProfiles, serviceOnFakeTime, serviceOver } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

const oneRoom = async (clock?: FakeClock) =>
  started(
    await startSimulator({
      ...(clock ? { clock } : {}),
      rooms: [{ groupId: '@TGS#live', audience: { kind: 'fixed', online: 250 } }],
    }),
  );

describe('the service for every profile at once', () => {
  it('starts a profile set up while polling is paused as paused', async () => {
    const sim = await oneRoom();
    const service = started(serviceOver(new MemoryProfiles(), new MemoryKeys()));
    await service.start();
    await service.setPaused(true);
    await service.saveProfile({
      label: 'Events',
      sdkAppId: sim.credentials.sdkAppId,
      identifier: sim.credentials.identifier,
      endpoint: sim.baseUrl,
      secretKey: sim.credentials.secretKey,
    });
    const [profile] = (await service.getSnapshot()).profiles;
    expect(profile).toMatchObject({ label: 'Events', state: 'paused', reason: 'Polling is paused.' });
  });

  it('shows every count stale at once when the machine wakes, until the rooms are polled again', async () => {
    const clock = new FakeClock();
    const sim = await oneRoom(clock);
    const { service, advance } = serviceOnFakeTime(sim, clock, ['@TGS#live']);
    started(service);
    await service.start();
    await advance(2_000);
    const state = async () => (await service.getSnapshot()).rooms[0]?.state;
    expect(await state()).toBe('live');
    service.wake();
    expect(await state()).toBe('stale');
    await advance(2_000);
    expect(await state()).toBe('live');
  });

  it('sends a fresh snapshot when a file can no longer be saved, with the start-up notices, so that every window says so', async () => {
    const clock = new FakeClock();
    const health = new StorageHealth(clock);
    const notices = ['The settings file was damaged and set aside.'];
    const service = started(serviceOver(new MemoryProfiles(), new MemoryKeys(), { clock, health, notices }));
    const pushes: MonitorPush[] = [];
    service.onPush((push) => pushes.push(push));
    await service.start();
    pushes.length = 0;
    health.failed('settings', '/home/someone/.config/headcount/settings.json', new Error('EACCES'));
    const sent = pushes.flatMap((push) => (push.type === 'snapshot' ? [push.snapshot] : []));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.notices).toEqual([...notices, ...health.notices()]);
    expect(health.notices()).toHaveLength(1);
  });

  it('tells a window that unsubscribed nothing more, and the others as before', async () => {
    const clock = new FakeClock();
    const health = new StorageHealth(clock);
    const service = started(serviceOver(new MemoryProfiles(), new MemoryKeys(), { clock, health }));
    const gone: MonitorPush[] = [];
    const kept: MonitorPush[] = [];
    const unsubscribe = service.onPush((push) => gone.push(push));
    service.onPush((push) => kept.push(push));
    await service.start();
    unsubscribe();
    gone.length = 0;
    kept.length = 0;
    health.failed('settings', '/home/someone/.config/headcount/settings.json', new Error('EACCES'));
    // The snapshot carries its own summary: no summary push follows it.
    expect(kept.map((push) => push.type)).toEqual(['snapshot']);
    expect(gone).toEqual([]);
  });

  it('lists the regions by key and label, for the profile form, and no notice when there is none', async () => {
    const service = started(serviceOver(new MemoryProfiles(), new MemoryKeys()));
    const { regions, notices } = await service.getSnapshot();
    expect(notices).toEqual([]);
    expect(regions).toEqual(REGIONS.map(({ key, label }) => ({ key, label })));
    expect(regions.length).toBeGreaterThan(0);
  });

  it('keeps settings changed for this run where no file keeps them', async () => {
    const service = started(serviceOver(new MemoryProfiles(), new MemoryKeys()));
    await service.start();
    await service.updateSettings({ quietHours: { start: '23:00', end: '07:00' } });
    expect((await service.getSettings()).quietHours).toEqual({ start: '23:00', end: '07:00' });
  });

  it('has the overlay off, for want of a token, unless an edition gives it one', async () => {
    const service = started(serviceOver(new MemoryProfiles(), new MemoryKeys()));
    expect(await service.getOverlay()).toMatchObject({ on: false, problem: { kind: 'no-token' } });
  });

  it('says which profile or room it does not know, and leaves out the sparkline of a room no longer watched', async () => {
    const service = started(serviceOver(new MemoryProfiles(), new MemoryKeys()));
    await service.start();
    await expect(service.removeProfile('nope')).rejects.toThrow('There is no app profile "nope".');
    await expect(service.setPinned('nope/@TGS#live', true)).rejects.toThrow(
      'There is no room "nope/@TGS#live".',
    );
    expect(await service.getSparklines(['gone/@TGS#live'])).toEqual({});
  });
});
