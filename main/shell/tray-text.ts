import { compactCount, groupedCount, iconCount } from '../common/count-format';
import type { RoomKey, RoomView } from '../contract/monitor-api';

/** Which number the tray shows: the sum over every room, or one pinned room (the `tray.number` setting). */
export type TrayNumberChoice = 'sum' | { roomKey: RoomKey };

/** The number as each place shows it. A failure never reads as 0: it reads "!" (or "—" while waiting). */
export interface TrayText {
  /** Inside the Windows and Linux icon; empty when there are no rooms (the icon shows the mark). */
  icon: string;
  /** The macOS menu bar title. */
  title: string;
  /** What the number is, in words, for the tooltip. */
  tooltip: string;
  /** The number is missing or incomplete because a room is failing or gone. */
  failing: boolean;
}

const WAITING = '—';
const FAILED = '!';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function numberText(online: number): Pick<TrayText, 'icon' | 'title'> {
  return { icon: iconCount(online), title: compactCount(online) };
}

function roomText(room: RoomView): TrayText {
  const name = room.label ?? room.groupId;
  if (room.status === 'stopped') {
    return {
      icon: FAILED,
      title: FAILED,
      tooltip: `${name}: ${room.error?.message ?? 'not watched any more'}`,
      failing: true,
    };
  }
  if (room.online === null) {
    if (room.status === 'failing') {
      return {
        icon: FAILED,
        title: FAILED,
        tooltip: `${name}: ${room.error?.message ?? 'failing'}`,
        failing: true,
      };
    }
    return { icon: WAITING, title: WAITING, tooltip: `${name}: waiting for the first count`, failing: false };
  }
  // A failing room keeps its last real count on show (never 0); the error state says it is not current.
  const note =
    room.status === 'failing' ? ' (last count; failing)' : room.status === 'stale' ? ' (stale)' : '';
  return {
    ...numberText(room.online),
    tooltip: `${name}: ${groupedCount(room.online)} online${note}`,
    failing: room.status === 'failing',
  };
}

function sumText(rooms: readonly RoomView[]): TrayText {
  if (rooms.length === 0) return { icon: '', title: '', tooltip: 'No rooms yet', failing: false };
  const counted = rooms.filter((room) => room.online !== null && room.status !== 'stopped');
  const failing = rooms.filter((room) => room.status === 'failing' || room.status === 'stopped').length;
  if (counted.length === 0) {
    if (failing > 0) {
      return {
        icon: FAILED,
        title: FAILED,
        tooltip: `No count: ${plural(failing, 'room')} failing`,
        failing: true,
      };
    }
    return { icon: WAITING, title: WAITING, tooltip: 'Waiting for the first counts', failing: false };
  }
  const total = counted.reduce((sum, room) => sum + (room.online ?? 0), 0);
  const scope =
    counted.length === rooms.length
      ? plural(rooms.length, 'room')
      : `${counted.length} of ${plural(rooms.length, 'room')}`;
  const notes = [failing > 0 ? `${failing} failing` : '', stale(rooms)].filter(Boolean);
  return {
    ...numberText(total),
    tooltip: `${groupedCount(total)} online in ${scope}${notes.length > 0 ? ` · ${notes.join(', ')}` : ''}`,
    failing: failing > 0,
  };
}

function stale(rooms: readonly RoomView[]): string {
  const count = rooms.filter((room) => room.status === 'stale').length;
  return count > 0 ? `${count} stale` : '';
}

/**
 * The tray's number for `rooms`: their sum, or the chosen room's count. A chosen room that is no
 * longer watched falls back to the sum.
 */
export function trayText(rooms: readonly RoomView[], choice: TrayNumberChoice): TrayText {
  if (choice !== 'sum') {
    const room = rooms.find((candidate) => candidate.key === choice.roomKey);
    if (room) return roomText(room);
  }
  return sumText(rooms);
}
