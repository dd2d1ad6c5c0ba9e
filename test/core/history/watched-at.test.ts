import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeSince } from '../../../main/core/history/count-change';
import { HistoryStore } from '../../../main/core/history/history-store';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

const HOUR = 3_600_000;
const KEY = 'app-1/@TGS#live';
const countAt = (i: number) => 1_000 + ((i * 37) % 50);

async function poll(clock: FakeClock, store: HistoryStore, forMs: number, everyMs = 10_000) {
  for (let i = 0; i < forMs / everyMs; i++) {
    await clock.advance(everyMs);
    store.record(KEY, clock.wall(), countAt(i));
  }
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headcount-watched-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});
const open = (clock: FakeClock) => {
  const dir = folder;
  return HistoryStore.open({ clock, folder: { port: nodeFilePort, pathOf: (name) => join(dir, name) } });
};

describe('HistoryStore.watchedAt', () => {
  it('is true around a poll, to the second, and false in a longer gap or before the first poll', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    const start = clock.wall();
    await poll(clock, store, 10 * 60_000, 40_000);
    expect(store.watchedAt(KEY, start + 39_000, 0)).toBe(false);
    expect(store.watchedAt(KEY, start + 40_000, 0)).toBe(true);
    // A time within the second of a poll counts as that poll's.
    expect(store.watchedAt(KEY, start + 80_000 - 999, 0)).toBe(true);
    expect(store.watchedAt(KEY, start + 80_000 + 1, 39_000)).toBe(false);
    expect(store.watchedAt(KEY, start + 80_000 + 1, 40_000)).toBe(true);
    // Whole seconds of gap: 40.9 s allows 40.
    expect(store.watchedAt(KEY, start + 100_000, 40_999)).toBe(true);
    expect(store.watchedAt(KEY, start + 100_000, 39_999)).toBe(false);
    // After the last poll nothing follows to make a gap.
    expect(store.watchedAt(KEY, clock.wall() + HOUR, 0)).toBe(true);
    expect(store.watchedAt('app-1/other', start + 100_000, HOUR)).toBe(false);
  });

  it('answers from the minutes before the samples kept, while they reach on to the samples', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock, { fullResolutionMs: 30 * 60_000, minutesMs: 2 * HOUR });
    const start = clock.wall();
    await poll(clock, store, 3 * HOUR);
    const now = clock.wall();
    const minutes = store.buckets(KEY, 0, 'minute');
    // The minutes kept reach two hours back, the samples half an hour.
    expect(store.oldestAt(KEY)).toBe(start + HOUR);
    expect(minutes[0]?.at).toBe(start + HOUR);
    expect(store.samples(KEY, 0)[0]?.at).toBeGreaterThan(now - 31 * 60_000);
    expect(store.watchedAt(KEY, now - HOUR, 0)).toBe(true);
    expect(store.watchedAt(KEY, start + HOUR - 1000, HOUR)).toBe(false);
    // The change over an hour: against the average of the minute an hour back.
    const then = minutes.find((bucket) => bucket.at === now - HOUR);
    expect(changeSince(store, KEY, 2000, now, HOUR)).toBe(2000 - Math.round(then?.avg ?? Number.NaN));
  });

  it('is false after the minutes of an earlier run until the gap to the samples is allowed', async () => {
    const clock = new FakeClock();
    const before = await open(clock);
    await poll(clock, before, HOUR);
    await before.close();
    clock.sleepMachine(10 * HOUR);
    const store = await open(clock);
    const lastMinute = store.buckets(KEY, 0, 'minute').at(-1)?.at ?? Number.NaN;
    const probe = lastMinute - 30 * 60_000;
    // Minutes and no sample: the room has not been polled since.
    expect(store.samples(KEY, 0)).toEqual([]);
    expect(store.watchedAt(KEY, probe, 100 * HOUR)).toBe(false);
    await poll(clock, store, 20_000);
    const gap = (store.samples(KEY, 0)[0]?.at ?? Number.NaN) - (lastMinute + 60_000);
    expect(gap).toBe(10 * HOUR - 60_000 + 10_000);
    expect(store.watchedAt(KEY, probe, gap)).toBe(true);
    expect(store.watchedAt(KEY, probe, gap - 1000)).toBe(false);
    await store.close();
  });
});
