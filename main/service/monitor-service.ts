import type { MonitorApi } from '../contract/monitor-api';
import { alertMethods } from './alert-methods';
import { roomMethods } from './room-methods';
import { roomPushMethods } from './room-push-methods';
import { type MonitorServiceOptions, ServiceState } from './service-state';
import { settingsMethods } from './settings-methods';

export type { MonitorServiceOptions } from './service-state';

/** The engine behind the UI: the MonitorApi, and the edition's handles to start, stop and wake it. */
export interface MonitorService extends MonitorApi {
  /** Starts every saved profile, or the demo when there is none. */
  start(): Promise<void>;
  /** Stops polling, closes the alert pipelines and writes the history. */
  stop(): Promise<void>;
  /** The machine woke up: counts are stale, poll again at once. */
  wake(): void;
  /** True while the built-in simulator plays the demo show. */
  readonly isDemo: boolean;
}

/**
 * The MonitorService, whatever carries it (Electron IPC or `headcount serve`): its methods made by
 * parts along the contract (rooms and counts, showing counts to viewers, alerts, settings and
 * profiles) over one shared
 * state.
 */
export function createMonitorService(options: MonitorServiceOptions): MonitorService {
  const state = new ServiceState(options);
  return {
    ...roomMethods(state),
    ...roomPushMethods(state),
    ...alertMethods(state),
    ...settingsMethods(state),
    getSnapshot: async () => state.snapshot(),
    onPush: (listener) => state.subscribe(listener),
    start: () => state.start(),
    stop: () => state.stop(),
    wake: () => state.wake(),
    get isDemo() {
      return state.runtimes.isDemo;
    },
  } satisfies MonitorService;
}
