/** The counts of one room over one period (a minute, or ten), as the chart and the files show them. */
export interface Bucket {
  /** Epoch ms of the period's start. */
  at: number;
  min: number;
  /** Rounded to one decimal. */
  avg: number;
  max: number;
  /** Counts measured in the period (failed polls are not counted). */
  count: number;
}

/** A bucket while it fills, numbered by its period (minutes or ten-minute spans since the epoch). */
export interface OpenBucket {
  period: number;
  min: number;
  max: number;
  sum: number;
  count: number;
}

/** Starts a bucket with `count` values summing to `sum`. */
export function openBucket(period: number, min: number, max: number, sum: number, count: number): OpenBucket {
  return { period, min, max, sum, count };
}

/** Adds `count` values (between `min` and `max`, summing to `sum`) to a bucket. */
export function addToBucket(bucket: OpenBucket, min: number, max: number, sum: number, count: number): void {
  if (min < bucket.min) bucket.min = min;
  if (max > bucket.max) bucket.max = max;
  bucket.sum += sum;
  bucket.count += count;
}

/** The average in tenths, kept within [min, max] whatever the rounding did. */
export function averageTenths(bucket: Pick<OpenBucket, 'min' | 'max' | 'sum' | 'count'>): number {
  const tenths = Math.round((bucket.sum * 10) / bucket.count);
  return Math.min(bucket.max * 10, Math.max(bucket.min * 10, tenths));
}

/** A bucket as the chart sees it, its period `periodMs` long. */
export function closedBucket(bucket: OpenBucket, periodMs: number): Bucket {
  return {
    at: bucket.period * periodMs,
    min: bucket.min,
    avg: averageTenths(bucket) / 10,
    max: bucket.max,
    count: bucket.count,
  };
}
