import type { HistoryStore } from './history-store';

/** What a change reads of the history: lookups that build nothing. */
export type ChangeHistory = Pick<HistoryStore, 'firstCountSince' | 'oldestAt'>;

const MINUTE_MS = 60_000;

/**
 * A room's change since `fromMs`: the count now against the first count measured at or after it (a
 * failed poll there is skipped). Null when there is no count now, or when the history does not
 * reach back to `fromMs` yet: a room watched for two minutes has no change over fifteen, rather than
 * a two-minute change shown as one. Cheap enough for every room at every push: it asks the history
 * for single counts, never for arrays of samples.
 */
export function changeSince(
  history: ChangeHistory,
  key: string,
  online: number | null,
  fromMs: number,
): number | null {
  if (online === null) return null;
  const oldest = history.oldestAt(key);
  if (oldest === null || oldest > fromMs) return null;
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
  return changeSince(history, key, online, now - MINUTE_MS);
}
