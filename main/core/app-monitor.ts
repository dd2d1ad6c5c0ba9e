import { appStatusOf } from './app-status';
import type { Clock, TimerHandle } from './clock';
import { CredentialsRetry } from './credentials-retry';
import { CURRENT_FOR_INTERVALS } from './current-count';
import { APP_STOPPING_KINDS, type ImError, ROOM_STOPPING_KINDS } from './error-kind';
import type { ApiResult } from './im-client';
import type { AppStatus, MonitorEvent, MonitorListener, RoomSnapshot } from './monitor-events';
import {
  type BackoffPolicy,
  backoffMs,
  DEFAULT_BACKOFF,
  DEFAULT_INTERVAL_MS,
  planPolling,
  spreadDueTimes,
} from './poll-plan';
import { PollScheduler } from './poll-scheduler';
import type { HoldReason } from './poll-tiers';
import type { RateBudget } from './rate-budget';
import { RoomWatch } from './room-watch';
import { SleepDetector } from './sleep-detector';
import { WakeTimer } from './wake-timer';

/** What the monitor polls: the IM client, or anything that answers like it. */
export interface OnlineCountSource {
  getOnlineMemberNum(groupId: string): Promise<ApiResult<number>>;
}

export interface AppMonitorOptions {
  source: OnlineCountSource;
  /** The app profile's rate budget, shared with every other call the app makes. */
  budget: RateBudget;
  clock: Clock;
  intervalMs?: number;
  backoff?: BackoffPolicy;
  /** A count older than this many effective intervals is stale (by default the totals' rule: two). */
  staleAfterIntervals?: number;
  random?: () => number;
}

const TICK_MS = 1000;

/**
 * Rooms due within this many milliseconds go with the call being sent. At 2,000 rooms and 10 s the
 * rooms are 5.26 ms apart, and each one woke the process for its own call, its answer for another:
 * sending those due in the next 20 ms together wakes it once for about four calls, and their answers
 * come back together. No room goes more than this early; a room with none due soon after it goes on
 * time, and every room stays on its own grid (the next due time is one interval after this one).
 */
export const SEND_AHEAD_MS = 20;

/**
 * When the rooms do not fit the cap, rooms move between paces all the time (one starts moving, one
 * settles): how many rooms each pace holds is news at most this often, while a new state, reason
 * or kind of pace is news at once.
 */
export const PACE_COUNTS_NEWS_MS = 10_000;

/**
 * Watches the rooms of one app profile: polls each room once per interval, spread evenly, within the
 * rate budget; keeps each room's state; and reports every change as an event (the counts' history
 * is kept by whoever listens: see core/history/history-recorder.ts).
 */
export class AppMonitor {
  private readonly rooms = new Map<string, RoomWatch>();
  private readonly listeners = new Set<MonitorListener>();
  private readonly clock: Clock;
  private readonly budget: RateBudget;
  private source: OnlineCountSource;
  private requestedIntervalMs: number;
  private readonly options: AppMonitorOptions;
  private readonly random: () => number;
  private running = false;
  private pausedByUser = false;
  private appError: ImError | null = null;
  /** Bumped when the credentials change, so answers to the old ones are ignored. */
  private generation = 0;
  private readonly pumpTimer: WakeTimer;
  private tickTimer: TimerHandle | null = null;
  private sleptMs = 0;
  private sleep: SleepDetector;
  private lastStatusKey = '';
  private lastPaceCounts = '';
  private lastStatusAt = Number.NEGATIVE_INFINITY;
  /** What the status was last judged from, when that judgement left nothing to say later. */
  private judged: StatusFacts | null = null;
  /** Tries rejected credentials again now and then; `probing` while its one call is out. */
  private readonly credentials: CredentialsRetry;
  private probing = false;
  /** Which polled room goes next, and each one's interval (see PollScheduler). */
  private readonly scheduler: PollScheduler;

  constructor(options: AppMonitorOptions) {
    this.options = options;
    this.clock = options.clock;
    this.budget = options.budget;
    this.source = options.source;
    this.requestedIntervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.random = options.random ?? Math.random;
    this.sleep = new SleepDetector(this.clock.wall(), this.clock.monotonic());
    this.pumpTimer = new WakeTimer(this.clock, () => this.pump());
    this.credentials = new CredentialsRetry(this.clock, this.random, () => this.probeCredentials());
    this.scheduler = new PollScheduler(this.requestedIntervalMs, () => this.budget.sustainableRate());
  }

  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: MonitorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds rooms (ids already checked); new rooms are polled soon, spread over one interval. */
  addRooms(groupIds: readonly string[]): void {
    const fresh = [...new Set(groupIds)].filter((id) => !this.rooms.has(id));
    const total = this.scheduler.size + fresh.length;
    const now = this.elapsed();
    // New rooms take their share of one interval, so adding many does not poll them in a burst.
    const due = spreadDueTimes(total, now, this.evenIntervalMs(total));
    fresh.forEach((id, i) => {
      const room = new RoomWatch(id);
      this.rooms.set(id, room);
      this.scheduler.enter(room, due[i] as number, now);
    });
    this.emitStatusIfChanged();
    this.pump();
  }

  /**
   * Tells this monitor's listeners an event about one of its rooms that a companion saw (the count
   * pusher's writes), so that everything about a room arrives on one stream, in order.
   */
  relay(event: MonitorEvent): void {
    this.emit(event);
  }

  removeRoom(groupId: string): void {
    const room = this.rooms.get(groupId);
    if (room) this.scheduler.leave(room);
    this.rooms.delete(groupId);
    this.emitStatusIfChanged();
  }

  /** Polls a stopped or failing room again now (the user says it is back). */
  retryRoom(groupId: string): void {
    const room = this.rooms.get(groupId);
    if (!room) return;
    const now = this.elapsed();
    if (room.status === 'stopped') {
      room.status = room.online === null ? 'waiting' : 'stale';
      this.scheduler.enter(room, now, now);
    } else this.scheduler.setDue(room, now);
    if (this.appError) this.credentials.now();
    this.pump();
  }

  room(groupId: string): RoomSnapshot | undefined {
    return this.rooms.get(groupId)?.snapshot(this.elapsed());
  }

  snapshot(): RoomSnapshot[] {
    const now = this.elapsed();
    return [...this.rooms.values()].map((room) => room.snapshot(now));
  }

  /**
   * The rooms with these ids, in the order given; ids not watched are skipped. A push of the rooms
   * that changed takes these, not a snapshot of every room filtered down.
   */
  roomsNamed(groupIds: Iterable<string>): RoomSnapshot[] {
    const now = this.elapsed();
    const rooms: RoomSnapshot[] = [];
    for (const id of groupIds) {
      const room = this.rooms.get(id);
      if (room) rooms.push(room.snapshot(now));
    }
    return rooms;
  }

  /** Gives `visit` every room, one at a time, without an array of them all (the totals, at every push). */
  eachRoom(visit: (room: RoomSnapshot) => void): void {
    const now = this.elapsed();
    for (const room of this.rooms.values()) visit(room.snapshot(now));
  }

  status(): AppStatus {
    const now = this.clock.monotonic();
    return appStatusOf({
      plan: this.plan(),
      capPerSecond: this.budget.cap,
      limitPerSecond: this.budget.limit(now),
      answerMs: this.budget.answerMs(),
      appError: this.appError,
      pausedByUser: this.pausedByUser,
      slowed: this.budget.isSlowed(now),
      retryAt: this.credentials.retryAt,
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.sleep = new SleepDetector(this.clock.wall(), this.clock.monotonic());
    this.scheduleTick();
    this.emitStatusIfChanged();
    this.pump();
  }

  /** Stops all timers; answers still on their way are dropped, so their rooms are polled after a start. */
  stop(): void {
    this.running = false;
    this.forgetCallsInFlight();
    this.credentials.reset();
    this.pumpTimer.cancel();
    if (this.tickTimer !== null) this.clock.clearTimer(this.tickTimer);
    this.tickTimer = null;
  }

  pause(): void {
    this.pausedByUser = true;
    this.emitStatusIfChanged();
  }

  resume(): void {
    this.pausedByUser = false;
    if (this.appError) this.credentials.now();
    this.emitStatusIfChanged();
    this.pump();
  }

  /**
   * Holds these rooms at the requested interval for `reason` while the rooms do not fit the rate
   * (the rooms with a firing alert, the pinned ones, the tray's number), in place of the last set.
   */
  hold(reason: Exclude<HoldReason, 'open'>, groupIds: Iterable<string>): void {
    this.scheduler.hold(reason, groupIds, this.elapsed());
    this.emitStatusIfChanged();
    this.pump();
  }

  /** Someone has these rooms open: they keep the requested interval for a while (see LOOK_HOLDS_MS). */
  lookAt(groupIds: Iterable<string>): void {
    this.scheduler.lookAt(groupIds, this.elapsed());
    this.emitStatusIfChanged();
    this.pump();
  }

  /** New credentials (or a new endpoint): clears an auth or account stop and polls again. */
  setSource(source: OnlineCountSource): void {
    this.source = source;
    this.forgetCallsInFlight();
    this.appError = null;
    this.credentials.reset();
    this.emitStatusIfChanged();
    this.respread();
  }

  setIntervalMs(intervalMs: number): void {
    this.requestedIntervalMs = intervalMs;
    this.scheduler.setRequestedInterval(intervalMs);
    this.emitStatusIfChanged();
    this.respread();
  }

  /** The machine woke up (from the OS, or noticed by the tick): counts are stale; poll again at once. */
  wake(sleptMs = 0): void {
    const now = this.elapsed();
    // Said before the rooms turn stale, so that no listener takes that staleness for news.
    this.emit({ type: 'resumed', sleptMs, at: this.clock.wall() });
    for (const room of this.rooms.values()) {
      room.staleHeld = true;
      if (room.markStale()) this.emit({ type: 'room', room: room.snapshot(now), at: this.clock.wall() });
    }
    this.respread();
  }

  /** Drops the answers still on their way (settle ignores an older generation) and frees their rooms. */
  private forgetCallsInFlight(): void {
    this.generation++;
    this.probing = false;
    for (const room of this.rooms.values()) {
      room.inFlight = false;
      this.scheduler.requeue(room);
    }
  }

  private plan() {
    return this.scheduler.plan();
  }

  /** The interval that polls `rooms` rooms once each at the rate the budget sustains (or the requested one). */
  private evenIntervalMs(rooms = this.scheduler.size): number {
    return planPolling(rooms, this.requestedIntervalMs, this.budget.sustainableRate()).effectiveIntervalMs;
  }

  /** Monotonic time plus the sleep the monotonic clock did not count: ages include the sleep. */
  private elapsed(): number {
    return this.clock.monotonic() + this.sleptMs;
  }

  /** Spreads every polled room (but `polledNow`) evenly over one interval, starting now. */
  private respread(polledNow?: RoomWatch): void {
    const now = this.elapsed();
    const active = [...this.scheduler.polled()].filter((room) => room !== polledNow);
    active.sort((a, b) => a.dueAt - b.dueAt);
    const due = spreadDueTimes(active.length, now, this.evenIntervalMs(active.length));
    active.forEach((room, i) => {
      this.scheduler.setDue(room, due[i] as number);
    });
    this.pump();
  }

  /**
   * Sends every call that is due, or due within {@link SEND_AHEAD_MS}, and that the budget lets go,
   * then sets the wake-up for the next. It runs after every answer: the wake-up it then asks for is
   * most often the one already set, for the same room, and is kept rather than made again (see
   * WakeTimer.wakeAt).
   */
  private pump = (): void => {
    if (!this.running || this.pausedByUser || this.appError) {
      this.pumpTimer.cancel();
      return;
    }
    const now = this.elapsed();
    const horizon = now + SEND_AHEAD_MS;
    for (;;) {
      const room = this.scheduler.next(horizon);
      if (!room) {
        this.pumpTimer.cancel();
        return;
      }
      // The wake-up on the monotonic timeline: elapsed time less the sleep it counts.
      const wakeAt = room.dueAt > horizon ? room.dueAt : now + this.budget.waitMs();
      if (wakeAt > now) {
        this.pumpTimer.wakeAt(wakeAt - this.sleptMs);
        return;
      }
      this.dispatch(room, now);
    }
  };

  private dispatch(room: RoomWatch, now: number, probe = false): void {
    this.scheduler.take(room, now);
    room.inFlight = true;
    const generation = this.generation;
    this.source.getOnlineMemberNum(room.groupId).then(
      (result) => this.settle(room, result, generation, probe),
      (cause: unknown) => {
        const message = `Polling failed inside Headcount: ${cause instanceof Error ? cause.message : String(cause)}`;
        this.settle(room, { ok: false, error: { kind: 'unknown', message } }, generation, probe);
      },
    );
  }

  /** One call to learn whether rejected credentials work again (see CredentialsRetry). */
  private probeCredentials(): void {
    if (!this.running || !this.appError || this.probing) return;
    // Paused by the user: resuming tries at once.
    if (this.pausedByUser) {
      this.credentials.reset();
      return;
    }
    const room = this.scheduler.next(this.elapsed());
    if (!room) {
      this.credentials.schedule();
      return;
    }
    this.probing = true;
    this.dispatch(room, this.elapsed(), true);
  }

  private settle(room: RoomWatch, result: ApiResult<number>, generation: number, probe = false): void {
    if (probe) this.probing = false;
    if (generation !== this.generation || this.rooms.get(room.groupId) !== room) return;
    room.inFlight = false;
    this.scheduler.requeue(room);
    if (probe && this.appError) {
      // Only a count, or a verdict on the room itself, shows the server took the credentials; a
      // rejection, a lock-out (70050) or no answer at all means trying again later.
      if (!result.ok && !ROOM_STOPPING_KINDS.has(result.error.kind)) {
        if (APP_STOPPING_KINDS.has(result.error.kind)) this.appError = result.error;
        this.credentials.schedule();
        this.emitStatusIfChanged();
        return;
      }
      // Poll every other room again, spread over an interval rather than all at once: this answer
      // is this room's poll for the round.
      this.appError = null;
      this.credentials.reset();
      this.respread(room);
    }
    room.staleHeld = false;
    const now = this.elapsed();
    const at = this.clock.wall();
    const before = room.status;
    if (result.ok) {
      const previous = room.recordSample(result.value, at, now);
      this.scheduler.review(room, now);
      this.emit({ type: 'sample', groupId: room.groupId, online: result.value, at, previous });
    } else {
      this.handleError(room, result.error, now, at);
    }
    if (room.status !== before) this.emit({ type: 'room', room: room.snapshot(now), at: this.clock.wall() });
    this.emitStatusIfChanged();
    this.pump();
  }

  private handleError(room: RoomWatch, error: ImError, now: number, at: number): void {
    if (APP_STOPPING_KINDS.has(error.kind)) {
      // One report per app, not one per room: later answers while stopped are not news.
      if (this.appError) return;
      this.appError = error;
      this.credentials.schedule();
    } else if (error.kind === 'rate-limited') {
      this.budget.slowDown(error.code);
      this.scheduler.setDue(room, now);
    } else if (ROOM_STOPPING_KINDS.has(error.kind)) {
      room.stop(error, at);
      // A stopped room takes no share of the rate: three wrong ids do not stretch everyone's interval.
      this.scheduler.leave(room);
    } else {
      room.recordFailure(error);
      const backoff = backoffMs(
        room.consecutiveFailures,
        this.options.backoff ?? DEFAULT_BACKOFF,
        this.random,
      );
      this.scheduler.setDue(room, now + backoff);
    }
    const failures = room.consecutiveFailures;
    this.emit({ type: 'error', groupId: room.groupId, error, at, consecutiveFailures: failures });
  }

  private scheduleTick(): void {
    this.tickTimer = this.clock.setTimer(() => {
      this.tick();
      if (this.running) this.scheduleTick();
    }, TICK_MS);
  }

  /** Once a second: notice sleep, mark old counts stale, report status changes. */
  private tick(): void {
    const woke = this.sleep.observe(this.clock.wall(), this.clock.monotonic(), TICK_MS);
    // A gap in the process's own time, however short, is not the rooms' doing: none is stale for
    // it until its first poll after the gap comes back. A long one is a sleep, said as such.
    for (const room of woke ? this.rooms.values() : []) room.staleHeld = true;
    if (woke?.slept) {
      this.sleptMs += woke.missedMs;
      this.wake(woke.gapMs);
    }
    const now = this.elapsed();
    this.scheduler.reviewAll(now);
    const appInterval = this.plan().effectiveIntervalMs;
    const intervals = this.options.staleAfterIntervals ?? CURRENT_FOR_INTERVALS;
    for (const room of this.rooms.values()) {
      const age = room.ageMs(now);
      const staleAfter = (room.intervalMs ?? appInterval) * intervals;
      if (age !== null && age > staleAfter && !room.staleHeld && room.markStale())
        this.emit({ type: 'room', room: room.snapshot(now), at: this.clock.wall() });
    }
    this.emitStatusIfChanged();
  }

  /** Everything {@link status} is made of, but the plan, which the scheduler's version stands for. */
  private statusFacts(now: number): StatusFacts {
    return {
      schedule: this.scheduler.version,
      cap: this.budget.cap,
      limit: this.budget.limit(now),
      answerMs: this.budget.answerMs(),
      slowed: this.budget.isSlowed(now),
      appError: this.appError,
      pausedByUser: this.pausedByUser,
      retryAt: this.credentials.retryAt,
    };
  }

  /**
   * Says the status when it is news. Asked after every answer: when nothing it is made of has changed
   * since it was last judged, and that judgement left nothing for later (pace counts held back for
   * {@link PACE_COUNTS_NEWS_MS}), it is not worked out again.
   */
  private emitStatusIfChanged(): void {
    const now = this.clock.monotonic();
    const facts = this.statusFacts(now);
    if (this.judged && sameFacts(this.judged, facts)) return;
    const status = this.status();
    const { tiers } = status.plan;
    const paces = tiers
      ? tiers.map((t) => Object.keys(t.reasons).join('+')).join()
      : Math.round(status.plan.effectiveIntervalMs / 100);
    const key = `${status.state}|${status.plan.rooms}|${status.reason ?? ''}|${paces}`;
    const counts = (tiers ?? []).map((t) => `${t.rooms}@${Math.round(t.intervalMs / 1000)}`).join();
    if (key === this.lastStatusKey) {
      if (counts === this.lastPaceCounts) {
        this.judged = facts;
        return;
      }
      if (now - this.lastStatusAt < PACE_COUNTS_NEWS_MS) {
        // New counts held back: judged again on the next occasion, until they are said.
        this.judged = null;
        return;
      }
    }
    this.lastStatusKey = key;
    this.lastPaceCounts = counts;
    this.lastStatusAt = now;
    this.judged = facts;
    this.emit({ type: 'status', status, at: this.clock.wall() });
  }

  private emit(event: MonitorEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing subscriber must not stop the monitor or the other subscribers.
      }
    }
  }
}

/** What the app's status is made of, besides the plan (see AppMonitor.statusFacts). */
interface StatusFacts {
  schedule: number;
  cap: number;
  limit: number;
  /** The answers' time the budget's pace is set for: a new one is a new plan (status() makes it). */
  answerMs: number | null;
  slowed: boolean;
  appError: ImError | null;
  pausedByUser: boolean;
  retryAt: number | null;
}

function sameFacts(a: StatusFacts, b: StatusFacts): boolean {
  return (
    a.schedule === b.schedule &&
    a.cap === b.cap &&
    a.limit === b.limit &&
    a.answerMs === b.answerMs &&
    a.slowed === b.slowed &&
    a.appError === b.appError &&
    a.pausedByUser === b.pausedByUser &&
    a.retryAt === b.retryAt
  );
}
