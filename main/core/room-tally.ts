/**
 * The engine's figures over many rooms, by the totals rule (design.md, "Room states and totals"):
 * the people in rooms whose count is current, and how many rooms are in each state. Every surface
 * (the page, the tray, the terminal, `/metrics`) shows these figures rather than adding up rooms itself.
 */
import { ROOM_STATES, type RoomState } from '../common/room-states';

/** What the tally reads of a room: its state, whether its count is current, and the count. */
export interface TalliedRoom {
  state: RoomState;
  current: boolean;
  online: number | null;
}

export interface RoomTally {
  /** People online in the rooms whose count is current. */
  online: number;
  /** Rooms in `online`. */
  counted: number;
  /** Rooms tallied. */
  rooms: number;
  /** Rooms in each state, every state present. */
  states: Record<RoomState, number>;
}

/** A tally of no rooms, every state at 0. */
export function emptyTally(): RoomTally {
  const states = Object.fromEntries(ROOM_STATES.map((state) => [state, 0])) as Record<RoomState, number>;
  return { online: 0, counted: 0, rooms: 0, states };
}

/** Adds `room` to `tally` (in place, so that many engines add into one tally). */
export function addToTally(tally: RoomTally, room: TalliedRoom): void {
  tally.rooms++;
  tally.states[room.state]++;
  if (room.current && room.online !== null) {
    tally.online += room.online;
    tally.counted++;
  }
}

/** The tally of `rooms`. */
export function tallyRooms(rooms: Iterable<TalliedRoom>): RoomTally {
  const tally = emptyTally();
  for (const room of rooms) addToTally(tally, room);
  return tally;
}
