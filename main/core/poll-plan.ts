import { type PollTier, TIER_REASONS, type TierLine, type TierReason } from '../common/poll-tiers';

/** The API refreshes the online count about every 10 s (1047/38521): polling faster gains nothing. */
export const DEFAULT_INTERVAL_MS = 10_000;

/** How often each room is polled, once the rate cap is taken into account. */
export interface PollPlan {
  rooms: number;
  requestedIntervalMs: number;
  /** The interval actually used: the requested one, stretched when the rooms would not fit the cap. */
  effectiveIntervalMs: number;
  /** effective / requested: 1 when nothing was stretched. */
  stretch: number;
  /** Poll calls per second the plan needs. */
  callsPerSecond: number;
  /**
   * While the rooms do not fit and are not all alike: each tier's rooms and interval, fastest
   * first, with how many rooms are there for each reason. `effectiveIntervalMs` is then the slowest.
   */
  tiers?: TierPlan[];
}

/** A plan's tiers as the surfaces say them (see tiersText), or null while every room is polled alike. */
export function tierLinesOf(plan: PollPlan): TierLine[] | null {
  if (!plan.tiers) return null;
  return plan.tiers.map((tier) => ({
    rooms: tier.rooms,
    intervalS: tier.intervalMs / 1000,
    reasons: TIER_REASONS.filter((reason) => (tier.reasons[reason] ?? 0) > 0),
  }));
}

/** One tier of a plan: "500 rooms at 10 s (alerts 20, open 1, moving 479)". */
export interface TierPlan {
  tier: PollTier;
  rooms: number;
  intervalMs: number;
  reasons: Partial<Record<TierReason, number>>;
}

/**
 * Fits `rooms` polls per interval into `capPerSecond` (the rate the budget sustains): when
 * rooms x (1 / interval) exceeds it, the interval stretches to rooms / rate instead of the cap being broken.
 */
export function planPolling(rooms: number, requestedIntervalMs: number, capPerSecond: number): PollPlan {
  const tightest = rooms > 0 ? (rooms * 1000) / capPerSecond : 0;
  const effectiveIntervalMs = Math.max(requestedIntervalMs, tightest);
  return {
    rooms,
    requestedIntervalMs,
    effectiveIntervalMs,
    stretch: effectiveIntervalMs / requestedIntervalMs,
    callsPerSecond: rooms > 0 ? (rooms * 1000) / effectiveIntervalMs : 0,
  };
}

export interface BackoffPolicy {
  /** Delay before the first retry. */
  firstMs: number;
  /** No retry waits longer than this. */
  ceilingMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 2_000, ceilingMs: 60_000 };

/**
 * Delay before retrying a room after `failures` consecutive transient failures: doubling from
 * `firstMs` up to the ceiling, with jitter (50-100 %) so that rooms failing together do not retry together.
 */
export function backoffMs(failures: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const full = Math.min(policy.ceilingMs, policy.firstMs * 2 ** exponent);
  return full * (0.5 + 0.5 * random());
}

/**
 * When a room polled now is due again: one interval after it was due, keeping its phase in the
 * spread, unless it fell so far behind that keeping the phase would mean polling it twice at once.
 */
export function nextDueAt(dueAt: number, now: number, intervalMs: number): number {
  const next = dueAt + intervalMs;
  return next > now + intervalMs / 2 ? next : now + intervalMs;
}

/** Due times that spread `count` rooms evenly over one interval, starting at `start`. */
export function spreadDueTimes(count: number, start: number, intervalMs: number): number[] {
  const spacing = intervalMs / Math.max(1, count);
  return Array.from({ length: count }, (_, i) => start + i * spacing);
}
