import type { MonitorApi } from '../contract/monitor-api';
import { alertMethods } from './alert-methods';
import { roomMethods } from './room-methods';
import { type MonitorServiceOptions, ServiceState } from './service-state';
import { settingsMethods } from './settings-methods';

export type { MonitorServiceOptions } from './service-state';

/**
 * The engine behind the UI, whatever carries it (Electron IPC or `headcount serve`): the MonitorApi,
 * its methods made by three parts along the contract (rooms and counts, alerts, settings and
 * profiles) over one shared state, and the edition's handles to start, stop and wake it.
 */
export function createMonitorService(options: MonitorServiceOptions) {
  const state = new ServiceState(options);
  return {
    ...roomMethods(state),
    ...alertMethods(state),
    ...settingsMethods(state),
    getSnapshot: async () => state.snapshot(),
    onPush: (listener) => state.subscribe(listener),
    /** Starts every saved profile, or the demo when there is none. */
    start: () => state.start(),
    /** Stops polling, closes the alert pipelines and writes the history. */
    stop: () => state.stop(),
    /** The machine woke up: counts are stale, poll again at once. */
    wake: () => state.wake(),
    /** True while the built-in simulator plays the demo show. */
    get isDemo(): boolean {
      return state.runtimes.isDemo;
    },
  } satisfies MonitorApi & Record<string, unknown>;
}

export type MonitorService = ReturnType<typeof createMonitorService>;
