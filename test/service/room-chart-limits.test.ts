import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/history/history-store';
import { roomChart, roomExport } from '../../main/service/room-chart';
import { FakeClock } from '../support/fake-clock';

const KEY = 'app-1/@TGS#live';
const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The distinct steps between a chart's points. */
const steps = (at: number[]) => new Set(at.slice(1).map((t, i) => t - (at[i] as number)));
const defined = (values: Array<number | null>) => values.filter((v): v is number => v !== null);

/** A store on a fake clock, fed `online` at each of `times` (ms before now). */
function storeOf(times: number[], online: (before: number) => number | null = () => 100) {
  const clock = new FakeClock();
  const now = clock.wall();
  const store = HistoryStore.inMemory(clock);
  for (const before of times) store.record(KEY, now - before, online(before));
  return { store, now };
}

/** `count` times `everyMs` apart, the last `lastMs` before now, oldest first. */
const every = (everyMs: number, count: number, lastMs = 0) =>
  Array.from({ length: count }, (_, i) => lastMs + (count - 1 - i) * everyMs);

describe("a room's chart and the points it may have", () => {
  it('shows as many samples as it may have points as they are, one more as buckets', () => {
    const { store, now } = storeOf(every(5 * SECOND, 60));
    const exact = roomChart(store, KEY, 'live', now, [], 60);
    expect(exact.at).toEqual(every(5 * SECOND, 60).map((before) => now - before));
    expect(exact.min.every((v) => v === null)).toBe(true);
    const bucketed = roomChart(store, KEY, 'live', now, [], 59);
    expect(defined(bucketed.min).length).toBeGreaterThan(0);
  });

  it('never has more points than it is allowed, whatever the allowance', () => {
    const { store, now } = storeOf(every(SECOND, 600));
    for (let maxPoints = 20; maxPoints <= 130; maxPoints++)
      expect(roomChart(store, KEY, 'live', now, [], maxPoints).at.length).toBeLessThanOrEqual(maxPoints);
  });

  it('leaves a failed poll out of its point’s lowest count, rather than calling it 0', () => {
    const { store, now } = storeOf(every(SECOND, 600), (before) => (before % 7_000 === 0 ? null : 100));
    const chart = roomChart(store, KEY, 'live', now, [], 100);
    expect(Math.min(...defined(chart.min))).toBe(100);
  });
});

describe('the spacing a chart judges pauses and point widths by', () => {
  it('is the room’s interval in the range shown, even when it polled slower before', () => {
    // Every 10 s until 11 minutes ago, every 2 s in the last 10, with one pause of 11 s in them.
    const recent = every(2 * SECOND, 150, 0).concat(every(2 * SECOND, 145, 309 * SECOND));
    const { store, now } = storeOf(
      [...every(10 * SECOND, 300, 11 * MINUTE), ...recent].sort((a, b) => b - a),
    );
    const chart = roomChart(store, KEY, 'live', now, []);
    expect(chart.online.filter((v) => v === null)).toHaveLength(1);
  });

  it('is the median gap: a 12 s pause among 6 s polls is no gap, even after some faster polls', () => {
    // 50 gaps of 6 s, then 50 of 2 s with the pause amid them: half the gaps are 6 s or more.
    const times = [...every(6 * SECOND, 51, 120 * SECOND), ...every(2 * SECOND, 25, 70 * SECOND)];
    const { store, now } = storeOf([...times, ...every(2 * SECOND, 26, 8 * SECOND)]);
    const chart = roomChart(store, KEY, 'live', now, []);
    expect(chart.at).toHaveLength(102);
    expect(chart.online.filter((v) => v === null)).toEqual([]);
  });

  it('is a usual poll interval for a room not polled in the last hour: its day is drawn by the minute', () => {
    const { store, now } = storeOf(every(10 * SECOND, 720, 3 * HOUR));
    const chart = roomChart(store, KEY, '24h', now, []);
    expect(steps(chart.at)).toEqual(new Set([MINUTE]));
  });

  it('gives a week’s export in 10-minute rows, the finest kept that long', () => {
    const { store, now } = storeOf(every(10 * SECOND, 720, 3 * HOUR));
    expect(steps(roomExport(store, KEY, '7d', now).at)).toEqual(new Set([10 * MINUTE]));
  });

  it('draws a week from the 10-minute buckets, which reach back past the day the minutes are kept', async () => {
    // A count every 5 minutes from three days ago to two days ago, the minutes of then forgotten.
    const { store, now } = storeOf(every(5 * MINUTE, 289, 48 * HOUR), (before) => 100 + (before % 7));
    await store.flush();
    expect(store.buckets(KEY, now - 7 * 24 * HOUR, 'minute')).toEqual([]);
    const chart = roomChart(store, KEY, '7d', now, []);
    expect(steps(chart.at)).toEqual(new Set([10 * MINUTE]));
    expect(defined(chart.online)).toHaveLength(145);
    expect(chart.summary.peak?.online).toBe(106);
  });
});
