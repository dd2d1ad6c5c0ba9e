import { describe, expect, it } from 'vitest';
import { timeAxisLabels } from '../../../renderer/room-view/time-axis';

/** Ticks every `stepS` seconds from a local time, in epoch seconds as uPlot gives them. */
function ticks(from: Date, stepS: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from.getTime() / 1000 + i * stepS);
}

describe('the chart time axis', () => {
  it('writes hours and minutes when they tell the ticks apart (1 h, 6 h, 24 h)', () => {
    expect(timeAxisLabels(ticks(new Date(2026, 11, 3, 14, 0), 600, 4))).toEqual([
      '14:00',
      '14:10',
      '14:20',
      '14:30',
    ]);
    expect(timeAxisLabels(ticks(new Date(2026, 11, 3, 22, 0), 3 * 3600, 3))).toEqual([
      '22:00',
      '01:00',
      '04:00',
    ]);
  });

  it('adds seconds on the live range, where ticks fall within one minute (no "14:03 14:03")', () => {
    const labels = timeAxisLabels(ticks(new Date(2026, 11, 3, 14, 3, 0), 10, 6));
    expect(labels).toEqual(['14:03:00', '14:03:10', '14:03:20', '14:03:30', '14:03:40', '14:03:50']);
  });

  it('writes dates over a week: the day alone at midnight, else with the time', () => {
    expect(timeAxisLabels(ticks(new Date(2026, 10, 28), 86_400, 4))).toEqual([
      '11-28',
      '11-29',
      '11-30',
      '12-01',
    ]);
    expect(timeAxisLabels(ticks(new Date(2026, 11, 1, 12, 0), 12 * 3600, 3))).toEqual([
      '12-01 12:00',
      '12-02',
      '12-02 12:00',
    ]);
  });

  it('never repeats a label at any range and step', () => {
    const from = new Date(2026, 11, 3, 23, 59, 30);
    for (const step of [1, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600, 43_200, 86_400]) {
      const labels = timeAxisLabels(ticks(from, step, 12)).filter(Boolean);
      expect(new Set(labels).size, `step ${step} s`).toBe(labels.length);
      expect(labels.length, `step ${step} s`).toBe(12);
    }
  });
});
