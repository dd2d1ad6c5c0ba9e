/**
 * A room's stream sessions from its `session` notices: the alerts engine sends one when a stream
 * starts and one with the summary (peak, average, length) when it ends. No DOM: unit-tested.
 */
import type { AlertView } from '../../main/contract/monitor-api';

/** The session running now (its start notice) and the summaries of past ones, newest first. */
export interface RoomSessions {
  current: AlertView | null;
  past: AlertView[];
}

/** Sorts a room's session notices into the running session and the ended ones, by what their facts say. */
export function roomSessions(alerts: readonly AlertView[]): RoomSessions {
  const notices = alerts
    .filter((alert) => alert.rule === 'session' && alert.phase === 'notice')
    .sort((a, b) => b.at - a.at);
  const latest = notices[0];
  const current = latest?.facts.session?.event === 'started' ? latest : null;
  return { current, past: notices.filter((alert) => alert.facts.session?.event === 'ended') };
}
