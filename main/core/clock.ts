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

/** The real clock of the process (Node, Electron main, or a browser); long waits are chained. */
export const systemClock: Clock = {
  monotonic: () => performance.now(),
  wall: () => Date.now(),
  setTimer: (fn, ms) => longTimeout(fn, ms),
  clearTimer: (handle) => (handle as LongTimeout | undefined)?.cancel(),
};
