/**
 * What a room's number means right now: `waiting` for its first answer, `live` fresh, `stale` older
 * than it should be (rate limiting, sleep), `failing` retrying after failures (the last count is kept
 * but is not current), `stopped` not polled any more because the room is gone, not a live room or not
 * a valid id.
 */
export type RoomStatus = 'waiting' | 'live' | 'stale' | 'failing' | 'stopped';

/** App-level state: `auth-failed` and `paused` stop all polling until credentials change or resume. */
export type AppState = 'running' | 'rate-limited' | 'auth-failed' | 'paused';
