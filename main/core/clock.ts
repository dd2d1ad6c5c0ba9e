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
 * one is chained through {@link longTimeout}.
 */
export const systemClock: Clock = {
  monotonic: () => performance.now(),
  wall: () => Date.now(),
  setTimer: (fn, ms) => (ms <= MAX_TIMER_MS ? setTimeout(fn, Math.max(ms, 0)) : longTimeout(fn, ms)),
  clearTimer: (handle) => {
    const chained = handle as Partial<LongTimeout> | undefined;
    if (typeof chained?.cancel === 'function') chained.cancel();
    else clearTimeout(handle as ReturnType<typeof setTimeout> | undefined);
  },
};
