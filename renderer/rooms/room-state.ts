/**
 * A room's state in words: what the engine reported for the room, read together with the state of
 * its app profile (an app whose credentials were rejected stops every room of it).
 */
import type { AppState, ErrorKind, RoomView } from '../../main/contract/monitor-api';

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

/** The states an error of each kind puts a room in; any other kind means polls are failing. */
const ERROR_STATES: Partial<Record<ErrorKind, RoomStateKey>> = {
  'group-gone': 'roomClosed',
  'not-live-room': 'notLiveRoom',
  'invalid-group': 'invalidRoom',
  auth: 'credentialsRejected',
  account: 'accountBlocked',
  'rate-limited': 'rateLimited',
};

/** The states after which a room is not polled again until someone acts. */
const STOPPING: ReadonlySet<RoomStateKey> = new Set(['roomClosed', 'notLiveRoom', 'invalidRoom']);

/** The state an error of `kind` stands for, in the same words a room in that state is shown with. */
export function errorState(kind: ErrorKind): RoomStateKey {
  return ERROR_STATES[kind] ?? 'failing';
}

/** The state to show for a room of an app profile in state `app`. */
export function roomState(room: Pick<RoomView, 'status' | 'error'>, app: AppState | undefined): RoomState {
  const key = stateKey(room, app);
  return { key, tone: TONES[key] };
}

function stateKey(room: Pick<RoomView, 'status' | 'error'>, app: AppState | undefined): RoomStateKey {
  const kind = room.error?.kind;
  // A stopped room stays stopped whatever its app does, and says why.
  if (room.status === 'stopped') {
    const stopped = kind ? errorState(kind) : 'stopped';
    return STOPPING.has(stopped) ? stopped : 'stopped';
  }
  if (app === 'auth-failed') return 'credentialsRejected';
  if (app === 'paused') return 'paused';
  if (app === 'rate-limited') return 'rateLimited';
  if (room.status === 'failing') {
    // A room still polled is failing, whatever a stopping kind would otherwise say.
    const failing = kind ? errorState(kind) : 'failing';
    return STOPPING.has(failing) ? 'failing' : failing;
  }
  return room.status;
}
