import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/history/history-store';
import { roomChanges } from '../../main/service/room-changes';
import { FakeClock } from '../support/fake-clock';

const KEY = 'app-1/@TGS#live';
const OTHER = 'app-1/@TGS#other';

/** Polls `key` every 10 s for `minutes`, moving the clock along; `count(i)` gives poll i's count. */
async function poll(
  clock: FakeClock,
  store: HistoryStore,
  key: string,
  minutes: number,
  count: (i: number) => number | null,
): Promise<number | null> {
  let last: number | null = null;
  for (let i = 0; i < minutes * 6; i++) {
    await clock.advance(10_000);
    last = count(i);
    store.record(key, clock.wall(), last);
  }
  return last;
}

describe('roomChanges', () => {
  it('is null for every window without a count now', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    await poll(clock, store, KEY, 70, (i) => 1000 + i);
    expect(roomChanges(store, KEY, null, clock.wall())).toEqual({
      '5m': null,
      '15m': null,
      '30m': null,
      '1h': null,
    });
  });

  it('is null for a window the history does not reach back to yet, never a shorter change', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    const now = await poll(clock, store, KEY, 20, (i) => 1000 + 10 * i);
    // 20 minutes of polls: 5 and 15 minutes are known, 30 minutes and an hour not yet.
    expect(roomChanges(store, KEY, now, clock.wall())).toEqual({
      '5m': 300,
      '15m': 900,
      '30m': null,
      '1h': null,
    });
    expect(roomChanges(store, OTHER, 5, clock.wall())).toEqual({
      '5m': null,
      '15m': null,
      '30m': null,
      '1h': null,
    });
  });

  it('skips a failed poll at the start of a window for the count after it', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    // Poll 119 lands exactly 30 minutes before the last one (poll 299) and fails.
    const now = await poll(clock, store, KEY, 50, (i) => (i === 119 ? null : 2000 + i));
    expect(now).toBe(2299);
    const changes = roomChanges(store, KEY, now, clock.wall());
    // Against poll 120, 2120, rather than the failed one read as anything.
    expect(changes['30m']).toBe(2299 - 2120);
    expect(changes['15m']).toBe(2299 - 2209);
    expect(changes['1h']).toBeNull();
  });

  it('gives a drop a minus sign and a rise a plus, per window', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    // Rises for 40 minutes to 5000, then falls 20 a poll for the last 21.
    const count = (i: number) => (i < 240 ? 1000 + Math.round((4000 * i) / 239) : 5000 - 20 * (i - 239));
    const now = await poll(clock, store, KEY, 61, count);
    const changes = roomChanges(store, KEY, now, clock.wall());
    const last = 61 * 6 - 1;
    expect(changes['5m']).toBe(-20 * 30);
    expect(changes['15m']).toBe(-20 * 90);
    expect(changes['30m']).toBe((now ?? 0) - count(last - 180));
    expect(changes['30m']).toBeLessThan(0);
    expect(changes['1h']).toBe((now ?? 0) - count(last - 360));
    expect(changes['1h']).toBeGreaterThan(0);
  });
});
