import { MAX_TIMER_MS } from '../common/duration';

/** A pending {@link longTimeout}. */
export interface LongTimeout {
  cancel(): void;
}

/**
 * setTimeout for any delay. A delay past what one timer holds (2^31 - 1 ms, about 24.8 days) would
 * fire at once, so the wait is chained through as many timers as it takes. A delay that is not a
 * number above zero fires on the next turn, as setTimeout's would.
 */
export function longTimeout(fire: () => void, delayMs: number): LongTimeout {
  let timer: ReturnType<typeof setTimeout>;
  const arm = (left: number): void => {
    timer = setTimeout(
      left > MAX_TIMER_MS ? () => arm(left - MAX_TIMER_MS) : fire,
      Math.min(left, MAX_TIMER_MS),
    );
  };
  arm(Math.max(delayMs, 0));
  return { cancel: () => clearTimeout(timer) };
}
