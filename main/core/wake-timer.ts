import type { Clock, TimerHandle } from './clock';

/**
 * One pending wake-up that only ever moves earlier: asking for a later one while an earlier is set
 * changes nothing, so a loop that re-arms itself from several places never stacks timers.
 */
export class WakeTimer {
  private handle: TimerHandle | null = null;
  private at = Number.POSITIVE_INFINITY;

  constructor(
    private readonly clock: Pick<Clock, 'monotonic' | 'setTimer' | 'clearTimer'>,
    private readonly fire: () => void,
  ) {}

  /** Wakes in `delayMs`, unless a wake-up is already due sooner. */
  arm(delayMs: number): void {
    const at = this.clock.monotonic() + delayMs;
    if (this.handle !== null && this.at <= at) return;
    this.set(at, delayMs);
  }

  /**
   * Wakes at `at` on the clock's monotonic timeline, in place of any wake-up set. One set for that
   * very moment is kept as it is: a loop that asks for the same wake-up after every step (the monitor
   * after every answer, for the room due next) makes no new timer for it.
   */
  wakeAt(at: number): void {
    if (this.handle !== null && this.at === at) return;
    this.set(at, Math.max(0, at - this.clock.monotonic()));
  }

  cancel(): void {
    if (this.handle !== null) this.clock.clearTimer(this.handle);
    this.handle = null;
    this.at = Number.POSITIVE_INFINITY;
  }

  /** Replaces any wake-up with one at `at`, `delayMs` from now. */
  private set(at: number, delayMs: number): void {
    this.cancel();
    this.at = at;
    this.handle = this.clock.setTimer(this.ring, delayMs);
  }

  /** What every wake-up of this timer runs: one function for all of them, not one made for each. */
  private readonly ring = (): void => {
    this.handle = null;
    this.at = Number.POSITIVE_INFINITY;
    this.fire();
  };
}
