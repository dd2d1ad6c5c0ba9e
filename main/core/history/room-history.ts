import { addToBucket, averageTenths, type Bucket, closedBucket, type OpenBucket, openBucket } from './bucket';
import { BucketSeries } from './bucket-series';
import { SampleSeries, type SampleVisitor } from './sample-series';

/** The lengths of the two bucket periods. */
export const MINUTE_MS = 60_000;
export const TEN_MINUTES_MS = 600_000;

/** A closed minute as it is written to disk: its minute since the epoch and its figures. */
export interface MinuteRecord {
  minute: number;
  min: number;
  /** In tenths. */
  avgTenths: number;
  max: number;
  count: number;
}

/** How far back each resolution reaches, in ms before now. */
export interface HistoryWindows {
  fullResolutionMs: number;
  minutesMs: number;
  tenMinutesMs: number;
}

const minuteOf = (atS: number) => Math.floor(atS / 60);

/**
 * One room's history in three resolutions: every sample for the recent hours, a bucket per minute
 * for the last day, and a bucket per ten minutes for the week, each with min, average and max. A
 * sample feeds the current minute; a minute, once over, feeds the minute series and the current ten
 * minutes. Failed polls are kept at full resolution only; a minute without a count has no bucket.
 */
export class RoomHistory {
  readonly samples = new SampleSeries();
  readonly minutes = new BucketSeries(MINUTE_MS);
  readonly tens = new BucketSeries(TEN_MINUTES_MS);
  private openMinute: OpenBucket | null = null;
  private openTen: OpenBucket | null = null;
  /** The last minute closed here or read from disk: older samples add nothing to the buckets. */
  private lastMinute = Number.NEGATIVE_INFINITY;
  private lastAtS = Number.NEGATIVE_INFINITY;

  /**
   * Records a sample (null for a failed poll), time in epoch seconds. Returns the minute it closed,
   * if any, or false when the sample is older than the latest and was dropped: a wall clock set
   * back must not fold later counts into earlier minutes.
   */
  record(atS: number, online: number | null): MinuteRecord | null | false {
    if (atS < this.lastAtS) return false;
    this.lastAtS = atS;
    this.samples.append(atS, online);
    const minute = minuteOf(atS);
    if (minute <= this.lastMinute) return null;
    const closed = this.openMinute && minute > this.openMinute.period ? this.closeMinute() : null;
    if (online !== null) {
      if (this.openMinute) addToBucket(this.openMinute, online, online, online, 1);
      else this.openMinute = openBucket(minute, online, online, online, 1);
    }
    return closed;
  }

  /**
   * Adds a closed minute read from disk; false when it is not later than the minutes held. With
   * `tenMinutesOnly` it feeds the ten-minute buckets alone: minutes older than a day are not kept.
   */
  loadMinute(record: MinuteRecord, tenMinutesOnly = false): boolean {
    if (record.minute <= this.lastMinute || this.openMinute) return false;
    this.addMinute(record, !tenMinutesOnly);
    return true;
  }

  /** Closes the current minute and ten minutes when they are over at `nowS`; returns the minute closed. */
  closeEnded(nowS: number): MinuteRecord | null {
    const closed = this.openMinute && (this.openMinute.period + 1) * 60 <= nowS ? this.closeMinute() : null;
    if (this.openTen && (this.openTen.period + 1) * 600 <= nowS) this.closeTen();
    return closed;
  }

  /** Forgets what is older than each resolution keeps; true when nothing is left. */
  trim(nowMs: number, windows: HistoryWindows): boolean {
    this.samples.dropBefore(Math.ceil((nowMs - windows.fullResolutionMs) / 1000));
    this.minutes.dropBefore(Math.ceil((nowMs - windows.minutesMs) / MINUTE_MS));
    this.tens.dropBefore(Math.ceil((nowMs - windows.tenMinutesMs) / TEN_MINUTES_MS));
    return (
      this.samples.size === 0 &&
      this.minutes.size === 0 &&
      this.tens.size === 0 &&
      !this.openMinute &&
      !this.openTen
    );
  }

  /** Visits the samples at or after `fromS`. */
  forEachSample(fromS: number, visit: SampleVisitor): void {
    this.samples.forEach(fromS, visit);
  }

  /**
   * Time of the oldest count or failed poll held (epoch s): the oldest sample's, or, when minutes
   * older than every sample are held, the start of the oldest minute.
   */
  oldestAt(): number | null {
    const sample = this.samples.oldestAt;
    const minute = this.minutes.oldestPeriod;
    if (minute === null || (sample !== null && minute >= Math.floor(sample / 60))) return sample;
    return minute * 60;
  }

  /**
   * Whether the room was being polled at `fromS` (epoch s): a count or failed poll is held at or
   * before it, and the room went no longer than `maxGapS` without a poll around it (not a time
   * the app was not running, or the machine asleep). Before the oldest sample (further back than the
   * full resolution keeps) the minutes answer: they must reach on to the samples within `maxGapS`.
   * Ten-minute buckets alone (older than a day) do not count.
   */
  watchedAt(fromS: number, maxGapS: number): boolean {
    const oldest = this.oldestAt();
    if (oldest === null || oldest > fromS) return false;
    const gap = this.samples.gapAt(fromS);
    if (gap !== null) return gap <= maxGapS;
    const firstSample = this.samples.oldestAt;
    // No sample at all: the room has not been polled since its last minute.
    if (firstSample === null) return false;
    return firstSample - ((this.minutes.latestPeriod as number) + 1) * 60 <= maxGapS;
  }

  /**
   * The first count measured at or after `fromS` (epoch s), failed polls skipped; null when none is
   * held. Exact from the samples; for a time before the oldest sample (further back than the full
   * resolution keeps) it is the average of the first whole minute from `fromS` that ended before
   * the samples begin: a minute's figure rather than one poll's.
   */
  firstCountSince(fromS: number): number | null {
    const oldestSample = this.samples.oldestAt;
    if (oldestSample === null || fromS < oldestSample) {
      const before = oldestSample === null ? Number.POSITIVE_INFINITY : Math.floor(oldestSample / 60);
      const average = this.minutes.firstAverageSince(Math.ceil(fromS / 60), before);
      if (average !== null) return average;
    }
    return this.samples.firstCountSince(fromS);
  }

  /** Per-minute buckets from `fromMs` on, the current minute last. */
  minuteBuckets(fromMs: number): Bucket[] {
    const out = this.minutes.since(Math.ceil(fromMs / MINUTE_MS));
    if (this.openMinute && this.openMinute.period * MINUTE_MS >= fromMs) {
      out.push(closedBucket(this.openMinute, MINUTE_MS));
    }
    return out;
  }

  /** Ten-minute buckets from `fromMs` on, the current ten minutes (with the current minute) last. */
  tenMinuteBuckets(fromMs: number): Bucket[] {
    const out = this.tens.since(Math.ceil(fromMs / TEN_MINUTES_MS));
    const push = (bucket: OpenBucket) => {
      if (bucket.period * TEN_MINUTES_MS >= fromMs) out.push(closedBucket(bucket, TEN_MINUTES_MS));
    };
    let current = this.openTen ? { ...this.openTen } : null;
    const minute = this.openMinute;
    if (minute) {
      const period = Math.floor(minute.period / 10);
      if (current && current.period === period)
        addToBucket(current, minute.min, minute.max, minute.sum, minute.count);
      else {
        if (current) push(current);
        current = openBucket(period, minute.min, minute.max, minute.sum, minute.count);
      }
    }
    if (current) push(current);
    return out;
  }

  /** Bytes held by the three series. */
  get bytes(): number {
    return this.samples.bytes + this.minutes.bytes + this.tens.bytes;
  }

  private closeMinute(): MinuteRecord | null {
    const open = this.openMinute;
    this.openMinute = null;
    if (!open) return null;
    const record: MinuteRecord = {
      minute: open.period,
      min: open.min,
      avgTenths: averageTenths(open),
      max: open.max,
      count: open.count,
    };
    this.addMinute(record);
    return record;
  }

  private addMinute(record: MinuteRecord, keepMinute = true): void {
    this.lastMinute = record.minute;
    if (keepMinute)
      this.minutes.append(record.minute, record.min, record.avgTenths, record.max, record.count);
    const period = Math.floor(record.minute / 10);
    if (this.openTen && this.openTen.period !== period) this.closeTen();
    const sum = (record.avgTenths / 10) * record.count;
    if (this.openTen) addToBucket(this.openTen, record.min, record.max, sum, record.count);
    else this.openTen = openBucket(period, record.min, record.max, sum, record.count);
  }

  private closeTen(): void {
    const open = this.openTen;
    this.openTen = null;
    if (!open) return;
    this.tens.append(open.period, open.min, averageTenths(open), open.max, open.count);
  }
}
