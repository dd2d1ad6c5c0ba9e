/** Words and numbers for alert titles and messages, the same in every channel. */
import { groupedCount } from '../../common/count-format';

/** A number of people, rounded: "12,345". */
export function people(n: number): string {
  return groupedCount(Math.round(n));
}

/** "Room 'Launch Day'" with a label, else the id. */
export function roomName(groupId: string, label?: string): string {
  return label ? `Room '${label}'` : `Room ${JSON.stringify(groupId)}`;
}

/** "45 s", "2 min", "1 h 5 min". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`;
}

export function signedPercent(percent: number): string {
  return `${percent >= 0 ? '+' : '-'}${Math.round(Math.abs(percent))}%`;
}

export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}
