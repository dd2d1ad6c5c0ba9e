/** A tick this much later than expected means the process did not run for a while (a gap). */
const GAP_THRESHOLD_MS = 1_000;
/** A gap this long means the machine slept (or the clock jumped): counts are marked stale. */
const SLEEP_THRESHOLD_MS = 5_000;

/**
 * Notices that the machine slept: between two ticks the wall clock moved on far more than expected,
 * while timers (monotonic time) were frozen or fired very late.
 */
export class SleepDetector {
  private lastWall: number;
  private lastMonotonic: number;

  constructor(wall: number, monotonic: number) {
    this.lastWall = wall;
    this.lastMonotonic = monotonic;
  }

  /**
   * Takes a new reading and returns how long the monotonic clock missed (to add to it), how long
   * the process did not run, and whether that was long enough to call a sleep; null when the tick
   * came about on time.
   */
  observe(
    wall: number,
    monotonic: number,
    expectedMs: number,
  ): { missedMs: number; gapMs: number; slept: boolean } | null {
    const wallStep = wall - this.lastWall;
    const monotonicStep = monotonic - this.lastMonotonic;
    this.lastWall = wall;
    this.lastMonotonic = monotonic;
    const gapMs = Math.max(wallStep, monotonicStep) - expectedMs;
    if (gapMs <= GAP_THRESHOLD_MS) return null;
    return { missedMs: Math.max(0, wallStep - monotonicStep), gapMs, slept: gapMs > SLEEP_THRESHOLD_MS };
  }
}
