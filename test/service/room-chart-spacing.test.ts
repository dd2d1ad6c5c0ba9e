import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/history/history-store';
import { roomChart } from '../../main/service/room-chart';
import { FakeClock } from '../support/fake-clock';

const KEY = 'app-1/@TGS#slow';
const MINUTE = 60_000;

describe('a day of a room polled every 5 minutes', () => {
  it('is drawn in points at least two polls wide, so that no point falls between two polls', () => {
    const clock = new FakeClock();
    const now = clock.wall();
    const store = HistoryStore.inMemory(clock);
    for (let at = now - 30 * 60 * MINUTE; at <= now; at += 5 * MINUTE) store.record(KEY, at, 100);
    const chart = roomChart(store, KEY, '24h', now, []);
    const widths = new Set(chart.at.slice(1).map((at, i) => at - (chart.at[i] as number)));
    expect([...widths].every((width) => width >= 10 * MINUTE)).toBe(true);
    expect(chart.online.filter((online) => online === null)).toEqual([]);
  });
});

describe('the last 10 minutes of a room polled every second, drawn in 100 points', () => {
  it('sums each point from the counts it holds, failed polls left out', () => {
    const clock = new FakeClock();
    const now = clock.wall();
    const store = HistoryStore.inMemory(clock);
    for (let s = 599; s >= 0; s--)
      store.record(KEY, now - s * 1_000, s === 300 ? null : s === 200 ? 150 : 100);
    const chart = roomChart(store, KEY, 'live', now, [], 100);
    expect(chart.at.length).toBeLessThanOrEqual(100);
    expect(new Set(chart.at.slice(1).map((at, i) => at - (chart.at[i] as number)))).toEqual(
      new Set([10_000]),
    );
    expect(chart.summary).toMatchObject({ peak: { online: 150 }, min: 100 });
    expect(chart.online.filter((online) => online !== null).length).toBeGreaterThanOrEqual(59);
  });
});

describe('the peak of a week drawn in 10-minute points', () => {
  it('is dated by its own poll, not by the start of its 10 minutes', () => {
    const clock = new FakeClock();
    const now = clock.wall();
    const store = HistoryStore.inMemory(clock);
    const peakAt = now - 30 * 60 * MINUTE + 7 * MINUTE + 20_000;
    for (let at = now - 48 * 60 * MINUTE; at <= now; at += MINUTE) {
      store.record(KEY, at, 100);
      if (at < peakAt && peakAt < at + MINUTE) store.record(KEY, peakAt, 900);
    }
    const week = roomChart(store, KEY, '7d', now, []);
    expect((week.at[1] as number) - (week.at[0] as number)).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(week.summary.peak).toEqual({ online: 900, at: peakAt });
  });
});
