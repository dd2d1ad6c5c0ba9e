import {
  BUDGET_WINDOW_MS,
  callsAWindow,
  HEADROOM_SHARE,
  NETWORK_SPREAD_MS,
  sustainableRate,
} from '../common/budget-pace';
import type { Clock, TimerHandle } from './clock';

/** The documented limit of get_online_member_num: 200 calls per second per SDKAppID (1047/38521). */
export const API_RATE_CAP = 200;

/** How many of the last calls' times from grant to answer the budget's pace is judged on. */
const PACE_CALLS = 100;
/** Fewer calls than this say nothing of the pace yet. */
const PACE_FIRST_CALLS = 20;
/** A call held longer than this counts as this long: a hung call is an outage, not a pace. */
const PACE_HOLD_CEILING_MS = 1000;
/**
 * Answers within this long are quick: the pace keeps the window's margin for them, within half a
 * per cent of what they allow.
 */
const QUICK_ANSWER_MS = 30;
/** The pace moves only when the calls' mean moves this share away from it, so plans do not wobble. */
const PACE_STEP = 0.1;
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
 * A call's slot from {@link RateBudget.reserve}: it holds its place in the budget, undated, from its
 * grant until its answer comes back. `sent` says a request left: the first is the slot's own, any
 * further one (the same request sent again on a fresh connection) an extra call, held the same way.
 * `done` ends the slot when its attempt is over (answered, failed, or never sent) and dates its calls
 * then.
 */
export interface CallSlot {
  sent(): void;
  done(): void;
}

/**
 * The calls-per-second budget of one app profile. Every call the app makes takes one slot, and no
 * sliding one-second window ever holds more calls than the current limit (never above the cap, and
 * {@link HEADROOM_SHARE} under it). A rate-limited answer lowers the limit and pauses briefly; it
 * grows back by itself.
 *
 * The server counts a call in the second it arrives, which we never see: only that it is after the
 * call was let go and before its answer came back. So a reserved call counts in every window from
 * its grant until one second after its answer. Then no server second can hold more calls than the
 * limit, however late either side's event loop gets to its sockets: of the calls arriving in one
 * server second, the last one let go was let go before that second ended, when every other had
 * either not been answered yet or been answered within the second, after its arrival; each still
 * counted. A loaded machine only makes answers late, and the budget waits for them.
 */
export class RateBudget {
  /** Monotonic times of the calls of the last second, oldest first. */
  private readonly recent: number[] = [];
  /** Calls of reserved slots not answered yet: they count in every window until dated. */
  private open = 0;
  private readonly waiting: Array<(now: number) => void> = [];
  private drainTimer: TimerHandle | null = null;
  private cutLimit: number;
  private cutAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  /** The last calls' times from grant to answer (each up to {@link PACE_HOLD_CEILING_MS}), a ring. */
  private readonly holds = new Float64Array(PACE_CALLS);
  private holdsSeen = 0;
  private holdsSum = 0;
  /** The time a call holds its place before its answer that the pace is set for (see sustainableRate). */
  private paceHoldMs = NETWORK_SPREAD_MS;
  /** How a slot of this budget opens a further call and ends: one pair for every slot. */
  private readonly slotEnds: SlotEnds = {
    openOne: () => {
      this.open++;
    },
    close: (calls, grantedAt) => {
      this.open -= calls;
      const now = this.clock.monotonic();
      // A call whose answer has come back needs no guess of its spread: it arrived at the server
      // before its answer left. It is dated the margin before its answer, so that it counts for one
      // second after the answer, not the window's 1.025.
      const at = now - NETWORK_SPREAD_MS;
      for (let call = 0; call < calls; call++) this.date(at);
      // A slot given back unsent says nothing of how long answers take.
      if (grantedAt !== null) this.noteHold(now - grantedAt);
      this.drain();
    },
  };

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

  /**
   * Calls per second the budget can sustain at its cap. A reserved call holds its place from its
   * grant until a second after its answer, so each takes 1 s plus its time to be answered: the rate
   * is the cap less the headroom, over that. The answer time is the window's margin while calls are
   * answered within {@link QUICK_ANSWER_MS}, else the mean of the last {@link PACE_CALLS} calls (each
   * counted up to a second), moved in steps of {@link PACE_STEP}: with answers of 150 ms, 2,000 rooms
   * at 10 s are polled every 11.8 s, and the plan says so.
   */
  sustainableRate(): number {
    return sustainableRate(this.capPerSecond, this.paceHoldMs);
  }

  /**
   * The calls' usual time from grant to answer (ms) while it is longer than the window's margin, and
   * so slows the pace the cap allows; null while calls are answered within the margin.
   */
  answerMs(): number | null {
    return this.paceHoldMs > NETWORK_SPREAD_MS ? Math.round(this.paceHoldMs) : null;
  }

  /** True while the limit is below the cap or calls are paused after a rate-limited answer. */
  isSlowed(now = this.clock.monotonic()): boolean {
    return now < this.pausedUntil || this.limit(now) < this.capPerSecond;
  }

  /** Calls taken or answered in the last second, and those granted that have not been answered yet. */
  used(now = this.clock.monotonic()): number {
    this.forget(now);
    return this.recent.length + this.open;
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
      this.waiting.push((at) => {
        this.take(at);
        resolve();
      });
      this.drain();
    });
  }

  /**
   * Resolves once a slot is free, in order of asking, with the slot. Its call holds its place in
   * every window until {@link CallSlot.done} and is dated then: a call held up after its grant (a
   * busy event loop, a connection still opening, a server slow to read it) may reach the server in
   * any second until its answer comes back.
   */
  reserve(): Promise<CallSlot> {
    const slot = this.tryReserve();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => {
      this.waiting.push(() => resolve(this.hold()));
      this.drain();
    });
  }

  /**
   * The slot {@link reserve} would give, when one is free now and no call is waiting for one; null
   * otherwise (then nothing is taken). A caller that has a slot at hand goes on at once, without
   * waiting for a turn of the event loop.
   */
  tryReserve(): CallSlot | null {
    return this.waitMs() === 0 ? this.hold() : null;
  }

  /** A slot granted now: its call counts as open until it is done. */
  private hold(): CallSlot {
    this.open++;
    return new HeldSlot(this.slotEnds, this.clock.monotonic());
  }

  /** Keeps one slot's time from grant to end, and moves the pace when the calls' mean moved a step. */
  private noteHold(heldMs: number): void {
    const at = this.holdsSeen % PACE_CALLS;
    const held = Math.min(Math.max(heldMs, 0), PACE_HOLD_CEILING_MS);
    this.holdsSum += held - (this.holdsSeen >= PACE_CALLS ? (this.holds[at] as number) : 0);
    this.holds[at] = held;
    this.holdsSeen++;
    if (this.holdsSeen < PACE_FIRST_CALLS) return;
    const mean = this.holdsSum / Math.min(this.holdsSeen, PACE_CALLS);
    if (mean <= QUICK_ANSWER_MS) {
      this.paceHoldMs = NETWORK_SPREAD_MS;
      return;
    }
    const from = this.paceHoldMs === NETWORK_SPREAD_MS ? QUICK_ANSWER_MS : this.paceHoldMs;
    if (Math.abs(mean - from) > from * PACE_STEP) this.paceHoldMs = mean;
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
    const limit = Math.min(this.limit(now), callsAWindow(this.capPerSecond));
    if (this.recent.length + this.open < limit) return 0;
    // Calls not yet answered fill the window by themselves: a slot frees a second after one of them
    // is (its end drains); look again after a window in case none ever is.
    if (this.open >= limit) return BUDGET_WINDOW_MS;
    // The oldest call that must leave the window before one more fits.
    const blocking = this.recent[this.recent.length + this.open - limit] as number;
    return Math.max(1, Math.ceil(blocking + BUDGET_WINDOW_MS - now));
  }

  /** Dates a call that left at `at`, keeping the times in order. */
  private date(at: number): void {
    let i = this.recent.length;
    while (i > 0 && (this.recent[i - 1] as number) > at) i--;
    this.recent.splice(i, 0, at);
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
      this.waiting.shift()?.(now);
      granted++;
    }
    if (this.waiting.length === 0) return;
    // A few slots a turn: a call taken with acquire() is dated as it is let go, and the calls a turn
    // lets go are sent before the next are dated, so those times stay close to the times calls
    // leave (after a stall, letting every free slot go at once dated them all to one instant while
    // their sends spread over the next milliseconds). Reserved calls are dated by their answers, and
    // short turns let those answers in between the sends.
    const wait = granted === GRANTS_PER_TURN ? 0 : this.freeInMs(now);
    this.drainTimer = this.clock.setTimer(() => {
      this.drainTimer = null;
      this.drain();
    }, wait);
  }
}

/** What a {@link HeldSlot} tells its budget. */
interface SlotEnds {
  /** One more call of a slot left (the same request sent again). */
  openOne(): void;
  /**
   * The slot's attempt is over; its `calls` are dated now. `grantedAt`: when the slot was granted,
   * null when it sent nothing.
   */
  close(calls: number, grantedAt: number | null): void;
}

/**
 * A granted slot: the first request it sends is its own call, any further one (the same request sent
 * again on a fresh connection) an extra call; both hold their place until the slot is done.
 */
class HeldSlot implements CallSlot {
  private calls = 1;
  private sends = 0;
  private over = false;

  constructor(
    private readonly ends: SlotEnds,
    private readonly grantedAt: number,
  ) {}

  sent(): void {
    if (this.over) return;
    this.sends++;
    if (this.sends > this.calls) {
      this.calls++;
      this.ends.openOne();
    }
  }

  done(): void {
    if (this.over) return;
    this.over = true;
    this.ends.close(this.calls, this.sends > 0 ? this.grantedAt : null);
  }
}
