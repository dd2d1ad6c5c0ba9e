/**
 * The tray app's OBS overlay in the synthetic MonitorApi: off at first, port 9421 taken by "another
 * program", so turning it on says so until another port is chosen; then served from the page
 * server's own origin (which answers /overlay with a stand-in page). Spread into the synthetic
 * monitor's api; what the page asked is on `globalThis.syntheticOverlay`.
 */
import type { MonitorApi, OverlayChange, OverlayView } from '../../../main/contract/monitor-api';

/** The changes the page asked for, in order. */
export interface SyntheticOverlayRecord {
  changes: OverlayChange[];
}

const TAKEN_PORT = 9421;

/** The methods, serving overlays from `origin` once on a free port. */
export function syntheticOverlayApi(origin: string): Pick<MonitorApi, 'getOverlay' | 'setOverlay'> {
  const record: SyntheticOverlayRecord = { changes: [] };
  (globalThis as unknown as { syntheticOverlay: SyntheticOverlayRecord }).syntheticOverlay = record;
  let view: OverlayView = {
    switchable: true,
    on: false,
    origin: null,
    token: null,
    port: TAKEN_PORT,
    problem: null,
  };
  return {
    getOverlay: async () => view,
    setOverlay: async (change) => {
      record.changes.push(change);
      const on = change.on ?? view.on;
      const port = change.port ?? view.port ?? TAKEN_PORT;
      const fresh = change.newLink === true || (on && view.token === null);
      const token = fresh ? `synthetic-token-${record.changes.length}-0123456789` : view.token;
      const problem = on && port === TAKEN_PORT ? { kind: 'port-in-use' as const, port } : null;
      view = { ...view, on, port, token, problem, origin: on && !problem ? origin : null };
      return view;
    },
  };
}
