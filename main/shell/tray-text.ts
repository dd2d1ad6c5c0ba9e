import { compactCount, groupedCount, iconCount } from '../common/count-format';
import { APP_CONDITION_WORDS, ROOM_STATE_WORDS, statesLine } from '../common/room-state-words';
import type { MonitorSnapshot, RoomKey, RoomView } from '../contract/monitor-api';

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
  /** The number is missing or incomplete because a room needs a person (failing, not found, a wrong id). */
  failing: boolean;
}

const WAITING = '—';
const FAILED = '!';

/** The states that make the tray's number one to distrust: a room that fails or was never right. */
const FAULTS = ['failing', 'not-found', 'not-live-room', 'invalid-group'] as const;

/** "20:14", as the other English surfaces write a time of day. */
function timeOfDay(at: number): string {
  return new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

function plural(n: number, word: string): string {
  return `${groupedCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

function numberText(online: number): Pick<TrayText, 'icon' | 'title'> {
  return { icon: iconCount(online), title: compactCount(online) };
}

function blank(mark: string): Pick<TrayText, 'icon' | 'title'> {
  return { icon: mark, title: mark };
}

/** One pinned room: its count while it is current or stale, else why there is none. */
function roomText(room: RoomView): TrayText {
  const name = room.label ?? room.groupId;
  const failing = (FAULTS as readonly string[]).includes(room.state);
  if (room.state === 'live' || (room.state === 'stale' && room.online !== null)) {
    const online = room.online ?? 0;
    const note = room.state === 'stale' ? ' (stale)' : '';
    return { ...numberText(online), tooltip: `${name}: ${groupedCount(online)} online${note}`, failing };
  }
  if (room.state === 'waiting')
    return { ...blank(WAITING), tooltip: `${name}: waiting for the first count`, failing };
  if (room.state === 'closed') {
    // A closed room's last count is history: the tray says it, but does not show it as a number.
    const at = room.stoppedAt === null ? '' : ` at ${timeOfDay(room.stoppedAt)}`;
    const last = room.online === null ? '' : `, ${groupedCount(room.online)} when it closed`;
    return { ...blank(WAITING), tooltip: `${name}: closed${at}${last}`, failing };
  }
  if (room.state === 'failing') {
    // A failing room keeps its last real count on show (never 0); the error state says it is not current.
    const shown = room.online === null ? blank(FAILED) : numberText(room.online);
    const last = room.online === null ? '' : `${groupedCount(room.online)} online (last count; failing) - `;
    return { ...shown, tooltip: `${name}: ${last}${room.error?.message ?? 'failing'}`, failing };
  }
  const words = room.error?.message ?? ROOM_STATE_WORDS[room.state];
  return { ...blank(room.state === 'paused' ? WAITING : FAILED), tooltip: `${name}: ${words}`, failing };
}

/** The sum by the totals rule (the engine's summary): only current counts, with what is left out said. */
function sumText({ summary }: Pick<MonitorSnapshot, 'summary'>): TrayText {
  const { online, counted, rooms, states } = summary;
  if (rooms === 0) return { icon: '', title: '', tooltip: 'No rooms yet', failing: false };
  const faults = FAULTS.reduce((n, state) => n + states[state], 0);
  const failing = faults > 0;
  const others = statesLine(states, { live: false });
  const notes = others ? ` · ${others}` : '';
  if (counted === 0) {
    if (states.waiting === rooms)
      return { ...blank(WAITING), tooltip: 'Waiting for the first counts', failing };
    return { ...blank(failing ? FAILED : WAITING), tooltip: `No current count${notes}`, failing };
  }
  const scope =
    counted === rooms ? plural(rooms, 'room') : `${groupedCount(counted)} of ${plural(rooms, 'room')}`;
  return { ...numberText(online), tooltip: `${groupedCount(online)} online in ${scope}${notes}`, failing };
}

/** The apps' conditions, one line each: said once here, never painted on each room. */
export function conditionLines({ summary }: Pick<MonitorSnapshot, 'summary'>): string[] {
  return summary.conditions
    .filter((c) => c.condition !== 'paused')
    .map(
      (c) =>
        `${c.label}: ${c.condition === 'auth-failed' && c.reason ? c.reason : APP_CONDITION_WORDS[c.condition]}`,
    );
}

/**
 * The tray's number: the engine's total of current counts, or the chosen room's count. A chosen
 * room that is no longer watched falls back to the sum.
 */
export function trayText(
  snapshot: Pick<MonitorSnapshot, 'rooms' | 'summary'>,
  choice: TrayNumberChoice,
): TrayText {
  if (choice !== 'sum') {
    const room = snapshot.rooms.find((candidate) => candidate.key === choice.roomKey);
    if (room) return roomText(room);
  }
  return sumText(snapshot);
}
