import { describe, expect, it } from 'vitest';
import { ROOM_STATES } from '../../main/common/room-states';
import { emptyTally, type TalliedRoom, tallyRooms } from '../../main/core/room-tally';

const room = (
  state: TalliedRoom['state'],
  online: number | null,
  current = state === 'live',
): TalliedRoom => ({
  state,
  current,
  online,
});

describe('the tally of many rooms', () => {
  it('adds only current counts: 4,321 and 1,000 live with one closed at 500 make 5,321, not 5,821', () => {
    const tally = tallyRooms([room('live', 4_321), room('live', 1_000), room('closed', 500)]);
    expect(tally).toMatchObject({ online: 5_321, counted: 2, rooms: 3 });
    expect(tally.states).toMatchObject({ live: 2, closed: 1, stale: 0 });
  });

  it('counts every room once by its state, the troubled ones with their last counts left out', () => {
    const rooms = [
      room('live', 10),
      room('stale', 20),
      room('failing', 30),
      room('not-found', null),
      room('not-live-room', null),
      room('invalid-group', null),
      room('paused', 40),
      room('waiting', null),
    ];
    const tally = tallyRooms(rooms);
    expect(tally.online).toBe(10);
    expect(tally.counted).toBe(1);
    expect(Object.values(tally.states).reduce((a, b) => a + b, 0)).toBe(rooms.length);
    expect(Object.keys(tally.states).sort()).toEqual([...ROOM_STATES].sort());
  });

  it('has every state at 0 for no rooms', () => {
    expect(tallyRooms([])).toEqual(emptyTally());
    expect(Object.values(emptyTally().states).every((n) => n === 0)).toBe(true);
  });
});
