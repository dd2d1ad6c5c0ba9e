/**
 * The row's sparkline from a room's history: one value per minute for the last half hour, the
 * minute's average count, or null where the minute holds no count (a gap or only failed polls).
 */
import type { ChartSource } from './room-chart';

const MINUTE = 60_000;

/** How many minutes a sparkline covers, one value each. */
export const SPARKLINE_MINUTES = 30;

/** The most rooms one sparkline request may ask for. */
export const MAX_SPARKLINE_KEYS = 200;

/**
 * The room's last {@link SPARKLINE_MINUTES} minutes ending at `now`, oldest first. Minute `i` covers
 * `[now - (30 - i) min, now - (29 - i) min)`; the last one ends at `now` and includes it.
 */
export function roomSparkline(
  source: Pick<ChartSource, 'samples'>,
  key: string,
  now: number,
): Array<number | null> {
  const from = now - SPARKLINE_MINUTES * MINUTE;
  const sum = new Float64Array(SPARKLINE_MINUTES);
  const count = new Uint32Array(SPARKLINE_MINUTES);
  for (const sample of source.samples(key, from)) {
    if (sample.online === null || sample.at > now) continue;
    const slot = Math.min(SPARKLINE_MINUTES - 1, Math.floor((sample.at - from) / MINUTE));
    sum[slot] = (sum[slot] as number) + sample.online;
    count[slot] = (count[slot] as number) + 1;
  }
  return Array.from(count, (n, slot) => (n === 0 ? null : Math.round((sum[slot] as number) / n)));
}
