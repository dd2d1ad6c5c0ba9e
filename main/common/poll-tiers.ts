/**
 * How rooms are polled when they do not all fit the rate cap, in the words every surface uses:
 * the terminal's header, the JSON status, the page's banner and the tray app's settings.
 */
import { groupedCount } from './count-format';

/** How soon a room is polled again: `fast` keeps the requested interval, `slow` is asked least. */
export type PollTier = 'fast' | 'normal' | 'slow';
export const POLL_TIERS = ['fast', 'normal', 'slow'] as const satisfies readonly PollTier[];

/**
 * Why a room is fast or slow. Fast: an alert about it is firing, a person has it open in the room
 * view, it is pinned, it is the tray's number, or its count moved lately. Slow: it has been at zero
 * for half an hour.
 */
export type TierReason = 'alert' | 'open' | 'pinned' | 'tray' | 'moving' | 'quiet';
export const TIER_REASONS = [
  'alert',
  'open',
  'pinned',
  'tray',
  'moving',
  'quiet',
] as const satisfies readonly TierReason[];

/** Each reason as a person reads it in brackets after a tier: "(alerts, open, moving)". */
export const TIER_REASON_WORDS: Readonly<Record<TierReason, string>> = {
  alert: 'alerts',
  open: 'open',
  pinned: 'pinned',
  tray: 'tray',
  moving: 'moving',
  quiet: 'at zero',
};

/** One tier as a surface shows it. */
export interface TierLine {
  rooms: number;
  intervalS: number;
  /** The reasons with rooms in this tier, in {@link TIER_REASONS} order. */
  reasons: readonly TierReason[];
}

/** "500 rooms at 10 s (alerts, open, moving) · 4,480 at 32 s · 20 at 50 s (at zero)". */
export function tiersText(tiers: readonly TierLine[]): string {
  return tiers
    .map((tier, i) => {
      const rooms =
        i === 0 ? `${groupedCount(tier.rooms)} room${tier.rooms === 1 ? '' : 's'}` : groupedCount(tier.rooms);
      const why =
        tier.reasons.length > 0 ? ` (${tier.reasons.map((r) => TIER_REASON_WORDS[r]).join(', ')})` : '';
      return `${rooms} at ${secondsText(tier.intervalS)}${why}`;
    })
    .join(' · ');
}

/** Whole seconds from 10 s up, one decimal below. */
function secondsText(s: number): string {
  return s >= 10 ? `${Math.round(s)} s` : `${Math.round(s * 10) / 10} s`;
}
