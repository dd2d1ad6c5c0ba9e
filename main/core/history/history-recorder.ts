import type { MonitorListener } from '../monitor-events';
import type { HistoryStore } from './history-store';

/**
 * A monitor listener that keeps its counts in `history`, each room under `keyOf(groupId)`: a count as
 * measured, a failed poll as a gap. A rate-limited poll is only asked again later, so it leaves none.
 * The one way counts reach a history, for the service's profiles and for `headcount watch` alike.
 */
export function recordInto(
  history: Pick<HistoryStore, 'record'>,
  keyOf: (groupId: string) => string,
): MonitorListener {
  return (event) => {
    if (event.type === 'sample') history.record(keyOf(event.groupId), event.at, event.online);
    else if (event.type === 'error' && event.error.kind !== 'rate-limited')
      history.record(keyOf(event.groupId), event.at, null);
  };
}
