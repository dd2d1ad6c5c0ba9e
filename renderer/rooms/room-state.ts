/**
 * A room's state in words, as the engine judged it (RoomView.state): the page never re-derives it,
 * and never paints the app's condition (a slowed-down or paused app) on each room.
 */
import type { ErrorKind, RoomState, RoomView } from '../../main/contract/monitor-api';

/** The states a room row can be shown in: the engine's room states. */
export type RoomStateKey = RoomState;

/** How much a state should catch the eye: fine, worth a look, wrong, or nothing happening. */
export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

/** A state and its tone. */
export interface RoomStateShown {
  key: RoomStateKey;
  tone: Tone;
}

const TONES: Record<RoomState, Tone> = {
  live: 'ok',
  stale: 'warn',
  failing: 'bad',
  closed: 'muted',
  'not-found': 'bad',
  'not-live-room': 'bad',
  'invalid-group': 'bad',
  paused: 'muted',
  waiting: 'muted',
};

/** The tone of a state, for its colour in rows, chips and tiles. */
export function toneOf(state: RoomState): Tone {
  return TONES[state];
}

/** The room's state to show, with its tone. */
export function roomState(room: Pick<RoomView, 'state'>): RoomStateShown {
  return { key: room.state, tone: TONES[room.state] };
}

/** The alert words' state for an error of `kind` (the words a failing-rooms alert uses). */
export type ErrorStateKey =
  | 'roomClosed'
  | 'notLiveRoom'
  | 'invalidRoom'
  | 'credentialsRejected'
  | 'accountBlocked'
  | 'rateLimited'
  | 'failing';

const ERROR_STATES: Partial<Record<ErrorKind, ErrorStateKey>> = {
  'group-gone': 'roomClosed',
  'not-live-room': 'notLiveRoom',
  'invalid-group': 'invalidRoom',
  auth: 'credentialsRejected',
  account: 'accountBlocked',
  'rate-limited': 'rateLimited',
};

/** The state an error of `kind` stands for, in the words an alert about it uses. */
export function errorState(kind: ErrorKind): ErrorStateKey {
  return ERROR_STATES[kind] ?? 'failing';
}
