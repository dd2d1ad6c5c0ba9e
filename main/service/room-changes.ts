import { CHANGE_WINDOWS, type ChangeWindow } from '../contract/monitor-api';
import { type ChangeHistory, changeSince } from '../core/history/count-change';

/** How long each window the UI offers lasts. */
export const CHANGE_WINDOW_MS: Record<ChangeWindow, number> = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '30m': 30 * 60_000,
  '1h': 60 * 60_000,
};

/** A room's change over each window the UI offers, by the rule of {@link changeSince}. */
export function roomChanges(
  history: ChangeHistory,
  key: string,
  online: number | null,
  now: number,
): Record<ChangeWindow, number | null> {
  const changes: Record<ChangeWindow, number | null> = { '5m': null, '15m': null, '30m': null, '1h': null };
  for (const window of CHANGE_WINDOWS)
    changes[window] = changeSince(history, key, online, now, CHANGE_WINDOW_MS[window]);
  return changes;
}
