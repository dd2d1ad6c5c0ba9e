/**
 * The overlay's feed, fed by a real MonitorService polling the simulator: which room a link names
 * (and which profile's, when two watch one id), what a page is sent as counts change, fail, age,
 * close and stop being watched.
 */
import { describe, expect, it } from 'vitest';
import type { RoomView } from '../../main/contract/monitor-api';
import type { OverlayCount } from '../../main/contract/overlay-api';
import { OverlayFeed, overlayCount } from '../../main/service/overlay-feed';
import { roomView } from '../shell/room-view';
import { eventually } from '../support/eventually';
import { serviceOver, twoProfilesOneGroup } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

/** Two app profiles on one simulator, both watching '@TGS#both'; the first also '@TGS#solo'. */
async function twoProfiles(now: () => number = Date.now) {
  const { sim, profiles, keys } = await twoProfilesOneGroup(started);
  const service = started(serviceOver(profiles, keys));
  await service.start();
  const feed = started(new OverlayFeed(service, now));
  await feed.ready;
  return { service, feed, sim };
}

const both = { groupId: '@TGS#both', profileId: null };
const solo = { groupId: '@TGS#solo', profileId: null };

describe('the overlay feed', () => {
  it('follows a room’s count, and a change in the simulator reaches the page’s listener', async () => {
    const { feed, sim } = await twoProfiles();
    await eventually(() => feed.current(solo).online === 300, 'the first count', 10_000);
    expect(feed.current(solo)).toMatchObject({ online: 300, state: 'live' });
    const sent: OverlayCount[] = [];
    const stop = feed.watch(solo, (count) => sent.push(count));
    sim.control.setOnline('@TGS#solo', 450);
    await eventually(() => sent.some((count) => count.online === 450), 'the new count', 10_000);
    // Another room's change is not this page's news.
    const before = sent.length;
    sim.control.setOnline('@TGS#both', 1300);
    await eventually(() => feed.current(both).online === 1300, 'the other room', 10_000);
    expect(sent.slice(before).every((count) => count.online === 450)).toBe(true);
    stop();
  });

  it('has a page for a room not watched yet wait, and gives it the count once the room is added', async () => {
    const { service, feed, sim } = await twoProfiles();
    sim.control.addRoom({ groupId: '@TGS#late', audience: { kind: 'fixed', online: 77 } });
    const late = { groupId: '@TGS#late', profileId: null };
    const sent: OverlayCount[] = [];
    feed.watch(late, (count) => sent.push(count));
    expect(feed.current(late)).toEqual({ online: null, ageMs: null, state: 'held' });
    await service.addRooms('app-1', ['@TGS#late']);
    await eventually(
      () => sent.some((count) => count.online === 77 && count.state === 'live'),
      'its count',
      10_000,
    );
  });

  it('takes the profile a link names when two watch the same id, else the first', async () => {
    const { feed, sim } = await twoProfiles();
    sim.control.setOnline('@TGS#both', 1500);
    await eventually(() => feed.current(both).online === 1500, 'a count of the shared room', 10_000);
    expect(feed.current({ ...both, profileId: 'app-2' })).toMatchObject({ online: 1500, state: 'live' });
    expect(feed.current({ ...both, profileId: 'nobody' })).toEqual({
      online: null,
      ageMs: null,
      state: 'held',
    });
    expect(feed.current({ groupId: '@TGS#unknown', profileId: null })).toEqual({
      online: null,
      ageMs: null,
      state: 'held',
    });
  });

  it('keeps a room’s last count, held, once it is no longer watched, and calls a closed room closed', async () => {
    const { service, feed, sim } = await twoProfiles();
    await eventually(() => feed.current(solo).online === 300, 'the first count', 10_000);
    // The page offers no way to stop watching one room: removing its profile is how it goes.
    await service.removeProfile('app-1');
    await eventually(() => feed.current(solo).state === 'held', 'the room held', 10_000);
    expect(feed.current(solo).online).toBe(300);

    const shop = { groupId: '@TGS#both', profileId: 'app-2' };
    sim.control.disband('@TGS#both');
    await eventually(() => feed.current(shop).state === 'closed', 'the room closed', 15_000);
    expect(feed.current(shop).online).toBe(1200);
  });

  it('ages a count between pushes, and holds it once it is older than 30 s', async () => {
    let now = 1_000_000;
    const { feed } = await twoProfiles(() => now);
    await eventually(() => feed.current(solo).online === 300, 'the first count', 10_000);
    const { ageMs } = feed.current(solo);
    now += 5_000;
    expect(feed.current(solo).ageMs).toBe((ageMs ?? 0) + 5_000);
    now += 30_000;
    expect(feed.current(solo).state).toBe('held');
  });
});

describe('what an overlay shows of a room', () => {
  const view = (change: Partial<RoomView>): RoomView => roomView('g', 10, { ageMs: 1000, ...change });

  it('is live only while fresh, held while failing, stale, waiting or stopped, closed once disbanded', () => {
    expect(overlayCount(view({}))).toEqual({ online: 10, ageMs: 1000, state: 'live' });
    expect(overlayCount(view({ ageMs: 31_000 })).state).toBe('held');
    for (const status of ['stale', 'failing', 'waiting', 'stopped'] as const)
      expect(overlayCount(view({ status })).state).toBe('held');
    const gone = { kind: 'group-gone' as const, code: 10010, message: 'gone' };
    expect(overlayCount(view({ status: 'stopped', error: gone }))).toEqual({
      online: 10,
      ageMs: 1000,
      state: 'closed',
    });
    // A failing room keeps its last count: never 0.
    expect(overlayCount(view({ status: 'failing', error: { ...gone, kind: 'transient' } })).online).toBe(10);
  });
});
