/**
 * The sleep detector at its thresholds: a tick up to a second late is on time, a gap of up to five
 * seconds is a pause and not a sleep, and what the monotonic clock missed is the wall clock's step
 * beyond its own, never less than nothing.
 */
import { describe, expect, it } from 'vitest';
import { SleepDetector } from '../../main/core/sleep-detector';

/** A detector that saw its last tick at 0 on both clocks, then one tick `wallStep` and `monotonicStep` later. */
const tick = (wallStep: number, monotonicStep: number, expectedMs = 1_000) =>
  new SleepDetector(1_000_000, 0).observe(1_000_000 + wallStep, monotonicStep, expectedMs);

describe('the sleep detector at its edges', () => {
  it('takes a tick up to a second late as on time, and one a moment later as a gap', () => {
    expect(tick(2_000, 2_000)).toBeNull();
    expect(tick(2_001, 2_001)).toEqual({ missedMs: 0, gapMs: 1_001, slept: false });
  });

  it('calls a gap of five seconds a pause, and one a moment longer a sleep', () => {
    expect(tick(6_000, 6_000)).toEqual({ missedMs: 0, gapMs: 5_000, slept: false });
    expect(tick(6_001, 6_001)).toEqual({ missedMs: 0, gapMs: 5_001, slept: true });
  });

  it("counts as missed the wall clock's step beyond the monotonic one, and nothing when timers ran ahead", () => {
    expect(tick(3_601_000, 1_000)).toEqual({ missedMs: 3_600_000, gapMs: 3_600_000, slept: true });
    expect(tick(1_000, 4_000)).toEqual({ missedMs: 0, gapMs: 3_000, slept: false });
  });
});
