import { describe, expect, it } from 'vitest';
import {
  MOVING_FOR_MS,
  movedEnough,
  QUIET_AFTER_MS,
  SLOWEST_PLANNED_MS,
  tierIntervals,
  tierOf,
} from '../../main/core/poll-tiers';

/** What 200 calls/s sustains in the budget: 195 calls (the cap less its headroom) in 1.025 s. */
const RATE = 195 / 1.025;

describe('which tier a room is in', () => {
  const quiet = { held: [], movedAt: null, zeroSince: null };

  it('is fast while something holds it or it moved in the last five minutes', () => {
    expect(tierOf({ ...quiet, held: ['open'] }, 0)).toEqual({ tier: 'fast', reasons: ['open'] });
    expect(tierOf({ ...quiet, movedAt: 0 }, MOVING_FOR_MS - 1)).toEqual({
      tier: 'fast',
      reasons: ['moving'],
    });
    expect(tierOf({ ...quiet, held: ['alert'], movedAt: 0 }, 1)).toEqual({
      tier: 'fast',
      reasons: ['alert', 'moving'],
    });
    expect(tierOf({ ...quiet, movedAt: 0 }, MOVING_FOR_MS).tier).toBe('normal');
  });

  it('is slow after half an hour at zero, and not before', () => {
    expect(tierOf({ ...quiet, zeroSince: 0 }, QUIET_AFTER_MS - 1).tier).toBe('normal');
    expect(tierOf({ ...quiet, zeroSince: 0 }, QUIET_AFTER_MS)).toEqual({ tier: 'slow', reasons: ['quiet'] });
    // Someone looking wins over quiet.
    expect(tierOf({ held: ['pinned'], movedAt: null, zeroSince: 0 }, QUIET_AFTER_MS).tier).toBe('fast');
  });

  it('calls a move a tenth of the larger count, and at least ten people', () => {
    expect(movedEnough(1000, 1112)).toBe(true);
    expect(movedEnough(1000, 1100)).toBe(false);
    expect(movedEnough(1112, 1000)).toBe(true);
    // Noise of 5 % either side of 1,000 is not a move.
    expect(movedEnough(950, 1050)).toBe(false);
    expect(movedEnough(0, 9)).toBe(false);
    expect(movedEnough(0, 10)).toBe(true);
    expect(movedEnough(20, 29)).toBe(false);
  });
});

describe('the interval of each tier', () => {
  it('keeps every room at the requested interval while they all fit', () => {
    expect(tierIntervals({ fast: 100, normal: 1800, slow: 0 }, 10_000, RATE)).toEqual({
      fast: 10_000,
      normal: 10_000,
      slow: 10_000,
    });
  });

  it('stretches all alike when the rooms are all of one kind, as an even plan does', () => {
    const even = (5000 * 1000) / RATE;
    expect(tierIntervals({ fast: 0, normal: 5000, slow: 0 }, 10_000, RATE)).toEqual({
      fast: even,
      normal: even,
      slow: even,
    });
  });

  it('keeps 500 fast rooms of 5,000 at 10 s and gives the rest what is left, within the cap', () => {
    const rooms = { fast: 500, normal: 4500, slow: 0 };
    const intervals = tierIntervals(rooms, 10_000, RATE);
    expect(intervals.fast).toBe(10_000);
    expect(intervals.normal).toBeGreaterThan(25_000);
    expect(intervals.normal).toBeLessThan(SLOWEST_PLANNED_MS);
    const calls = (500 * 1000) / intervals.fast + (4500 * 1000) / intervals.normal;
    expect(calls).toBeLessThan(RATE);
    expect(calls).toBeGreaterThan(RATE * 0.95);
  });

  it('slows quiet rooms first, so that the normal ones keep up', () => {
    const intervals = tierIntervals({ fast: 500, normal: 2000, slow: 2500 }, 10_000, RATE);
    expect(intervals.fast).toBe(10_000);
    expect(intervals.slow).toBe(SLOWEST_PLANNED_MS);
    expect(intervals.normal).toBeLessThan(intervals.slow);
    const calls = 50 + (2000 * 1000) / intervals.normal + (2500 * 1000) / intervals.slow;
    expect(calls).toBeLessThan(RATE);
  });

  it('lets quiet rooms use what normal rooms at the requested interval leave', () => {
    const intervals = tierIntervals({ fast: 100, normal: 1500, slow: 1000 }, 10_000, RATE);
    expect(intervals).toMatchObject({ fast: 10_000, normal: 10_000 });
    expect(intervals.slow).toBeGreaterThan(10_000);
    expect(intervals.slow).toBeLessThan(SLOWEST_PLANNED_MS);
  });

  it('stretches fast rooms only when the others are already at the slowest interval', () => {
    const intervals = tierIntervals({ fast: 1500, normal: 6000, slow: 0 }, 10_000, RATE);
    expect(intervals.normal).toBe(SLOWEST_PLANNED_MS);
    expect(intervals.fast).toBeGreaterThan(10_000);
    expect(intervals.fast).toBeLessThan(SLOWEST_PLANNED_MS);
    expect(1500 * (1000 / intervals.fast) + 6000 * (1000 / intervals.normal)).toBeLessThan(RATE);
  });

  it('stretches all alike when not even the slowest interval fits every room', () => {
    const even = (12_000 * 1000) / RATE;
    expect(tierIntervals({ fast: 2000, normal: 10_000, slow: 0 }, 10_000, RATE)).toEqual({
      fast: even,
      normal: even,
      slow: even,
    });
  });
});
