import type { AppState, RoomStatus } from '../common/room-states';
import type { ImError } from './error-kind';
import type { PollPlan } from './poll-plan';
import type { PushStatus } from './push/push-status';

/** One measured count: wall-clock time (epoch ms) and the number online. */
export interface Sample {
  at: number;
  online: number;
}

export interface RoomSnapshot {
  groupId: string;
  status: RoomStatus;
  /** Last measured count, or null when none was ever measured. A failure never reads as 0. */
  online: number | null;
  /** Wall-clock time (epoch ms) of that measurement. */
  measuredAt: number | null;
  /** How old the measurement is, in ms. */
  ageMs: number | null;
  /** The last failure, while the room is failing or stopped. */
  error: ImError | null;
  consecutiveFailures: number;
  /** The highest count seen since watching began. */
  peak: Sample | null;
  /** While the room is stopped (closed, not found, not a live room, invalid id): since when, epoch ms. */
  stoppedAt: number | null;
  /**
   * The interval it is polled at, set at each poll: the app's interval, or a tier's while the
   * rooms do not fit the rate (see PollScheduler). Null before its first poll.
   */
  intervalMs?: number | null;
}

export interface AppStatus {
  state: AppState;
  /** Why the app is not simply running, in plain words. */
  reason?: string;
  /** The error that stopped the app (auth or account). */
  error?: ImError;
  /** While it is stopped: when the credentials are tried again (epoch ms). */
  retryAt?: number;
  plan: PollPlan;
  capPerSecond: number;
  /** Calls per second currently allowed (below the cap while recovering from rate limiting). */
  limitPerSecond: number;
  /**
   * The calls' usual time from grant to answer (ms) while it slows the pace the cap allows (each call
   * counts until a second after its answer); absent while answers come within the budget's margin.
   */
  answerMs?: number;
}

export type MonitorEvent =
  | { type: 'sample'; groupId: string; online: number; at: number; previous: number | null }
  | { type: 'error'; groupId: string; error: ImError; at: number; consecutiveFailures: number }
  | { type: 'room'; room: RoomSnapshot; at: number }
  | { type: 'status'; status: AppStatus; at: number }
  | { type: 'resumed'; sleptMs: number; at: number }
  /** A room's push into the room changed state (see CountPusher). */
  | { type: 'push'; push: PushStatus; at: number };

export type MonitorListener = (event: MonitorEvent) => void;
