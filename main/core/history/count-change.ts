import type { HistoryStore } from './history-store';

/** What a change reads of the history: lookups that build nothing. */
export type ChangeHistory = Pick<HistoryStore, 'firstCountSince' | 'watchedAt'>;

const MINUTE_MS = 60_000;

/**
 * The longest a room may go without a poll around the start of a window for its change to be
 * shown: a quarter of the window, and never less than 30 s (three polls at the usual 10 s). A room
 * not polled then (the app was not running, the machine asleep) has no count from then, and the
 * first count after the gap would make a shorter change look like the window's.
 */
export function maxGapFor(spanMs: number): number {
  return Math.max(30_000, spanMs / 4);
}

/**
 * A room's change over the `spanMs` before `now`: the count now against the first count measured
 * at or after `now - spanMs` (a failed poll there is skipped). Null when there is no count now, or
 * when the room was not being polled then (see {@link maxGapFor}): a room watched for two minutes
 * has no change over fifteen, nor has a room just back from a night's stop, rather than a
 * two-minute change shown as one. Cheap enough for every room at every push: it asks the history
 * for single counts, never for arrays of samples.
 */
export function changeSince(
  history: ChangeHistory,
  key: string,
  online: number | null,
  now: number,
  spanMs: number,
): number | null {
  if (online === null) return null;
  const fromMs = now - spanMs;
  if (!history.watchedAt(key, fromMs, maxGapFor(spanMs))) return null;
  const then = history.firstCountSince(key, fromMs);
  return then === null ? null : online - then;
}

/**
 * The change over the last minute, by the same rule as any other span: null until the history
 * reaches back a minute (a room watched for 20 s shows no change rather than its 20 s change). The
 * popover, `serve`'s page and `headcount watch` all show this one.
 */
export function changeOverMinute(
  history: ChangeHistory,
  key: string,
  online: number | null,
  now: number,
): number | null {
  return changeSince(history, key, online, now, MINUTE_MS);
}
