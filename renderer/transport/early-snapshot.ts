/**
 * The first snapshot, asked for as soon as the page's script runs: the answer (2,000 rooms take a
 * while to gather and send) travels while the stylesheet applies and the popover builds itself,
 * instead of after. The popover's first ask takes this answer; later asks go to the engine as usual.
 */
import type { MonitorApi, MonitorSnapshot } from '../../main/contract/monitor-api';

/** `api`, whose first getSnapshot() answers with a snapshot already asked for now. */
export function askSnapshotEarly(api: MonitorApi): MonitorApi {
  let early: Promise<MonitorSnapshot> | null = api.getSnapshot();
  // A failure is reported to whoever asks first; until then it is no unhandled rejection.
  early.catch(() => {});
  return {
    ...api,
    getSnapshot: () => {
      const answer = early ?? api.getSnapshot();
      early = null;
      return answer;
    },
  };
}
