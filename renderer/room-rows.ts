/**
 * What each room row says, from the views the engine pushes: the UI formats, it never recomputes
 * what the engine knows. Pure, so it is tested without a browser.
 */
import type { MonitorSnapshot, ProfileView, RoomView } from '../main/contract/monitor-api';

const counts = new Intl.NumberFormat('en-US');

export interface RoomRow {
  key: string;
  name: string;
  /** The count, or a dash when there is none: a failure never reads as 0. */
  count: string;
  change: string;
  changeDirection: 'up' | 'down' | 'flat';
  state: string;
  /** Problems stand out: failing, stopped, stale. */
  tone: 'ok' | 'warn' | 'bad' | 'muted';
  age: string;
  pinned: boolean;
}

const STATE_WORDS: Record<RoomView['status'], string> = {
  waiting: 'waiting for the first count',
  live: 'live',
  stale: 'stale',
  failing: 'failing, retrying',
  stopped: 'stopped',
};

export function roomRow(room: RoomView): RoomRow {
  const change = room.change1m;
  const stopped = room.status === 'stopped' && room.error;
  return {
    key: room.key,
    name: room.label ?? room.groupId,
    count: room.online === null ? '—' : counts.format(room.online),
    change:
      change === null || change === 0 ? '' : `${change > 0 ? '+' : '−'}${counts.format(Math.abs(change))}`,
    changeDirection: change === null || change === 0 ? 'flat' : change > 0 ? 'up' : 'down',
    state: stopped ? stoppedWords(room) : STATE_WORDS[room.status],
    tone:
      room.status === 'live'
        ? 'ok'
        : room.status === 'stopped' || room.status === 'failing'
          ? 'bad'
          : room.status === 'stale'
            ? 'warn'
            : 'muted',
    age: ageWords(room.ageMs),
    pinned: room.pinned,
  };
}

function stoppedWords(room: RoomView): string {
  switch (room.error?.kind) {
    case 'group-gone':
      return 'room closed';
    case 'not-live-room':
      return 'not a live room';
    case 'invalid-group':
      return 'not a valid room id';
    default:
      return 'stopped';
  }
}

export function ageWords(ms: number | null): string {
  if (ms === null) return '';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}

/** Pinned rooms first, then the biggest audiences; rooms without a count last, by name. */
export function sortRooms(rooms: RoomView[]): RoomView[] {
  return [...rooms].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      (b.online ?? -1) - (a.online ?? -1) ||
      (a.label ?? a.groupId).localeCompare(b.label ?? b.groupId),
  );
}

/** The total across rooms with a count, and how many rooms have none (so a total is never a silent undercount). */
export function total(rooms: RoomView[]): { text: string; missing: number } {
  const measured = rooms.filter((room) => room.online !== null);
  return {
    text: counts.format(measured.reduce((sum, room) => sum + (room.online ?? 0), 0)),
    missing: rooms.length - measured.length,
  };
}

/** Lines above the list: demo mode, notices, and any app profile that is not simply running. */
export function banners(
  snapshot: Pick<MonitorSnapshot, 'demo' | 'paused' | 'notices'>,
  profiles: ProfileView[],
): string[] {
  const lines: string[] = [];
  if (snapshot.demo)
    lines.push(
      'Demo mode: the built-in simulator plays a show. Add your app in Settings to watch real rooms.',
    );
  if (snapshot.paused) lines.push('Polling is paused.');
  lines.push(...snapshot.notices);
  for (const profile of profiles) {
    if (profile.keyStorage === 'needs-key')
      lines.push(`${profile.label}: enter the secret key in Settings to start polling.`);
    else if (profile.state !== 'running' && profile.reason) lines.push(`${profile.label}: ${profile.reason}`);
    if (profile.plan.stretched) {
      lines.push(
        `${profile.label}: ${profile.plan.rooms} rooms do not fit ${profile.plan.capPerSecond} calls/s, so each is polled every ${profile.plan.effectiveIntervalS.toFixed(1)} s.`,
      );
    }
  }
  return lines;
}
