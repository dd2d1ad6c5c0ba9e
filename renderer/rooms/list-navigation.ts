/** How the keyboard moves in the room list, as pure functions of the arrangement. */
import type { ListEntry } from './room-order';

/** Where focus goes: some rooms up or down, or across to the row's pin or back to the row. */
export type ListMove = { rooms: number } | { column: 'main' | 'pin' };

/** The move a key makes from a row's `column`, or null for a key the list leaves alone. */
export function listMove(
  key: string,
  column: 'main' | 'pin',
  pageRooms: number,
  total: number,
): ListMove | null {
  switch (key) {
    case 'ArrowDown':
      return { rooms: 1 };
    case 'ArrowUp':
      return { rooms: -1 };
    case 'PageDown':
      return { rooms: pageRooms };
    case 'PageUp':
      return { rooms: -pageRooms };
    case 'Home':
      return { rooms: -total };
    case 'End':
      return { rooms: total };
    case 'ArrowRight':
      return column === 'main' ? { column: 'pin' } : null;
    case 'ArrowLeft':
      return column === 'pin' ? { column: 'main' } : null;
    default:
      return null;
  }
}

/** The entry `steps` rooms away from `from`, skipping headings and stopping at the first or last room. */
export function stepRooms(entries: readonly ListEntry[], from: number, steps: number): number {
  const direction = Math.sign(steps);
  let index = from;
  for (let left = Math.abs(steps); left > 0; left--) {
    let next = index + direction;
    while (entries[next]?.kind === 'heading') next += direction;
    if (entries[next]?.kind !== 'room') break;
    index = next;
  }
  return index;
}
