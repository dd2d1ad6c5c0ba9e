import { MAX_TIMER_MS } from '../common/duration';
import { type LongTimeout, longTimeout } from './long-timeout';

/** Opaque handle of a pending timer. */
export type TimerHandle = unknown;

/**
 * Time as the engine sees it. Scheduling and ages use the monotonic reading, which neither jumps
 * with the wall clock nor (on Linux and macOS) advances while the machine sleeps; timestamps shown to
 * people and the UserSig's `TLS.time` use the wall clock.
 */
export interface Clock {
  /** Monotonic milliseconds from an arbitrary origin. */
  monotonic(): number;
  /** Milliseconds since the Unix epoch. */
  wall(): number;
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/**
 * The real clock of the process (Node, Electron main, or a browser). A wait one timer holds is that
 * timer, with nothing made around it (the monitor sets one for nearly every call it sends); a longer
 * one is chained through {@link longTimeout}. A wait one timer holds never ends before it is over on
 * {@link Clock.monotonic} (see {@link timerDelayMs}).
 */
export const systemClock: Clock = {
  monotonic: () => performance.now(),
  wall: () => Date.now(),
  setTimer: (fn, ms) => {
    const delay = timerDelayMs(ms);
    return delay <= MAX_TIMER_MS ? setTimeout(fn, delay) : longTimeout(fn, ms);
  },
  clearTimer: (handle) => {
    const chained = handle as Partial<LongTimeout> | undefined;
    if (typeof chained?.cancel === 'function') chained.cancel();
    else clearTimeout(handle as ReturnType<typeof setTimeout> | undefined);
  },
};

/**
 * The delay to give setTimeout for a wait of `ms` that must be over when it fires. Node counts a
 * timeout in whole milliseconds of its loop's clock, from the start of the millisecond it is set in,
 * and drops the fraction of the delay: a timer set for 4.5 ms fires after 3 to 4.5 ms. The monitor
 * sets its wake-up for the moment the next room is due, to a fraction of a millisecond: woken early,
 * it found the room not yet due and set a timer for the rest, a second wake-up for most calls at
 * 2,000 rooms. One millisecond more than the wait rounded up is never early, and late by one
 * millisecond on average. A wait of zero or less fires on the next turn.
 */
export function timerDelayMs(ms: number): number {
  return ms > 0 ? Math.ceil(ms) + 1 : 0;
}
