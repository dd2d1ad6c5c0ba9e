import { DueQueue } from './due-queue';
import { nextDueAt, type PollPlan, planPolling, type TierPlan } from './poll-plan';
import {
  HOLD_REASONS,
  type HoldReason,
  POLL_TIERS,
  type PollTier,
  type TierFacts,
  type TierIntervals,
  type TierReason,
  tierIntervals,
  tierOf,
} from './poll-tiers';
import type { RoomWatch } from './room-watch';

/** A look at a room holds it fast this long; a view that stays open says so again before it ends. */
export const LOOK_HOLDS_MS = 90_000;

/**
 * Decides which polled room goes next and when each is due again. Every polled room waits in a
 * queue ordered by due time, so choosing the next is O(log n) whatever the number of rooms. When
 * the rooms do not fit the rate, each room's tier (poll-tiers.ts) sets its interval: rooms with a
 * firing alert, open in a view, pinned, the tray's number or moving keep the requested interval,
 * rooms at zero for half an hour slow down most, and no room waits longer than a minute. A room
 * that turns fast is pulled forward at once: it is due one fast interval after its last poll.
 */
export class PollScheduler {
  /** Fast rooms wait apart, so that one that is due goes before others that are late (see {@link next}). */
  private readonly fastQueue = new DueQueue<RoomWatch>();
  private readonly queue = new DueQueue<RoomWatch>();
  /** Every room polled (not stopped), in or out of the queue (out while its call is on its way). */
  private readonly members = new Map<string, RoomWatch>();
  private readonly held = new Map<HoldReason, ReadonlySet<string>>();
  /** Rooms someone is looking at, until when (elapsed timeline). */
  private readonly looked = new Map<string, number>();
  private readonly counts: Record<PollTier, number> = { fast: 0, normal: 0, slow: 0 };
  /** How many rooms of each tier are there for each reason, kept as rooms change (the status asks often). */
  private readonly reasons: Record<PollTier, Partial<Record<TierReason, number>>> = {
    fast: {},
    normal: {},
    slow: {},
  };
  private intervals: TierIntervals;
  /** Bumped whenever the plan may have changed: a room in or out of a tier, or a new requested interval. */
  private changes = 0;
  /** What {@link review} decides a room's tier from, filled in for each room. */
  private readonly facts: TierFacts = { held: NOT_HELD, movedAt: null, zeroSince: null };

  constructor(
    private requestedMs: number,
    private readonly rate: () => number,
  ) {
    this.intervals = tierIntervals(this.counts, requestedMs, rate());
  }

  /** How many rooms are polled (every room but the stopped ones). */
  get size(): number {
    return this.members.size;
  }

  /**
   * Changes when the plan may have (with the rate the budget sustains, which the scheduler asks for):
   * the same number means the same plan.
   */
  get version(): number {
    return this.changes;
  }

  get requestedIntervalMs(): number {
    return this.requestedMs;
  }

  setRequestedInterval(ms: number): void {
    this.requestedMs = ms;
    this.changes++;
    this.replan();
  }

  /** The interval a room of this tier is polled at now. */
  intervalOf(room: RoomWatch): number {
    return this.intervals[room.tier];
  }

  /** The plan as the status says it: the even plan, and each tier while they differ. */
  plan(): PollPlan {
    this.replan();
    const rooms = this.members.size;
    const even = planPolling(rooms, this.requestedMs, this.rate());
    const tiers = this.tierPlans();
    if (tiers.length < 2) return even;
    const slowest = Math.max(...tiers.map((t) => t.intervalMs));
    const callsPerSecond = tiers.reduce((sum, t) => sum + (t.rooms * 1000) / t.intervalMs, 0);
    return {
      ...even,
      effectiveIntervalMs: slowest,
      stretch: slowest / this.requestedMs,
      callsPerSecond,
      tiers,
    };
  }

  /** A room starts being polled (added, or retried after it stopped), due at `dueAt`. */
  enter(room: RoomWatch, dueAt: number, now: number): void {
    if (this.members.get(room.groupId) !== room) {
      this.members.set(room.groupId, room);
      this.count(room, 1);
    }
    room.dueAt = dueAt;
    this.review(room, now);
    if (!room.inFlight) this.queueOf(room).set(room, room.dueAt);
  }

  /** A room is no longer polled (removed, or stopped for good). */
  leave(room: RoomWatch): void {
    if (this.members.get(room.groupId) !== room) return;
    this.members.delete(room.groupId);
    this.count(room, -1);
    this.queueOf(room).delete(room);
    this.replan();
  }

  /**
   * The room to poll next, not taken: a fast room that is due, else the room due first. When calls
   * fall behind (a burst of rooms turned fast, a pause after 60007), the rooms that matter are
   * polled on time and the others absorb the wait, which their share of the plan lets them make up.
   */
  next(now: number): RoomWatch | undefined {
    const fast = this.fastQueue.peek();
    if (fast && fast.dueAt <= now) return fast;
    const other = this.queue.peek();
    if (!fast) return other;
    return other && other.dueAt < fast.dueAt ? other : fast;
  }

  /** The room's call leaves now: it is out of the queue until {@link requeue}, due again one interval on. */
  take(room: RoomWatch, now: number): void {
    this.queueOf(room).delete(room);
    const interval = this.intervalOf(room);
    room.dueAt = nextDueAt(room.dueAt, now, interval);
    room.polledAt = now;
    room.intervalMs = Math.max(interval, room.dueAt - now);
  }

  /** Its call is over: the room waits for its due time again (a stopped room does not). */
  requeue(room: RoomWatch): void {
    if (this.members.get(room.groupId) === room && !room.inFlight) this.queueOf(room).set(room, room.dueAt);
  }

  /** Moves a queued room's due time (a retry now, a backoff, a new spread). */
  setDue(room: RoomWatch, at: number): void {
    room.dueAt = at;
    // Its count stays current until it is due again, however far that moved.
    if (room.polledAt !== null) room.intervalMs = Math.max(room.intervalMs ?? 0, at - room.polledAt);
    const queue = this.queueOf(room);
    if (queue.has(room)) queue.set(room, at);
  }

  /** The rooms held fast for `reason` are now exactly `groupIds` (alerts firing, pinned, the tray's). */
  hold(reason: Exclude<HoldReason, 'open'>, groupIds: Iterable<string>, now: number): void {
    const before = this.held.get(reason) ?? new Set<string>();
    const after = new Set(groupIds);
    this.held.set(reason, after);
    for (const id of new Set([...before, ...after])) {
      const room = this.members.get(id);
      if (room && before.has(id) !== after.has(id)) this.review(room, now);
    }
  }

  /** Someone is looking at these rooms (open in a view): fast for {@link LOOK_HOLDS_MS} from now. */
  lookAt(groupIds: Iterable<string>, now: number): void {
    for (const id of groupIds) {
      this.looked.set(id, now + LOOK_HOLDS_MS);
      const room = this.members.get(id);
      if (room) this.review(room, now);
    }
  }

  /** Decides every room's tier again: moves and looks that are over, rooms that went quiet. */
  reviewAll(now: number): void {
    for (const [id, until] of this.looked) if (until <= now) this.looked.delete(id);
    for (const room of this.members.values()) this.review(room, now);
  }

  /** Decides one room's tier again (after its answer, or a change of what holds it). */
  review(room: RoomWatch, now: number): void {
    // One object for every review (2,000 rooms a second): tierOf keeps nothing of it.
    const facts = this.facts;
    facts.held = this.holdsOf(room, now);
    facts.movedAt = room.movedAt;
    facts.zeroSince = room.zeroSince;
    const choice = tierOf(facts, now);
    const member = this.members.get(room.groupId) === room;
    if (choice.tier === room.tier && sameReasons(choice.reasons, room.tierReasons)) return;
    if (member) this.count(room, -1);
    const queued = this.queueOf(room).has(room);
    this.queueOf(room).delete(room);
    room.tier = choice.tier;
    if (queued) this.queueOf(room).set(room, room.dueAt);
    room.tierReasons = choice.reasons;
    if (member) this.count(room, 1);
    this.replan();
    // Faster now: due one interval of its tier after its last poll, not at the end of the old one.
    // Asked after the plan is made again: the first room to turn fast had no fast interval of its own
    // before (all rooms of one tier stretch alike), so it looked no faster than the rest.
    if (room.polledAt !== null && room.polledAt + this.intervals[room.tier] < room.dueAt)
      this.setDue(room, room.polledAt + this.intervals[room.tier]);
  }

  /** Every polled room, queued or on its way. */
  polled(): IterableIterator<RoomWatch> {
    return this.members.values();
  }

  /**
   * Why the room is held fast from outside now. Every room is reviewed every second: a room nothing
   * holds (most of them) is told so without a list made for it.
   */
  private holdsOf(room: RoomWatch, now: number): readonly HoldReason[] {
    let held: HoldReason[] | null = null;
    for (let i = 0; i < HOLD_REASONS.length; i++) {
      const reason = HOLD_REASONS[i] as HoldReason;
      const holds =
        reason === 'open'
          ? (this.looked.get(room.groupId) ?? 0) > now
          : this.held.get(reason)?.has(room.groupId) === true;
      if (!holds) continue;
      held ??= [];
      held.push(reason);
    }
    return held ?? NOT_HELD;
  }

  private queueOf(room: RoomWatch): DueQueue<RoomWatch> {
    return room.tier === 'fast' ? this.fastQueue : this.queue;
  }

  /** Adds (1) or takes away (-1) the room from its tier's counts. */
  private count(room: RoomWatch, sign: 1 | -1): void {
    this.changes++;
    this.counts[room.tier] += sign;
    const reasons = this.reasons[room.tier];
    for (const reason of room.tierReasons) reasons[reason] = (reasons[reason] ?? 0) + sign;
  }

  private replan(): void {
    this.intervals = tierIntervals(this.counts, this.requestedMs, this.rate());
  }

  private tierPlans(): TierPlan[] {
    const plans: TierPlan[] = [];
    for (const tier of POLL_TIERS) {
      if (this.counts[tier] === 0) continue;
      const reasons = Object.fromEntries(Object.entries(this.reasons[tier]).filter(([, n]) => (n ?? 0) > 0));
      const last = plans.at(-1);
      // Tiers at the same interval are one line to a person.
      if (last && last.intervalMs === this.intervals[tier]) {
        last.rooms += this.counts[tier];
        for (const [reason, n] of Object.entries(reasons) as Array<[TierReason, number]>)
          last.reasons[reason] = (last.reasons[reason] ?? 0) + n;
        continue;
      }
      plans.push({ tier, rooms: this.counts[tier], intervalMs: this.intervals[tier], reasons });
    }
    return plans;
  }
}

const NOT_HELD: readonly HoldReason[] = [];

function sameReasons(a: readonly TierReason[], b: readonly TierReason[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
