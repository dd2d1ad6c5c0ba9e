/**
 * A room's state in words: what the engine reported for the room, read together with the state of
 * its app profile (an app whose credentials were rejected stops every room of it).
 */
import type { AppState, RoomView } from '../main/contract/monitor-api';

/** The states a room can be shown in; each is a `state.*` message. */
export type RoomStateKey =
  | 'waiting'
  | 'live'
  | 'stale'
  | 'failing'
  | 'rateLimited'
  | 'credentialsRejected'
  | 'accountBlocked'
  | 'paused'
  | 'roomClosed'
  | 'notLiveRoom'
  | 'invalidRoom'
  | 'stopped';

/** How much a state should catch the eye: fine, worth a look, wrong, or nothing happening. */
export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

/** A state and its tone. */
export interface RoomState {
  key: RoomStateKey;
  tone: Tone;
}

const TONES: Record<RoomStateKey, Tone> = {
  waiting: 'muted',
  live: 'ok',
  stale: 'warn',
  failing: 'bad',
  rateLimited: 'warn',
  credentialsRejected: 'bad',
  accountBlocked: 'bad',
  paused: 'muted',
  roomClosed: 'muted',
  notLiveRoom: 'bad',
  invalidRoom: 'bad',
  stopped: 'muted',
};

/** The state to show for a room of an app profile in state `app`. */
export function roomState(room: Pick<RoomView, 'status' | 'error'>, app: AppState | undefined): RoomState {
  const key = stateKey(room, app);
  return { key, tone: TONES[key] };
}

function stateKey(room: Pick<RoomView, 'status' | 'error'>, app: AppState | undefined): RoomStateKey {
  const kind = room.error?.kind;
  // A stopped room stays stopped whatever its app does, and says why.
  if (room.status === 'stopped') {
    if (kind === 'group-gone') return 'roomClosed';
    if (kind === 'not-live-room') return 'notLiveRoom';
    if (kind === 'invalid-group') return 'invalidRoom';
    return 'stopped';
  }
  if (app === 'auth-failed') return 'credentialsRejected';
  if (app === 'paused') return 'paused';
  if (app === 'rate-limited') return 'rateLimited';
  if (room.status === 'failing') {
    if (kind === 'auth') return 'credentialsRejected';
    if (kind === 'account') return 'accountBlocked';
    if (kind === 'rate-limited') return 'rateLimited';
    return 'failing';
  }
  return room.status;
}
