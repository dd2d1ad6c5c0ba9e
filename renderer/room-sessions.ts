/**
 * A room's stream sessions from its `session` notices: the alerts engine sends one when a stream
 * starts and one with the summary (peak, average, length) when it ends. No DOM: unit-tested.
 */
import type { AlertView } from '../main/contract/monitor-api';

/** The session running now (its start notice) and the summaries of past ones, newest first. */
export interface RoomSessions {
  current: AlertView | null;
  past: AlertView[];
}

// The engine titles a start "<room> stream started" and a summary "<room> stream ended ...".
const STARTED = /stream started$/;

/** Sorts a room's session notices into the running session and the ended ones. */
export function roomSessions(alerts: readonly AlertView[]): RoomSessions {
  const notices = alerts
    .filter((alert) => alert.rule === 'session' && alert.phase === 'notice')
    .sort((a, b) => b.at - a.at);
  const latest = notices[0];
  const current = latest && STARTED.test(latest.title) ? latest : null;
  return { current, past: notices.filter((alert) => !STARTED.test(alert.title)) };
}
