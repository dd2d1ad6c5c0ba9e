/**
 * The contract's words for showing a room's count to its viewers and for the rate budget of each
 * API: what a room's push is set to, how it stands, and each command's budget. Types only; the
 * words they are made of are in main/common/room-push.ts.
 */
import type { ErrorKind } from '../common/error-kinds';
import type { PushState, PushVia } from '../common/room-push';

export type { PushState, PushVia };

/** A room's opt-in, as the settings keep it: `rooms.<groupId>.push`. */
export interface PushSettings {
  via: PushVia;
  key: string;
}

/** How a room's push stands, pushed with the room. */
export interface RoomPushView {
  via: PushVia;
  key: string;
  state: PushState;
  /** Why it fails or stopped and what to change, in English; `error` says the same as facts. */
  reason: string | null;
  error: { kind: ErrorKind; code?: number } | null;
  /** The last count written, when it was measured and when it was written (epoch ms). */
  written: { online: number; sampledAt: number; writtenAt: number } | null;
}

/** A room's push settings, and what its viewers see now where the engine can read it (the demo's simulator). */
export interface RoomPushSetup {
  push: PushSettings | null;
  /** The value a viewer reads under the key now, as written (JSON text or a number); null when unknown. */
  viewers: { value: string | number | null } | null;
}

/** One IM REST command's rate budget, as the meter shows it. */
export interface BudgetView {
  command: string;
  capPerSecond: number;
  /** Below the cap while the command recovers from rate limiting. */
  limitPerSecond: number;
  /** Calls taken in the last second. */
  used: number;
  /** Calls waiting for a slot. */
  waiting: number;
}
