/**
 * What a room's number means right now: `waiting` for its first answer, `live` fresh, `stale` older
 * than it should be (rate limiting, sleep), `failing` retrying after failures (the last count is kept
 * but is not current), `stopped` not polled any more because the room is gone, not a live room or not
 * a valid id. The engine's own bookkeeping: what a person is shown is the {@link RoomState}.
 */
export type RoomStatus = 'waiting' | 'live' | 'stale' | 'failing' | 'stopped';

/** App-level state: `auth-failed` and `paused` stop all polling until credentials change or resume. */
export type AppState = 'running' | 'rate-limited' | 'auth-failed' | 'paused';

/**
 * A room's own state in the design's words (design.md, "Room states and totals"), the one every
 * surface shows and counts by:
 * - `waiting`: added, its first answer not in yet;
 * - `live`: a current count (the latest answer is a count no older than two effective intervals);
 * - `stale`: a count, but no fresh one for two effective intervals (rate limiting, a hung server, sleep);
 * - `failing`: polls fail and are retried; the room's error kind says why;
 * - `closed`: it answered with counts before, and now the server says it does not exist (10010);
 * - `not-found`: 10010 without ever answering with a count: most likely a mistyped id;
 * - `not-live-room`: the group is not an AVChatRoom (10007);
 * - `invalid-group`: the id is not valid (10015);
 * - `paused`: not polled because its app is paused, by a person or until its credentials change.
 *
 * The order is the order surfaces list them in.
 */
export const ROOM_STATES = [
  'live',
  'stale',
  'failing',
  'closed',
  'not-found',
  'not-live-room',
  'invalid-group',
  'paused',
  'waiting',
] as const;

export type RoomState = (typeof ROOM_STATES)[number];

/** The app conditions a person is told about once, beside the rooms: every app state but `running`. */
export type AppCondition = Exclude<AppState, 'running'>;
