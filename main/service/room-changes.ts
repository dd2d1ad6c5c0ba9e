import type { ChangeWindow } from '../contract/monitor-api';
import type { HistoryStore } from '../core/history/history-store';

const WINDOW_MS: Record<ChangeWindow, number> = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '30m': 30 * 60_000,
  '1h': 60 * 60_000,
};

/**
 * A room's change over each window: the count now against the first count measured at or after the
 * window's start. Null when there is no count now, or none that old yet (never a guess).
 */
export function roomChanges(
  history: HistoryStore,
  key: string,
  online: number | null,
  now: number,
): Record<ChangeWindow, number | null> {
  const changes = { '5m': null, '15m': null, '30m': null, '1h': null } as Record<ChangeWindow, number | null>;
  if (online === null) return changes;
  for (const window of Object.keys(WINDOW_MS) as ChangeWindow[]) {
    const then = history.samples(key, now - WINDOW_MS[window]).find((sample) => sample.online !== null);
    changes[window] = then?.online == null ? null : online - then.online;
  }
  return changes;
}
