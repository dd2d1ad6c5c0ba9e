/**
 * Which rooms keep the requested interval when the rooms do not all fit the rate cap, and how
 * often the others are polled. Pure: the monitor's scheduler (poll-scheduler.ts) feeds it what it
 * knows of each room and the time.
 */

import type { PollTier, TierReason } from '../common/poll-tiers';

export { POLL_TIERS, type PollTier, type TierReason } from '../common/poll-tiers';

/** The reasons that come from outside the monitor: alerts, and what people look at. */
export type HoldReason = Exclude<TierReason, 'moving' | 'quiet'>;
export const HOLD_REASONS = ['alert', 'open', 'pinned', 'tray'] as const satisfies readonly HoldReason[];

/** Every room is polled at least this often, however many rooms there are (unless even that cannot fit). */
export const MAX_POLL_GAP_MS = 60_000;
/**
 * The slowest interval planned: under {@link MAX_POLL_GAP_MS} by enough that a poll waiting behind
 * others, a retry or a slow answer still lands within it.
 */
export const SLOWEST_PLANNED_MS = 50_000;
/** A room whose count moved stays fast this long after its last move. */
export const MOVING_FOR_MS = 5 * 60_000;
/** A room at zero this long is polled less: nobody is there, and a stream starting is seen within a minute. */
export const QUIET_AFTER_MS = 30 * 60_000;
/** A move is a change of at least this share of the larger of the two counts (a rise and a drop alike)... */
const MOVE_SHARE = 0.1;
/** ...and at least this many people, so that a handful joining a tiny room is not a move. */
const MOVE_PEOPLE = 10;
/**
 * The share of the rate the plan gives out when rooms are polled at different intervals: the rest
 * lets a fast room that waited behind a slower one catch up, instead of every wait adding up.
 */
const PLANNED_SHARE = 0.97;

/** Whether the count changed enough, from `from` to `to`, to keep the room fast for a while. */
export function movedEnough(from: number, to: number): boolean {
  return Math.abs(to - from) >= Math.max(MOVE_PEOPLE, MOVE_SHARE * Math.max(from, to));
}

/** What the tier of a room is decided from, on the monitor's elapsed timeline. */
export interface TierFacts {
  /** The reasons from outside that hold it fast (alerts, the room view, pinned, the tray). */
  held: readonly HoldReason[];
  /** When its count last moved (see {@link movedEnough}), or null. */
  movedAt: number | null;
  /** Since when its count has been 0, or null while it is not 0. */
  zeroSince: number | null;
}

/** A room's tier and why. */
export interface TierChoice {
  tier: PollTier;
  reasons: readonly TierReason[];
}

const NORMAL: TierChoice = { tier: 'normal', reasons: [] };
const MOVING: TierChoice = { tier: 'fast', reasons: ['moving'] };
const QUIET: TierChoice = { tier: 'slow', reasons: ['quiet'] };

/** The tier of a room now: held or moving is fast, at zero for {@link QUIET_AFTER_MS} is slow. */
export function tierOf(facts: TierFacts, now: number): TierChoice {
  const moving = facts.movedAt !== null && now - facts.movedAt < MOVING_FOR_MS;
  if (facts.held.length > 0)
    return { tier: 'fast', reasons: moving ? [...facts.held, 'moving'] : facts.held };
  // The common choices are shared rather than made anew: every room is reviewed every second.
  if (moving) return MOVING;
  if (facts.zeroSince !== null && now - facts.zeroSince >= QUIET_AFTER_MS) return QUIET;
  return NORMAL;
}

/** The interval of each tier, in ms. */
export type TierIntervals = Record<PollTier, number>;

/**
 * The interval of each tier for `rooms` rooms per tier under `rate` calls per second, when every
 * room wants `requestedMs`:
 * - all fit: every tier at the requested interval (nothing changes from an even spread);
 * - else fast rooms keep the requested interval, slow ones go to {@link SLOWEST_PLANNED_MS}, and
 *   normal ones share what is left (at most that slowest interval);
 * - when even that does not fit, fast rooms stretch too, as little as the others allow;
 * - when every room at the slowest interval still does not fit, all stretch alike, as before tiers.
 */
export function tierIntervals(
  rooms: Record<PollTier, number>,
  requestedMs: number,
  rate: number,
): TierIntervals {
  const total = rooms.fast + rooms.normal + rooms.slow;
  const even = total > 0 ? Math.max(requestedMs, (total * 1000) / rate) : requestedMs;
  const alike = { fast: even, normal: even, slow: even };
  // One kind of room, or all fit: the plain even spread.
  if (even === requestedMs || Math.max(rooms.fast, rooms.normal, rooms.slow) === total) return alike;
  const slowest = Math.max(requestedMs, SLOWEST_PLANNED_MS);
  const usable = rate * PLANNED_SHARE;
  const perSecond = (count: number, intervalMs: number) => (count * 1000) / intervalMs;
  const afterFast = usable - perSecond(rooms.fast, requestedMs);
  const forNormal = afterFast - perSecond(rooms.slow, slowest);
  const normal =
    forNormal > 0 ? Math.max(requestedMs, (rooms.normal * 1000) / forNormal) : Number.POSITIVE_INFINITY;
  if (normal <= slowest) {
    // Normal rooms fit at the requested interval: the slow ones take what is left.
    const slow =
      normal === requestedMs
        ? Math.min(
            slowest,
            Math.max(requestedMs, (rooms.slow * 1000) / (afterFast - perSecond(rooms.normal, requestedMs))),
          )
        : slowest;
    return { fast: requestedMs, normal, slow: rooms.slow > 0 ? slow : normal };
  }
  const forFast = usable - perSecond(rooms.normal + rooms.slow, slowest);
  const fast = forFast > 0 ? Math.max(requestedMs, (rooms.fast * 1000) / forFast) : Number.POSITIVE_INFINITY;
  if (fast <= slowest) return { fast, normal: slowest, slow: slowest };
  return alike;
}
