import type { Clock, TimerHandle } from './clock';
import { type BackoffPolicy, backoffMs } from './poll-plan';

/**
 * How long rejected credentials wait before they are tried again: a minute at first, since the
 * server locks an app out for a minute after repeated bad UserSigs (70050), doubling to 15 minutes.
 */
export const CREDENTIALS_BACKOFF: BackoffPolicy = { firstMs: 60_000, ceilingMs: 15 * 60_000 };

/**
 * While the server rejects an app's credentials or account, tries them again now and then: one
 * call each time (the probe), later after each rejection, so that a key fixed on the server (or an
 * account paid up) is noticed without a storm of calls. `retryAt` says when the next try is.
 */
export class CredentialsRetry {
  private timer: TimerHandle | null = null;
  private attempts = 0;
  /** Wall-clock epoch ms of the next try, while one is planned. */
  retryAt: number | null = null;

  constructor(
    private readonly clock: Pick<Clock, 'wall' | 'setTimer' | 'clearTimer'>,
    private readonly random: () => number,
    /** Makes the one call that tells whether the credentials work again. */
    private readonly probe: () => void,
  ) {}

  /** After a rejection: plans the next try, a little later each time. */
  schedule(): void {
    this.cancel();
    this.attempts++;
    const delay = backoffMs(this.attempts, CREDENTIALS_BACKOFF, this.random);
    this.retryAt = this.clock.wall() + delay;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.retryAt = null;
      this.probe();
    }, delay);
  }

  /** Tries at once, as the user asks (retrying a room, resuming). */
  now(): void {
    this.cancel();
    this.probe();
  }

  /** The credentials work again, or polling stopped: no more tries, and the next rejection starts over. */
  reset(): void {
    this.cancel();
    this.attempts = 0;
  }

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.retryAt = null;
  }
}
