/**
 * The room states and app conditions in English, as the tray, the terminal and the alert texts say
 * them (the page words them in each of its languages itself).
 */
import { groupedCount } from './count-format';
import type { AppCondition, RoomState } from './room-states';
import { ROOM_STATES } from './room-states';

/** Each state as a person reads it after a number: "3 not found". */
export const ROOM_STATE_WORDS: Readonly<Record<RoomState, string>> = {
  live: 'live',
  stale: 'stale',
  failing: 'failing',
  closed: 'closed',
  'not-found': 'not found',
  'not-live-room': 'not a live room',
  'invalid-group': 'invalid id',
  paused: 'paused',
  waiting: 'waiting',
};

/** An app's condition, said once beside its rooms. */
export const APP_CONDITION_WORDS: Readonly<Record<AppCondition, string>> = {
  'rate-limited': 'over the API rate limit, slowed down (recovers by itself)',
  paused: 'paused',
  'auth-failed': 'credentials rejected',
};

/** The states that need a person, most urgent first: where a list of rooms starts. */
export const TROUBLED_STATES: readonly RoomState[] = [
  'failing',
  'not-found',
  'closed',
  'stale',
  'not-live-room',
  'invalid-group',
];

/**
 * "1,990 live · 3 closed · 2 failing": the states with rooms in them, in the usual order, the ones
 * with none left out. Live comes first even at 0, so that the line never hides that nothing is live,
 * unless `live` is false (where the total beside it already says it).
 */
export function statesLine(states: Readonly<Record<RoomState, number>>, { live = true } = {}): string {
  return ROOM_STATES.filter((state) => (state === 'live' ? live : states[state] > 0))
    .map((state) => `${groupedCount(states[state])} ${ROOM_STATE_WORDS[state]}`)
    .join(' · ');
}
