import { ByteLog } from './byte-log';

/** Called for each kept sample: its time in epoch seconds and its count, null for a failed poll. */
export type SampleVisitor = (atS: number, online: number | null) => void;

/**
 * The full-resolution samples of one room, oldest first, to the second. Each entry is the seconds
 * since the previous one (times two, plus one for a failed poll) and, for a count, its change from
 * the previous count: two or three bytes for a room polled every 10 s.
 */
export class SampleSeries {
  private readonly log = new ByteLog();
  /** Time and count just before the first kept entry: where decoding starts. */
  private headAt = 0;
  private headCount = 0;
  /** Time and count of the last entry: what the next one is written against. */
  private tailAt = 0;
  private tailCount = 0;
  private entries = 0;

  get size(): number {
    return this.entries;
  }

  /** Bytes allocated for the entries. */
  get bytes(): number {
    return this.log.capacity;
  }

  /** Time of the latest sample (epoch s), or null when empty. */
  get latestAt(): number | null {
    return this.entries === 0 ? null : this.tailAt;
  }

  /** Appends a sample no older than the latest (the caller checks). */
  append(atS: number, online: number | null): void {
    if (this.entries === 0) {
      this.headAt = atS;
      this.tailAt = atS;
      this.headCount = this.tailCount;
    }
    this.log.reserve(16);
    this.log.writeUint((atS - this.tailAt) * 2 + (online === null ? 1 : 0));
    if (online !== null) {
      this.log.writeInt(online - this.tailCount);
      this.tailCount = online;
    }
    this.tailAt = atS;
    this.entries++;
  }

  /** Drops the samples older than `cutoffS` (epoch s). */
  dropBefore(cutoffS: number): void {
    const reader = this.log.reader();
    let at = this.headAt;
    let count = this.headCount;
    let dropped = 0;
    while (dropped < this.entries) {
      const before = reader.pos;
      const head = reader.readUint();
      const nextAt = at + Math.floor(head / 2);
      if (nextAt >= cutoffS) {
        reader.pos = before;
        break;
      }
      at = nextAt;
      if (head % 2 === 0) count += reader.readInt();
      dropped++;
    }
    if (dropped === 0) return;
    this.headAt = at;
    this.headCount = count;
    this.entries -= dropped;
    if (this.entries === 0) this.log.clear();
    else this.log.dropTo(reader.pos);
  }

  /** Visits the samples at or after `fromS` (epoch s), oldest first. */
  forEach(fromS: number, visit: SampleVisitor): void {
    const reader = this.log.reader();
    let at = this.headAt;
    let count = this.headCount;
    for (let i = 0; i < this.entries; i++) {
      const head = reader.readUint();
      at += Math.floor(head / 2);
      const failed = head % 2 === 1;
      if (!failed) count += reader.readInt();
      if (at >= fromS) visit(at, failed ? null : count);
    }
  }
}
