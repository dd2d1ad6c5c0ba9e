/**
 * A room's chart and CSV from its history: which resolution a range is drawn at, the points, the
 * gaps, and the peak, min and average.
 */
import type { AlertView, ChartData, ChartRange } from '../contract/monitor-api';
import type { Bucket } from '../core/history/bucket';
import type { HistorySample, HistoryStore } from '../core/history/history-store';

/** What the chart reads of the history. */
export type ChartSource = Pick<HistoryStore, 'samples' | 'buckets' | 'windows'>;

const MINUTE = 60_000;
const TEN_MINUTES = 600_000;

/** How far back each range reaches from now. */
export const CHART_SPAN_MS: Record<ChartRange, number> = {
  live: 10 * MINUTE,
  '1h': 60 * MINUTE,
  '6h': 360 * MINUTE,
  '24h': 1440 * MINUTE,
  '7d': 7 * 1440 * MINUTE,
};

/** The most points a chart gets: about one per pixel of a wide popover. */
export const MAX_CHART_POINTS = 1500;

/** Bucket widths a range may be drawn at, shortest first. */
const WIDTHS_MS = [5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600].map((s) => s * 1000);

/** A poll interval assumed until the room has two samples. */
const USUAL_SPACING_MS = 10_000;

/**
 * The room's chart over `range`, ending at `now`. Ranges within the full-resolution window show
 * every sample while there are at most `maxPoints` of them; otherwise the range is cut into equal
 * buckets, each at least twice the poll interval (so that each holds counts) and at least a minute
 * or ten minutes once the range reaches past what finer data is kept for. A failed poll, a pause
 * longer than three intervals, or a bucket without counts is null.
 */
export function roomChart(
  source: ChartSource,
  key: string,
  range: ChartRange,
  now: number,
  alerts: AlertView[],
  maxPoints = MAX_CHART_POINTS,
): ChartData {
  const span = CHART_SPAN_MS[range];
  const from = now - span;
  const { windows } = source;
  const raw = span <= windows.fullResolutionMs ? source.samples(key, from) : [];
  const spacing = spacingOf(raw.length > 1 ? raw : source.samples(key, now - 60 * MINUTE));
  const chart: ChartData = {
    range,
    at: [],
    online: [],
    min: [],
    max: [],
    summary: { peak: null, min: null, avg: null },
    alerts,
  };
  if (span <= windows.fullResolutionMs && raw.length <= maxPoints) {
    fillRaw(chart, raw, spacing);
    chart.summary = summaryOf(raw.map(asBucket));
    return chart;
  }
  const floor = span > windows.minutesMs ? TEN_MINUTES : span > windows.fullResolutionMs ? MINUTE : 0;
  const wanted = Math.max(span / Math.max(1, maxPoints - 1), 2 * spacing, floor);
  const width = WIDTHS_MS.find((w) => w >= wanted) ?? (WIDTHS_MS.at(-1) as number);
  const entries =
    width >= TEN_MINUTES
      ? source.buckets(key, from, 'ten-minutes')
      : width >= MINUTE
        ? source.buckets(key, from, 'minute')
        : raw.flatMap((sample) => (sample.online === null ? [] : [asBucket(sample)]));
  fillGrid(chart, entries, from, now, width);
  chart.summary = summaryOf(entries);
  const peak = chart.summary.peak;
  if (peak && width >= MINUTE) {
    chart.summary.peak = exactPeak(source, key, peak, width >= TEN_MINUTES ? TEN_MINUTES : MINUTE);
  }
  return chart;
}

/** The same series at the finest resolution held for the range, without the point limit. */
export function roomExport(source: ChartSource, key: string, range: ChartRange, now: number): ChartData {
  return roomChart(source, key, range, now, [], Number.POSITIVE_INFINITY);
}

/**
 * The chart as CSV: `time,online,min,max`, ISO times, one row per point from the first with a
 * count (the time before the history began is left out). An empty field is a failure or a gap.
 */
export function chartCsv(chart: ChartData): string {
  const rows = ['time,online,min,max'];
  const first = chart.online.findIndex((value) => value !== null);
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  if (first >= 0) {
    for (let i = first; i < chart.at.length; i++) {
      const at = new Date(chart.at[i] as number).toISOString();
      rows.push(`${at},${cell(chart.online[i])},${cell(chart.min[i])},${cell(chart.max[i])}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

/** The usual time between two samples: the median of the spacings. */
function spacingOf(samples: readonly HistorySample[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < samples.length; i++) {
    const gap = (samples[i] as HistorySample).at - (samples[i - 1] as HistorySample).at;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return USUAL_SPACING_MS;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] as number;
}

function fillRaw(chart: ChartData, samples: readonly HistorySample[], spacing: number): void {
  let previous: HistorySample | null = null;
  for (const sample of samples) {
    // Nothing measured for longer than three intervals (paused, asleep, not running): break the line.
    if (
      previous &&
      previous.online !== null &&
      sample.online !== null &&
      sample.at - previous.at > 3 * spacing
    ) {
      push(chart, Math.round((previous.at + sample.at) / 2), null, null, null);
    }
    push(chart, sample.at, sample.online, null, null);
    previous = sample;
  }
}

function fillGrid(
  chart: ChartData,
  entries: readonly Bucket[],
  from: number,
  now: number,
  width: number,
): void {
  const start = Math.floor(from / width) * width;
  const slots = Math.floor((now - start) / width) + 1;
  const min = new Float64Array(slots).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(slots).fill(Number.NEGATIVE_INFINITY);
  const sum = new Float64Array(slots);
  const count = new Float64Array(slots);
  for (const entry of entries) {
    const slot = Math.floor((entry.at - start) / width);
    if (slot < 0 || slot >= slots) continue;
    min[slot] = Math.min(min[slot] as number, entry.min);
    max[slot] = Math.max(max[slot] as number, entry.max);
    sum[slot] = (sum[slot] as number) + entry.avg * entry.count;
    count[slot] = (count[slot] as number) + entry.count;
  }
  for (let slot = 0; slot < slots; slot++) {
    const n = count[slot] as number;
    if (n === 0) push(chart, start + slot * width, null, null, null);
    else
      push(
        chart,
        start + slot * width,
        round1((sum[slot] as number) / n),
        min[slot] as number,
        max[slot] as number,
      );
  }
}

function push(chart: ChartData, at: number, online: number | null, min: number | null, max: number | null) {
  chart.at.push(at);
  chart.online.push(online);
  chart.min.push(min);
  chart.max.push(max);
}

const asBucket = (sample: HistorySample): Bucket =>
  sample.online === null
    ? { at: sample.at, min: 0, avg: 0, max: 0, count: 0 }
    : { at: sample.at, min: sample.online, avg: sample.online, max: sample.online, count: 1 };

function summaryOf(entries: readonly Bucket[]): ChartData['summary'] {
  let peak: { online: number; at: number } | null = null;
  let min: number | null = null;
  let sum = 0;
  let count = 0;
  for (const entry of entries) {
    if (entry.count === 0) continue;
    // The latest of equal peaks: the most recent is what a person looks for, and the samples may still hold it.
    if (!peak || entry.max >= peak.online) peak = { online: entry.max, at: entry.at };
    if (min === null || entry.min < min) min = entry.min;
    sum += entry.avg * entry.count;
    count += entry.count;
  }
  return { peak, min, avg: count === 0 ? null : round1(sum / count) };
}

/** A bucketed peak carries its bucket's start: the samples, where still held, give its moment. */
function exactPeak(
  source: ChartSource,
  key: string,
  peak: { online: number; at: number },
  bucketMs: number,
): { online: number; at: number } {
  const match = source
    .samples(key, peak.at)
    .find((sample) => sample.at < peak.at + bucketMs && sample.online === peak.online);
  return match ? { online: peak.online, at: match.at } : peak;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
