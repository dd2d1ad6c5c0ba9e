/**
 * A room's own state in the design's words (design.md, "Room states and totals"), derived from the
 * engine's snapshot of the room and the state of its app. The app's condition (rate-limited,
 * credentials rejected) is the app's: a room is never painted with it, it only stops being polled.
 */
import type { ErrorKind } from '../common/error-kinds';
import type { AppState, RoomState } from '../common/room-states';
import { isCurrentCount } from './current-count';
import type { RoomSnapshot } from './monitor-events';

/** A room's state, with why its polls fail when they do. */
export type RoomCondition = { state: Exclude<RoomState, 'failing'> } | { state: 'failing'; kind: ErrorKind };

export type { RoomState } from '../common/room-states';

/** What the derivation reads of a room. */
export type RoomFacts = Pick<RoomSnapshot, 'status' | 'online' | 'ageMs' | 'error' | 'intervalMs'> & {
  /**
   * The room answered with a count before this run (its history holds one), so a 10010 now means
   * it closed, not that its id is wrong. A count in this run is known from `online` alone.
   */
  answeredBefore?: boolean;
};

/** What the derivation reads of the room's app. */
export interface AppFacts {
  state: AppState;
  /** The interval the app's rooms are actually polled at (stretched when they do not fit the cap). */
  effectiveIntervalMs: number;
}

/**
 * The room's state. A room that stopped for good (closed, not found, not a live room, invalid id)
 * stays so whatever its app does; a current count is `live` even while the app is paused or
 * slowed (it is still true); past that, a paused or stopped app makes its rooms `paused`, so that
 * nobody looks for a fault in the room.
 */
export function roomStateOf(room: RoomFacts, app: AppFacts): RoomCondition {
  if (room.status === 'stopped') return stoppedState(room);
  if (isCurrentCount(room, app.effectiveIntervalMs)) return { state: 'live' };
  if (app.state === 'paused' || app.state === 'auth-failed') return { state: 'paused' };
  if (room.status === 'failing') return { state: 'failing', kind: room.error?.kind ?? 'unknown' };
  if (room.status === 'waiting') return { state: 'waiting' };
  return { state: 'stale' };
}

function stoppedState(room: RoomFacts): RoomCondition {
  const kind = room.error?.kind ?? 'unknown';
  if (kind === 'group-gone')
    return { state: room.online === null && room.answeredBefore !== true ? 'not-found' : 'closed' };
  if (kind === 'not-live-room' || kind === 'invalid-group') return { state: kind };
  // The engine stops a room only for the kinds above; anything else is a failure to say as one.
  return { state: 'failing', kind };
}

/** A room as every surface judges it: its state, and whether its count is current (counts in totals). */
export interface RoomJudgement {
  condition: RoomCondition;
  current: boolean;
}

/** The room's state and whether its count counts, by one rule (see {@link isCurrentCount}). */
export function judgeRoom(room: RoomFacts, app: AppFacts): RoomJudgement {
  return { condition: roomStateOf(room, app), current: isCurrentCount(room, app.effectiveIntervalMs) };
}
