import type { Bucket } from './bucket';
import { ByteLog } from './byte-log';

/**
 * Closed buckets of one room, oldest first, each numbered by its period (minutes, or ten-minute
 * spans, since the epoch). An entry holds the periods since the previous bucket, the average in
 * tenths as a change from the previous average, how far min and max lie from it, and the number of
 * counts: five to eight bytes where a record of numbers would take forty.
 */
export class BucketSeries {
  private readonly log = new ByteLog();
  private headPeriod = 0;
  private headTenths = 0;
  private tailPeriod = 0;
  private tailTenths = 0;
  private entries = 0;

  /** @param periodMs how long one period is: 60 000 for minutes. */
  constructor(readonly periodMs: number) {}

  get size(): number {
    return this.entries;
  }

  /** Bytes allocated for the entries. */
  get bytes(): number {
    return this.log.capacity;
  }

  /** The latest period held, or null when empty. */
  get latestPeriod(): number | null {
    return this.entries === 0 ? null : this.tailPeriod;
  }

  /** The earliest period held, or null when empty. */
  get oldestPeriod(): number | null {
    if (this.entries === 0) return null;
    return this.headPeriod + this.log.reader().readUint();
  }

  /**
   * The average (rounded to a whole count) of the first bucket of a period at or after
   * `fromPeriod` and before `beforePeriod`, or null when there is none. Reads the entries in order
   * and builds nothing.
   */
  firstAverageSince(fromPeriod: number, beforePeriod = Number.POSITIVE_INFINITY): number | null {
    let first: number | null = null;
    this.walk((period, tenths) => {
      if (period >= beforePeriod) return true;
      if (period < fromPeriod) return false;
      first = Math.round(tenths / 10);
      return true;
    });
    return first;
  }

  /** Appends a bucket of a later period than the latest (the caller checks). */
  append(period: number, min: number, avgTenths: number, max: number, count: number): void {
    if (this.entries === 0) {
      this.headPeriod = period;
      this.tailPeriod = period;
      this.headTenths = this.tailTenths;
    }
    this.log.reserve(40);
    this.log.writeUint(period - this.tailPeriod);
    this.log.writeInt(avgTenths - this.tailTenths);
    this.log.writeUint(avgTenths - min * 10);
    this.log.writeUint(max * 10 - avgTenths);
    this.log.writeUint(count);
    this.tailPeriod = period;
    this.tailTenths = avgTenths;
    this.entries++;
  }

  /** Drops the buckets of periods before `cutoffPeriod`. */
  dropBefore(cutoffPeriod: number): void {
    const reader = this.log.reader();
    let period = this.headPeriod;
    let tenths = this.headTenths;
    let dropped = 0;
    while (dropped < this.entries) {
      const before = reader.pos;
      const next = period + reader.readUint();
      if (next >= cutoffPeriod) {
        reader.pos = before;
        break;
      }
      period = next;
      tenths += reader.readInt();
      reader.readUint();
      reader.readUint();
      reader.readUint();
      dropped++;
    }
    if (dropped === 0) return;
    this.headPeriod = period;
    this.headTenths = tenths;
    this.entries -= dropped;
    if (this.entries === 0) this.log.clear();
    else this.log.dropTo(reader.pos);
  }

  /** The buckets of periods at or after `fromPeriod`, oldest first. */
  since(fromPeriod: number): Bucket[] {
    const out: Bucket[] = [];
    this.walk((period, tenths, below, above, count) => {
      if (period < fromPeriod) return;
      out.push({
        at: period * this.periodMs,
        min: (tenths - below) / 10,
        avg: tenths / 10,
        max: (tenths + above) / 10,
        count,
      });
    });
    return out;
  }

  /** Decodes the entries oldest first, until a visit returns true (anything else goes on). */
  private walk(
    visit: (period: number, tenths: number, below: number, above: number, count: number) => unknown,
  ): void {
    const reader = this.log.reader();
    let period = this.headPeriod;
    let tenths = this.headTenths;
    for (let i = 0; i < this.entries; i++) {
      period += reader.readUint();
      tenths += reader.readInt();
      if (visit(period, tenths, reader.readUint(), reader.readUint(), reader.readUint()) === true) return;
    }
  }
}
