/**
 * The totals rule (design.md, "Room states and totals"): a room's count is current, and so counts
 * in a total, only while its latest answer is a count no older than two effective intervals. A
 * closed, failing, stale or paused room keeps its last count as history, never in a sum.
 */
import type { RoomSnapshot } from './monitor-events';

/**
 * How many effective intervals a count stays current. Two, not one: a poll's answer lands some
 * time into the next interval, and a single late answer must not drop a room from the total.
 */
export const CURRENT_FOR_INTERVALS = 2;

/** What the rule reads of a room. */
export type CountFacts = Pick<RoomSnapshot, 'status' | 'online' | 'ageMs' | 'intervalMs'>;

/**
 * Whether the room's count is current: its latest answer was a count (the engine says `live`, not
 * waiting, failing, stopped or already stale) and it is at most {@link CURRENT_FOR_INTERVALS}
 * effective intervals old: the room's own interval when it has one (rooms polled at different
 * intervals while they do not fit the rate), else the app's.
 */
export function isCurrentCount(room: CountFacts, effectiveIntervalMs: number): boolean {
  return (
    room.status === 'live' &&
    room.online !== null &&
    room.ageMs !== null &&
    room.ageMs <= CURRENT_FOR_INTERVALS * (room.intervalMs ?? effectiveIntervalMs)
  );
}

/** A total by the rule: people in rooms with a current count, and how many rooms that is. */
export interface CurrentTotal {
  online: number;
  /** Rooms whose count is in `online`. */
  counted: number;
  /** Rooms left out because they have no current count. */
  left: number;
}

/** Adds up the current counts of `rooms`, all polled at the same effective interval (one app). */
export function currentTotal(rooms: Iterable<CountFacts>, effectiveIntervalMs: number): CurrentTotal {
  const total: CurrentTotal = { online: 0, counted: 0, left: 0 };
  for (const room of rooms) {
    if (isCurrentCount(room, effectiveIntervalMs)) {
      total.online += room.online as number;
      total.counted++;
    } else total.left++;
  }
  return total;
}
