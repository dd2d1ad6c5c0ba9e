import { describe, expect, it } from 'vitest';
import { listMove, stepRooms } from '../../../renderer/rooms/list-navigation';
import type { ListEntry } from '../../../renderer/rooms/room-order';

const heading = (id: string): ListEntry => ({ kind: 'heading', id, profileId: id, keys: [] });
const room = (key: string): ListEntry => ({ kind: 'room', key });
// #one, a, b, #two, c, d
const entries = [heading('one'), room('a'), room('b'), heading('two'), room('c'), room('d')];

describe('moving in the room list with the keyboard', () => {
  it('maps the arrow, page and end keys to moves between rooms or to the pin', () => {
    expect(listMove('ArrowDown', 'main', 8, 100)).toEqual({ rooms: 1 });
    expect(listMove('ArrowUp', 'pin', 8, 100)).toEqual({ rooms: -1 });
    expect(listMove('PageDown', 'main', 8, 100)).toEqual({ rooms: 8 });
    expect(listMove('PageUp', 'main', 8, 100)).toEqual({ rooms: -8 });
    expect(listMove('Home', 'main', 8, 100)).toEqual({ rooms: -100 });
    expect(listMove('End', 'main', 8, 100)).toEqual({ rooms: 100 });
    expect(listMove('ArrowRight', 'main', 8, 100)).toEqual({ column: 'pin' });
    expect(listMove('ArrowLeft', 'pin', 8, 100)).toEqual({ column: 'main' });
    expect(listMove('ArrowRight', 'pin', 8, 100)).toBeNull();
    expect(listMove('Enter', 'main', 8, 100)).toBeNull();
    expect(listMove('a', 'main', 8, 100)).toBeNull();
  });

  it('steps over headings and stops at the first and last room', () => {
    expect(stepRooms(entries, 1, 1)).toBe(2);
    expect(stepRooms(entries, 2, 1)).toBe(4);
    expect(stepRooms(entries, 4, -1)).toBe(2);
    expect(stepRooms(entries, 1, -1)).toBe(1);
    expect(stepRooms(entries, 5, 1)).toBe(5);
    expect(stepRooms(entries, 1, 3)).toBe(5);
    expect(stepRooms(entries, 5, -entries.length)).toBe(1);
    expect(stepRooms(entries, 2, 0)).toBe(2);
  });
});
