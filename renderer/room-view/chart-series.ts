/**
 * The room chart's numbers as uPlot draws them: times in seconds, the count, and the min-max band of
 * bucketed ranges; live points appended as pushes arrive; the alerts to mark. No DOM: unit-tested.
 */
import type { AlertView, ChartData, ChartRange } from '../../main/contract/monitor-api';
import { alertWords } from '../alerts/alert-words';
import type { ViewTranslator } from '../i18n/view-words';

/** uPlot's columns: seconds, count, bucket min, bucket max (null at full resolution or in a gap). */
export type ChartColumns = [number[], Array<number | null>, Array<number | null>, Array<number | null>];

/** How far back the live range reaches; points older than this fall off as new ones arrive. */
export const LIVE_SPAN_MS = 10 * 60_000;

/** The chart's columns, and whether it has a band to draw (only bucketed ranges do). */
export function chartColumns(chart: ChartData): { columns: ChartColumns; banded: boolean } {
  const columns: ChartColumns = [
    chart.at.map((at) => at / 1000),
    [...chart.online],
    [...chart.min],
    [...chart.max],
  ];
  return { columns, banded: chart.max.some((value) => value !== null) };
}

/**
 * Adds a pushed count to live columns in place and drops what fell out of the window; false when
 * it is not newer than the last point (a repeated push), so nothing needs redrawing.
 */
export function appendLive(
  columns: ChartColumns,
  at: number,
  online: number | null,
  spanMs = LIVE_SPAN_MS,
): boolean {
  const [times, counts, mins, maxes] = columns;
  const seconds = at / 1000;
  const last = times.at(-1);
  if (last !== undefined && seconds <= last) return false;
  times.push(seconds);
  counts.push(online);
  mins.push(null);
  maxes.push(null);
  const from = seconds - spanMs / 1000;
  let drop = 0;
  while (drop < times.length - 1 && (times[drop] as number) < from) drop++;
  if (drop > 0) for (const column of columns) column.splice(0, drop);
  return true;
}

/** One alert to mark on the chart: where, the words shown on hover or focus, and how serious. */
export interface ChartMark {
  id: string;
  at: number;
  title: string;
  severity: AlertView['severity'];
}

/** The alerts within the chart's time span, oldest first, titled in the translator's language. */
export function chartMarks(
  alerts: readonly AlertView[],
  fromMs: number,
  toMs: number,
  tr: ViewTranslator,
): ChartMark[] {
  return alerts
    .filter((alert) => alert.at >= fromMs && alert.at <= toMs)
    .sort((a, b) => a.at - b.at)
    .map((alert) => ({
      id: alert.id,
      at: alert.at,
      title: alertWords(alert, tr).title,
      severity: alert.severity,
    }));
}

/** The file name of a download: `headcount-<room>-<range>-<yyyymmdd-hhmm>.<ext>`, safe on every OS. */
export function exportFileName(room: string, range: ChartRange, now: Date, extension: 'csv' | 'png'): string {
  const name =
    room
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'room';
  const two = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
  return `headcount-${name}-${range}-${stamp}.${extension}`;
}

/** The peak with its time, the lowest and the average of live columns (full resolution). */
export function columnsSummary(columns: ChartColumns): ChartData['summary'] {
  const [times, counts] = columns;
  let peak: { online: number; at: number } | null = null;
  let min: number | null = null;
  let sum = 0;
  let n = 0;
  counts.forEach((value, i) => {
    if (value === null) return;
    if (!peak || value >= peak.online) peak = { online: value, at: (times[i] as number) * 1000 };
    if (min === null || value < min) min = value;
    sum += value;
    n += 1;
  });
  return { peak, min, avg: n === 0 ? null : Math.round((sum / n) * 10) / 10 };
}
