import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeOverMinute, changeSince } from '../../../main/core/history/count-change';
import { HistoryStore } from '../../../main/core/history/history-store';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

const KEY = 'app-1/@TGS#live';
const OTHER = 'app-1/@TGS#other';

describe('changeOverMinute', () => {
  it('says the change against a minute ago only once the history reaches back a minute', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    // Polled every 10 s: at 50 s the history is too young for a minute's change.
    for (let i = 0; i < 5; i++) {
      await clock.advance(10_000);
      store.record(KEY, clock.wall(), 100 + i * 10);
    }
    expect(changeOverMinute(store, KEY, 140, clock.wall())).toBeNull();
    for (let i = 5; i < 12; i++) {
      await clock.advance(10_000);
      store.record(KEY, clock.wall(), i === 5 ? null : 100 + i * 10);
    }
    // Now 120 s: the poll at 60 s failed, so the first count since a minute ago is the one at 70 s (160).
    expect(changeOverMinute(store, KEY, 210, clock.wall())).toBe(50);
    expect(changeOverMinute(store, KEY, null, clock.wall())).toBeNull();
    expect(changeOverMinute(store, OTHER, 210, clock.wall())).toBeNull();
  });
});

describe('changeSince across a time the room was not polled', () => {
  const HOUR = 3_600_000;
  const SPANS = { '1m': 60_000, '15m': 15 * 60_000, '1h': HOUR };
  const changes = (store: HistoryStore, online: number, now: number) =>
    Object.fromEntries(
      Object.entries(SPANS).map(([name, span]) => [name, changeSince(store, KEY, online, now, span)]),
    );

  /** Polls every `everyMs` for `forMs`, the count given by `count(i)`. */
  async function poll(
    clock: FakeClock,
    store: HistoryStore,
    forMs: number,
    count: (i: number) => number,
    everyMs = 10_000,
  ) {
    for (let i = 0; i < forMs / everyMs; i++) {
      await clock.advance(everyMs);
      store.record(KEY, clock.wall(), count(i));
    }
  }

  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'headcount-change-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const open = (clock: FakeClock) => {
    const dir = folder;
    return HistoryStore.open({ clock, folder: { port: nodeFilePort, pathOf: (name) => join(dir, name) } });
  };

  it('shows no change for a window that starts while the app was not running, then the change once it is past', async () => {
    const clock = new FakeClock();
    const before = await open(clock);
    await poll(clock, before, HOUR, () => 1000);
    await before.close();
    // Quit for two hours; the samples of the hour before are read back at the next start.
    clock.sleepMachine(2 * HOUR);
    const store = await open(clock);
    await poll(clock, store, 20_000, (i) => 1500 + i);
    // 20 s after the start: the counts before the stop are two hours old, a minute ago nothing was polled.
    expect(changes(store, 1501, clock.wall())).toEqual({ '1m': null, '15m': null, '1h': null });
    await poll(clock, store, 50_000, (i) => 1502 + i);
    // 70 s after the start the minute is covered: the poll at 10 s after the start (1500) is the first since.
    expect(changes(store, 1506, clock.wall())).toEqual({ '1m': 6, '15m': null, '1h': null });
    // Up to an hour after the start, the hour starts in the two hours without a poll.
    await poll(clock, store, HOUR - 70_000, () => 1600);
    expect(changes(store, 1600, clock.wall())).toEqual({ '1m': 0, '15m': 0, '1h': null });
    // Then it starts on the first poll after the stop.
    await poll(clock, store, 10_000, () => 1600);
    expect(changes(store, 1600, clock.wall())).toEqual({ '1m': 0, '15m': 0, '1h': 100 });
    await store.close();
  });

  it('compares with the count before a stop when the window starts before it', async () => {
    const clock = new FakeClock();
    const before = await open(clock);
    await poll(clock, before, HOUR, () => 1000);
    await before.close();
    clock.sleepMachine(30 * 60_000);
    const store = await open(clock);
    await poll(clock, store, 20_000, (i) => 1500 + i);
    expect(changes(store, 1501, clock.wall())).toEqual({ '1m': null, '15m': null, '1h': 501 });
    await store.close();
  });

  it('shows no change after a stop longer than the samples kept on disk, from the minutes alone', async () => {
    const clock = new FakeClock();
    const before = await open(clock);
    await poll(clock, before, HOUR, () => 1000);
    await before.close();
    // Ten hours: the minutes of that hour are read back, its samples are not.
    clock.sleepMachine(10 * HOUR);
    const store = await open(clock);
    expect(store.buckets(KEY, 0, 'minute').length).toBeGreaterThan(50);
    expect(store.samples(KEY, 0)).toEqual([]);
    await poll(clock, store, 20_000, (i) => 1500 + i);
    expect(store.oldestAt(KEY)).toBeLessThan(clock.wall() - 10 * HOUR);
    expect(changes(store, 1501, clock.wall())).toEqual({ '1m': null, '15m': null, '1h': null });
    await store.close();
  });

  it('shows no change over a window that starts while the machine slept', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    await poll(clock, store, HOUR, () => 1000);
    clock.sleepMachine(20 * 60_000);
    await poll(clock, store, 2 * 60_000, () => 1200);
    // The 15 minutes start in the 20 minutes asleep; the hour starts before them, its count known.
    expect(changes(store, 1200, clock.wall())).toEqual({ '1m': 0, '15m': null, '1h': 200 });
    await poll(clock, store, 45 * 60_000, () => 1300);
    // Now the hour starts while the machine slept.
    expect(changes(store, 1300, clock.wall())).toEqual({ '1m': 0, '15m': 0, '1h': null });
    await poll(clock, store, 15 * 60_000, () => 1300);
    expect(changes(store, 1300, clock.wall())).toEqual({ '1m': 0, '15m': 0, '1h': 100 });
  });

  it('gives a room polled every 20 s or 30 s its minute: up to 30 s between two polls is no gap', async () => {
    for (const every of [20_000, 30_000]) {
      const clock = new FakeClock();
      const store = HistoryStore.inMemory(clock);
      await poll(clock, store, 10 * 60_000, (i) => 1000 + i, every);
      const last = (10 * 60_000) / every - 1;
      // A minute back falls between two polls, or on one: the first count at or after it.
      await clock.advance(every / 2);
      const changes = [changeOverMinute(store, KEY, 1000 + last, clock.wall())];
      expect(changes).toEqual([every === 20_000 ? 2 : 1]);
    }
  });

  it('gives a room polled every two minutes its hour, but no minute nor quarter of an hour', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    await poll(clock, store, 2 * HOUR, (i) => 1000 + i, 120_000);
    // The last poll (59) is at 120 min; 15 minutes back the first poll is 52's at 106 min, an hour
    // back 29's at 60 min. A minute back falls between two polls two minutes apart.
    expect(changes(store, 1059, clock.wall())).toEqual({ '1m': null, '15m': 7, '1h': 30 });
  });
});
