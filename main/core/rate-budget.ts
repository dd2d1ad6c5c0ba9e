import type { Clock, TimerHandle } from './clock';

/** The documented limit of get_online_member_num: 200 calls per second per SDKAppID (1047/38521). */
export const API_RATE_CAP = 200;

/**
 * The window the budget counts in: one second plus a margin, so that calls sent within the cap still
 * arrive within it when the network delays some more than others (the server counts arrivals).
 */
export const BUDGET_WINDOW_MS = 1025;
/** Pause after a rate-limited answer before any further call. */
const RATE_LIMITED_PAUSE_MS = 1000;
/** The most slots let go in one turn of the event loop. */
const GRANTS_PER_TURN = 8;
/** 70050 locks the app for one minute. */
const LOCKED_PAUSE_MS = 60_000;
/** Each rate-limited answer cuts the allowed rate to this share of what it was... */
const CUT_FACTOR = 0.75;
/** ...and it grows back by this share of the cap per quiet second. */
const RECOVERY_PER_SECOND = 0.05;

/**
 * The calls-per-second budget of one app profile. Every call the app makes takes one slot, and no
 * sliding one-second window ever holds more calls than the current limit (never above the cap).
 * A rate-limited answer lowers the limit and pauses briefly; it grows back by itself.
 */
export class RateBudget {
  /** Monotonic times of the calls of the last second, oldest first. */
  private readonly recent: number[] = [];
  private readonly waiting: Array<() => void> = [];
  private drainTimer: TimerHandle | null = null;
  private cutLimit: number;
  private cutAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Pick<Clock, 'monotonic' | 'setTimer' | 'clearTimer'>,
    private capPerSecond: number = API_RATE_CAP,
  ) {
    if (!(capPerSecond >= 1)) throw new RangeError('The rate cap must be at least 1 call per second.');
    this.cutLimit = capPerSecond;
  }

  get cap(): number {
    return this.capPerSecond;
  }

  /** Sets a new cap (a user-set lower value, or back to the API's). */
  setCap(capPerSecond: number): void {
    if (!(capPerSecond >= 1)) throw new RangeError('The rate cap must be at least 1 call per second.');
    this.capPerSecond = capPerSecond;
    this.cutLimit = Math.min(this.cutLimit, capPerSecond);
    this.drain();
  }

  /** The calls allowed in one second right now: the cap, or less while recovering from rate limiting. */
  limit(now = this.clock.monotonic()): number {
    const quietSeconds = Math.max(0, Math.floor((now - this.cutAt) / 1000));
    const grown = this.cutLimit + quietSeconds * Math.max(1, this.capPerSecond * RECOVERY_PER_SECOND);
    return Math.max(1, Math.floor(Math.min(this.capPerSecond, grown)));
  }

  /** Calls per second the budget can sustain at its cap: slightly under the cap, by the margin. */
  sustainableRate(): number {
    return (this.capPerSecond * 1000) / BUDGET_WINDOW_MS;
  }

  /** True while the limit is below the cap or calls are paused after a rate-limited answer. */
  isSlowed(now = this.clock.monotonic()): boolean {
    return now < this.pausedUntil || this.limit(now) < this.capPerSecond;
  }

  /** Calls taken in the last second. */
  used(now = this.clock.monotonic()): number {
    this.forget(now);
    return this.recent.length;
  }

  /** Calls waiting for a slot. */
  queued(): number {
    return this.waiting.length;
  }

  /** Milliseconds until a call may be made (0: now). Calls already waiting go first. */
  waitMs(now = this.clock.monotonic()): number {
    const free = this.freeInMs(now);
    return this.waiting.length > 0 ? Math.max(1, free) : free;
  }

  /** Takes a slot now. Only valid when {@link waitMs} is 0. */
  take(now = this.clock.monotonic()): void {
    this.recent.push(now);
  }

  /** Resolves once a slot is free, in order of asking, and takes it. */
  acquire(): Promise<void> {
    const now = this.clock.monotonic();
    if (this.waitMs(now) === 0) {
      this.take(now);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.drain();
    });
  }

  /** Reacts to a rate-limited answer: pause, then a lower limit that recovers. */
  slowDown(code?: number, now = this.clock.monotonic()): void {
    // Answers to calls sent before the last cut say nothing new: cut at most once per pause.
    if (now < this.pausedUntil && code !== 70050) return;
    this.cutLimit = Math.max(1, Math.floor(this.limit(now) * CUT_FACTOR));
    this.cutAt = now;
    this.pausedUntil = Math.max(
      this.pausedUntil,
      now + (code === 70050 ? LOCKED_PAUSE_MS : RATE_LIMITED_PAUSE_MS),
    );
    this.drain();
  }

  private freeInMs(now: number): number {
    if (now < this.pausedUntil) return Math.ceil(this.pausedUntil - now);
    this.forget(now);
    const limit = this.limit(now);
    if (this.recent.length < limit) return 0;
    // The oldest call that must leave the window before one more fits.
    const blocking = this.recent[this.recent.length - limit] as number;
    return Math.max(1, Math.ceil(blocking + BUDGET_WINDOW_MS - now));
  }

  private forget(now: number): void {
    let drop = 0;
    while (drop < this.recent.length && (this.recent[drop] as number) <= now - BUDGET_WINDOW_MS) drop++;
    if (drop > 0) this.recent.splice(0, drop);
  }

  private drain(): void {
    if (this.drainTimer !== null) {
      this.clock.clearTimer(this.drainTimer);
      this.drainTimer = null;
    }
    if (this.waiting.length === 0) return;
    const now = this.clock.monotonic();
    let granted = 0;
    while (this.waiting.length > 0 && granted < GRANTS_PER_TURN && this.freeInMs(now) === 0) {
      this.take(now);
      this.waiting.shift()?.();
      granted++;
    }
    if (this.waiting.length === 0) return;
    // A few slots a turn: the calls they let go are sent before the next slots are dated, so the
    // times the budget counts stay the times calls leave. After a stall, letting every free slot go
    // at once dated them all to one instant while their sends spread over the next milliseconds, and
    // the next second's calls met that tail in the server's window.
    const wait = granted === GRANTS_PER_TURN ? 0 : this.freeInMs(now);
    this.drainTimer = this.clock.setTimer(() => {
      this.drainTimer = null;
      this.drain();
    }, wait);
  }
}
