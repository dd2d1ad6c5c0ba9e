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
  for (const window of CHANGE_WINDOWS)
    changes[window] = changeOver(history, key, online, now - CHANGE_WINDOW_MS[window], oldest);
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
  return changeOver(history, key, online, now - MINUTE_MS, history.oldestAt(key));
}

/** `online` against the first count since `from`, when the history (held since `oldest`) reaches back that far. */
function changeOver(
  history: ChangeHistory,
  key: string,
  online: number,
  from: number,
  oldest: number | null,
): number | null {
  if (oldest === null || oldest > from) return null;
  const then = history.firstCountSince(key, from);
  return then === null ? null : online - then;
}
