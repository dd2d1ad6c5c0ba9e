import { CHANGE_WINDOWS, type ChangeWindow } from '../contract/monitor-api';
import type { HistoryStore } from '../core/history/history-store';

const MINUTE_MS = 60_000;

/** How long each window the UI offers lasts. */
export const CHANGE_WINDOW_MS: Record<ChangeWindow, number> = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '30m': 30 * 60_000,
  '1h': 60 * 60_000,
};

/** What a room's changes read of the history: lookups that build nothing. */
export type ChangeHistory = Pick<HistoryStore, 'firstCountSince' | 'oldestAt'>;

/**
 * A room's change over each window: the count now against the first count measured at or after the
 * window's start (a failed poll there is skipped). Null when there is no count now, or when the
 * history does not reach back to the window's start yet: a room watched for two minutes has no
 * change over fifteen, rather than a two-minute change shown as one. Called for every room at every
 * push, so it asks the history for single counts, never for arrays of samples.
 */
export function roomChanges(
  history: ChangeHistory,
  key: string,
  online: number | null,
  now: number,
): Record<ChangeWindow, number | null> {
  const changes: Record<ChangeWindow, number | null> = { '5m': null, '15m': null, '30m': null, '1h': null };
  if (online === null) return changes;
  const oldest = history.oldestAt(key);
  if (oldest === null) return changes;
  for (const window of CHANGE_WINDOWS) {
    const from = now - CHANGE_WINDOW_MS[window];
    if (oldest > from) continue;
    const then = history.firstCountSince(key, from);
    changes[window] = then === null ? null : online - then;
  }
  return changes;
}

/**
 * The change over the last minute, by the same rule as the longer windows: null until the history
 * reaches back a minute (a room watched for 20 s shows no change rather than its 20 s change).
 */
export function roomChange1m(
  history: ChangeHistory,
  key: string,
  online: number | null,
  now: number,
): number | null {
  if (online === null) return null;
  const oldest = history.oldestAt(key);
  if (oldest === null || oldest > now - MINUTE_MS) return null;
  const then = history.firstCountSince(key, now - MINUTE_MS);
  return then === null ? null : online - then;
}
