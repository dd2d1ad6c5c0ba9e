/**
 * `headcount watch` on a terminal: a header that stays (the total by the totals rule, the rooms by
 * state, the rate budget and the interval, the app's condition said once), then as many rooms as
 * the window holds, troubled ones first, then the largest, then "… and 1,980 more".
 */
import { groupedCount } from '../../common/count-format';
import { tiersText } from '../../common/poll-tiers';
import {
  APP_CONDITION_WORDS,
  ROOM_STATE_WORDS,
  statesLine,
  TROUBLED_STATES,
} from '../../common/room-state-words';
import type { RoomState } from '../../common/room-states';
import type { AppMonitor } from '../../core/app-monitor';
import type { CommandBudgets } from '../../core/command-budgets';
import { type ChangeHistory, changeOverMinute } from '../../core/history/count-change';
import type { AppStatus, RoomSnapshot } from '../../core/monitor-events';
import { tierLinesOf } from '../../core/poll-plan';
import type { CountPusher } from '../../core/push/count-pusher';
import { judgeRoom } from '../../core/room-state';
import { type TalliedRoom, tallyRooms } from '../../core/room-tally';
import { formatAge, formatSeconds, showGroupId } from './format';
import { terminalText } from './terminal-text';
import { fitWidth, padWidth, textWidth } from './terminal-width';
import { describeBudgets } from './watch-view';

/** The window the screen must fit, in character cells; null where there is none (a test's whole table). */
export interface ScreenSize {
  columns: number;
  rows: number;
}

/** What the screen reads of an engine: its rooms, its rate budgets and its pushes. */
export interface ScreenSource {
  monitor: Pick<AppMonitor, 'snapshot' | 'status'>;
  budgets: Pick<CommandBudgets, 'readings'>;
  pusher: Pick<CountPusher, 'status'>;
}

export interface WatchScreen {
  title: string;
  engine: ScreenSource;
  history: ChangeHistory;
  /** The room's label or group Name, where known. */
  nameOf: (groupId: string) => string | undefined;
  /** Recent alert lines, oldest first. */
  alerts: readonly string[];
  now: number;
  size: ScreenSize | null;
}

/** Recent alerts shown at most. */
const ALERTS_SHOWN = 8;

const COLUMNS = ['ROOM', 'ONLINE', '1 MIN', 'AGE', 'PEAK', 'STATE'] as const;
const RIGHT = new Set([1, 2, 3, 4]);

interface ScreenRoom extends TalliedRoom {
  room: RoomSnapshot;
}

/** The whole screen as text, one line per row of the window, none wider than it. */
export function renderWatchScreen(screen: WatchScreen): string {
  const status = screen.engine.monitor.status();
  const app = { state: status.state, effectiveIntervalMs: status.plan.effectiveIntervalMs };
  const rooms: ScreenRoom[] = screen.engine.monitor.snapshot().map((room) => {
    const { condition, current } = judgeRoom(room, app);
    return { room, state: condition.state, current, online: room.online };
  });
  const header = headerLines(screen, status, rooms);
  const { size } = screen;
  // Recent alerts take at most a sixth of the window: the rooms are what it is for.
  const alertRoom = size ? Math.max(1, Math.floor(size.rows / 6)) : ALERTS_SHOWN;
  const alerts = screen.alerts.slice(-Math.min(ALERTS_SHOWN, alertRoom));
  const alertLines = alerts.length > 0 ? alerts.length + 2 : 0;
  // Lines left for the table: its header, its rows, and the "more" line.
  const tableLines = size ? size.rows - header.length - alertLines - 1 : rooms.length + 2;
  const ordered = troubledFirst(rooms);
  const fitsAll = ordered.length + 1 <= tableLines;
  const shown = fitsAll ? ordered : ordered.slice(0, Math.max(0, tableLines - 2));
  // Alerts sit between the header and the rooms, so that the list ends the screen with what it left out.
  const lines = [...header, ...(alertLines > 0 ? ['', 'Recent alerts:', ...alerts] : [])];
  lines.push('', ...roomTable(shown, screen, size?.columns ?? null));
  if (!fitsAll) lines.push(`… and ${groupedCount(ordered.length - shown.length)} more`);
  return lines.map((line) => (size ? fitWidth(line, size.columns) : line)).join('\n');
}

function headerLines(screen: WatchScreen, status: AppStatus, rooms: readonly ScreenRoom[]): string[] {
  const tally = tallyRooms(rooms);
  const { plan } = status;
  const time = new Date(screen.now).toLocaleTimeString('en-GB');
  const scope =
    tally.counted === tally.rooms
      ? `${groupedCount(tally.rooms)} room${tally.rooms === 1 ? '' : 's'}`
      : `${groupedCount(tally.counted)} of ${groupedCount(tally.rooms)} rooms`;
  const stretched = plan.stretch > 1 ? ` (stretched from ${formatSeconds(plan.requestedIntervalMs)})` : '';
  const budget = describeBudgets(screen.engine.budgets.readings());
  const tiers = tierLinesOf(plan);
  // Rooms polled at different paces: which are fast, which slow, and why, in place of one interval.
  const pace = tiers ? tiersText(tiers) : `Every ${formatSeconds(plan.effectiveIntervalMs)}${stretched}`;
  return [
    `${screen.title}  ${time}`,
    `${groupedCount(tally.online)} online in ${scope}`,
    statesLine(tally.states),
    `${pace} · ${budget}`,
    // Slow answers are part of why the rooms do not fit: said on a line of its own, as it is rare.
    ...(status.answerMs && plan.stretch > 1
      ? [`Answers take ${status.answerMs} ms: each call holds the cap until 1 s after its answer.`]
      : []),
    ...(status.state === 'running' ? [] : [appLine(status)]),
  ];
}

/**
 * The app's condition, said once above the rooms rather than on each: "App: over the API rate
 * limit, slowed down (recovers by itself)", "App: credentials rejected - <why, and when it tries again>".
 */
function appLine(status: AppStatus): string {
  const state = status.state as Exclude<AppStatus['state'], 'running'>;
  const why = state === 'rate-limited' ? undefined : status.reason;
  return terminalText(`App: ${APP_CONDITION_WORDS[state]}${why ? ` - ${why}` : ''}`);
}

/** Troubled rooms first (in the order of TROUBLED_STATES), then every other by count, largest first. */
function troubledFirst(rooms: readonly ScreenRoom[]): ScreenRoom[] {
  const rank = (state: RoomState) => {
    const i = TROUBLED_STATES.indexOf(state);
    return i === -1 ? TROUBLED_STATES.length : i;
  };
  return [...rooms].sort((a, b) => rank(a.state) - rank(b.state) || (b.online ?? -1) - (a.online ?? -1));
}

function roomTable(rooms: readonly ScreenRoom[], screen: WatchScreen, columns: number | null): string[] {
  const cells = rooms.map(({ room, state }) => [
    terminalText(screen.nameOf(room.groupId) ?? showGroupId(room.groupId)),
    room.online === null ? '-' : groupedCount(room.online),
    changeText(changeOverMinute(screen.history, room.groupId, room.online, screen.now)),
    formatAge(room.ageMs),
    room.peak ? groupedCount(room.peak.online) : '-',
    stateText(state, room, screen.engine),
  ]);
  const widths = COLUMNS.map((h, c) => Math.max(h.length, ...cells.map((row) => textWidth(row[c] ?? ''))));
  if (columns !== null) {
    // The name gives way first: the numbers and the state are what the screen is for.
    const others = widths.slice(1).reduce((sum, w) => sum + w + 2, 0);
    widths[0] = Math.max(COLUMNS[0].length, Math.min(widths[0] ?? 0, columns - others));
  }
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) =>
        padWidth(c === 0 ? fitWidth(cell, widths[0] ?? 0) : cell, widths[c] ?? 0, RIGHT.has(c)),
      )
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), ...cells.map(line)];
}

/** "+312", "-5", "0", or "-" before a minute of history exists (the popover's rule). */
function changeText(change: number | null): string {
  if (change === null) return '-';
  return change > 0 ? `+${groupedCount(change)}` : groupedCount(change);
}

/** The room's state, and a push into the room that fails, beside it. */
function stateText(state: RoomState, room: RoomSnapshot, engine: ScreenSource): string {
  const words = ROOM_STATE_WORDS[state];
  const polled = state === 'failing' && room.error ? `${words}: ${room.error.kind}` : words;
  const push = engine.pusher.status(room.groupId);
  const failing = push && (push.state === 'failing' || push.state === 'refused');
  return failing ? `${polled}; push failing: ${terminalText(push.reason ?? push.state)}` : polled;
}
