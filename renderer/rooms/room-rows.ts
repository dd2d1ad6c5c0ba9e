/**
 * What each room row says, from the views the engine pushes: the UI formats, it never recomputes
 * what the engine knows. Pure, so it is tested without a browser.
 */
import type { ChangeWindow, RoomView } from '../../main/contract/monitor-api';
import { errorWords } from '../alerts/alert-words';
import type { Translator } from '../i18n/translator';
import { pushProblem } from '../room-view/push-words';
import { type RoomStateKey, roomState, type Tone } from './room-state';

/** A room row's texts, ready to show. */
export interface RoomRow {
  key: string;
  name: string;
  /** The count, or a dash when there is none: a failure never reads as 0. */
  count: string;
  hasCount: boolean;
  /** The count is history (a closed, failing or stale room's last), shown apart and never summed. */
  historic: boolean;
  /** The change over the last minute, signed ("+12", "−30", "0"), or "—" before a minute of history. */
  change: string;
  changeDirection: ChangeDirection;
  /** The change over the chosen window, the same way ("+312"), or "—" before the window has data. */
  windowChange: string;
  windowChangeDirection: ChangeDirection;
  /** What goes after the window's change: "/ 15 min". */
  window: string;
  /** What the window's change is, for a tooltip: "Change over 15 min", or why there is none. */
  windowTitle: string;
  state: string;
  stateKey: RoomStateKey;
  tone: Tone;
  age: string;
  /** "push failing: <reason>" when the room's count is not reaching its viewers, else null. */
  push: string | null;
  /** The row in words for a screen reader, after the name: count, change, state and age. */
  spoken: string;
  /** The count alone in words: "1,234 online", "500 when it closed at 20:14", "no count". */
  countWords: string;
  pinned: boolean;
}

/** What a wall's tile says of its room: a share of a row's words, made apart for ten thousand tiles. */
export type TileWords = Pick<RoomRow, 'name' | 'count' | 'countWords' | 'state' | 'stateKey' | 'tone'>;

/** A tile's words: the same as the row's (see {@link describeRoom}), without what a tile never shows. */
export function describeTile(room: RoomView, tr: Translator): TileWords {
  const state = roomState(room);
  const count = room.online === null ? '—' : tr.count(room.online);
  return {
    name: roomName(room),
    count,
    countWords: spokenCount(room, count, tr),
    state: stateLine(room, tr),
    stateKey: state.key,
    tone: state.tone,
  };
}

/** Which way a count moved; unknown when there is no change to tell. */
export type ChangeDirection = 'up' | 'down' | 'flat' | 'unknown';

/** The room's label, else its group id. */
export function roomName(room: Pick<RoomView, 'label' | 'groupId'>): string {
  return room.label ?? room.groupId;
}

/**
 * The row's words; `ageMs` is the age of the count now (the view's age plus the time since it came),
 * `changeWindow` the span of the second change the row shows besides the last minute's.
 */
export function describeRoom(
  room: RoomView,
  tr: Translator,
  ageMs: number | null,
  changeWindow: ChangeWindow,
): RoomRow {
  // The words a tile shows too, made the same way for both.
  const tile = describeTile(room, tr);
  const minute = changeWords(room.change1m, tr);
  const window = tr.t(`window.${changeWindow}`);
  const windowed = changeWords(room.changes[changeWindow], tr);
  const spokenMinute =
    minute.direction === 'unknown'
      ? null
      : minute.direction === 'flat'
        ? tr.t('room.change.flat')
        : tr.t(minute.direction === 'up' ? 'room.change.up' : 'room.change.down', {
            count: minute.magnitude,
          });
  const spokenWindow =
    windowed.direction === 'unknown'
      ? null
      : windowed.direction === 'flat'
        ? tr.t('room.window.flat', { window })
        : tr.t(windowed.direction === 'up' ? 'room.window.up' : 'room.window.down', {
            count: windowed.magnitude,
            window,
          });
  const push = pushProblem(room.push, tr);
  // Only a current count has a change to tell; a closed or failing room's row says why instead.
  const counted = room.online !== null && room.current;
  const age = ageWords(ageMs, tr);
  return {
    key: room.key,
    name: tile.name,
    count: tile.count,
    hasCount: room.online !== null,
    historic: room.online !== null && !room.current,
    change: counted ? minute.marked : '',
    changeDirection: minute.direction,
    windowChange: counted ? windowed.marked : '',
    windowChangeDirection: windowed.direction,
    // "+312 / 15 min", or "— / 15 min" with the reason in the tooltip and the spoken words.
    window: counted ? tr.t('change.over', { window }) : '',
    windowTitle:
      windowed.direction === 'unknown'
        ? tr.t('change.noHistory.title', { window })
        : tr.t('room.window.title', { window }),
    state: tile.state,
    stateKey: tile.stateKey,
    tone: tile.tone,
    age,
    push,
    countWords: tile.countWords,
    spoken: tr.join([
      tile.countWords,
      counted ? spokenMinute : null,
      counted ? (spokenWindow ?? tr.t('change.noHistory.title', { window })) : null,
      tile.state,
      age,
      push,
    ]),
    pinned: room.pinned,
  };
}

/**
 * A change in the forms a row needs: its direction, its size with separators, and signed ("+1,200",
 * "−45", "0"), or a dash while its window has no data: never a bare number that could be a count.
 */
export function changeWords(change: number | null, tr: Translator) {
  const direction: ChangeDirection =
    change === null ? 'unknown' : change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const magnitude = change === null ? '' : tr.count(Math.abs(change));
  const marked =
    direction === 'unknown'
      ? '—'
      : direction === 'up'
        ? `+${magnitude}`
        : direction === 'down'
          ? `−${magnitude}`
          : magnitude;
  return { direction, magnitude, marked };
}

/** The state as a row says it: the failure's kind, when a room closed, what to do about an unknown id. */
export function stateLine(room: Pick<RoomView, 'state' | 'error' | 'stoppedAt'>, tr: Translator): string {
  switch (room.state) {
    case 'failing':
      return tr.t('row.failing', { kind: tr.t(`kind.${room.error?.kind ?? 'unknown'}`) });
    case 'closed':
      return room.stoppedAt === null
        ? tr.t('roomState.closed')
        : tr.t('row.closedAt', { time: tr.time(room.stoppedAt) });
    case 'not-found':
      return tr.t('row.notFound');
    case 'waiting':
      return tr.t('row.waiting');
    default:
      return tr.t(`roomState.${room.state}`);
  }
}

/** The count in words: current, or history ("500 when it closed at 20:14"), or none. */
function spokenCount(room: RoomView, count: string, tr: Translator): string {
  if (room.online === null) return tr.t('room.noCount');
  if (room.current) return tr.t('room.online', { count });
  if (room.state === 'closed' && room.stoppedAt !== null)
    return tr.t('row.history', { count, time: tr.time(room.stoppedAt) });
  return tr.t('row.lastCount', { count });
}

/** How old a count is, in words: seconds, then minutes, then hours. */
export function ageWords(ms: number | null, tr: Translator): string {
  if (ms === null) return '';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 2) return tr.t('age.now');
  if (s < 60) return tr.t('age.seconds', { count: s });
  if (s < 3600) return tr.t('age.minutes', { count: Math.round(s / 60) });
  return tr.t('age.hours', { count: Math.round(s / 3600) });
}

/** The lines of a room's detail, and whether it can be retried now. */
export interface RoomDetail {
  lines: string[];
  /** What the last failure means and what to do, in the UI's language. */
  problem: string | null;
  canRetry: boolean;
}

/** The detail line of a room: where it is, its peak, a snooze, and its last failure. */
export function describeDetail(room: RoomView, profileLabel: string, tr: Translator): RoomDetail {
  const lines = [tr.t('detail.room', { id: room.groupId, profile: profileLabel })];
  if (room.peak) lines.push(tr.t('detail.peak', { count: room.peak.online, time: tr.time(room.peak.at) }));
  if (room.snoozedUntil !== null) lines.push(tr.t('detail.snoozed', { time: tr.time(room.snoozedUntil) }));
  return {
    lines,
    problem: problemOf(room, tr),
    canRetry: room.status === 'failing' || room.status === 'stopped',
  };
}

/** The room's last failure and its push's, in words; null when neither has one. */
function problemOf(room: RoomView, tr: Translator): string | null {
  const parts = [room.error ? errorWords(room.error, tr) : null, pushProblem(room.push, tr)];
  const problems = parts.filter((part): part is string => part !== null);
  return problems.length > 0 ? problems.join(' ') : null;
}
