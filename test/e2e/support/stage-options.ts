/** What an end-to-end test stages (stage.ts), and the service behind each transport. */
import type { Page } from 'playwright-core';
import type { MonitorMethod } from '../../../main/contract/monitor-api';
import type { RoomSpec } from '../../../main/simulator';
import type { ServeRun } from '../../node/serve/serve-run';
import type { DashboardPage } from './dashboard';

/** How the page reaches the service. */
export type StageTransport = 'serve' | 'preload';

/** What to stage. */
export interface StageOptions {
  /** The simulator's rooms. */
  rooms: RoomSpec[];
  /** The rooms the service is told to watch, polled every second. */
  watched?: string[];
  /** The settings file's content; profile "Events" unless given. */
  settings?: Record<string, unknown>;
  /**
   * Play the demo (`--demo`) with no credentials: the built-in show plays, and the simulator is
   * there for the test to point an app profile at from the page.
   */
  demo?: boolean;
  /** More environment for `headcount serve`, e.g. HEADCOUNT_OVERLAY_TOKEN. */
  env?: Record<string, string>;
  /** The transport, where a test is about one (serve's HTTP caching, say); else the run's. */
  transport?: StageTransport;
  /** How long serve may take to print its link (thousands of rooms on a busy machine take longer); 15 s unless told. */
  readyMs?: number;
}

/** The service behind one transport, as the stage drives it. */
export interface StagedService {
  /** The `headcount serve` process, when the transport is serve. */
  run?: ServeRun;
  /** The page's address. */
  link: string;
  /** Readies a page before it loads: the preload, or serve's traffic recorder when asked to record. */
  prepare(page: Page, record: boolean): Promise<Pick<DashboardPage, 'received'>>;
  call<T>(method: MonitorMethod, args: unknown[]): Promise<T>;
  output(): string;
  stop(): Promise<number | null>;
}
