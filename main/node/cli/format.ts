/** Human-readable numbers, ages and tables for the terminal. */
import { groupedCount } from '../../common/count-format';
import { terminalText } from './terminal-text';

/** A count as every English surface writes it: "12,345". */
export const formatCount = groupedCount;

/** "+1,234" or "-56"; empty for no change or none known. */
export function formatChange(change: number | null): string {
  if (change === null || change === 0) return '';
  return `${change > 0 ? '+' : '-'}${formatCount(Math.abs(change))}`;
}

export function formatAge(ms: number | null): string {
  if (ms === null) return '-';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** Left-aligned columns, except those named in `right`, padded to the widest cell; no control character obeyed. */
export function table(header: string[], cells: string[][], right: ReadonlySet<number> = new Set()): string {
  const rows = cells.map((row) => row.map((cell) => terminalText(cell)));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** A group id as it can be read and pasted back: plain when it is simple, JSON-quoted otherwise. */
export function showGroupId(id: string): string {
  return /^[\x21-\x7e]+$/.test(id) && !id.startsWith('"') ? id : JSON.stringify(id);
}
