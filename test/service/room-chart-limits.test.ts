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

describe('the pauses a chart of every sample shows, and its summary', () => {
  it('breaks the line only between two counts more than three polls apart, never beside a failed poll', () => {
    // Every 2 s; a pause of exactly 6 s, then after a failed poll 30 s without any, then a count
    // 30 s before another failed poll.
    const times = [0, 2, 4, 10, 12, 14, 44, 46, 48, 78].map((s) => (78 - s) * SECOND);
    const failed = new Set([14, 78].map((s) => (78 - s) * SECOND));
    const { store, now } = storeOf(times, (before) => (failed.has(before) ? null : 100));
    const chart = roomChart(store, KEY, 'live', now, []);
    expect(chart.at).toEqual(times.map((before) => now - before));
    expect(chart.online).toEqual([100, 100, 100, 100, 100, null, 100, 100, 100, null]);
  });

  it('weighs each minute of a day by its polls in the average, and has no figure without a count', async () => {
    // Two minutes, 8 and 9 hours ago: 100 polled six times, then 400 polled once.
    const times = [...every(10 * SECOND, 6, 9 * HOUR), 8 * HOUR];
    const { store, now } = storeOf(times, (before) => (before === 8 * HOUR ? 400 : 100));
    await store.flush();
    expect(roomChart(store, KEY, '24h', now, []).summary).toMatchObject({ min: 100, avg: 142.9 });
    const failing = storeOf(every(10 * SECOND, 30), () => null);
    expect(roomChart(failing.store, KEY, '24h', failing.now, []).summary).toEqual({
      peak: null,
      min: null,
      avg: null,
    });
  });
});
